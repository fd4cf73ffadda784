import ArgumentParser
import Foundation
import TonlageCore
import TonlageStore

/// `tonlage progress`: attempts, scores, trend and weak spots per agent and scenario.
struct Progress: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show training progress from the store.",
        discussion: """
            Per agent: readiness (certified, ready for certification, needs practice), pass rate, \
            average and trend, practice and exams/certifications apart, and hints used; per scenario \
            (by title): attempts, best and last score (a run's score is the mean of its turns), last \
            outcome and a trend of recent scores; then the families where the agent loses most \
            points, with the most frequent findings, and the agent's own boilerplate (a sentence \
            written into replies of three or more scenarios). A run left before any reply is not \
            counted. A run passes when it ends resolved or escalated with an average at the guide's \
            pass mark or above. Reads an SQLite file or a PostgreSQL database, read-only.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

    @Option(help: "Only this agent.")
    var agent: String?

    @Option(help: "Output: text, json or csv (one row per agent and scenario).")
    var format: Format = .text

    @Option(help: StoreOption.help)
    var store: String?

    @OptionGroup var guideOptions: GuideOptions

    @Option(help: "Colour: auto, always, never.")
    var color: ColorMode = .auto

    func run() throws {
        // Read-only: reading needs no write access, and never changes the store.
        let reader = try StoreOption.openForReading(store) { "no progress store at \($0) yet: play a scenario first, or pass --store" }
        let guide = try? GuideLoader.load(path: guideOptions.guidePath)
        let passMark = guide?.passMark ?? RelationalStore.defaultPassMark
        let messages = Messages.for(language: guide?.language ?? "en")
        let report = try reader.progress(agent: agent, passMark: passMark)
        let output: String
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            output = String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
        case .csv:
            output = ProgressText.csv(report)
        case .text:
            let style = TerminalStyle(mode: color, isTerminal: isatty(STDOUT_FILENO) == 1)
            output = report.isEmpty ? (agent.map { messages.noRunsFor(InputHygiene.visible($0)) } ?? messages.noRuns) + "\n"
                : report.map { ProgressText(style: style, messages: messages).render($0) }.joined(separator: "\n")
        }
        Output.out(output)
    }
}

/// Progress for people (with a sparkline of recent scores) and as CSV. Names and ids come
/// from the store, which holds whatever was typed: shown through `InputHygiene.visible`.
struct ProgressText {
    let style: TerminalStyle
    let messages: Messages

    func render(_ progress: AgentProgress) -> String {
        let visible = { InputHygiene.visible($0) }
        let m = messages
        var out = style.bold(visible(progress.agent)) + style.dim(" · " + m.runsAndTurns(progress.runs, progress.turns)) + " · "
            + m.readiness[progress.readiness.rawValue, default: progress.readiness.rawValue] + "\n"
        for (label, track) in [(m.practiceTrack, progress.practice), (m.examTrack, progress.assessment)] where track.runs > 0 {
            out += "  \(label): \(m.passedOf(track.passed, track.runs)) (\(track.passRate ?? 0) %) · \(m.averageScore) \(track.averageScore ?? 0)"
                + (track.trend.map { " · \(m.trend) \($0 > 0 ? "↑ +" : ($0 < 0 ? "↓ " : "→ "))\($0)" } ?? "") + "\n"
        }
        if progress.hintsUsed > 0 { out += style.dim("  " + m.hintsUsed(progress.hintsUsed, progress.turns)) + "\n" }
        for scenario in progress.scenarios {
            let scores = "\(m.best) \(scenario.bestScore.map(String.init) ?? "–") · \(m.last) \(scenario.lastScore.map(String.init) ?? "–")"
            let name = visible(scenario.title) + (scenario.track == "assessment" ? " (\(m.exam))" : "")
            let outcome = scenario.lastOutcome.map { m.outcomes[$0] ?? visible($0) } ?? m.outcomes["unfinished", default: "open"]
            out += "  \(name.padding(toLength: 44, withPad: " ", startingAt: 0)) \(scenario.attempts)× · \(scores) · "
                + "\(outcome)  \(Self.sparkline(scenario.recentScores))\n"
        }
        if !progress.weakestFamilies.isEmpty {
            out += style.dim("  " + m.weakest) + "\n"
            for family in progress.weakestFamilies.prefix(3) {
                let rules = family.topRules.map { "\(visible($0.rule)) ×\($0.count)" }.joined(separator: ", ")
                let name = Family(rawValue: family.family).flatMap { m.families[$0] } ?? visible(family.family)
                out += "    \(name) −\(family.pointsLost): \(rules)\n"
            }
        }
        if !progress.ownBoilerplate.isEmpty {
            out += style.dim("  " + m.ownBoilerplate(OwnSentences.scenarios)) + "\n"
            for sentence in progress.ownBoilerplate.prefix(5) {
                out += "    „\(visible(sentence.sentence))“ – \(m.inScenarios(sentence.scenarios)), \(sentence.uses)×\n"
            }
        }
        return out
    }

    /// ▁▂▃▄▅▆▇█ for scores 0–100.
    static func sparkline(_ scores: [Int]) -> String {
        let bars = Array("▁▂▃▄▅▆▇█")
        return String(scores.map { bars[min(7, max(0, $0 * 8 / 101))] })
    }

    static func csv(_ report: [AgentProgress]) -> String {
        var out = "agent,scenario,attempts,best_score,last_score,last_outcome,recent_scores,track,title,hints_used,readiness\n"
        for agent in report {
            for scenario in agent.scenarios {
                let fields = [agent.agent, scenario.scenario, String(scenario.attempts), scenario.bestScore.map(String.init) ?? "",
                              scenario.lastScore.map(String.init) ?? "", scenario.lastOutcome ?? "",
                              scenario.recentScores.map(String.init).joined(separator: " "), scenario.track, scenario.title,
                              String(scenario.hintsUsed), agent.readiness.rawValue]
                out += fields.map(quote).joined(separator: ",") + "\n"
            }
        }
        return out
    }

    /// A field for a spreadsheet or a terminal: control characters shown, never passed on.
    private static func quote(_ raw: String) -> String {
        CSVField.quoted(InputHygiene.visible(raw))
    }
}

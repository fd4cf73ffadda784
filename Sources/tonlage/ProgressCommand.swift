import ArgumentParser
import Foundation
import TonlageStore

/// `tonlage progress`: attempts, scores, trend and weak spots per agent and scenario.
struct Progress: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show training progress from the store.",
        discussion: """
            Per agent and scenario: attempts, best and last score (a run's score is the mean of its \
            turns), last outcome and a trend of recent scores; then the families where the agent \
            loses most points, with the most frequent findings.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

    @Option(help: "Only this agent.")
    var agent: String?

    @Option(help: "Output: text, json or csv (one row per agent and scenario).")
    var format: Format = .text

    @Option(help: ArgumentHelp("The progress store (SQLite).", valueName: "path"))
    var store: String?

    @Option(help: "Colour: auto, always, never.")
    var color: ColorMode = .auto

    func run() throws {
        let path = store ?? Paths.defaultStore
        guard FileManager.default.fileExists(atPath: path) else {
            InputError(description: "no progress store at \(path) yet: play a scenario first, or pass --store").exit()
        }
        // Read-only: reading needs no write access, and never changes the store.
        let report = try ProgressStore(path: path, readOnly: true).progress(agent: agent)
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
            output = report.isEmpty ? "No runs recorded\(agent.map { " for \(InputHygiene.visible($0))" } ?? "").\n"
                : report.map { ProgressText(style: style).render($0) }.joined(separator: "\n")
        }
        Output.out(output)
    }
}

/// Progress for people (with a sparkline of recent scores) and as CSV. Names and ids come
/// from the store, which holds whatever was typed: shown through `InputHygiene.visible`.
struct ProgressText {
    let style: TerminalStyle

    func render(_ progress: AgentProgress) -> String {
        let visible = { InputHygiene.visible($0) }
        var out = style.bold(visible(progress.agent)) + style.dim(" · \(progress.runs) runs · \(progress.turns) turns") + "\n"
        for scenario in progress.scenarios {
            let scores = "best \(scenario.bestScore.map(String.init) ?? "–") · last \(scenario.lastScore.map(String.init) ?? "–")"
            out += "  \(visible(scenario.scenario).padding(toLength: 26, withPad: " ", startingAt: 0)) \(scenario.attempts)× · \(scores) · "
                + "\(visible(scenario.lastOutcome ?? "open"))  \(Self.sparkline(scenario.recentScores))\n"
        }
        if !progress.weakestFamilies.isEmpty {
            out += style.dim("  weakest:") + "\n"
            for family in progress.weakestFamilies.prefix(3) {
                let rules = family.topRules.map { "\(visible($0.rule)) ×\($0.count)" }.joined(separator: ", ")
                out += "    \(visible(family.family)) −\(family.pointsLost): \(rules)\n"
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
        var out = "agent,scenario,attempts,best_score,last_score,last_outcome,recent_scores\n"
        for agent in report {
            for scenario in agent.scenarios {
                let fields = [agent.agent, scenario.scenario, String(scenario.attempts), scenario.bestScore.map(String.init) ?? "",
                              scenario.lastScore.map(String.init) ?? "", scenario.lastOutcome ?? "",
                              scenario.recentScores.map(String.init).joined(separator: " ")]
                out += fields.map(quote).joined(separator: ",") + "\n"
            }
        }
        return out
    }

    /// A field for a spreadsheet or a terminal: control characters shown, never passed on.
    private static func quote(_ raw: String) -> String {
        let field = InputHygiene.visible(raw)
        return field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
            ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }
}

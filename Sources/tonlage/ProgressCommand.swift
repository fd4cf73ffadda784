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
        let report: [AgentProgress]
        do {
            report = try ProgressStore(path: path).progress(agent: agent)
        } catch {
            InputError(description: "cannot read the progress store \(path): \(error)").exit()
        }
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
            output = report.isEmpty ? "No runs recorded\(agent.map { " for \($0)" } ?? "").\n"
                : report.map { ProgressText(style: style).render($0) }.joined(separator: "\n")
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}

/// Progress for people (with a sparkline of recent scores) and as CSV.
struct ProgressText {
    let style: TerminalStyle

    func render(_ progress: AgentProgress) -> String {
        var out = style.bold(progress.agent) + style.dim(" · \(progress.runs) runs · \(progress.turns) turns") + "\n"
        for scenario in progress.scenarios {
            let scores = "best \(scenario.bestScore.map(String.init) ?? "–") · last \(scenario.lastScore.map(String.init) ?? "–")"
            out += "  \(scenario.scenario.padding(toLength: 26, withPad: " ", startingAt: 0)) \(scenario.attempts)× · \(scores) · "
                + "\(scenario.lastOutcome ?? "open")  \(Self.sparkline(scenario.recentScores))\n"
        }
        if !progress.weakestFamilies.isEmpty {
            out += style.dim("  weakest:") + "\n"
            for family in progress.weakestFamilies.prefix(3) {
                let rules = family.topRules.map { "\($0.rule) ×\($0.count)" }.joined(separator: ", ")
                out += "    \(family.family) −\(family.pointsLost): \(rules)\n"
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

    private static func quote(_ field: String) -> String {
        field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
            ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }
}

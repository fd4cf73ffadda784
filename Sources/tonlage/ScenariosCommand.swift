import ArgumentParser
import Foundation
import TonlageCore
import TonlageScenarios

/// `tonlage scenarios`: the library, one line each, or one scenario's branches as a flowchart.
struct ScenariosCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenarios",
        abstract: "List the scenario library, or show one scenario's branches.")

    @Argument(help: "One scenario id.")
    var id: String?

    @Flag(help: "Print the scenario's branches as a Mermaid flowchart.")
    var graph = false

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "The list as text (a line each, tab-separated) or json (id, title, channels, difficulty, track, steps, outcomes).")
    var format: Format = .text

    /// One scenario in `--format json`.
    struct Listing: Encodable {
        let id: String
        let title: String
        let channels: [String]
        let difficulty: String
        let track: String
        let steps: Int
        let outcomes: [String]
    }

    @OptionGroup var library: LibraryOptions

    func run() throws {
        let guide = library.guideOptions.loadGuide()
        let scenarios = library.loadScenarios(language: guide.scenarioLanguage)
        guard let id else {
            let listings = scenarios.map { scenario in
                Listing(id: scenario.id, title: scenario.title, channels: scenario.channels.map(\.rawValue),
                        difficulty: scenario.difficulty.rawValue, track: scenario.track.rawValue, steps: scenario.steps.count,
                        outcomes: scenario.outcomes.map(\.rawValue))
            }
            if format == .json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                Output.out(String(decoding: try encoder.encode(listings), as: UTF8.self) + "\n")
                return
            }
            let rows = listings.map { listing -> String in
                // Fields shown one by one: a tab or line break inside one must not make a new column or row.
                [listing.id, listing.title, listing.channels.joined(separator: ","), listing.difficulty, listing.track,
                 "\(listing.steps) steps", listing.outcomes.joined(separator: ",")].map { InputHygiene.visible($0) }.joined(separator: "\t")
            }
            Output.out(rows.joined(separator: "\n") + "\n")
            return
        }
        guard let scenario = scenarios.first(where: { $0.id == id }) else {
            InputError(description: "no scenario `\(id)`" + NameSuggestion.didYouMean(id, in: scenarios.map(\.id))).exit()
        }
        let text = graph ? Self.mermaid(scenario) : Self.describe(scenario)
        Output.out(InputHygiene.visible(text, keepingLineBreaks: true))
    }

    static func describe(_ scenario: Scenario) -> String {
        var out = "\(scenario.id): \(scenario.title)\n\(scenario.channel.rawValue), \(scenario.difficulty.rawValue), \(scenario.customer.name)\n\n"
        out += scenario.briefing.trimmingCharacters(in: .whitespacesAndNewlines) + "\n\n"
        for step in scenario.steps {
            out += "[\(step.id)] " + step.posts.map(\.text).joined(separator: " / ") + "\n"
            for transition in step.transitions {
                out += "   → \(label(transition.destination))" + (transition.condition == nil ? "" : " if \(condition(transition.condition!))") + "\n"
            }
        }
        return out
    }

    /// `flowchart TD` with a node per step and outcome and an edge per transition.
    static func mermaid(_ scenario: Scenario) -> String {
        var out = "flowchart TD\n"
        out += "  start((start)) --> \(node(scenario.start))\n"
        for step in scenario.steps {
            out += "  \(node(step.id))[\"\(escape(step.id))\"]\n"
        }
        for outcome in scenario.outcomes {
            out += "  \(outcome.rawValue)([\"\(outcome.rawValue)\"])\n"
        }
        for step in scenario.steps {
            for transition in step.transitions {
                let target: String
                switch transition.destination {
                case let .step(next): target = node(next)
                case let .outcome(outcome): target = outcome.rawValue
                }
                let text = transition.condition.map(condition) ?? "otherwise"
                out += "  \(node(step.id)) -->|\"\(escape(text))\"| \(target)\n"
            }
        }
        return out
    }

    static func node(_ id: String) -> String {
        "step_" + String(id.unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) ? Character($0) : "_" })
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "#quot;")
    }

    static func label(_ destination: Transition.Destination) -> String {
        switch destination {
        case let .step(id): return id
        case let .outcome(outcome): return outcome.rawValue
        }
    }

    static func condition(_ condition: Condition) -> String {
        var parts: [String] = []
        if let action = condition.action { parts.append("action \(action.rawValue)") }
        if let min = condition.minScore { parts.append("score ≥ \(min)") }
        if let max = condition.maxScore { parts.append("score ≤ \(max)") }
        if let passed = condition.passed { parts.append(passed ? "passed" : "failed") }
        if !condition.mentions.isEmpty { parts.append("mentions " + condition.mentions.joined(separator: ", ")) }
        if !condition.notMentions.isEmpty { parts.append("not " + condition.notMentions.joined(separator: ", ")) }
        if !condition.findings.isEmpty { parts.append("finding " + condition.findings.joined(separator: ", ")) }
        if !condition.noFindings.isEmpty { parts.append("no " + condition.noFindings.joined(separator: ", ")) }
        return parts.joined(separator: " & ")
    }
}

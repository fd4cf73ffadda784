import Foundation
import TonlageCore
import TonlageScenarios

/// The scenario loader, and the branching engine on whatever scenario it accepts.
public struct ScenarioTarget: FuzzTarget {
    public let name = "scenario"
    public let maxBytes = 64_000
    public let seeds: [[UInt8]]
    let scorer: Scorer

    public init(packageRoot: URL, scorer: Scorer) {
        self.scorer = scorer
        var seeds: [[UInt8]] = []
        for folder in ["scenarios", "Tests/Fixtures/broken"] {
            let url = packageRoot.appendingPathComponent(folder)
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
            where name.hasSuffix(".yaml") && (folder == "scenarios" || name.hasPrefix("scenario-")) {
                if let data = FileManager.default.contents(atPath: url.appendingPathComponent(name).path) { seeds.append(Array(data)) }
            }
        }
        self.seeds = seeds
    }

    public var tokens: [String] {
        ["&a ", "*a", "<<: *a\n", "[", "]", "{", "}", "- ", ": ", "\"", "'", "|\n", "#", "\t", "\n", "    ", "next: resolved\n",
         "next: lost\n", "next: start\n", "when: { score_below: 50 }\n", "when: { action: escalate }\n", "must_mention: [[x]]\n",
         "must_not_mention: [lol]\n", "target_seconds: -1\n", "channel: myspace\n", "mood: angry\n", "id: x\n", "steps: []\n",
         "rule: content.empathie", "~", "null", "1e309", "---\n", "  - id: s2\n"]
    }

    public func run(_ input: [UInt8]) throws(FuzzFailure) {
        let (scenario, diagnostics) = ScenarioLoader.compile(yaml: String(decoding: input, as: UTF8.self), file: "fuzz.yaml", language: scorer.guide.scenarioLanguage)
        guard let scenario else {
            guard diagnostics.contains(where: { $0.level == .error }) else { throw FuzzFailure("a scenario refused without an error") }
            return
        }
        // Playing costs a scoring per turn: a share of the inputs suffices.
        guard input.count % 4 == 0 else { return }
        for example in scenario.examples.prefix(2) {
            let run = ScenarioRun.play(scenario, answers: Array(example.answers.prefix(6)), scorer: scorer)
            for turn in run.turns { guard (0...100).contains(turn.card.score) else { throw FuzzFailure("turn score out of range") } }
        }
    }
}

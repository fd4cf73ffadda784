import TonlageCore
import TonlageScenarios

/// An automated playtest: plays every scenario many times with answers drawn from its own
/// examples and the guide's examples (seeded, so a run can be reproduced), and reports steps
/// and outcomes that are never reached and plays that never end.
public struct Explorer {
    public let guide: Guide
    public var plays = 200
    public var maxTurns = 12

    public init(guide: Guide) { self.guide = guide }

    public struct Summary: Sendable {
        public let scenario: String
        public let plays: Int
        public let outcomes: [Outcome: Int]
        public let unfinished: Int
    }

    public func explore(_ scenarios: [Scenario], seed: UInt64) -> (summaries: [Summary], diagnostics: [Diagnostic]) {
        let scorer = Scorer(guide: guide)
        let guideTexts = guide.rules.flatMap { $0.examples.map(\.text) }
        var summaries: [Summary] = []
        var diagnostics: [Diagnostic] = []
        for scenario in scenarios {
            var random = SeededRandom(seed: seed ^ Self.hash(scenario.id))
            let own = scenario.examples.flatMap(\.answers)
            let pool = own + own + guideTexts.map { Answer(text: $0) }
                + [Answer(text: "", action: .escalate)] + own.map { Answer(text: $0.text, action: .dm) }
            var reachedSteps: Set<String> = []
            var outcomes: [Outcome: Int] = [:]
            var unfinished = 0
            for play in 0..<plays {
                var run = ScenarioRun(scenario: scenario)
                var turns = 0
                // The first plays are the scenario's own example plays, answer by answer, so that
                // whatever they reach counts as reached; the rest draw answers at random.
                let scripted = play < scenario.examples.count ? scenario.examples[play].answers : []
                while let step = run.stepID, turns < maxTurns {
                    reachedSteps.insert(step)
                    _ = run.answer(turns < scripted.count ? scripted[turns] : random.pick(pool), scorer: scorer)
                    turns += 1
                }
                if let outcome = run.outcome { outcomes[outcome, default: 0] += 1 } else { unfinished += 1 }
            }
            summaries.append(Summary(scenario: scenario.id, plays: plays, outcomes: outcomes, unfinished: unfinished))
            for step in scenario.steps where !reachedSteps.contains(step.id) {
                diagnostics.append(Diagnostic(file: scenario.file, line: 1, column: 1,
                                              message: "step `\(step.id)` was never reached in \(plays) plays", code: .exploreStepUnreached))
            }
            for outcome in scenario.outcomes where outcomes[outcome] == nil {
                diagnostics.append(Diagnostic(file: scenario.file, line: 1, column: 1,
                                              message: "outcome `\(outcome.rawValue)` was never reached in \(plays) plays",
                                              code: .exploreOutcomeUnreached))
            }
            if unfinished > 0 {
                diagnostics.append(Diagnostic(file: scenario.file, line: 1, column: 1,
                                              message: "\(unfinished) of \(plays) plays were still going after \(maxTurns) turns: a loop without a way out?",
                                              code: .exploreDeadEnd))
            }
        }
        return (summaries, diagnostics)
    }

    private static func hash(_ text: String) -> UInt64 {
        text.utf8.reduce(14_695_981_039_346_656_037) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
    }
}

import TonlageCore
import TonlageScenarios
import TonlageStore

/// What to practise next, when the trainee does not choose: a scenario at the lowest
/// difficulty level not yet mastered (best score at the pass mark), preferring the one that
/// trains the families the agent loses most points in.
///
/// What a scenario trains is read from the scenario itself: the families its bad example
/// plays are marked down in. A new trainee, with nothing stored, starts with the first easy one.
public enum NextScenario {
    public struct Proposal: Sendable {
        public let scenario: Scenario
        /// The agent's weak families this scenario trains, weakest first.
        public let trains: [Family]
    }

    public static func propose(_ scenarios: [Scenario], progress: AgentProgress?, scorer: Scorer) -> Proposal? {
        let passMark = scorer.guide.passMark
        let mastered = Set(progress?.scenarios.filter { ($0.bestScore ?? 0) >= passMark }.map(\.scenario) ?? [])
        let open = scenarios.filter { !mastered.contains($0.id) }
        guard let level = Scenario.Difficulty.allCases.first(where: { level in open.contains { $0.difficulty == level } }) else {
            return nil
        }
        let candidates = open.filter { $0.difficulty == level }
        let weakness = Dictionary((progress?.weakestFamilies ?? []).compactMap { entry in
            Family(rawValue: entry.family).map { ($0, entry.pointsLost) }
        }, uniquingKeysWith: +)
        let attempted = Set(progress?.scenarios.filter { $0.attempts > 0 }.map(\.scenario) ?? [])
        let ranked = candidates.enumerated().map { index, scenario in
            let trained = trains(scenario, scorer: scorer)
            let gain = trained.reduce(0) { $0 + (weakness[$1] ?? 0) }
            return (scenario, trained, gain, attempted.contains(scenario.id), index)
        }.sorted { a, b in
            if a.2 != b.2 { return a.2 > b.2 }
            if a.3 != b.3 { return !a.3 }
            return a.4 < b.4
        }
        guard let best = ranked.first else { return nil }
        let weakTrained = best.1.filter { weakness[$0] != nil }.sorted { (weakness[$0] ?? 0, $1.rawValue) > (weakness[$1] ?? 0, $0.rawValue) }
        return Proposal(scenario: best.0, trains: weakTrained)
    }

    /// The families a scenario's bad example plays lose points in.
    static func trains(_ scenario: Scenario, scorer: Scorer) -> Set<Family> {
        var families: Set<Family> = []
        for example in scenario.examples where !example.isGood {
            for turn in ScenarioRun.play(scenario, answers: example.answers, scorer: scorer).turns {
                for finding in turn.card.findings where finding.deduction > 0 { families.insert(finding.family) }
            }
        }
        return families
    }
}

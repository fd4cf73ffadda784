import Testing
@testable import TonlageCore
@testable import TonlageScenarios

/// The scenario library: every file loads, and every scenario's example plays end where they should.
@Suite("scenario library")
struct LibraryTests {
    @Test("the library loads cleanly and is varied")
    func loads() {
        let (scenarios, diagnostics) = Fixtures.library
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        #expect(scenarios.count >= 15)
        #expect(Set(scenarios.map(\.channel)).count >= 5)
        #expect(Set(scenarios.map(\.difficulty)).count == 3)
        for scenario in scenarios {
            #expect(scenario.examples.contains { $0.isGood }, "\(scenario.id) needs a good example")
            #expect(scenario.examples.contains { !$0.isGood }, "\(scenario.id) needs a bad example")
        }
    }

    @Test("good examples reach a success outcome, bad ones do not", arguments: Fixtures.library.scenarios.map(\.id))
    func examples(id: String) throws {
        let scenario = try #require(Fixtures.library.scenarios.first { $0.id == id })
        for example in scenario.examples {
            let run = ScenarioRun.play(scenario, answers: example.answers, scorer: Fixtures.scorer)
            let trace = run.turns.map { "\($0.stepID): \($0.card.score) \($0.card.findings.map(\.rule)) → \($0.outcome?.rawValue ?? $0.nextStep ?? "?")" }
            if example.isGood {
                #expect(run.outcome.map { scenario.success.contains($0) } == true, "good example on line \(example.line): \(trace)")
            } else {
                #expect(run.outcome.map { scenario.success.contains($0) } != true, "bad example on line \(example.line): \(trace)")
            }
        }
    }
}

import Testing
@testable import TonlageCore
@testable import TonlageScenarios

/// Transitions, outcomes, mood changes and expectation findings.
@Suite("scenario engine")
struct ScenarioEngineTests {
    static let yaml = """
        id: test
        title: Test
        channel: facebook
        customer: { name: Nina, handle: "@nina", mood: angry }
        briefing: Übung
        steps:
          - id: eins
            posts: ["Wo bleibt mein Paket?"]
            target_seconds: 60
            expect:
              must_mention:
                Verständnis: [tut mir leid, sorry]
                DM: [dm, privatnachricht]
              must_not: [bestellnummer hier]
            next:
              - if: { action: escalate }
                go: escalated
              - if: { mentions: [DM], min_score: 50 }
                go: zwei
                reaction: "Hab's geschickt."
                mood: neutral
              - go: lost
                reaction: "Tschüss."
          - id: zwei
            posts: ["Und?"]
            next:
              - if: { passed: true }
                go: resolved
                mood: happy
              - go: lost
        """

    let scenario: Scenario = {
        let (scenario, diagnostics) = Fixtures.scenario(ScenarioEngineTests.yaml)
        precondition(diagnostics.isEmpty, "\(diagnostics)")
        return scenario!
    }()

    @Test("a good reply follows the first matching branch and changes the mood")
    func branch() throws {
        var run = ScenarioRun(scenario: scenario)
        #expect(run.mood == .angry)
        let answered = run.answer(Answer(text: "Das tut mir leid, Nina! Schick mir bitte per DM deine Bestellnummer."), scorer: Fixtures.scorer)
        let turn = try #require(answered)
        #expect(turn.mentioned == ["Verständnis", "DM"])
        #expect(turn.nextStep == "zwei")
        #expect(turn.reaction == "Hab's geschickt.")
        #expect(run.mood == .neutral)
        _ = run.answer(Answer(text: "Dein Paket kommt morgen bis 12 Uhr, Nina."), scorer: Fixtures.scorer)
        #expect(run.outcome == .resolved)
        #expect(run.mood == .happy)
        #expect(run.isFinished)
        #expect(run.answer(Answer(text: "noch was"), scorer: Fixtures.scorer) == nil)
    }

    @Test("missing mentions, forbidden words, slow answers and the wrong action are findings")
    func expectationFindings() throws {
        var run = ScenarioRun(scenario: scenario)
        let answered = run.answer(Answer(text: "Poste die Bestellnummer hier.", seconds: 90), scorer: Fixtures.scorer)
        let turn = try #require(answered)
        let rules = Set(turn.card.findings.map(\.rule))
        #expect(rules.isSuperset(of: ["content.nennen_verständnis", "content.nennen_dm", "content.tabu", "tempo.antwortzeit"]))
        #expect(turn.card.findings.first { $0.rule == "content.nennen_verständnis" }?.message == "Es fehlt: Verständnis.")
        #expect(turn.card.findings.first { $0.rule == "tempo.antwortzeit" }?.message == "90 s bis zur Antwort, Ziel sind 60 s.")
        #expect(turn.card.dimensions.contains { $0.family == .tempo && $0.score == 90 })
        #expect(turn.outcome == .lost)
        #expect(turn.reaction == "Tschüss.")
    }

    @Test("a scenario's `weights` set what each unmet expectation costs")
    func weights() throws {
        let weighted = Self.yaml.replacingOccurrences(of: "briefing: Übung", with: """
            briefing: Übung
            weights: { must_mention: 40, must_not: 5, response_time: 0 }
            """)
        let scenario = try #require(Fixtures.scenario(weighted).0)
        var run = ScenarioRun(scenario: scenario)
        let answered = run.answer(Answer(text: "Poste die Bestellnummer hier.", seconds: 90), scorer: Fixtures.scorer)
        let turn = try #require(answered)
        func deduction(_ rule: String) -> Int? { turn.card.findings.first { $0.rule == rule }?.deduction }
        #expect(deduction("content.nennen_verständnis") == 40)
        #expect(deduction("content.tabu") == 5)
        #expect(deduction("tempo.antwortzeit") == 0)
        #expect(turn.card.dimensions.contains { $0.family == .tempo && $0.score == 100 })
    }

    @Test("an escalation without text is judged on the action")
    func escalation() throws {
        var run = ScenarioRun(scenario: scenario)
        let answered = run.answer(Answer(text: "", action: .escalate), scorer: Fixtures.scorer)
        let turn = try #require(answered)
        #expect(turn.outcome == .escalated)
        #expect(turn.card.findings.map(\.rule).contains("content.aktion"))
    }

    @Test("retry returns to the step just answered")
    func retry() {
        var run = ScenarioRun(scenario: scenario)
        _ = run.answer(Answer(text: "lol"), scorer: Fixtures.scorer)
        #expect(run.outcome == .lost)
        run.retry()
        #expect(run.outcome == nil)
        #expect(run.stepID == "eins")
        #expect(run.mood == .angry)
        #expect(run.turns.count == 1)
    }

    @Test("a group recognised by a guide rule is met through it and its absence reported once")
    func guideRecogniser() throws {
        let yaml = """
            id: test
            title: Test
            channel: facebook
            customer: { name: Nina, handle: "@nina", mood: angry }
            briefing: Übung
            steps:
              - id: eins
                posts: ["Wo bleibt mein Paket?"]
                expect:
                  must_mention:
                    Verständnis: { rule: content.empathie }
                next:
                  - if: { mentions: [Verständnis] }
                    go: resolved
                  - go: lost
            """
        let (loaded, diagnostics) = Fixtures.scenario(yaml)
        let scenario = try #require(loaded, "\(diagnostics)")
        var cold = ScenarioRun(scenario: scenario)
        let coldAnswer = cold.answer(Answer(text: "Dein Paket kommt morgen."), scorer: Fixtures.scorer)
        let coldTurn = try #require(coldAnswer)
        #expect(!coldTurn.mentioned.contains("Verständnis"))
        #expect(coldTurn.card.findings.filter { $0.family == .content }.map(\.rule) == ["content.empathie"])
        #expect(cold.outcome == .lost)

        var warm = ScenarioRun(scenario: scenario)
        let warmAnswer = warm.answer(Answer(text: "Drei Tage ohne Paket, da wäre ich auch sauer. Es kommt morgen."),
                                     scorer: Fixtures.scorer)
        let warmTurn = try #require(warmAnswer)
        #expect(warmTurn.mentioned.contains("Verständnis"))
        #expect(warm.outcome == .resolved)
    }
}

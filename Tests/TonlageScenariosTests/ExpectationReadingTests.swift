import Testing
@testable import TonlageCore
@testable import TonlageScenarios

/// A step's expectations read replies as German is written: split verbs, inflected forms,
/// negations; and lint says when an expectation cannot work as meant.
@Suite("expectations that understand German")
struct ExpectationReadingTests {
    static let hasGermanDictionary = HunspellDictionary.named("de_DE") != nil

    static func library(_ id: String) throws -> Scenario {
        try #require(Fixtures.library.scenarios.first { $0.id == id })
    }

    static func firstTurn(_ scenario: Scenario, _ text: String) throws -> TurnResult {
        var run = ScenarioRun(scenario: scenario)
        let turn = run.answer(Answer(text: text), scorer: Fixtures.scorer)
        return try #require(turn)
    }

    /// A one-step scenario about a delivery date; the expectations and the way out vary.
    static func yaml(mustMention: String, mustNot: String = "[lol]",
                     next: String = "- if: { mentions: [Termin nennen], passed: true }\n        go: resolved\n      - go: lost") -> String {
        """
        id: test
        title: Test
        channel: facebook
        customer: { name: Nina, handle: "@nina", mood: neutral }
        briefing: Übung
        steps:
          - id: eins
            posts: ["Wann kommt mein Paket?"]
            expect:
              must_mention:
                Termin nennen: \(mustMention)
              must_not: \(mustNot)
            next:
              \(next)
        """
    }

    static func step(mustMention: String = "[morgen]", mustNot: String = "[lol]") throws -> Scenario {
        let (scenario, diagnostics) = Fixtures.scenario(yaml(mustMention: mustMention, mustNot: mustNot))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return try #require(scenario)
    }

    @Test("a separable verb is found: „Startet … neu“ names the first step", .enabled(if: hasGermanDictionary))
    func separableVerb() throws {
        let turn = try Self.firstTurn(try Self.library("router-forum"),
                                      "Hallo zusammen, das klingt ärgerlich. Startet bitte danach einmal den Router neu und sagt Bescheid, ob es klappt. ^AK")
        #expect(turn.mentioned.contains("ersten Schritt nennen"))
    }

    @Test("an inflected form is found: „ich empfehle dir die 40“ gives advice", .enabled(if: hasGermanDictionary))
    func inflectedForm() throws {
        let turn = try Self.firstTurn(try Self.library("groesse-unsicher"), "Hallo Ivana, ich empfehle dir die 40, die sitzt bequemer. Liebe Grüße, Anna")
        #expect(turn.mentioned.contains("Rat geben"))
        #expect(turn.outcome == .resolved)
        #expect(turn.card.passed)
    }

    @Test("a negated mention does not count")
    func negated() throws {
        let scenario = try Self.step(mustMention: "[morgen, termin]")
        #expect(try Self.firstTurn(scenario, "Hallo Nina, dein Paket kommt morgen.").outcome == .resolved)
        #expect(try Self.firstTurn(scenario, "Hallo Nina, dein Paket kommt leider nicht morgen.").outcome == .lost)
        #expect(try Self.firstTurn(scenario, "Hallo Nina, es gibt leider noch keinen Termin.").outcome == .lost)
    }

    @Test("a forbidden stem catches its forms", .enabled(if: hasGermanDictionary))
    func forbiddenForms() throws {
        let scenario = try Self.step(mustNot: "[\"beruhig*\", beschwichtigen]")
        let rules = { (text: String) in try Self.firstTurn(scenario, text).card.findings.map(\.rule) }
        #expect(try rules("Hallo Nina, bitte beruhige dich erst einmal, das Paket kommt morgen.").contains("content.tabu"))
        #expect(try rules("Hallo Nina, ich will dich nicht beschwichtigen: es kommt morgen.").contains("content.tabu"))
        #expect(try !rules("Hallo Nina, das Paket kommt morgen.").contains("content.tabu"))
    }

    @Test("lint: a bare stem without `*`, and a phrase across a sentence end", .enabled(if: hasGermanDictionary))
    func lintWarnings() throws {
        let (_, diagnostics) = Fixtures.scenario(Self.yaml(mustMention: "[\"morgen. bis dann\", morgen]",
                                                           mustNot: "[beruhig, \"beschwichtig*\"]", next: "- go: lost"))
        #expect(diagnostics.map(\.code) == ["never-matches", "stem-without-star"])
        #expect(diagnostics.allSatisfy { $0.level == .warning })
        #expect(diagnostics.last?.message.contains("`beruhig*`") == true)
        #expect(diagnostics.map(\.line) == [11, 12])
    }

    @Test("a typed expectation: a vague promise is no concrete date, a DM step is a hand-off to DM")
    func recognisers() throws {
        let scenario = try Self.step(mustMention: "{ recognise: zeitpunkt }")
        #expect(try Self.firstTurn(scenario, "Hallo Nina, dein Paket kommt am Freitag bis 12 Uhr.").outcome == .resolved)
        let vague = try Self.firstTurn(scenario, "Hallo Nina, ich melde mich morgen wieder bei dir, sobald ich mehr weiß.")
        #expect(vague.outcome == .lost)
        #expect(vague.card.findings.contains { $0.rule == "content.nennen_termin_nennen" })

        let handOff = try Self.step(mustMention: "{ recognise: privatnachricht }")
        var run = ScenarioRun(scenario: handOff)
        let turn = run.answer(Answer(text: "Hallo Nina, ich schaue sofort nach, schick mir kurz die Bestellnummer.", action: .dm),
                              scorer: Fixtures.scorer)
        #expect(turn?.mentioned == ["Termin nennen"])
    }

    @Test("a step naming a recogniser the guide lacks is an error with did-you-mean")
    func unknownRecogniser() {
        let (scenario, diagnostics) = Fixtures.scenario(Self.yaml(mustMention: "{ recognise: zeitpunk }", next: "- go: lost"))
        #expect(scenario == nil)
        #expect(diagnostics.map(\.code) == ["unknown-rule"])
        #expect(diagnostics.first?.message.contains("did you mean `zeitpunkt`") == true)
    }
}

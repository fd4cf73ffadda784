import Testing
@testable import TonlageCore
@testable import TonlageScenarios

/// Conversations rather than quizzes: reactions to what the reply did, moods that move, a step
/// in a DM, and a scenario clock whose waiting time counts.
@Suite("conversations")
struct ConversationTests {
    static let yaml = """
        id: gespraech
        title: Gespräch
        channel: facebook
        clock: "22:30"
        typing_factor: 10
        customer: { name: Nina, handle: "@nina", mood: neutral }
        briefing: Übung
        steps:
          - id: frage
            posts:
              - { text: "Wo bleibt mein Paket?", waiting_minutes: 25 }
            target_seconds: 1800
            expect:
              must_mention:
                privat: { recognise: privatnachricht }
            next:
              - if: { mentions: [privat], passed: true }
                go: dm
                reaction:
                  passed: ["Okay, schreib ich dir.", "Mach ich, Moment."]
              - go: lost
                reaction:
                  address: "Seit wann siezt ihr eure Kunden?"
                  privat: ["Und wie soll ich euch das sagen?"]
                  default: "Tschüss."
          - id: dm
            channel: dm
            posts: ["Hier meine Nummer: 4711"]
            next:
              - if: { passed: true }
                go: resolved
              - go: lost
        """

    static let scenario: Scenario = {
        let (scenario, diagnostics) = Fixtures.scenario(yaml)
        precondition(diagnostics.isEmpty, "\(diagnostics)")
        return scenario!
    }()

    static func first(_ text: String, seconds: Double? = nil, seed: UInt64 = 0) -> (TurnResult, ScenarioRun) {
        var run = ScenarioRun(scenario: scenario, seed: seed)
        let turn = run.answer(Answer(text: text, seconds: seconds), scorer: Fixtures.scorer)!
        return (turn, run)
    }

    @Test("the reaction answers what went wrong first: formal address before a missing hand-off")
    func keyedReactions() {
        #expect(Self.first("Bitte senden Sie uns Ihre Bestellnummer per Privatnachricht.").0.reaction == "Seit wann siezt ihr eure Kunden?")
        #expect(Self.first("Hallo Nina, das klären wir, ich schaue nach.").0.reaction == "Und wie soll ich euch das sagen?")
        #expect(Self.first("lol").0.reaction != nil)
    }

    @Test("several wordings: chosen by the run's seed, the same seed the same words")
    func seededWordings() {
        let reply = "Hallo Nina, schick mir bitte eine DM mit deiner Bestellnummer, dann schaue ich sofort nach. ^PL"
        let wordings = Set((0..<16).map { Self.first(reply, seed: $0).0.reaction })
        #expect(wordings == ["Okay, schreib ich dir.", "Mach ich, Moment."])
        #expect(Self.first(reply, seed: 5).0.reaction == Self.first(reply, seed: 5).0.reaction)
    }

    @Test("without a mood on the transition the mood follows the verdict")
    func moodFollowsVerdict() {
        #expect(Self.first("Hallo Nina, schick mir bitte eine DM mit deiner Bestellnummer, dann schaue ich nach. ^PL").1.mood == .happy)
        #expect(Self.first("Bitte senden Sie uns Ihre Bestellnummer.").1.mood == .angry)
    }

    @Test("in a DM step a reply is a private message, scored on the DM channel")
    func dmStep() {
        var run = ScenarioRun(scenario: Self.scenario)
        _ = run.answer(Answer(text: "Hallo Nina, schick mir bitte eine DM mit deiner Bestellnummer, dann schaue ich nach. ^PL"),
                       scorer: Fixtures.scorer)
        let turn = run.answer(Answer(text: "Danke, Nina! Ich sehe die Sendung: Sie kommt morgen bis 12 Uhr. Liebe Grüße, Paul"),
                              scorer: Fixtures.scorer)
        #expect(turn?.card.context.action == .dm)
        #expect(turn?.card.context.channel == .dm)
        #expect(!(turn?.card.findings.contains { $0.rule == "content.aktion" } ?? true))
        #expect(run.outcome == .resolved)
    }

    @Test("the response time is the post's waiting time plus typing in scenario time; the clock moves")
    func scenarioTime() {
        let (turn, run) = Self.first("Hallo Nina, schick mir bitte eine DM mit deiner Bestellnummer. ^PL", seconds: 30)
        #expect(turn.responseSeconds == 1800.0)
        #expect(turn.answer.seconds == 30, "the answer as given, so that a replay counts the waiting once")
        #expect(!turn.card.findings.contains { $0.rule == "tempo.antwortzeit" })
        #expect(run.clock == 22 * 3600 + 30 * 60 + 300)
        let (slow, _) = Self.first("Hallo Nina, schick mir bitte eine DM mit deiner Bestellnummer. ^PL", seconds: 60)
        #expect(slow.card.findings.contains { $0.rule == "tempo.antwortzeit" })
    }

    @Test("lint: success after a failed reply, a clock off the 24-hour dial, an unknown reaction key")
    func authoringMistakes() {
        let broken = Self.yaml
            .replacingOccurrences(of: "if: { passed: true }\n        go: resolved", with: "if: { min_score: 50 }\n        go: resolved")
            .replacingOccurrences(of: "clock: \"22:30\"", with: "clock: \"10:30 pm\"")
            .replacingOccurrences(of: "address: \"Seit", with: "adress: \"Seit")
        let (scenario, diagnostics) = Fixtures.scenario(broken)
        #expect(scenario == nil)
        #expect(Set(diagnostics.map(\.code)) == ["verdict-mismatch", "bad-value", "unknown-key"])
        #expect(diagnostics.first { $0.code == "unknown-key" }?.message.contains("did you mean `address`?") == true)
    }
}

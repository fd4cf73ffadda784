import Testing
@testable import TonlageCore

/// `kind: specificity`: reassurance without anything about the case is boilerplate in fresh words.
@Suite("specificity kind")
struct SpecificityKindTests {
    static func guide(report: String) -> Guide {
        Fixtures.kindGuide("""
            - id: template.leer
              kind: specificity
              report: \(report)
              severity: error
              weight: 25
              min_vague: 3
              message: "{match}"
              rationale: "Nichts Konkretes."
              vague: [feedback, ernst, intern, weiter, besser, unmut, nachvollziehen, nachdruck, klärung, zeitnah]
              generic_nouns: [feedback, unmut, nachdruck, klärung, team]
              specific: [morgen, uhr, "ich habe"]
              name_after: [hallo, hi]
              closing: ["grüße"]
            """)
    }

    @Test("the vague words are the trigger: a reply without any is passed by, and too few find nothing", arguments: ["reply", "sentence"])
    func trigger(report: String) {
        let guide = Self.guide(report: report)
        let without = AnalyzedText("Hallo Jule, danke dir! Wir kümmern uns darum.", lexicon: guide.lexicon)
        let with = AnalyzedText("Danke für dein Feedback, wir nehmen das ernst.", lexicon: guide.lexicon)
        #expect(!guide.gates[0].mayFind(in: without))
        #expect(guide.gates[0].mayFind(in: with))
        // Two vague words of the three the rule needs, in one sentence and across two.
        for text in ["Danke für dein Feedback, wir nehmen das ernst.", "Danke für dein Feedback. Wir nehmen das ernst."] {
            #expect(Fixtures.findings(text, rule: "template.leer", in: guide).isEmpty, "\(text)")
        }
        let three = "Danke für dein Feedback. Wir nehmen das ernst und geben es intern weiter."
        #expect(!Fixtures.findings(three, rule: "template.leer", in: guide).isEmpty)
    }

    @Test("a reply of reassurance only is reported once", arguments: [
        "Hallo Sven, wir können deinen Unmut nachvollziehen und setzen uns mit Nachdruck für eine zeitnahe Klärung ein.",
        "Wir nehmen jedes Feedback ernst und geben es intern weiter, damit wir besser werden. Viele Grüße, Anja",
    ])
    func generic(text: String) {
        #expect(Fixtures.findings(text, rule: "template.leer", in: Self.guide(report: "reply")).count == 1, "\(text)")
    }

    @Test("a number, a time word, a first-person action or a concrete noun makes it specific", arguments: [
        "Hallo Sven, deinen Unmut kann ich nachvollziehen: Der Techniker kommt morgen.",
        "Wir nehmen das Feedback ernst und geben es intern weiter; ab 3. Mai wird es besser.",
        "Wir nehmen das ernst, ich habe es intern weiter gegeben, damit es besser wird.",
        "Wir nehmen das ernst und geben die Weiche intern weiter, damit es besser wird.",
    ])
    func specific(text: String) {
        #expect(Fixtures.findings(text, rule: "template.leer", in: Self.guide(report: "reply")).isEmpty, "\(text)")
    }

    @Test("sentence report: each generic sentence, not the specific one")
    func sentences() {
        let text = "Der Zug kommt um 9 Uhr. Wir nehmen jedes Feedback ernst und geben es intern weiter, damit wir besser werden."
        #expect(Fixtures.excerpts(text, rule: "template.leer", in: Self.guide(report: "sentence"))
                == ["Wir nehmen jedes Feedback ernst und geben es intern weiter, damit wir besser werden."])
    }
}

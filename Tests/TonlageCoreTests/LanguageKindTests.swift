import Testing
@testable import TonlageCore

/// `kind: language`: function words tell a reply in another language.
@Suite("language kind")
struct LanguageKindTests {
    static let guide: Guide = Fixtures.kindGuide("""
            - id: content.sprache
              kind: language
              severity: error
              weight: 30
              min_words: 3
              message: "Nicht Deutsch."
              rationale: "In der Sprache des Kunden antworten."
              own: [und, der, die, das, ist, du, dir, dein, für, mit]
              foreign: [the, and, is, you, your, we, for, with, sorry, thanks]
            """)

    @Test("an English reply is foreign, a German one with an English word or two is not")
    func language() {
        #expect(Fixtures.findings("Sorry for the delay, your train is on the way.", rule: "content.sprache", in: Self.guide).count == 1)
        #expect(Fixtures.findings("Sorry für die Verspätung, dein Zug ist unterwegs.", rule: "content.sprache", in: Self.guide).isEmpty)
        #expect(Fixtures.findings("Thanks!", rule: "content.sprache", in: Self.guide).isEmpty)
    }

    @Test("quoted English is the customer's, not the reply's language")
    func quoted() {
        #expect(Fixtures.findings("Du schreibst „sorry, the app is broken for you and your wife“ – das prüfe ich.",
                                  rule: "content.sprache", in: Self.guide).isEmpty)
    }
}

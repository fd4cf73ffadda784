import Testing
@testable import TonlageCore

/// Quoted words are someone else's: address, tone and template rules skip them, privacy rules
/// do not, and `quotations: check` makes any rule look inside.
@Suite("quotations")
struct QuotationTests {
    static let guide: Guide = Fixtures.kindGuide("""
            - id: address.sie
              kind: existence
              severity: error
              weight: 30
              message: "{match}"
              rationale: "Duzen."
              phrases: [sie]
            - id: tone.auch_zitate
              kind: existence
              quotations: check
              severity: warning
              weight: 5
              message: "{match}"
              rationale: "Sieht auch Zitate."
              phrases: [sie]
            - id: privacy.nummer
              kind: existence
              severity: error
              weight: 30
              message: "{match}"
              rationale: "Daten nur privat."
              phrases: [kundennummer]
            """)

    func rules(_ text: String) -> [String] {
        Scorer(guide: Self.guide).score(text, context: ReplyContext(channel: .facebook, mood: .neutral)).findings.map(\.rule)
    }

    @Test("every kind of quotation mark", arguments: [
        "Du schreibst „Bitte rufen Sie mich zurück“, das mache ich.",
        "Du schreibst \"Bitte rufen Sie mich zurück\", das mache ich.",
        "Du schreibst »Bitte rufen Sie mich zurück«, das mache ich.",
        "Du schreibst “Bitte rufen Sie mich zurück”, das mache ich.",
        "Du schreibst «Bitte rufen Sie mich zurück», das mache ich.",
    ])
    func skipped(text: String) {
        #expect(rules(text) == ["tone.auch_zitate"], "\(text)")
    }

    @Test("outside the quotation, and in an unclosed one, the rule applies")
    func notQuoted() {
        #expect(rules("„Rückruf“ – rufen Sie mich an.") == ["address.sie", "tone.auch_zitate"])
        #expect(rules("Du schreibst „Bitte rufen Sie mich zurück.").contains("address.sie"))
    }

    @Test("privacy rules see quotations")
    func privacy() {
        #expect(rules("Du hast „meine Kundennummer ist 4711“ geschrieben.") == ["privacy.nummer"])
    }
}

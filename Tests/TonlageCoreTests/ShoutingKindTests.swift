import Testing
@testable import TonlageCore

/// `kind: shouting`: capitals that carry ordinary words, told from names by shape and place.
@Suite("shouting kind")
struct ShoutingKindTests {
    static let guide: Guide = Fixtures.kindGuide("""
            - id: tone.laut
              kind: shouting
              severity: error
              weight: 25
              min_letters: 5
              name_after: [von, bei]
              acronyms: [ikea]
              message: "{match}"
              rationale: "Nicht schreien."
            """)

    func shouted(_ text: String) -> [String] {
        Fixtures.excerpts(text, rule: "tone.laut", in: Self.guide)
    }

    @Test("runs of capitals and single ordinary words shout", arguments: [
        ("ACHTUNG: WIR KÖNNEN NUR HELFEN!", ["ACHTUNG", "WIR KÖNNEN NUR HELFEN"]),
        ("DAS IST NICHT OK", ["DAS IST NICHT OK"]),
        ("Bitte lies das GENAU durch.", ["GENAU"]),
        ("Das ist NICHT unser Fehler.", ["NICHT"]),
        ("Hi Lisa, DANKE für dein Feedback!", ["DANKE"]),
    ])
    func shouting(text: String, expected: [String]) {
        #expect(shouted(text) == expected)
    }

    @Test("names, codes and acronyms do not", arguments: [
        "Viele Grüße, Lea von der HUK-COBURG", "Die FRITZ!Box kann Mesh.", "Die Tür OXBERG passt auf BILLY-Regale.",
        "Merle von ERGO", "Jana von der DEVK, SEPA-Mandat", "Deine Buchung XK7P2M ist bestätigt.", "Das Regal von IKEA ist da.",
        "Der ICE und die DB", "Grüße bei BAUHAUS",
    ])
    func names(text: String) {
        #expect(shouted(text).isEmpty, "\(text)")
    }
}

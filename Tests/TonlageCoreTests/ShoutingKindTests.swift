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

/// With a dictionary, the words decide: ordinary words in capitals shout, names do not.
@Suite("shouting kind with a dictionary", .enabled(if: HunspellDictionary.named("de_DE") != nil, "needs hunspell-de-de"))
struct ShoutingDictionaryTests {
    static let guide = Fixtures.kindGuide("""
        - id: tone.laut
          kind: shouting
          severity: error
          weight: 25
          min_letters: 5
          dictionary: de_DE
          message: "{match}"
          rationale: "Nicht schreien."
        """)

    func shouted(_ text: String) -> [String] {
        Fixtures.excerpts(text, rule: "tone.laut", in: Self.guide)
    }

    @Test("function words of emphasis shout even when short; names and acronyms do not")
    func words() {
        #expect(shouted("Die Karte musst du VOR dem Einsteigen entwerten, sonst ist sie KEIN Fahrschein.") == ["VOR", "KEIN"])
        #expect(shouted("WIR KÖNNEN NUR HELFEN, wenn du schreibst.") == ["WIR KÖNNEN NUR HELFEN"])
        #expect(shouted("Das SUNDANCE KIDS Sonnenspray, die Tür OXBERG, die DB und eine TAN.").isEmpty)
        #expect(shouted("Das ist OK so.").isEmpty)
    }
}

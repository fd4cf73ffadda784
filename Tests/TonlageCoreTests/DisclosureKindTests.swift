import Testing
@testable import TonlageCore

/// `kind: disclosure`: first-person phrases, or a role tied to an organisation anywhere in the reply.
@Suite("disclosure kind")
struct DisclosureKindTests {
    static let guide: Guide = Fixtures.kindGuide("""
            - id: disclosure.wer
              kind: disclosure
              severity: error
              weight: 30
              message: "Wer schreibt?"
              rationale: "Auf fremden Seiten offen schreiben."
              gap: 3
              phrases: ["ich arbeite", "hier schreibt", "wir von"]
              roles: [service, "*service", support, "*support", team, "*team", "mitarbeiter*", "filialleiter*"]
              links: [von, vom, bei, der, des, aus]
            """)

    func discloses(_ text: String) -> Bool {
        Fixtures.findings(text, rule: "disclosure.wer", in: Self.guide, channel: .forum).isEmpty
    }

    @Test("first person, headers and signatures with the organisation disclose", arguments: [
        "Hallo Jan, hier schreibt Lea. Die Retoure ist kostenlos.",
        "Hallo Jan, wir von Lufthansa haben deinen Beitrag gesehen.",
        "Danke für die fünf Sterne! Viele Grüße, Kim vom Yello-Kundenservice",
        "Das geht online. Viele Grüße, Tom (Kundenservice Otto)",
        "[Mitarbeiterin der DKB] Hallo Fabian, das Konto kannst du auflösen.",
        "Hallo Kevin, hier ist Sabrina, Filialleiterin bei Rossmann in Dortmund.",
        "Hi Felix, hier ist Anna aus dem N26-Support.",
        "Grüße aus dem Service der Stadtwerke, Lara",
        "Viele Grüße, Team Eurowings",
    ])
    func disclosed(text: String) {
        #expect(discloses(text), "\(text)")
    }

    @Test("a role without an organisation, or nothing at all, does not", arguments: [
        "Danke für deinen Hinweis, die Zeiten sind aktualisiert. Viele Grüße, dein Team",
        "Probier mal, den Cache der App zu leeren.",
        "Unser Service hilft dir gern weiter.",
    ])
    func undisclosed(text: String) {
        #expect(!discloses(text), "\(text)")
    }

    @Test("the hit covers the first sentence")
    func span() {
        #expect(Fixtures.excerpts("Probier es aus. Dann klappt es.", rule: "disclosure.wer", in: Self.guide, channel: .forum)
                == ["Probier es aus."])
    }
}

import Testing
@testable import TonlageCore

/// `kind: template` catches reworded and du-form boilerplate, not personal sentences.
@Suite("template kind")
struct TemplateKindTests {
    func phrase(_ text: String) -> [String] { Fixtures.excerpts(text, rule: "template.textbaustein") }
    func share(_ text: String, mood: Mood = .neutral) -> [String] {
        Fixtures.excerpts(text, rule: "template.nur_textbaustein", mood: mood)
    }

    @Test("reworded and du-form boilerplate is caught", arguments: [
        "Vielen Dank für deine Nachricht, wir haben dein Anliegen weitergeleitet",
        "Herzlichen Dank für Ihre Anfrage!",
        "Für Rückfragen stehe ich dir jederzeit zur Verfügung.",
        "Wir bitten dich um etwas Geduld.",
        "Dein Anliegen wird schnellstmöglich bearbeitet.",
        "Wir entschuldigen uns vielmals für die entstandenen Unannehmlichkeiten.",
    ])
    func caught(text: String) {
        #expect(!phrase(text).isEmpty, "\(text)")
    }

    @Test("personal sentences that share a word or two are not", arguments: [
        "Danke dir, Heike, das freut mich!",
        "Danke für die Blumen, Jule! Der Mantel steht dir super.",
        "Wie schön, Frank! Danke, dass du dir die Zeit für das Feedback genommen hast.",
        "Hi Chris, die Lieferung dauert bei Möbeln meist 5 bis 7 Werktage.",
        "Danke, Ayşe! Das geben wir direkt an unser Team in Hamburg weiter.",
        "Ich melde mich heute bis 18 Uhr bei dir.",
        "Hallo Peter, danke für deine ehrliche Bewertung.",
    ])
    func notCaught(text: String) {
        #expect(phrase(text).isEmpty, "\(text): \(phrase(text))")
    }

    @Test("the span covers the template's words")
    func span() {
        #expect(phrase("Hi Tom, wir bitten um dein Verständnis. Der Zug kommt gleich.") == ["wir bitten um dein Verständnis"])
    }

    @Test("a reply made of boilerplate fails as a whole; one stock phrase in a personal reply does not")
    func shareOfReply() {
        #expect(share("Danke für deine Anfrage! Dein Anliegen wurde an die zuständige Fachabteilung übermittelt. Wir melden uns in Kürze bei dir.").count == 1)
        #expect(share("Hi Tom, wir bitten um dein Verständnis: Die Weiche bei Fulda ist defekt, der ICE fährt in 20 Minuten weiter und du erreichst deinen Anschluss in Kassel.").isEmpty)
    }

    @Test("a template needs two words")
    func tooShort() {
        let yaml = """
              - id: template.x
                kind: template
                severity: warning
                weight: 5
                message: m
                rationale: r
                phrases: ["Danke"]
            """
        #expect(throws: GuideLoadError.self) { try Fixtures.guide(rules: yaml) }
    }
}

/// `kind: coverage`: a reply made mostly of another rule's hits.
@Suite("coverage kind")
struct CoverageKindTests {
    static let guide: Guide = {
        let rules = """
              - { id: tone.slang, kind: existence, severity: warning, weight: 5, message: m, rationale: r, phrases: [lol, omg] }
              - { id: tone.nur_slang, kind: coverage, of: tone.slang, share: 0.5, severity: error, weight: 25, message: "{value}", rationale: r }
            """
        return try! Fixtures.guide(rules: rules)
    }()

    @Test("fires when the other rule's hits cover the share, with the share in the message")
    func share() {
        let findings = Fixtures.findings("lol omg ok", rule: "tone.nur_slang", in: Self.guide)
        #expect(findings.map(\.excerpt) == ["lol omg"])
        #expect(findings.first?.message == "67 %")
        #expect(Fixtures.findings("lol, das ist ja eine Geschichte", rule: "tone.nur_slang", in: Self.guide).isEmpty)
        #expect(Fixtures.findings("", rule: "tone.nur_slang", in: Self.guide).isEmpty)
    }

    @Test("`of` must name a rule above it")
    func unknownRule() {
        let rules = """
              - { id: tone.nur_slang, kind: coverage, of: tone.slang, severity: error, weight: 25, message: m, rationale: r }
              - { id: tone.slang, kind: existence, severity: warning, weight: 5, message: m, rationale: r, phrases: [lol] }
            """
        #expect(throws: GuideLoadError.self) { try Fixtures.guide(rules: rules) }
    }
}

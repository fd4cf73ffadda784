import Testing
@testable import TonlageCore

/// `kind: personal-data`: a request for personal data in public, unless moved to a private channel.
@Suite("personal-data kind")
struct PersonalDataKindTests {
    func flagged(_ text: String, channel: Channel = .facebook) -> [String] {
        Fixtures.excerpts(text, rule: "privacy.daten_oeffentlich", channel: channel)
    }

    @Test("public requests are flagged at the data asked for", arguments: [
        ("Poste doch bitte hier deine Kundennummer und Anschrift.", ["Kundennummer", "Anschrift"]),
        ("Antworte mir hier mit deinem Geburtsdatum.", ["Geburtsdatum"]),
        ("Nenn mir hier im Thread deine Rufnummer und dein Kundenkennwort.", ["Rufnummer", "Kundenkennwort"]),
        ("Schick hier einfach deine IBAN.", ["IBAN"]),
        ("Schreib mir deine BahnCard-Nummer.", ["BahnCard-Nummer"]),
    ])
    func publicRequests(text: String, expected: [String]) {
        #expect(flagged(text) == expected)
    }

    @Test("private channels, private cues and the company's own data are fine", arguments: [
        "Schick mir bitte deine Bestellnummer per DM.",
        "Schick mir deine Bestellnummer. Am besten als Privatnachricht!",
        "Schreib uns per PN deine Kundennummer – bitte nicht hier öffentlich posten.",
        "Unsere Servicenummer ist rund um die Uhr erreichbar, schreib uns gern.",
        "Deine Bestellnummer findest du in der Bestätigungsmail.",
    ])
    func allowed(text: String) {
        #expect(flagged(text).isEmpty, "\(text)")
    }

    @Test("in a DM or an e-mail the same request is fine")
    func privateChannels() {
        #expect(flagged("Schick mir deine Anschrift.", channel: .dm).isEmpty)
        #expect(flagged("Schick mir deine Anschrift.", channel: .email).isEmpty)
        #expect(flagged("Schick mir deine Anschrift.", channel: .twitter) == ["Anschrift"])
    }

    @Test("passwords are never asked for, not even in a DM")
    func credentials() {
        #expect(Fixtures.excerpts("Schick mir dein Passwort per DM.", rule: "privacy.zugangsdaten", channel: .dm) == ["Passwort"])
        #expect(Fixtures.excerpts("Dein Passwort kannst du selbst zurücksetzen.", rule: "privacy.zugangsdaten").isEmpty)
    }

    @Test("a negated request asks for nothing", arguments: [
        "Dein Passwort brauche ich für die Entsperrung nicht – bitte schick es niemandem, auch uns nicht.",
        "Kundennummern bitte nicht hier im Thread posten.",
        "Deine PIN gibst du niemals weiter, auch nicht an uns.",
        "Wir brauchen keine Kontodaten von dir.",
    ])
    func negations(text: String) {
        #expect(flagged(text).isEmpty, "\(text)")
        #expect(Fixtures.excerpts(text, rule: "privacy.zugangsdaten", channel: .dm).isEmpty, "\(text)")
    }

    @Test("a negation in another clause leaves the request standing")
    func negationScope() {
        #expect(flagged("Kein Problem, schick mir hier einfach deine Kundennummer.") == ["Kundennummer"])
        #expect(flagged("Falls das nicht klappt: Poste hier deine Bestellnummer.") == ["Bestellnummer"])
    }

    @Test("a password typed into the customer's own device is no request", arguments: [
        "Gib das WLAN-Passwort am Laptop ein.",
        "Tipp das Kennwort vom Routeraufkleber ein, dann klappt es.",
        "Gib die PIN am Automaten ein, dann schaue ich, ob es klappt.",
    ])
    func devicePasswords(text: String) {
        #expect(flagged(text).isEmpty, "\(text)")
        #expect(Fixtures.excerpts(text, rule: "privacy.zugangsdaten").isEmpty, "\(text)")
    }

    @Test("a request addressed to the agent or the company is one")
    func addressedRequests() {
        #expect(Fixtures.excerpts("Gib mir kurz deine PIN.", rule: "privacy.zugangsdaten") == ["PIN"])
        #expect(flagged("Tipp mir hier dein Kennwort ein.") == ["Kennwort"])
        #expect(flagged("Wir benötigen deine Vertragsnummer.") == ["Vertragsnummer"])
    }

    @Test("a private cue inside the data's own word moves nothing")
    func privateCueInsideData() {
        #expect(flagged("Hi Mira, schreib mir doch kurz deine E-Mail-Adresse hier drunter.") == ["E-Mail-Adresse"])
        #expect(flagged("Schreib mir deine E-Mail-Adresse.") == ["E-Mail-Adresse"])
        #expect(flagged("Schick mir deine E-Mail-Adresse per PN.").isEmpty)
    }

    @Test("a public place beside a private way is public", arguments: [
        ("Hallo Anton, schick mir deine Bestellnummer gern hier oder per PN, dann schaue ich nach.", ["Bestellnummer"]),
        ("Schick mir deine Bestellnummer per PN, oder poste sie hier drunter.", ["Bestellnummer"]),
        ("Schreib uns deine Kundennummer in den Kommentaren oder per DM.", ["Kundennummer"]),
    ])
    func publicAlternative(text: String, expected: [String]) {
        #expect(flagged(text) == expected, "\(text)")
    }

    @Test("a public word that is negated, elsewhere, or where the DM goes keeps the request private", arguments: [
        "Schick mir bitte deine Bestellnummer per Privatnachricht – bitte nicht hier öffentlich posten.",
        "Schreib mir deine Kundennummer bitte per Direktnachricht – hier öffentlich haben die nichts verloren.",
        "Schick mir bitte deine Bestellnummer per DM, dann kann ich hier weiterhelfen.",
        "Schreib uns hier per PN deine Kundennummer.",
        "Schick mir deine Buchungsnummer an service@condor.com, dann kümmere ich mich.",
    ])
    func privateRequests(text: String) {
        #expect(flagged(text).isEmpty, "\(text)")
    }

    @Test("indirect requests and questions", arguments: [
        ("Sag mir doch kurz, unter welcher Nummer ich dich erreiche.", ["Nummer"]),
        ("Verrätst du mir deine Adresse?", ["Adresse"]),
        ("Wie lautet deine Kundennummer?", ["Kundennummer"]),
        ("Kannst du mir hier deine Vertragsnummer geben?", ["Vertragsnummer"]),
        ("Lass mir deine Anschrift hier zukommen.", ["Anschrift"]),
    ])
    func indirectRequests(text: String, expected: [String]) {
        #expect(flagged(text) == expected, "\(text)")
    }

    @Test("a question form is a request only in a question", arguments: [
        "Wie lautet deine Kundennummer? Schick sie mir per DM.",
        "Deine Kundennummer lautet wie die Vertragsnummer.",
        "Wie ist deine Bestellung angekommen?",
    ])
    func questionsOnly(text: String) {
        #expect(flagged(text).isEmpty, "\(text)")
    }

    @Test("without the optional lists a rule asks as before: every request counts")
    func optionalParameters() throws {
        let guide = try Fixtures.guide(rules: """
              - id: privacy.einfach
                kind: personal-data
                severity: error
                weight: 30
                message: "{match}"
                rationale: "Nur die Pflichtlisten."
                data: ["*passwort", pin]
                requests: [gib, "schick*"]
            """)
        #expect(Fixtures.excerpts("Gib das WLAN-Passwort am Laptop ein.", rule: "privacy.einfach", in: guide) == ["WLAN-Passwort"])
        #expect(Fixtures.excerpts("Schick die PIN niemandem.", rule: "privacy.einfach", in: guide) == ["PIN"])
    }
}

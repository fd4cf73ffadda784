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
}

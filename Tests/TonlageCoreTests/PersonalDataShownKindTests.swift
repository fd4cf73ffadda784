import Testing
@testable import TonlageCore

/// `kind: personal-data-shown`: personal data printed in a public reply, one hit per entity.
/// The guide is built here, so the tests pin the recognisers, not the shipped word lists.
@Suite("personal-data-shown kind")
struct PersonalDataShownKindTests {
    static let guide: Guide = {
        Fixtures.kindGuide("""
              - id: privacy.gezeigt
                kind: personal-data-shown
                severity: error
                weight: 30
                except_channels: [dm, email]
                message: "{entity}: {match}"
                rationale: "Daten gehören nicht in die Öffentlichkeit."
                entities: [email, phone, iban, street, postcode, reference, birthdate]
                labels: {email: E-Mail-Adresse, phone: Telefonnummer, iban: Bankverbindung, street: Anschrift,
                         postcode: Postleitzahl, reference: Vorgangsnummer, birthdate: Geburtsdatum}
                own_domains: [rossmann.de, otto.de]
                role_mailboxes: [service, info, "filiale*"]
                own_numbers: ["030 2970 1234"]
                company_prefixes: ["0800", "0180"]
                own_words: ["unser*", uns, "*hotline", servicenummer, filiale]
                phone_words: [rufnummer, handynummer, nummer]
                account_words: [iban, konto]
                ending_words: ["*endung", endet, letzten]
                street_suffixes: [straße, str, weg, platz]
                street_words: [straße]
                street_exceptions: ["*sitzplatz"]
                postcode_words: [plz, "postleitzahl*"]
                place_words: [in, nach]
                reference_words: [bestellung, sendung, buchung, "*nummer"]
                public_words: [flug, flugnummer, artikelnummer]
                birth_words: [geboren, "geburtsdatum*"]
                months: [januar, märz, mai]
                units: [euro, minuten, kunden]
            """)
    }()

    func findings(_ text: String, channel: Channel = .facebook) -> [Finding] {
        Fixtures.findings(text, rule: "privacy.gezeigt", in: Self.guide, channel: channel)
    }

    /// "entity: excerpt" of every finding.
    func shown(_ text: String, channel: Channel = .facebook) -> [String] {
        findings(text, channel: channel).map(\.message)
    }

    @Test("e-mail addresses, except the brand's domains and role mailboxes", arguments: [
        ("Die Bestätigung ging an kerstin.wolff84@gmx.de – schau mal in den Spam.", ["E-Mail-Adresse: kerstin.wolff84@gmx.de"]),
        ("Schreib an „tom_b+shop@web.de“.", ["E-Mail-Adresse: tom_b+shop@web.de"]),
        ("Oder an jürgen.müller@gmx.de?", ["E-Mail-Adresse: jürgen.müller@gmx.de"]),
        ("Schreib uns an service@otto.de oder an lea.schmidt@otto.de.", []),
        ("Du erreichst mich über filiale-hoerde@rossmann.de.", []),
        ("Oder an info@beispiel-shop.de, da antwortet das Team.", []),
        ("Danke @DB_Bahn und @kerstin84!", []),
    ])
    func emails(text: String, expected: [String]) {
        #expect(shown(text) == expected, "\(text)")
    }

    @Test("phone numbers in German and international formats", arguments: [
        ("Rückruf unter 0176 48213907 eingetragen.", ["Telefonnummer: 0176 48213907"]),
        ("Deine Nummer +49 171 1234567 ist hinterlegt.", ["Telefonnummer: +49 171 1234567"]),
        ("Wir rufen unter 030/1234567 an.", ["Telefonnummer: 030/1234567"]),
        ("Oder doch 0171-1234567?", ["Telefonnummer: 0171-1234567"]),
        ("Die (030) 1234567 ist es.", ["Telefonnummer: (030) 1234567"]),
        ("Deine Rufnummer 48213907 ist gespeichert.", ["Telefonnummer: 48213907"]),
    ])
    func phones(text: String, expected: [String]) {
        #expect(shown(text) == expected, "\(text)")
    }

    @Test("the company's own lines are no leak", arguments: [
        "Unsere Hotline 030 2970 1234 ist rund um die Uhr da.",
        "Ruf einfach die 030 2970 1234 an.",
        "Kostenlos erreichst du uns unter 0800 330 1000.",
        "Die Servicenummer 0221 9999999 hilft weiter.",
        "Ruf uns gern unter 089 12345678 an.",
        "Oder unter +49 800 3301000 aus dem Ausland.",
    ])
    func ownLines(text: String) {
        #expect(shown(text).isEmpty, "\(text)")
    }

    @Test("IBANs pass the mod-97 check; a wrong check digit is no IBAN")
    func ibans() {
        #expect(shown("Wir überweisen an DE89 3704 0044 0532 0130 00.") == ["Bankverbindung: DE89 3704 0044 0532 0130 00"])
        #expect(shown("Ist DE89370400440532013000 deine IBAN?") == ["Bankverbindung: DE89370400440532013000"])
        #expect(shown("Die GB82 WEST 1234 5698 7654 32 ist es nicht.").isEmpty, "a group of letters ends the run")
        #expect(shown("Wir überweisen an DE88 3704 0044 0532 0130 00.").isEmpty)
        #expect(shown("Ist DE89370400440532013001 deine IBAN?").isEmpty)
        #expect(IBANChecksum.isValid(Array("GB82WEST12345698765432".utf8)))
        #expect(IBANChecksum.isValid(Array("de89370400440532013000".utf8)))
        #expect(!IBANChecksum.isValid(Array("DE8937040044053201300".utf8)), "a digit short")
    }

    @Test("IBAN endings need an account word and an ending word", arguments: [
        ("Sie ging an dein Konto mit der IBAN-Endung 4471.", ["Bankverbindung: 4471"]),
        ("Dein Konto endet auf 4471, richtig?", ["Bankverbindung: 4471"]),
        ("Die letzten vier Ziffern deiner IBAN sind 4471.", ["Bankverbindung: 4471"]),
        ("Das Konto ist seit 4471 Tagen offen.", []),
    ])
    func ibanEndings(text: String, expected: [String]) {
        #expect(shown(text) == expected, "\(text)")
    }

    @Test("street and house number", arguments: [
        ("Das Paket liegt in der Gartenstraße 12 beim Nachbarn.", ["Anschrift: Gartenstraße 12"]),
        ("Wir liefern an die Berliner Straße 7b.", ["Anschrift: Berliner Straße 7b"]),
        ("Die Karl-Marx-Straße 3 ist gesperrt.", ["Anschrift: Karl-Marx-Straße 3"]),
        ("Abholen in der Hauptstr. 5, bitte.", ["Anschrift: Hauptstr. 5"]),
        ("Dein Sitzplatz 42 ist reserviert, Platz 3 in der Rangliste.", []),
        ("Der Weg 2 Minuten zum Gleis.", []),
        ("Du wohnst in der Lindenstraße?", []),
        ("Unsere Filiale in der Königstraße 12 hat bis 20 Uhr geöffnet.", []),
    ])
    func streets(text: String, expected: [String]) {
        #expect(shown(text) == expected, "\(text)")
    }

    @Test("postcodes after a context word or before a place", arguments: [
        ("Im PLZ-Bereich 81549 gibt es eine Störung.", ["Postleitzahl: 81549"]),
        ("Das Paket geht nach 81549 München-Ramersdorf.", ["Postleitzahl: 81549 München-Ramersdorf"]),
        ("Lieferadresse: Gartenstraße 12, 81549 München.", ["Anschrift: Gartenstraße 12", "Postleitzahl: 81549 München"]),
        ("Über 12000 Kunden waren betroffen.", []),
        ("Wir haben 12345 Rückmeldungen bekommen.", []),
        ("Die RB 11208 bis Dülmen fällt aus, die RB 20231 Lünen auch.", []),
        ("Ganze 12345 Euro.", []),
    ])
    func postcodes(text: String, expected: [String]) {
        #expect(shown(text) == expected, "\(text)")
    }

    @Test("reference numbers after a context word, and long digit runs anywhere", arguments: [
        ("Deine Bestellung 73920-4418 ist raus.", ["Vorgangsnummer: 73920-4418"]),
        ("Ich habe deine Buchung XK7P2M geprüft.", ["Vorgangsnummer: XK7P2M"]),
        ("Dein Vertrag zur Zählernummer 1ESY1160543210 läuft.", ["Vorgangsnummer: 1ESY1160543210"]),
        ("Deine Sendung 00340434161094015902 liegt im Verteilzentrum.", ["Vorgangsnummer: 00340434161094015902"]),
        ("Das Paket 00340434161094015902 liegt im Verteilzentrum.", ["Vorgangsnummer: 00340434161094015902"]),
        ("Die Kundennummer 0123456789 kenne ich.", ["Vorgangsnummer: 0123456789"]),
        ("Deine Bestellung von 2019 ist archiviert.", []),
        ("Die Bestellung über 1234 Euro und 59,90 € ist bezahlt.", []),
        ("Die Bestellung kommt in 3 Tagen.", []),
        ("Der Vertrag mit 1000 Freiminuten läuft weiter.", []),
        ("Die Sendung 2024-0815 ist da, das Jahr 2024 und 2019-2021 sind keine Nummern.", ["Vorgangsnummer: 2024-0815"]),
        ("Dein Flug LH 1164 und die Flugnummer LH1166 sind öffentlich, die Artikelnummer 4006381333931 auch.", []),
        ("Dein ICE 1234 fährt um 17:42 von Gleis 7.", []),
    ])
    func references(text: String, expected: [String]) {
        #expect(shown(text) == expected, "\(text)")
    }

    @Test("dates of birth need a birth word nearby", arguments: [
        ("Laut Konto bist du am 12.05.1985 geboren.", ["Geburtsdatum: 12.05.1985"]),
        ("Dein Geburtsdatum 3. März 1990 stimmt.", ["Geburtsdatum: 3. März 1990"]),
        ("Geburtsdatum: 1985-05-12.", ["Geburtsdatum: 1985-05-12"]),
        ("Der neue Tarif gilt ab dem 01.06.2024.", []),
        ("Die Bahn fährt um 6.36 Uhr, geboren ist da keiner.", []),
        // Found by the fuzzer: a number token with an apostrophe trapped the date reader.
        ("Geboren 1.5.2'05.205.2024", ["Geburtsdatum: 1.5."]),
    ])
    func birthdates(text: String, expected: [String]) {
        #expect(shown(text) == expected, "\(text)")
    }

    @Test("a hit stands at the entity as written, in Unicode scalars after umlauts and emoji")
    func offsets() throws {
        let text = "Schöne Grüße 😊 – dein Paket ging an jürgen@gmx.de und in die Gartenstraße 12."
        let found = findings(text)
        #expect(found.map(\.excerpt) == ["jürgen@gmx.de", "Gartenstraße 12"])
        let scalars = Array(text.unicodeScalars)
        let bytes = Array(text.utf8)
        for finding in found {
            #expect(String(String.UnicodeScalarView(scalars[finding.start..<finding.end])) == finding.excerpt)
            #expect(String(decoding: bytes[finding.byteStart..<finding.byteEnd], as: UTF8.self) == finding.excerpt)
        }
        let street = try #require(found.last)
        #expect(street.start == text.unicodeScalars.count - "Gartenstraße 12.".unicodeScalars.count)
    }

    @Test("one hit per entity, in reading order")
    func severalEntities() {
        #expect(shown("Hi Ben, deine Sendung 00340434161094015902 geht an kerstin@gmx.de, Rückruf unter 0176 48213907.")
                == ["Vorgangsnummer: 00340434161094015902", "E-Mail-Adresse: kerstin@gmx.de", "Telefonnummer: 0176 48213907"])
    }

    @Test("in a DM or an e-mail the data may be named")
    func privateChannels() {
        let text = "Die Erstattung geht an dein Konto mit der IBAN-Endung 4471, Rückruf unter 0176 48213907."
        #expect(shown(text, channel: .dm).isEmpty)
        #expect(shown(text, channel: .email).isEmpty)
        #expect(shown(text, channel: .twitter).count == 2)
    }

    @Test("replies without a digit or an @ are passed over; URLs hold no data")
    func nothingToSee() {
        #expect(shown("Hallo Nina, dein Paket ist unterwegs und kommt morgen an.").isEmpty)
        #expect(shown("Die Größentabelle: https://www.example.de/groessen?kunde=0176482139070&mail=a@b.de").isEmpty)
    }

    @Test("only the entities the guide names are looked for; labels must name entities")
    func configuration() throws {
        let guide = try Fixtures.guide(rules: """
              - id: privacy.mail
                kind: personal-data-shown
                severity: error
                weight: 30
                message: "{entity}: {match}"
                rationale: "Nur E-Mail."
                entities: [email]
            """)
        #expect(Fixtures.findings("Ruf 0176 48213907 an oder schreib an kerstin@gmx.de.", rule: "privacy.mail", in: guide)
                    .map(\.message) == ["email: kerstin@gmx.de"])
        let (_, diagnostics) = GuideLoader.compile(yaml: """
            language: de
            pass_mark: 70
            rules:
              - id: privacy.falsch
                kind: personal-data-shown
                severity: error
                weight: 30
                message: "{match}"
                rationale: "Falsch konfiguriert."
                entities: [email, telefon]
                labels: {mail: E-Mail}
            """, file: "test.yaml")
        #expect(diagnostics.contains { $0.message.contains("`telefon`") })
        #expect(diagnostics.contains { $0.message.contains("`mail` in `labels`") })
    }
}

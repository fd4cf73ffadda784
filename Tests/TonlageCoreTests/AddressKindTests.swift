import Testing
@testable import TonlageCore

/// `kind: address` must not be fooled by the German ambiguities of "Sie" and "Ihr".
@Suite("address kind")
struct AddressKindTests {
    func formal(_ text: String) -> [String] { Fixtures.excerpts(text, rule: "address.sie") }
    func mixed(_ text: String) -> [String] { Fixtures.excerpts(text, rule: "address.mix") }

    @Test("the formal forms are the address rules' trigger: a reply without one is passed by, and none would have found anything")
    func trigger() {
        let guide = Fixtures.germanGuide
        let scorer = Scorer(guide: guide)
        let rules = guide.rules.indices.filter { guide.rules[$0].kind == "address" }
        #expect(rules.count == 3)
        let withoutFormal = AnalyzedText("Hallo Jule, wir kümmern uns darum und melden uns bei dir.", lexicon: guide.lexicon)
        let withFormal = AnalyzedText("Können Sie mir kurz Ihre Nummer geben?", lexicon: guide.lexicon)
        for index in rules {
            #expect(!guide.gates[index].mayFind(in: withoutFormal))
            #expect(guide.gates[index].mayFind(in: withFormal))
        }
        for text in ["Hallo Jule, danke dir!", "Die Kollegen wissen Bescheid, Sie melden sich.", "Hallo Ihr Lieben, danke euch!",
                     "hallo, sie können gern anrufen", "Hey, SIE da!", "Das Paket ist unterwegs. Sie kommt morgen an."] {
            let analyzed = AnalyzedText(text, lexicon: guide.lexicon)
            let context = scorer.ruleContext(analyzed, ReplyContext(channel: .facebook))
            for index in rules where !guide.gates[index].mayFind(in: analyzed) {
                var hits: [Hit] = []
                _ = guide.rules[index].check(analyzed, context: context, hits: &hits)
                #expect(hits.isEmpty, "\(guide.rules[index].id): \(text)")
            }
        }
    }

    @Test("formal address is flagged at each formal word", arguments: [
        ("Sehr geehrte Frau Meier, wir bitten um Ihr Verständnis.", ["Ihr"]),
        ("Haben Sie schon die neue App ausprobiert? Dort sehen Sie alle Verbindungen.", ["Sie", "Sie"]),
        ("Hallo Frau Yilmaz, Ihre Rücksendung ist da. Die Gutschrift sehen Sie in 2 Tagen.", ["Ihre", "Sie"]),
        ("Ich schicke Ihnen sofort einen neuen Code.", ["Ihnen"]),
        ("Ihre Bestellung ist unterwegs.", ["Ihre"]),
        ("Sie erhalten morgen eine Mail.", ["Sie"]),
        ("Ganz einfach: Sie klicken auf den Link.", ["Sie"]),
        ("Hallo, Ihr Paket ist unterwegs.", ["Ihr"]),
    ])
    func formalForms(text: String, expected: [String]) {
        #expect(formal(text) == expected)
    }

    @Test("third person and informal plural are not formal address", arguments: [
        "Das Paket ist unterwegs. Sie kommt morgen an.",
        "Der Zug ist pünktlich. Sie hält heute aber nicht in Celle.",
        "Deine Nachbarin hat angerufen. Sie sagt, das Paket steht bei ihr im Flur.",
        "Die Monteure sind informiert. Sie kommen um 9.",
        "Die Kolleginnen im Shop wissen Bescheid. Sie legen dir die Jacke zurück.",
        "Hey ihr zwei, ihr könnt die Gutscheine zusammen einlösen. Ihr braucht nur einen Warenkorb.",
        "Ich habe mit euch gesprochen, euer Paket ist da.",
        "Liebe Sandra, Dein Paket ist da. Wir wünschen Dir viel Spaß! Deine Anna",
        "sie kommt morgen, und ihre Schwester auch.",
        "Die Bahn teilt mit: Sie war heute pünktlich.",
        "Hallo Ihr Lieben, danke für euer Feedback! Eure Jule",
        "Hi Ihr zwei, das Paket ist unterwegs.",
        "Danke für die Fotos! Ihr seid klasse.",
    ])
    func notFormal(text: String) {
        #expect(formal(text).isEmpty, "\(text)")
    }

    @Test("a mix of du and Sie is flagged once, at the first formal word")
    func mix() {
        #expect(mixed("Das tut mir leid! Wenn du magst, können Sie mir Ihre Bestellnummer schicken.") == ["Sie"])
        #expect(mixed("Hi Tom, danke für deine Nachricht. Wir melden uns bei Ihnen.") == ["Ihnen"])
        #expect(mixed("Wir melden uns bei Ihnen.").isEmpty)
        #expect(mixed("Wir melden uns bei dir.").isEmpty)
        // "Ihr" capitalised is formal, so it does not count as the informal plural here.
        #expect(mixed("Ihr Paket ist da.").isEmpty)
    }

    @Test("capitals and signatures are not address")
    func capitals() {
        #expect(formal("SIE WERDEN SEHEN").isEmpty)
        #expect(formal("@Sie_Official danke! ^SIE").isEmpty)
    }

    @Test("'Sie' after a group named before means 'they'; after one person it is formal", arguments: [
        ("Deine Großeltern können das Ticket am Schalter abholen: Sie brauchen nur den Ausweis.", [String]()),
        ("Die Kollegen in der Leitstelle wissen Bescheid. Sie schicken dir morgen den Termin.", []),
        ("Die Abbrüche nach dem Update kennen wir. Sie treten vor allem abends auf.", []),
        ("Frau Meier ruft morgen an. Sie können ihr dann alles sagen.", ["Sie"]),
        ("Die Rechnung ist da. Sie können sie herunterladen.", ["Sie"]),
    ])
    func groupReference(text: String, expected: [String]) {
        #expect(formal(text) == expected, "\(text)")
    }

    @Test("a capitalised 'Sie' inside a sentence that means the group is a spelling slip, not formal address")
    func capitalizedThey() {
        let text = "Ich hab die Kollegen informiert, Sie schauen sich den Automaten heute an."
        #expect(formal(text).isEmpty)
        #expect(Fixtures.excerpts(text, rule: "spelling.sie_klein") == ["Sie"])
        #expect(Fixtures.excerpts("Ich hab das geprüft, Sie bekommen morgen Post.", rule: "spelling.sie_klein").isEmpty)
    }
}

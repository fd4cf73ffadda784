import Testing
@testable import TonlageCore

/// `kind: recognised` and the guide's `recognisers`: what a reply says, found by type.
@Suite("recognised kind")
struct RecognisedKindTests {
    static let guide: Guide = {
        let yaml = """
            language: de
            recognisers:
              zeitpunkt:
                kind: pattern
                pattern: '\\b(?:montag|freitag|morgen)\\b|\\b\\d{1,2}\\s?uhr\\b'
                negations: [nicht, "kein*"]
                not_with: [melde mich, sobald]
              privatnachricht:
                kind: mention
                phrases: [dm, privatnachricht]
                report: present
                met_by_action: dm
            rules:
              - id: content.termin
                kind: recognised
                severity: warning
                weight: 20
                message: "Nenne einen konkreten Termin."
                rationale: "Wer fragt, wann, will einen Tag hören."
                recogniser: zeitpunkt
            """
        let (guide, diagnostics) = GuideLoader.compile(yaml: yaml, file: "test.yaml")
        precondition(diagnostics.isEmpty, "\(diagnostics)")
        return guide!
    }()

    static func recognised(_ text: String, action: Action = .reply) -> Set<String> {
        Scorer(guide: guide).recognise(text, context: ReplyContext(channel: .facebook, action: action))
    }

    @Test("a candidate of the recogniser's kind is recognised")
    func found() {
        #expect(Self.recognised("Dein Paket kommt am Freitag.") == ["zeitpunkt"])
        #expect(Self.recognised("Der Techniker ist um 9 Uhr da, schreib uns sonst eine DM.") == ["zeitpunkt", "privatnachricht"])
        #expect(Self.recognised("Wir kümmern uns darum.").isEmpty)
    }

    @Test("after a negation, in a sentence that says something else, or in quotation marks it is not")
    func dropped() {
        #expect(Self.recognised("Das Paket kommt leider nicht am Freitag.").isEmpty)
        #expect(Self.recognised("Ich melde mich morgen wieder bei dir.").isEmpty)
        #expect(Self.recognised("Wir schauen nach, sobald der Freitag vorbei ist.").isEmpty)
        #expect(Self.recognised("Du schreibst „Freitag“ – das prüfen wir.").isEmpty)
        // The other sentence still counts.
        #expect(Self.recognised("Ich melde mich morgen. Das Paket kommt am Freitag.") == ["zeitpunkt"])
    }

    @Test("an action can meet a recogniser outright: a reply sent as a DM hands off to DM")
    func metByAction() {
        #expect(Self.recognised("Danke, ich schaue gleich nach.", action: .dm) == ["privatnachricht"])
        #expect(Self.recognised("Danke, ich schaue gleich nach.").isEmpty)
    }

    @Test("a recognised rule fires when its recogniser finds nothing")
    func rule() {
        let scorer = Scorer(guide: Self.guide)
        let context = ReplyContext(channel: .facebook)
        #expect(scorer.score("Dein Paket kommt am Freitag.", context: context).findings.isEmpty)
        #expect(scorer.score("Ich melde mich morgen wieder. Danke dir!", context: context).findings.map(\.rule) == ["content.termin"])
        #expect(scorer.score("Ich melde mich morgen wieder. Danke dir!", context: context).findings.first?.excerpt
                == "Ich melde mich morgen wieder.")
    }

    @Test("a rule naming a recogniser the guide lacks is an error with did-you-mean")
    func unknownRecogniser() {
        let (guide, diagnostics) = GuideLoader.compile(yaml: """
            language: de
            recognisers:
              zeitpunkt: { kind: pattern, pattern: 'freitag' }
            rules:
              - id: content.termin
                kind: recognised
                severity: warning
                weight: 20
                message: "m"
                rationale: "r"
                recogniser: zeitpunk
            """, file: "test.yaml")
        #expect(guide == nil)
        #expect(diagnostics.map(\.code) == ["unknown-rule"])
        #expect(diagnostics.first?.message.contains("did you mean `zeitpunkt`") == true)
    }

    @Test("the German guide's recognisers find their examples and only those")
    func germanExamples() {
        let scorer = Scorer(guide: Fixtures.germanGuide)
        #expect(Fixtures.germanGuide.recognisers.map(\.id).sorted() == ["betrag", "link", "privatnachricht", "zeitpunkt"])
        for recogniser in Fixtures.germanGuide.recognisers {
            #expect(recogniser.examples.contains { $0.recognised } && recogniser.examples.contains { !$0.recognised }, "\(recogniser.id)")
            for example in recogniser.examples {
                let found = scorer.recognise(example.text, context: ReplyContext(channel: .facebook)).contains(recogniser.id)
                #expect(found == example.recognised, "\(recogniser.id): \(example.text)")
            }
        }
    }
}

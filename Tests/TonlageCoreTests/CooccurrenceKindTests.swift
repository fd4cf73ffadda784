import Testing
@testable import TonlageCore

/// `kind: cooccurrence`: groups of words that only together carry a tone.
@Suite("cooccurrence kind")
struct CooccurrenceKindTests {
    static func guide(scope: String, extra: String = "") -> Guide {
        Fixtures.kindGuide("""
            - id: content.verkauf
              kind: cooccurrence
              severity: error
              weight: 25
              message: "„{match}“"
              rationale: "Erst helfen, dann verkaufen."
              scope: \(scope)
              required: [angebot]
              min_groups: 2
              gap: 2
              \(extra)
              groups:
                angebot: ["unser* neu*", "wusstest du schon"]
                preis: ["im monat", "sparen"]
                aufforderung: ["probier*", "lade * herunter"]
            """)
    }

    @Test("the required group and one more, in one sentence")
    func sentenceScope() {
        let guide = Self.guide(scope: "sentence")
        #expect(Fixtures.excerpts("Probier doch mal unser neues Spray.", rule: "content.verkauf", in: guide)
                == ["Probier doch mal unser neues"])
        #expect(Fixtures.excerpts("Probier es noch einmal. Unser neues Spray ist da.", rule: "content.verkauf", in: guide).isEmpty)
        #expect(Fixtures.excerpts("Probier es bitte noch einmal mit einem Neustart.", rule: "content.verkauf", in: guide).isEmpty)
        #expect(Fixtures.excerpts("Du kannst im Monat bis zu 10 Euro sparen.", rule: "content.verkauf", in: guide).isEmpty)
    }

    @Test("reply scope joins the groups across sentences, one hit per reply")
    func replyScope() {
        let guide = Self.guide(scope: "reply")
        #expect(Fixtures.excerpts("Wusstest du schon? Mit der App kannst du sparen. Lade sie herunter!",
                                  rule: "content.verkauf", in: guide).count == 1)
    }

    @Test("a required group that is not defined is reported")
    func unknownGroup() {
        let yaml = """
            language: de
            rules:
              - id: content.x
                kind: cooccurrence
                severity: error
                weight: 1
                message: "x"
                rationale: "x"
                required: [angbot]
                groups:
                  angebot: [unser]
            """
        let (guide, diagnostics) = GuideLoader.compile(yaml: yaml, file: "t.yaml")
        #expect(guide == nil)
        #expect(diagnostics.contains { $0.message.contains("angbot") && $0.message.contains("angebot") })
    }
}

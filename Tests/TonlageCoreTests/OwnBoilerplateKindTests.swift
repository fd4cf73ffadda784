import Testing
@testable import TonlageCore

/// `kind: own-boilerplate`: a sentence the agent pasted into replies of other scenarios.
@Suite("own-boilerplate kind")
struct OwnBoilerplateKindTests {
    static let guide = Fixtures.kindGuide("""
        - id: template.eigen
          kind: own-boilerplate
          severity: hint
          weight: 0
          min_scenarios: 3
          message: "{value} Szenarien"
          rationale: "Auch eigene Sätze werden zur Vorlage."
        """)

    func findings(_ text: String, earlier: [String: Int]?) -> [Finding] {
        Scorer(guide: Self.guide).score(text, context: ReplyContext(channel: .facebook, ownSentences: earlier))
            .findings.filter { $0.rule == "template.eigen" }
    }

    @Test("a sentence from two other scenarios is reported with the count; case and punctuation do not hide it")
    func reported() throws {
        let pasted = "Schau doch bitte noch einmal in dein Postfach."
        let fingerprint = try #require(OwnSentences.sentences(of: pasted, guide: Self.guide).first?.fingerprint)
        let hits = findings("Hallo! SCHAU doch bitte noch einmal in dein Postfach!", earlier: [fingerprint: 2])
        #expect(hits.map(\.excerpt) == ["SCHAU doch bitte noch einmal in dein Postfach!"])
        #expect(hits.first?.message == "3 Szenarien")
        #expect(findings(pasted, earlier: [fingerprint: 1]).isEmpty)
        #expect(findings(pasted, earlier: nil).isEmpty)
    }

    @Test("short sentences are everyone's")
    func short() throws {
        let text = "Danke dir, Tom!"
        #expect(OwnSentences.sentences(of: text, guide: Self.guide).isEmpty)
    }
}

import Testing
@testable import TonlageCore

/// Every rule of the shipped guides carries good and bad examples; they are the rule's tests.
@Suite("guide examples")
struct GuideExampleTests {
    static let rules = Fixtures.germanGuide.rules

    @Test("a good example has no finding of its rule, a bad example has one", arguments: rules.map(\.id))
    func examples(ruleID: String) throws {
        try Self.check(ruleID, in: Fixtures.germanGuide)
    }

    @Test("the English guide: a good example has no finding of its rule, a bad example has one",
          arguments: Fixtures.englishGuide.rules.map(\.id))
    func englishExamples(ruleID: String) throws {
        try Self.check(ruleID, in: Fixtures.englishGuide)
    }

    static func check(_ ruleID: String, in guide: Guide) throws {
        let rule = try #require(guide.rule(withID: ruleID))
        let scorer = Scorer(guide: guide)
        for example in rule.examples {
            let card = scorer.score(example.text, context: example.context)
            let hits = card.findings.filter { $0.rule == rule.id }
            if example.isGood {
                #expect(hits.isEmpty, "good example (line \(example.line)) triggers \(rule.id): \(example.text) → \(hits.map(\.excerpt))")
            } else {
                #expect(!hits.isEmpty, "bad example (line \(example.line)) does not trigger \(rule.id): \(example.text)")
            }
        }
    }

    @Test("the guide has at least 40 rules over every scored family, each explained and exemplified")
    func coverage() {
        let guide = Fixtures.germanGuide
        #expect(guide.rules.count >= 40)
        let families = Set(guide.rules.map(\.family))
        for family in [Family.address, .length, .template, .tone, .privacy, .disclosure] {
            #expect(families.contains(family), "no rule for \(family)")
        }
        for rule in guide.rules {
            #expect(rule.examples.filter(\.isGood).count >= 2, "\(rule.id) needs two good examples")
            #expect(rule.examples.filter { !$0.isGood }.count >= 2, "\(rule.id) needs two bad examples")
            #expect(!rule.message.isEmpty && !rule.rationale.isEmpty)
        }
    }

    @Test("the template corpus holds at least 60 phrases")
    func templateCorpus() throws {
        let rule = try #require(Fixtures.germanGuide.rule(withID: "template.textbaustein"))
        let kind = try #require(rule.checker as? TemplateKind)
        #expect(kind.bigramCounts.count >= 60)
    }
}

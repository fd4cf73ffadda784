import Foundation
import Testing
@testable import TonlageCore

/// Guides written by someone careless or hostile: regular expressions that backtrack without
/// end, patterns too costly for a reply, and YAML aliases that expand without end.
@Suite("guide safety")
struct GuideSafetyTests {
    @Test("nested and ambiguous repetitions are found", arguments: [
        "(a+)+", "(a+)+$", "(a*)*", "(a|a)*", #"(\w+\s?)*"#, "(?:a+){2,}", "((ab)+)+", "(x+x+)+y", "(a|aa)+", #"(\w|\d)+"#,
        "(?i:a+)*", "(?<name>a+)+", "(a{1,3})+", "^(([a-z])+.)+[A-Z]([a-z])+$",
    ])
    func catastrophic(pattern: String) {
        #expect(PatternSafety.catastrophicPart(of: pattern) != nil)
    }

    @Test("safe shapes pass", arguments: [
        "(a+)?", "(?>a+)+", "(a++)+", "(a+)++", "[(a+)+]", #"\(a+\)+"#, "(ab)+", "(a|b)*", #"(\d{2})+"#, #"\Q(a+)+\E"#,
        "(?#(a+)+)x", "a+b+c+", "(?=a+)+",
    ])
    func safe(pattern: String) {
        #expect(PatternSafety.catastrophicPart(of: pattern) == nil)
    }

    @Test("every pattern of the shipped guides passes")
    func shippedPatterns() throws {
        for path in ["guide/de-social.yaml", "guide/en-social.yaml"] {
            let text = try String(contentsOfFile: Fixtures.packageRoot.appendingPathComponent(path).path, encoding: .utf8)
            let guide = try #require(GuideLoader.compile(yaml: text, file: path).0)
            #expect(guide.warnings.filter { $0.code == "catastrophic-regex" }.isEmpty)
        }
    }

    static let catastrophicGuide = """
        language: de
        rules:
          - id: tone.aaa
            kind: pattern
            severity: hint
            weight: 2
            message: "a"
            rationale: "r"
            pattern: "(a+)+$"
        """

    @Test("a guide with `(a+)+$`: a warning, the rule left out, and a 100-character reply scored")
    func nestedQuantifierLeftOut() throws {
        let (guide, diagnostics) = GuideLoader.compile(yaml: Self.catastrophicGuide, file: "g.yaml")
        let loaded = try #require(guide)
        #expect(diagnostics.map(\.code) == ["catastrophic-regex"])
        #expect(diagnostics.first?.level == .warning)
        #expect(diagnostics.first?.line == 9)
        #expect(loaded.rules.isEmpty)
        let card = Scorer(guide: loaded).score(String(repeating: "a", count: 99) + "!", context: ReplyContext(channel: .facebook))
        #expect(card.findings.isEmpty)
    }

    static let polynomialGuide = #"""
        language: de
        rules:
          - id: tone.viele
            kind: pattern
            severity: hint
            weight: 2
            message: "{match}"
            rationale: "r"
            pattern: "\\w*\\w*\\w*\\w*\\w*\\d"
        """#

    @Test("a pattern that runs past its bound of work is listed as skipped for that reply, not run to the end")
    func boundedWork() throws {
        let guide = try #require(GuideLoader.compile(yaml: Self.polynomialGuide, file: "g.yaml").0)
        #expect(guide.rules.count == 1)
        let scorer = Scorer(guide: guide)
        let hostile = scorer.score(String(repeating: "a", count: 3000), context: ReplyContext(channel: .facebook))
        #expect(hostile.skipped == ["tone.viele"])
        #expect(hostile.findings.isEmpty)
        #expect(ScorecardJSON.line(hostile).hasSuffix(#""findings":[],"skipped":["tone.viele"]}"#))
        let plain = scorer.score("abc 1", context: ReplyContext(channel: .facebook))
        #expect(plain.skipped.isEmpty)
        #expect(plain.findings.map(\.excerpt) == ["1"])
        #expect(!ScorecardJSON.line(plain).contains("skipped"))
    }

    @Test("the shipped guide's patterns are not stopped on a 1 MB reply")
    func longReplyNotSkipped() {
        let reply = String(repeating: "Das ist lol , oder ? Vielen dank für den [Name] im voraus. ", count: 17_000)
        let card = Fixtures.germanScorer.score(reply, context: ReplyContext(channel: .email))
        #expect(card.skipped.isEmpty)
    }

    /// A guide whose rules all use one list of 5,000 phrases through aliases.
    static func aliasGuide(uses: Int) -> String {
        var random = SeededRandom(seed: 11)
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let phrases = (0..<5000).map { _ in String((0..<8).map { _ in random.pick(letters) }) }
        var yaml = "language: de\nrules:\n"
        for k in 0..<uses {
            yaml += "  - id: tone.r\(k)\n    kind: existence\n    severity: hint\n    weight: 1\n    message: m\n    rationale: r\n"
            yaml += k == 0 ? "    phrases: &big [\(phrases.joined(separator: ", "))]\n" : "    phrases: *big\n"
        }
        return yaml
    }

    @Test("a 5,000-phrase list used through 200 aliases is refused with a diagnostic, before it is expanded")
    func aliasBomb() {
        let (guide, diagnostics) = GuideLoader.compile(yaml: Self.aliasGuide(uses: 200), file: "bomb.yaml")
        #expect(guide == nil)
        #expect(diagnostics.map(\.code) == ["alias-limit"])
        #expect(diagnostics.first?.message.contains("alias") == true)
    }

    @Test("a billion laughs is refused")
    func billionLaughs() {
        var yaml = "language: de\nl0: &l0 [a, a, a, a, a, a, a, a, a, a]\n"
        for k in 1..<10 { yaml += "l\(k): &l\(k) [" + Array(repeating: "*l\(k - 1)", count: 10).joined(separator: ", ") + "]\n" }
        yaml += "rules: *l9\n"
        let (guide, diagnostics) = GuideLoader.compile(yaml: yaml, file: "laughs.yaml")
        #expect(guide == nil)
        #expect(diagnostics.map(\.code) == ["alias-limit"])
    }

    @Test("a few aliases of a list still load, as the German guide's specificity rules use them")
    func fewAliases() throws {
        let guide = try #require(GuideLoader.compile(yaml: Self.aliasGuide(uses: 3), file: "few.yaml").0)
        #expect(guide.rules.count == 3)
    }
}

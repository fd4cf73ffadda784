import Foundation
import Testing
@testable import TonlageCore

/// The batch path writes scorecards straight from the scorer's hits (`Assessment`), and each
/// worker scores with a guide compiled again (`Guide.replica`): both must give the very bytes
/// of `ScorecardJSON.line(scorer.score(…))`.
@Suite("batch JSON from hits")
struct AssessmentJSONTests {
    /// Every example of every rule, the fresh judgement replies, and text that is hard on
    /// offsets and escaping: quotations, hidden characters, emoji, combining marks, line breaks.
    static let replies: [String] = {
        var texts = Fixtures.germanGuide.rules.flatMap { $0.examples.map(\.text) }
        for file in ["fresh-a.jsonl", "fresh-b.jsonl", "fresh-c.jsonl"] {
            let url = Fixtures.packageRoot.appendingPathComponent("Tests/Fixtures/judgement").appendingPathComponent(file)
            guard let content = try? String(contentsOf: url, encoding: .utf8) else { continue }
            for line in content.split(separator: "\n") {
                if let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                   let text = object["text"] as? String { texts.append(text) }
            }
        }
        texts += [
            "Sehr geehrte\u{2028}Frau Meier,\u{85}wir bitten um Ihr Verständnis.\u{2029}lol \"zitiert\" \\ tab\t",
            "Du schreibst: „Bitte rufen Sie mich zurück“ – klar, ich melde mich, lol.",
            "l\u{200B}o\u{200B}l, Sie k\u{43E}nnen gern Ihre IBAN DE89 3704 0044 0532 0130 00 hier posten!!!",
            "Cafe\u{301} 👨‍👩‍👧 und Gru\u{308}ße: Sie können gern Ihre Daten hier posten!!! {{name}} [Name]",
            "",
        ]
        return texts
    }()

    @Test("the line written from the hits is the scorecard's line, byte for byte, in every channel")
    func sameBytes() {
        let scorer = Fixtures.germanScorer
        let texts = GuideJSON(scorer.guide)
        #expect(Self.replies.count > 300)
        var differing: [String] = []
        for (index, text) in Self.replies.enumerated() {
            let context = ReplyContext(channel: Channel.allCases[index % Channel.allCases.count],
                                       mood: Mood.allCases[index % Mood.allCases.count])
            let expected = ScorecardJSON.line(scorer.score(text, context: context), idJSON: "\"x\"")
            var direct: [UInt8] = []
            ScorecardJSON.write(scorer.assess(text, context: context), guide: scorer.guide, texts: texts, idJSON: "\"x\"", into: &direct)
            if String(decoding: direct, as: UTF8.self) != expected { differing.append(text) }
        }
        #expect(differing.isEmpty, "\(differing.prefix(3))")
    }

    @Test("messages and suggestions written from the guide's escaped pieces, nested braces and quotes included")
    func templates() {
        let guide = Fixtures.kindGuide("""
              - id: tone.a
                kind: existence
                severity: warning
                weight: 5
                message: "„{match}“ sagt \\"{nobody}\\" {a{match} und {match}"
                rationale: "x"
                suggestion: "Statt {match}: {replacement}"
                phrases: [lol, "vielen dank"]
              - id: tone.b
                kind: substitution
                severity: hint
                weight: 1
                message: "{match} → {replacement}\\t{"
                rationale: "x"
                replace:
                  bezüglich: "zu"
              - id: tone.c
                kind: minimum-words
                severity: error
                weight: 10
                message: "nur {value} von {min} Wörtern"
                rationale: "x"
                min: 20
            """)
        let scorer = Scorer(guide: guide)
        let texts = GuideJSON(guide)
        let rules = scorer.score("lol, vielen Dank bezüglich \"x\"", context: ReplyContext(channel: .facebook, mood: .neutral))
            .findings.map(\.rule)
        #expect(Set(rules) == ["tone.a", "tone.b", "tone.c"])
        for text in ["lol, vielen Dank bezüglich \"x\"", "Bezüglich lol", "", "Nichts"] {
            let context = ReplyContext(channel: .facebook, mood: .neutral)
            var direct: [UInt8] = []
            ScorecardJSON.write(scorer.assess(text, context: context), guide: guide, texts: texts, idJSON: nil, into: &direct)
            #expect(String(decoding: direct, as: UTF8.self) == ScorecardJSON.line(scorer.score(text, context: context)), "\(text)")
        }
    }

    @Test("a replica of the guide scores every reply alike, and shares no rule object with it")
    func replica() {
        let guide = Fixtures.germanGuide
        let copy = guide.replica()
        #expect(copy.rules.count == guide.rules.count)
        #expect(zip(copy.rules, guide.rules).allSatisfy { $0 !== $1 && $0.id == $1.id })
        #expect(copy.contentHash == guide.contentHash)
        let (original, replica) = (Scorer(guide: guide), Scorer(guide: copy))
        for text in Self.replies {
            let context = ReplyContext(channel: .twitter, mood: .angry)
            #expect(original.score(text, context: context) == replica.score(text, context: context))
        }
    }
}

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
        #expect(Self.replies.count > 300)
        var differing: [String] = []
        for (index, text) in Self.replies.enumerated() {
            let context = ReplyContext(channel: Channel.allCases[index % Channel.allCases.count],
                                       mood: Mood.allCases[index % Mood.allCases.count])
            let expected = ScorecardJSON.line(scorer.score(text, context: context), idJSON: "\"x\"")
            var direct: [UInt8] = []
            ScorecardJSON.write(scorer.assess(text, context: context), guide: scorer.guide, idJSON: "\"x\"", into: &direct)
            if String(decoding: direct, as: UTF8.self) != expected { differing.append(text) }
        }
        #expect(differing.isEmpty, "\(differing.prefix(3))")
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

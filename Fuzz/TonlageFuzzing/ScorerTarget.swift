import Foundation
import TonlageCore

/// The scorer with the German guide on any text: valid offsets, excerpts and verdicts.
///
/// The spelling rule asks Hunspell for suggestions for every word it does not know, some
/// 20 ms each, and nearly every mutant holds new such words: it runs on one input in 250, the
/// rest of the guide on every input, so a million inputs take minutes rather than hours.
public struct ScorerTarget: FuzzTarget {
    public let name = "scorer"
    /// Replies are short; a long one costs the spelling rule a Hunspell suggestion per new
    /// word, which would slow the run to a crawl. Long replies have tests of their own.
    public let maxBytes = 4_000
    public let seeds: [[UInt8]]
    let scorer: Scorer
    let withoutSpelling: Scorer

    public init(scorer: Scorer, packageRoot: URL) {
        self.scorer = scorer
        var quick = scorer
        if let text = try? String(contentsOf: packageRoot.appendingPathComponent("guide/de-social.yaml"), encoding: .utf8) {
            let (header, rules) = GuideTarget.cut(text)
            let yaml = header + "rules:\n" + rules.filter { !$0.contains("kind: spelling") }.joined()
            if let guide = GuideLoader.compile(yaml: yaml, file: "de-social.yaml").0 { quick = Scorer(guide: guide) }
        }
        withoutSpelling = quick
        var texts = scorer.guide.rules.flatMap { $0.examples.map(\.text) }
        // Real prose, when the shared data is beside the checkout.
        let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: shared.path)) ?? []).sorted() {
            guard let text = try? String(contentsOf: shared.appendingPathComponent(name), encoding: .utf8) else { continue }
            texts += text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        }
        seeds = texts.map { Array($0.utf8) }
    }

    public var tokens: [String] {
        ["lol", "Sie", "Ihnen", "du", "Hallo Nina,", "^KH", "Viele Grüße, Anna", "!!!", "???", "😂", "👨‍👩‍👧", "🇩🇪", "e\u{301}", "u\u{308}",
         "\u{200B}", "\u{FEFF}", "\u{202E}", "\u{2028}", "Ѕіе", "а", "https://example.de/a?b=(1)", "www.x.de", "a@b.de", "+49 170 1234567",
         "DE89370400440532013000", "Musterstraße 12", "12345 Berlin", "„", "“", "«", "»", "\"", "'", "#hashtag", "@handle", "ACHTUNG",
         "WIR KÖNNEN", "Bestellnummer", "per DM", "Vielen Dank für Ihre Anfrage", "dass", "das", "seit", "seid", "zum ersten mal",
         " ,", "´s", "[Name]", "{{name}}", "XXX", "\n", "\t", "  ", "0", "1.5.2024", "\\", "\u{0}", "\u{1B}[31m"]
    }

    public func run(_ input: [UInt8]) throws(FuzzFailure) {
        let text = String(decoding: input, as: UTF8.self)
        let channel = Channel.allCases[input.count % Channel.allCases.count]
        let mood = Mood.allCases[(input.first.map(Int.init) ?? 0) % Mood.allCases.count]
        let card = (input.count % 250 == 0 ? scorer : withoutSpelling).score(text, context: ReplyContext(channel: channel, mood: mood))
        try Invariants.check(card, reply: text)
        if input.count % 16 == 0 {
            guard Invariants.parsesAsJSON(Array(ScorecardJSON.line(card, idJSON: "1").utf8)) != nil else {
                throw FuzzFailure("the scorecard is not JSON")
            }
        }
    }
}

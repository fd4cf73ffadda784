import Foundation
import Testing
import Yams
@testable import TonlageCore

/// X's weighted count and the grapheme count of the other channels.
@Suite("channel length")
struct ChannelLengthTests {
    static let lexicon = Lexicon()

    func weighted(_ text: String) -> Int {
        ChannelLength.measure(AnalyzedText(text, lexicon: Self.lexicon), counting: .weighted, limits: []).value
    }

    func graphemes(_ text: String) -> Int {
        ChannelLength.measure(AnalyzedText(text, lexicon: Self.lexicon), counting: .graphemes, limits: []).value
    }

    @Test("weights as X counts them", arguments: [
        ("Hallo", 5),
        ("Grüße aus Köln", 14),                          // umlauts and ß are in U+0000–U+10FF
        ("10 €", 5),                                     // € (U+20AC) weighs 2
        ("„Danke“ – gern…", 16),                         // typographic quotes and dashes weigh 1, … (U+2026) weighs 2
        ("故人西辞", 8),                                   // CJK weighs 2
        ("Hi http://test.co", 26),                       // a URL counts 23
        ("Schau auf bahn.de vorbei", 40),                // so does a URL without a scheme
        ("https://www.example.com/" + String(repeating: "a", count: 300), 23),
        ("😷👾", 4),                                      // each emoji 2
        ("👨‍👩‍👧‍👦", 2),                                      // a joined family is one emoji
        ("🙋🏽", 2),                                       // with a skin tone, still one
        ("🇩🇪", 2),                                       // a flag
        ("1⃣", 2),                                       // a keycap
        ("Cafe\u{301}", 4),                              // NFC first: é is one code point
        ("service@otto.de", 15),                         // an e-mail address is not a URL
    ])
    func weights(text: String, expected: Int) {
        #expect(weighted(text) == expected)
    }

    @Test("graphemes count what a reader sees")
    func graphemeCount() {
        #expect(graphemes("Hallo") == 5)
        #expect(graphemes("Cafe\u{301} 👨‍👩‍👧") == 6)
        #expect(graphemes("a\r\nb") == 3)
    }

    @Test("the Latin-and-emoji shortcut counts as Swift's grapheme breaking does",
          arguments: ["Grüße 😊", "Gru\u{308}ße, Cafe\u{301}!", "\u{301}a", "👍🏽 👨‍👩‍👧 🇩🇪 1️⃣ ❤️", "😊\u{301}",
                      "x\r\n\r\ny", "Ayşe ärgert sich", "Привет ✌️", "안녕하세요", "e\u{301}\u{302}", "@jule_b 😂😂 https://x.de/😊",
                      "नमस्ते", "a\u{200D}b", "☺\u{FE0F} ok",
                      "a\n\u{301}b", "\r\n\u{301}\u{301}", "x\t\u{308}", "\u{85}\u{301}"])
    func graphemeShortcut(_ text: String) {
        #expect(graphemes(text) == text.count)
    }

    @Test("on 5,000 seeded random mixtures of letters, accents, controls and emoji the count is Swift's")
    func graphemesAgainstSwift() {
        let pieces = ["a", "Z", "ä", "ß", "é", "\u{301}", "\u{308}", "\u{36F}", "\n", "\r", "\t", "\u{85}", " ", ".", "1", "#",
                      "\u{20E3}", "\u{FE0F}", "\u{200D}", "😊", "👩", "🏽", "🇩", "🇪", "❤", "☺", "@x", "https://a.de/😊"]
        var random = SeededRandom(seed: 2026)
        for _ in 0..<5_000 {
            let text = (0..<Int(random.next() % 12)).map { _ in random.pick(pieces) }.joined()
            #expect(graphemes(text) == text.count, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test("the overflow offset is where the text passes the limit")
    func overflow() {
        let text = AnalyzedText(String(repeating: "x", count: 281), lexicon: Self.lexicon)
        let measure = ChannelLength.measure(text, counting: .weighted, limits: [280, 300])
        #expect(measure.value == 281)
        #expect(measure.overflowOffsets[0] == 280)
        #expect(measure.overflowOffsets[1] == nil)
    }

    @Test("X's own conformance data (twitter-text v3 weighted counts)")
    func conformance() throws {
        guard let shared = Fixtures.shared else { return } // ../shared absent: nothing to compare with
        let url = shared.appendingPathComponent("conformance/twitter-text/validate.yml")
        guard let yaml = try? String(contentsOf: url, encoding: .utf8) else { return }
        let root = try #require(try Yams.load(yaml: yaml) as? [String: Any])
        let tests = try #require(root["tests"] as? [String: Any])
        let cases = try #require(tests["WeightedTweetsWithDiscountedEmojiCounterTest"] as? [[String: Any]])
        // These three hinge on twitter-text's full URL grammar (punycode length limits, a
        // domain label over 63 characters); Tonlage treats every http(s) link as a URL.
        let urlGrammarCases: Set<String> = [
            "Handle long url with invalid domain labels and short url",
            "Do not allow > 140 CJK characters by virtue of CJK chars greater than 63 punycode encoded chars in the host",
            "Handle a 64 character domain without protocol",
        ]
        var checked = 0
        for testCase in cases {
            let description = testCase["description"] as? String ?? ""
            guard !urlGrammarCases.contains(description),
                  let text = testCase["text"] as? String,
                  let expected = (testCase["expected"] as? [String: Any])?["weightedLength"] as? Int else { continue }
            #expect(weighted(text) == expected, "\(description)")
            checked += 1
        }
        #expect(checked >= 15)
    }
}

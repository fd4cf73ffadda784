import Foundation
import Testing
import Yams
@testable import TonlageCore

/// X's weighted count and the grapheme count of the other channels.
@Suite("channel length")
struct ChannelLengthTests {
    static let lexicon = Lexicon()

    func weighted(_ text: String) -> Int {
        ChannelLength.measure(AnalyzedText(text, lexicon: Self.lexicon), counting: .weighted).value
    }

    func graphemes(_ text: String) -> Int {
        ChannelLength.measure(AnalyzedText(text, lexicon: Self.lexicon), counting: .graphemes).value
    }

    @Test("weights as X counts them", arguments: [
        ("Hallo", 5),
        ("Grüße aus Köln", 14),                          // umlauts and ß are in U+0000–U+10FF
        ("10 €", 5),                                     // € (U+20AC) weighs 2
        ("„Danke“ – gern…", 16),                         // typographic quotes and dashes weigh 1, … (U+2026) weighs 2
        ("故人西辞", 8),                                   // CJK weighs 2
        ("Hi http://test.co", 26),                       // a URL counts 23
        ("Schau auf bahn.de/hilfe vorbei", 40),          // so does a URL without a scheme
        ("Schau auf bahn.de vorbei", 24),                // but a name under a country-code domain needs a path
        ("Siehe (https://x.de/a_(b)).", 32),             // a URL inside brackets, with balanced ones of its own
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
                      "a\n\u{301}b", "\r\n\u{301}\u{301}", "x\t\u{308}", "\u{85}\u{301}",
                      "„Danke“ – 10 € … ‰", "‼\u{FE0F} ⁉ ‼\u{200D}😊", "–\u{301}", "\u{301}„", "€\u{200D}"])
    func graphemeShortcut(_ text: String) {
        #expect(graphemes(text) == text.count)
    }

    @Test("on 20,000 seeded random mixtures of letters, accents, punctuation, controls and emoji the count is Swift's")
    func graphemesAgainstSwift() {
        let pieces = ["a", "Z", "ä", "ß", "é", "\u{301}", "\u{308}", "\u{36F}", "\n", "\r", "\t", "\u{85}", " ", ".", "1", "#",
                      "\u{20E3}", "\u{FE0F}", "\u{200D}", "😊", "👩", "🏽", "🇩", "🇪", "❤", "☺", "@x", "https://a.de/😊",
                      "„", "“", "–", "…", "€", "‼", "⁉", "\u{2010}", "\u{2027}", "\u{2030}", "\u{205E}", "\u{20A0}", "\u{20C0}",
                      "\u{2028}", "\u{202A}", "\u{202F}", "\u{205F}", "\u{2060}", "\u{20D0}"]
        var random = SeededRandom(seed: 2026)
        for _ in 0..<20_000 {
            let text = (0..<Int(random.next() % 12)).map { _ in random.pick(pieces) }.joined()
            #expect(graphemes(text) == text.count, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test("the overflow offset is where the text passes the limit")
    func overflow() {
        let text = AnalyzedText(String(repeating: "x", count: 281), lexicon: Self.lexicon)
        let measure = ChannelLength.measure(text, counting: .weighted, recommended: 280, limit: 300)
        #expect(measure.value == 281)
        #expect(measure.recommendedOverflow == 280)
        #expect(measure.limitOverflow == nil)
    }

    @Test("each length is passed where the character that passes it starts, in either counting")
    func overflowBetweenCharacters() {
        // a b 😊 c d: weighted 1 2 4 5 6; graphemes 1 2 3 4 5.
        let text = AnalyzedText("ab😊cd", lexicon: Self.lexicon)
        let weighted = ChannelLength.measure(text, counting: .weighted, recommended: 3, limit: 4)
        #expect(weighted.value == 6)
        #expect(weighted.recommendedOverflow == 2)
        #expect(weighted.limitOverflow == 6)
        let graphemes = ChannelLength.measure(text, counting: .graphemes, recommended: 4, limit: 3)
        #expect(graphemes.value == 5)
        #expect(graphemes.recommendedOverflow == 7)
        #expect(graphemes.limitOverflow == 6)
        let unbounded = ChannelLength.measure(text, counting: .weighted)
        #expect(unbounded.recommendedOverflow == nil && unbounded.limitOverflow == nil)
    }

    @Test("below U+2100 the emoji scanner looks up properties only where Unicode has emoji")
    func emojiBelowLetterlikeSymbols() {
        for value in UInt32(0x80)..<0x2100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let bytes = Array("\(scalar)\u{FE0F}".utf8)
            let length = bytes.withUnsafeBufferPointer { EmojiScanner.sequenceLength($0, at: 0) }
            #expect((length > 0) == scalar.properties.isEmoji, "U+\(String(value, radix: 16))")
        }
    }

    @Test("X's URLs follow twitter-text's grammar", arguments: [
        ("Infos: https://www.bahn.de/service?id=42.", ["https://www.bahn.de/service?id=42"]),
        ("example.com www.example.com foo.co.jp t.co vine.co", ["example.com", "www.example.com", "foo.co.jp", "t.co", "vine.co"]),
        ("bahn.de otto.de/x", ["otto.de/x"]),                          // name + country code: only with a path
        ("http://localhost:8080/x https://intranet.corp/y", []),        // no top-level domain X knows
        ("Link:https://x.de,https://y.de", ["https://x.de", "https://y.de"]), // after punctuation, not after letters
        ("a/bahn.de/x x_otto.de/x", []),                               // no scheme: not after / - _ .
        ("service@otto.de #test.com @test.com $t.co", []),
        ("http://twitter_underscore.com http://-x.com http://x-.com", []),
        ("http://sub_domain.x.com", ["http://sub_domain.x.com"]),       // an underscore only in a subdomain
        ("https://en.wikipedia.org/wiki/Primer_(film)", ["https://en.wikipedia.org/wiki/Primer_(film)"]),
        ("http://t.co/pbY2NfTZ's", ["http://t.co/pbY2NfTZ"]),           // a t.co link ends with its slug
        ("日本語example.com/path中国語", ["example.com/path"]),            // without a scheme only the ASCII part
        ("価格は3.5万円です。example.com中国語http://t.co/abcde", ["example.com", "http://t.co/abcde"]),
        ("http://foobar.みんな/ http://☃.net/", ["http://foobar.みんな/", "http://☃.net/"]),
        ("\u{2066}\u{202A}http://foobar.پاکستان/\u{202C}\u{2069}", ["http://foobar.پاکستان/"]), // directional marks around
        ("x.ab" + String(repeating: "c", count: 61) + ".com", ["x.ab" + String(repeating: "c", count: 61) + ".com"]),
        ("x.ab" + String(repeating: "c", count: 62) + ".com", []),      // a label over 63 characters
        ("http://" + String(repeating: "あ", count: 52) + ".com", ["http://" + String(repeating: "あ", count: 52) + ".com"]),
        ("http://" + String(repeating: "あ", count: 60) + ".com", []),  // over 63 once punycode-encoded
    ])
    func urls(text: String, expected: [String]) {
        let analyzed = AnalyzedText(text, lexicon: Self.lexicon)
        #expect(analyzed.urls.map { analyzed.excerpt($0) } == expected)
    }

    @Test("punycode lengths as RFC 3492 encodes them")
    func punycode() {
        for (label, encoded) in [("bücher", "bcher-kva"), ("☃", "n3h"), ("みんな", "q9jyb4c"), ("پاکستان", "mgbai9azgqp6j"),
                                 (String(repeating: "あいうえおかきくけこ", count: 5) + "あい", String(repeating: "x", count: 59))] {
            let bytes = Array(label.utf8)
            let length = bytes.withUnsafeBufferPointer { TwitterURL.punycodeLength($0, 0, $0.count, limit: 100) }
            #expect(length == encoded.count, "\(label)")
        }
    }

    @Test("X refuses U+FFFE, U+FEFF and U+FFFF, an empty post and one over 280")
    func acceptance() {
        func measure(_ text: String) -> LengthMeasure {
            ChannelLength.measure(AnalyzedText(text, lexicon: Self.lexicon), counting: .weighted)
        }
        #expect(ChannelLength.acceptedByX(measure("Danke!")))
        #expect(measure("ABC\u{FFFF}").refusedCharacterOffset == 3)
        #expect(!ChannelLength.acceptedByX(measure("a\u{FEFF}")))
        #expect(!ChannelLength.acceptedByX(measure("")))
        #expect(!ChannelLength.acceptedByX(measure(String(repeating: "x", count: 281))))
        #expect(ChannelLength.acceptedByX(measure(String(repeating: "x", count: 280))))
    }
}

import Testing
@testable import TonlageCore

/// Phrases found word by word, and the per-reply index of where each matcher's phrases can
/// start: with it (a frozen lexicon) and without it (every token looked at), the same matches.
struct PhraseMatcherTests {
    private struct Setup {
        var lexicon = Lexicon()
        var matchers: [PhraseMatcher] = []

        init(_ lists: [(phrases: [String], gap: Int)]) {
            for (phrases, gap) in lists {
                var matcher = PhraseMatcher(gap: gap)
                for phrase in phrases { matcher.add(phrase, lexicon: &lexicon) }
                matchers.append(matcher)
            }
        }

        var frozen: Lexicon {
            var frozen = lexicon
            frozen.freeze()
            return frozen
        }
    }

    private func found(_ matcher: PhraseMatcher, _ text: AnalyzedText, _ range: Range<Int>? = nil) -> [[Int]] {
        matcher.matches(in: text, tokens: range).map { [$0.phrase, $0.firstToken, $0.lastToken] }
    }

    @Test("stars, prefixes, suffixes and gaps; the longest match wins and matches never overlap")
    func phrases() {
        let setup = Setup([(["vielen dank", "vielen dank für * nachricht", "*nummer", "bezüglich*"], 0),
                           (["da können wir nichts machen"], 1)])
        let text = AnalyzedText("Vielen Dank für deine Nachricht. Bezüglich deiner Kundennummer: da können wir leider nichts machen.",
                                lexicon: setup.frozen)
        #expect(found(setup.matchers[0], text) == [[1, 0, 4], [3, 5, 5], [2, 7, 7]])
        #expect(found(setup.matchers[1], text) == [[0, 8, 13]])
        #expect(setup.matchers[1].occurs(in: text))
        #expect(!setup.matchers[1].occurs(in: text, tokens: 0..<8))
    }

    @Test("a phrase never crosses a sentence")
    func sentences() {
        let setup = Setup([(["vielen dank"], 0)])
        let text = AnalyzedText("Das war es vielen. Dank dir!", lexicon: setup.frozen)
        #expect(found(setup.matchers[0], text).isEmpty)
    }

    @Test("a token range limits where matches start and end")
    func ranges() {
        let setup = Setup([(["vielen dank"], 0)])
        let text = AnalyzedText("Vielen Dank und vielen Dank", lexicon: setup.frozen)
        #expect(found(setup.matchers[0], text, 1..<5) == [[0, 3, 4]])
        #expect(found(setup.matchers[0], text, 0..<4) == [[0, 0, 1]])
        #expect(!setup.matchers[0].occurs(in: text, tokens: 1..<4))
    }

    @Test("with and without the index of phrase starts, the same matches on 3,000 seeded replies")
    func indexAgreesWithScan() {
        let setup = Setup([(["vielen dank", "vielen dank für * nachricht", "dank*"], 0),
                           (["*nummer", "deine *nummer bitte"], 0),
                           (["da können wir nichts machen", "wir können"], 1),
                           (["dank"], 2)])
        let words = ["vielen", "Dank", "danke", "für", "deine", "Nachricht", "Kundennummer", "bitte", "da", "können", "wir",
                     "leider", "nichts", "machen", ".", ",", "!", "und"]
        var random = SeededRandom(seed: 5)
        let indexed = setup.frozen
        for _ in 0..<3_000 {
            let reply = (0..<(Int(random.next() % 14))).map { _ in random.pick(words) }.joined(separator: " ")
            let withIndex = AnalyzedText(reply, lexicon: indexed)
            let withoutIndex = AnalyzedText(reply, lexicon: setup.lexicon)
            let count = withIndex.tokens.count
            let lower = count == 0 ? 0 : Int(random.next() % UInt64(count))
            let range = lower..<(lower + Int(random.next() % UInt64(count - lower + 1)))
            for matcher in setup.matchers {
                #expect(found(matcher, withIndex) == found(matcher, withoutIndex), "\(reply)")
                #expect(found(matcher, withIndex, range) == found(matcher, withoutIndex, range), "\(reply) \(range)")
                #expect(matcher.occurs(in: withIndex, tokens: range) == matcher.occurs(in: withoutIndex, tokens: range), "\(reply) \(range)")
            }
        }
    }
}

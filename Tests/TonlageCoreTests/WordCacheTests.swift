import Testing
@testable import TonlageCore

/// The per-thread table of words seen before: a reply analysed from it is the same as one
/// analysed afresh, and a lexicon extended and frozen again never reads an older lexicon's terms.
struct WordCacheTests {
    private func summary(_ text: AnalyzedText) -> [String] {
        text.tokens.indices.map { index in
            let token = text.tokens[index]
            let terms = text.termPositions(of: index).map { String(text.term(at: $0)) }.joined(separator: ",")
            return "\(token.start)-\(token.end) \(text.key(index)) \(token.flags.rawValue) [\(terms)]"
        }
    }

    @Test("a reply read through the word table equals one read afresh, disguised words included")
    func sameAsAfresh() {
        var lexicon = Lexicon()
        var matcher = PhraseMatcher()
        for phrase in ["vielen dank", "*nummer", "bezüglich*", "café"] { matcher.add(phrase, lexicon: &lexicon) }
        let unfrozen = lexicon
        lexicon.freeze()
        let replies = ["Vielen Dank für deine Kundennummer!", "Bezüglich deiner Anfrage: Café, Cafe\u{301}, Ayşe.",
                       "V\u{200B}ielen Dank, KUNDENNUMMER", "Vielen Dank für deine Kundennummer!", "Ｄａｎｋ dir"]
        for _ in 0..<2 {
            for reply in replies {
                #expect(summary(AnalyzedText(reply, lexicon: lexicon)) == summary(AnalyzedText(reply, lexicon: unfrozen)), "\(reply)")
            }
        }
        #expect(AnalyzedText("V\u{200B}ielen Dank", lexicon: lexicon).tokens.first?.flags.contains(.disguised) == true)
    }

    @Test("a lexicon extended after freezing gets a table of its own at the next freeze")
    func extendedLexicon() {
        var lexicon = Lexicon()
        _ = lexicon.term(for: "paket")
        lexicon.freeze()
        #expect(AnalyzedText("Dein Paket ist da", lexicon: lexicon).termPositions(of: 2).isEmpty)
        var extended = lexicon
        let ist = extended.term(for: "ist")
        extended.freeze()
        let text = AnalyzedText("Dein Paket ist da", lexicon: extended)
        #expect(text.termPositions(of: 2).map { text.term(at: $0) } == [ist])
        #expect(AnalyzedText("Dein Paket ist da", lexicon: lexicon).termPositions(of: 2).isEmpty)
    }

    @Test("the byte-key index finds every key it was given, across growth, and no other")
    func index() {
        var index = ByteKeyIndex(limit: 10_000)
        let keys = (0..<3_000).map { Array("wort\($0)".utf8) } + [[]]
        for (number, key) in keys.enumerated() {
            #expect(key.withUnsafeBufferPointer { index.insert($0) } == number)
        }
        for (number, key) in keys.enumerated() {
            #expect(key.withUnsafeBufferPointer { index.find($0) } == number)
        }
        #expect(Array("wort3000".utf8).withUnsafeBufferPointer { index.find($0) } == nil)
        #expect(index.count == keys.count && !index.isFull)
    }
}

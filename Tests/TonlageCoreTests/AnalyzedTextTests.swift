import Testing
@testable import TonlageCore

/// Words, sentences and what is set aside before words are cut.
@Suite("analysed text")
struct AnalyzedTextTests {
    func words(_ text: String) -> [String] {
        let analyzed = AnalyzedText(text, lexicon: Lexicon())
        return analyzed.tokens.indices.map { analyzed.key($0) }
    }

    @Test("handles, hashtags, URLs, e-mail addresses and agent signatures are not words")
    func setAside() {
        #expect(words("@DB_Bahn Danke #ICE https://t.co/ZncON bahn.de/x service@otto.de ^KH /je") == ["danke"])
        let text = AnalyzedText("Schau auf bahn.de und https://x.de/y.", lexicon: Lexicon())
        #expect(text.tokens.indices.map { text.key($0) } == ["schau", "auf", "und"])
        // bahn.de is set aside but is no URL to X: a name under a country-code domain needs a path.
        #expect(text.urls.map { text.excerpt($0) } == ["https://x.de/y"])
    }

    @Test("words are folded: NFC, lower case, apostrophes inside, hyphens between")
    func folding() {
        #expect(words("GRÜSSE Gru\u{308}ße geht’s E-Mail-Adresse") == ["grüsse", "grüße", "geht's", "e", "mail", "adresse"])
    }

    @Test("sentences end at . ! ? : and line breaks, not inside numbers or abbreviations")
    func sentences() {
        let text = AnalyzedText("Hallo Jana! Der Termin ist am 1. des Monats, um 17:42 Uhr. Z. B. so geht es, bzw. anders\nNeue Zeile: Sie? nein", lexicon: Lexicon())
        let starts = text.tokens.indices.filter { text.tokens[$0].flags.contains(.sentenceStart) }.map { text.key($0) }
        #expect(starts == ["hallo", "der", "z", "b", "neue", "sie", "nein"])
        #expect(text.sentences.count == 7)
        #expect(text.excerpt(text.sentences[0].start..<text.sentences[0].end) == "Hallo Jana!")
    }

    @Test("a word is plain exactly when it has no digit, no apostrophe and no capital after its first character (5,000 seeded words)")
    func plainWords() {
        let pieces = ["a", "B", "ä", "Ö", "ß", "é", "\u{301}", "1", "'", "\u{2019}", "\u{200B}", "Ⓐ", "Ǆ", "ǅ", "x", "Σ", "ς", "１"]
        var random = SeededRandom(seed: 11)
        for _ in 0..<5_000 {
            let text = (0..<(1 + Int(random.next() % 6))).map { _ in random.pick(pieces) }.joined()
            let analyzed = AnalyzedText(text, lexicon: Lexicon())
            for token in analyzed.tokens {
                let word = String(decoding: analyzed.bytes[token.start..<token.end], as: UTF8.self).unicodeScalars
                let expected = !word.contains { ("0"..."9").contains($0) || $0 == "'" || $0 == "\u{2019}" }
                    && !word.dropFirst().contains { $0.properties.isUppercase }
                #expect(token.flags.contains(.plain) == expected, "\(text)")
            }
        }
    }

    @Test("emoji sequences are found whole")
    func emoji() {
        let text = AnalyzedText("Hi 👨‍👩‍👧 👍🏽🇩🇪 1⃣ ❤️ © ok", lexicon: Lexicon())
        #expect(text.emoji.map { text.excerpt($0) } == ["👨‍👩‍👧", "👍🏽", "🇩🇪", "1⃣", "❤️"])
    }

    @Test("prefix and suffix terms match inflections and compounds")
    func lexicon() {
        var lexicon = Lexicon()
        let prefix = lexicon.term(for: "bezüglich*")
        let suffix = lexicon.term(for: "*nummer")
        var frozen = lexicon
        frozen.freeze()
        // Frozen (byte tries) or not (tables), the answer is the same.
        for lexicon in [lexicon, frozen] {
            let text = AnalyzedText("Bezüglichen Kundennummer Nummer Numme", lexicon: lexicon)
            #expect(text.token(0, is: prefix))
            #expect(text.token(1, is: suffix))
            #expect(text.token(2, is: suffix))
            #expect(!text.token(3, is: suffix))
        }
    }

    @Test("the byte-level classes agree with Unicode's properties below U+0300 and in the combining range")
    func scalarClasses() {
        for value in UInt32(0)..<0x370 {
            let properties = Unicode.Scalar(value)!.properties
            let mark = properties.generalCategory == .nonspacingMark
            #expect(UTF8Scanning.isCombiningMark(value) == mark, "U+\(String(value, radix: 16))")
            #expect(UTF8Scanning.isWordScalar(value) == (mark || properties.isAlphabetic && !properties.isEmoji
                                                        || (0x30...0x39).contains(value)), "U+\(String(value, radix: 16))")
            #expect(UTF8Scanning.isUppercase(value) == properties.isUppercase, "U+\(String(value, radix: 16))")
            #expect(UTF8Scanning.isLowercase(value) == properties.isLowercase, "U+\(String(value, radix: 16))")
        }
    }
}

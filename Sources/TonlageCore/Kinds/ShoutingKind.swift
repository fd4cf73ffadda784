/// `kind: shouting` — words in capitals that are not acronyms or names ("WIR KÖNNEN NUR
/// HELFEN", "Das ist NICHT unser Fehler").
///
/// Capitals are shouting when they carry ordinary words; companies and products spell their
/// names in capitals too (DEVK, HUK-COBURG, FRITZ!Box, IKEA's BILLY). Without a list of every
/// brand, the kind reads the shape and the place of the word:
/// - two or more words in capitals in a row are shouting (together at least 6 letters, and
///   three words or one of `min_letters`: "DEVK, SEPA" is a list of acronyms);
/// - a single word in capitals shouts only from `min_letters` letters (default 5), when it has
///   a vowel, holds no digit (XK7P2M is a code), is not joined to another word by a hyphen or
///   mark (HUK-COBURG, FRITZ!Box, BILLY-Regal are names), and does not follow a noun (with
///   nothing but a space between) or one
///   of the `name_after` words ("die Tür OXBERG", "bei ERGO");
/// - `acronyms` lists capital words that are never shouting ("OTTO", "IBAN").
///
/// With a `dictionary` (a Hunspell dictionary such as `de_DE`), the words themselves decide:
/// capitals shout when they spell ordinary words. A run shouts when most of its words are in
/// the dictionary ("WIR KÖNNEN NUR HELFEN", not "SUNDANCE KIDS"); a single word when the
/// dictionary knows it ("GENAU", not "OXBERG"), and then even a short one that exists only in
/// lower case, the function words of emphasis ("VOR dem Einsteigen", "KEIN gültiger
/// Fahrschein"), where "DB", "TAN" or "OTTO" are no words. Without the dictionary installed
/// the shape alone decides.
/// One hit per run of shouted words.
public struct ShoutingKind: RuleKind {
    public static let name = "shouting"
    public static let description = KindDescription(
        summary: "words in capitals that are not acronyms or names, told apart by length, vowels, digits, hyphenated names (\"HUK-COBURG\", \"FRITZ!Box\") and place (\"die Tür OXBERG\", \"von ERGO\")",
        parameters: [
            .optional("min_letters", "integer", "5", "letters from which a single word in capitals shouts"),
            .optional("acronyms", "phrases", "none", "capital words that never shout (\"OTTO\", \"IBAN\")"),
            .optional("name_after", "phrases", "none", "words after which capitals are a name (\"bei\", \"von\")"),
            .optional("dictionary", "dictionary name", "none", "a Hunspell dictionary (de_DE): capitals shout when they spell ordinary words"),
        ],
        example: """
            min_letters: 5
            acronyms: [IBAN, OTTO]
            name_after: [bei, von]
            """)

    let minimumLetters: Int
    let acronyms: [Lexicon.Term]
    let nameAfter: [Lexicon.Term]
    let dictionary: HunspellDictionary?
    /// The dictionary's word on a word in capitals, by its folded bytes: asking Hunspell again
    /// for every "ACHTUNG" of a batch, through a lock both cores share, cost more than all the
    /// rule's other work.
    let verdicts = WordVerdictCache()

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {
        minimumLetters = fields.int("min_letters", in: 2...20) ?? 5
        acronyms = fields.strings("acronyms").map { lexicon.term(for: TextFolding.fold($0.text)) }
        nameAfter = fields.strings("name_after").map { lexicon.term(for: TextFolding.fold($0.text)) }
        if let name = fields.string("dictionary") {
            dictionary = HunspellDictionary.named(name)
            if dictionary == nil {
                fields.sink.report("the dictionary `\(name)` is not installed; shouting is told from names by their shape alone",
                                   code: .missingDictionary, at: fields.node("dictionary")?.mark)
            }
        } else {
            dictionary = nil
        }
    }

    public func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) {
        var run: [Int] = []
        func close() {
            guard let first = run.first, let last = run.last else { return }
            defer { run.removeAll(keepingCapacity: true) }
            let letters = run.reduce(0) { $0 + text.tokens[$1].letterCount }
            let long = run.contains { text.tokens[$0].letterCount >= minimumLetters }
            let shouted = run.count >= 2
                ? letters >= 6 && (long || run.count >= 3) && !isOneName(run, in: text) && mostlyWords(run, in: text)
                : isShoutedAlone(first, in: text)
            guard shouted else { return }
            let start = text.tokens[first].start, end = text.tokens[last].end
            hits.append(Hit(start: start, end: end, values: ["match": text.excerpt(start..<end)]))
        }
        var lastSentence = -1
        for (index, token) in text.tokens.enumerated() where token.letterCount > 0 {
            if token.sentence != lastSentence { close() }
            lastSentence = token.sentence
            if isCapitals(index, in: text) {
                run.append(index)
            } else {
                close()
            }
        }
        close()
    }

    private func isCapitals(_ index: Int, in text: AnalyzedText) -> Bool {
        let token = text.tokens[index]
        return token.flags.contains(.allCaps) && token.letterCount >= 2 && !text.token(index, isAnyOf: acronyms)
            && !text.bytes[token.start..<token.end].contains { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Tokens written together without a space ("HUK-COBURG") are one name.
    private func isOneName(_ run: [Int], in text: AnalyzedText) -> Bool {
        zip(run, run.dropFirst()).allSatisfy { isJoined($0, $1, in: text) }
    }

    private func isJoined(_ left: Int, _ right: Int, in text: AnalyzedText) -> Bool {
        let gap = text.bytes[text.tokens[left].end..<text.tokens[right].start]
        return !gap.isEmpty && gap.count <= 2 && !gap.contains { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 }
    }

    /// Without a dictionary every run counts.
    private func mostlyWords(_ run: [Int], in text: AnalyzedText) -> Bool {
        guard dictionary != nil else { return true }
        return run.filter { isWord($0, in: text) != .none }.count * 2 > run.count
    }

    private enum WordKind: UInt8 { case none, lowerCaseOnly, noun }

    private func isWord(_ index: Int, in text: AnalyzedText) -> WordKind {
        guard let dictionary else { return .none }
        return text.withKey(index) { key in
            verdicts.withTable { table in
                if let known = table.find(key, as: WordKind.self) { return known }
                let lower = String(decoding: key, as: UTF8.self)
                let kind: WordKind = dictionary.spell(lower) ? .lowerCaseOnly
                    : dictionary.spell(lower.prefix(1).uppercased() + lower.dropFirst()) ? .noun : .none
                table.insert(key, kind)
                return kind
            }
        }
    }

    private func isShoutedAlone(_ index: Int, in text: AnalyzedText) -> Bool {
        let token = text.tokens[index]
        let word = dictionary == nil ? WordKind.none : isWord(index, in: text)
        if dictionary != nil {
            // A function word of emphasis: "VOR", "KEIN", "NUR"; two letters ("OK") are too few to tell.
            let emphasis = word == .lowerCaseOnly && token.letterCount >= 3
            guard emphasis || (word != .none && token.letterCount >= minimumLetters) else { return false }
        }
        guard token.letterCount >= minimumLetters || dictionary != nil, hasVowel(index, in: text) else { return false }
        if index > 0, isJoined(index - 1, index, in: text) { return false }
        if index + 1 < text.tokens.count, isJoined(index, index + 1, in: text) { return false }
        guard index > 0, text.tokens[index - 1].sentence == token.sentence else { return true }
        let previous = text.tokens[index - 1]
        // "die Tür OXBERG": a name right after a noun; after "Lisa," the comma ends the name.
        let onlySpace = text.bytes[previous.end..<token.start].allSatisfy { $0 == 0x20 }
        if onlySpace && previous.flags.contains(.capitalized) && !previous.flags.contains(.sentenceStart) { return false }
        return !text.token(index - 1, isAnyOf: nameAfter)
    }

    private func hasVowel(_ index: Int, in text: AnalyzedText) -> Bool {
        text.withKey(index) { key in
            // Folded, so lower case. A vowel with a mark on it ("a" and U+0335) is no vowel here.
            var i = 0
            while i < key.count {
                let (value, length) = UTF8Scanning.decode(key, at: i)
                i += length
                switch value {
                case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79, 0xE4, 0xF6, 0xFC: break // a e i o u y ä ö ü
                default: continue
                }
                if i == key.count || !UTF8Scanning.isCombiningMark(UTF8Scanning.decode(key, at: i).scalar) { return true }
            }
            return false
        }
    }
}

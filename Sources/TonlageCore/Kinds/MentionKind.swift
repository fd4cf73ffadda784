/// `kind: mention` — what a reply must (or must not) mention, read the way a German speaker
/// reads it rather than as a fixed phrase: a phrase's words anywhere within one sentence and in
/// any order, so a separable verb is found ("Startet … neu" mentions `neu starten`); inflected
/// forms through the dictionary's stems ("empfehle" mentions `empfehlen`, "Lieferung"
/// `liefern`); and a mention right after a negation ("nicht morgen", "kein Termin") does not
/// count. Words inside quotation marks are someone else's and count for nothing.
///
/// `report: missing` (the default) hits the first sentence when no phrase is mentioned, as a
/// requirement does; `report: present` hits every mention, as a forbidden word does (a
/// negation does not excuse a forbidden word).
public struct MentionKind: RuleKind {
    public static let name = "mention"
    public static let description = KindDescription(
        summary: "what a reply must (or must not) mention: a phrase's words within one sentence in any order, inflected forms through the dictionary's stems, not after a negation",
        parameters: [
            .required("phrases", "phrases", "any one of them is a mention; `word*` and `*word` match beginnings and endings"),
            .optional("negations", "phrases", "none", "words that, up to two words before a mention, make it not count"),
            .optional("dictionary", "string", "none", "the Hunspell dictionary whose stems match inflected forms (`de_DE`)"),
            .optional("report", "`missing` or `present`", "missing", "report the reply without a mention, or every mention"),
        ],
        example: """
            phrases: [neu starten, router*]
            negations: [nicht, kein*]
            dictionary: de_DE
            """)

    public enum Report: String, CaseIterable, Sendable {
        case missing, present
    }

    /// One word of a phrase.
    enum Element: Sendable {
        /// The word as written, or any word sharing a dictionary stem with it.
        case word(String, stems: Set<String>)
        case prefix(String)
        case suffix(String)

        /// Whether token `index` is this word. `stems` gives a token's stems when the element
        /// has any to compare.
        func matches(_ text: AnalyzedText, _ index: Int, stems: (Int) -> Set<String>) -> Bool {
            switch self {
            case let .word(word, wordStems):
                let key = text.key(index)
                return key == word || (!wordStems.isEmpty && !wordStems.isDisjoint(with: stems(index)))
            case let .prefix(beginning):
                return text.key(index).hasPrefix(beginning)
            case let .suffix(ending):
                return text.key(index, hasSuffix: ending)
            }
        }
    }

    struct Phrase: Sendable {
        let elements: [Element]
        /// False when the phrase itself holds a negation word ("keine Kosten"): then a
        /// negation before its words is its own meaning, not a denial of it.
        let negatable: Bool
    }

    let phrases: [Phrase]
    let negations: [Element]
    let dictionary: HunspellDictionary?
    let report: Report

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {
        let dictionary = fields.dictionary(consequence: "words match only as written")
        let phrases = fields.strings("phrases", required: true, what: "a mention rule")
        for (phrase, mark) in phrases where Self.words(of: phrase).isEmpty {
            fields.sink.report("the phrase `\(phrase)` holds no word to match", code: .badValue, at: mark)
        }
        self.init(phrases: phrases.map(\.text), negations: fields.strings("negations").map(\.text), dictionary: dictionary,
                  report: fields.choice("report", as: Report.self) ?? .missing)
    }

    /// A rule built in code (a scenario step's expectations), not read from a guide.
    public init(phrases: [String], negations: [String], dictionary: HunspellDictionary?, report: Report) {
        self.dictionary = dictionary
        self.report = report
        let negations = negations.flatMap { Self.elements(of: $0, dictionary: nil) }
        self.negations = negations
        self.phrases = phrases.compactMap { phrase in
            let elements = Self.elements(of: phrase, dictionary: dictionary)
            guard !elements.isEmpty else { return nil }
            let words = Self.words(of: phrase).map { $0.lowercased() }
            let negatable = !words.contains { word in
                negations.contains { negation in
                    switch negation {
                    case let .word(w, _): w == word
                    case let .prefix(p): word.hasPrefix(p)
                    case let .suffix(s): word.hasSuffix(s)
                    }
                }
            }
            return Phrase(elements: elements, negatable: negatable)
        }
    }

    /// The words of a phrase, `*` marks kept: as the matcher of every other kind splits them.
    public static func words(of phrase: String) -> [String] {
        PhraseMatcher.elements(of: phrase).filter { $0 != "*" }
    }

    static func elements(of phrase: String, dictionary: HunspellDictionary?) -> [Element] {
        words(of: phrase).map { word in
            let folded = word.lowercased()
            if folded.hasPrefix("*") { return .suffix(String(folded.dropFirst())) }
            if folded.hasSuffix("*") { return .prefix(String(folded.dropLast())) }
            // A noun as written in a phrase may be lower case; the dictionary knows it capitalised.
            let stems = dictionary.map { dictionary in
                Set((dictionary.stems(of: word) + dictionary.stems(of: word.prefix(1).uppercased() + word.dropFirst()))
                    .map { $0.lowercased() })
            } ?? []
            return .word(folded, stems: stems)
        }
    }

    public func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) {
        var stemCache: [Int: Set<String>] = [:]
        let stems: (Int) -> Set<String> = { index in
            if let known = stemCache[index] { return known }
            let token = text.tokens[index]
            let found = dictionary.map { Set($0.stems(of: text.excerpt(token.start..<token.end)).map { $0.lowercased() }) } ?? []
            stemCache[index] = found
            return found
        }
        switch report {
        case .missing:
            for phrase in phrases {
                for sentence in text.sentences where mention(of: phrase, in: sentence, text: text, stems: stems) != nil { return }
            }
            let first = text.sentences.first
            hits.append(Hit(start: first?.start ?? 0, end: first?.end ?? text.bytes.count))
        case .present:
            for sentence in text.sentences {
                for phrase in phrases {
                    guard let tokens = mention(of: phrase, in: sentence, text: text, stems: stems, negations: false) else { continue }
                    let start = text.tokens[tokens.min()!].start, end = text.tokens[tokens.max()!].end
                    hits.append(Hit(start: start, end: end, values: ["match": text.excerpt(start..<end)]))
                }
            }
        }
    }

    /// The tokens that mention the phrase within the sentence, one per word (each word takes
    /// the first token left that fits), or nil.
    private func mention(of phrase: Phrase, in sentence: Sentence, text: AnalyzedText, stems: (Int) -> Set<String>,
                         negations checkNegations: Bool = true) -> [Int]? {
        var used: [Int] = []
        for element in phrase.elements {
            let found = sentence.tokens.first { index in
                !used.contains(index) && !text.tokens[index].flags.contains(.quoted)
                    && element.matches(text, index, stems: stems)
                    && !(checkNegations && phrase.negatable && isNegated(index, in: sentence, text: text))
            }
            guard let found else { return nil }
            used.append(found)
        }
        return used
    }

    private func isNegated(_ index: Int, in sentence: Sentence, text: AnalyzedText) -> Bool {
        let before = max(sentence.tokens.lowerBound, index - 2)..<index
        return before.contains { position in negations.contains { $0.matches(text, position, stems: { _ in [] }) } }
    }
}

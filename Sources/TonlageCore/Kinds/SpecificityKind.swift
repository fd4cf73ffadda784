/// `kind: specificity` — boilerplate in fresh words. A stock sentence gives itself away by
/// what it lacks: nothing about this customer's case (no number, date, time, link, product or
/// name), only reassurance ("Wir nehmen jedes Feedback ernst und geben es intern weiter").
/// Measuring both catches a paraphrase that no phrase list foresaw, and spares a personal
/// reply that shares a few words with a stock phrase.
///
/// A sentence is *generic* when it holds at least `min_vague` words of the `vague` list and
/// nothing specific: no digit, link or e-mail address, none of the `specific` words (weekdays,
/// "morgen", "Uhr" …), and no capitalised word inside the sentence that is not in
/// `generic_nouns` (German capitalises nouns: "Paket", "Weiche", "Einsatzplanung" are the
/// case; "Feedback", "Anliegen", "Team" are not) and that is not a name after one of
/// `name_after` ("Hallo Sven"). Sentences holding a `closing` word ("Grüße") are sign-offs,
/// and so is a short last sentence (six words at most) holding a `signature` word ("Dein Team
/// der Stadtbibliothek Ebersfeld").
///
/// `report: sentence` (default) reports every generic sentence; `report: reply` reports the
/// reply once when none of its sentences is specific and they hold `min_vague` vague words in all.
public struct SpecificityKind: RuleKind {
    public static let name = "specificity"
    public static let description = KindDescription(
        summary: "boilerplate in fresh words: reassurance with nothing about the case (no number, time, link, concrete noun or first-person action), per sentence or for the whole reply",
        parameters: [
            .optional("report", "choice (sentence|reply)", "sentence", "report every generic sentence, or the reply once"),
            .required("vague", "phrases", "reassurance words that say nothing about the case"),
            .optional("specific", "phrases", "none", "words that tie a sentence to the case (weekdays, \"morgen\", \"Uhr\")"),
            .optional("generic_nouns", "phrases", "none", "capitalised nouns that are not about the case (\"Feedback\", \"Anliegen\")"),
            .optional("name_after", "phrases", "none", "words after which a capitalised word is a name (\"Hallo\")"),
            .optional("closing", "phrases", "none", "words that make a sentence a sign-off (\"Grüße\")"),
            .optional("signature", "phrases", "none", "words of a short last sentence that signs the reply (\"Team\")"),
            .optional("min_vague", "integer", "2", "vague words a generic sentence (or reply) holds at least"),
        ],
        example: """
            vague: [feedback, ernst, intern, weitergeben, anliegen]
            generic_nouns: [Feedback, Anliegen, Team]
            name_after: [hallo, hi]
            closing: [grüße, gruß]
            min_vague: 2
            """)

    public enum Report: String, CaseIterable, Sendable { case sentence, reply }

    let report: Report
    let vague: PhraseMatcher
    let specific: PhraseMatcher
    let genericNouns: PhraseMatcher
    let nameAfter: PhraseMatcher
    let closing: PhraseMatcher
    let signature: PhraseMatcher
    let minimumVague: Int

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {
        func matcher(_ key: String, required: Bool = false) -> PhraseMatcher {
            PhraseMatcher.read(key, from: fields, required: required, what: "a specificity rule", lexicon: &lexicon)
        }
        report = fields.choice("report", as: Report.self) ?? .sentence
        vague = matcher("vague", required: true)
        specific = matcher("specific")
        genericNouns = matcher("generic_nouns")
        nameAfter = matcher("name_after")
        closing = matcher("closing")
        signature = matcher("signature")
        minimumVague = fields.int("min_vague", in: 1...20) ?? 2
    }

    /// Either report needs `min_vague` (at least one) vague words: a reply where none can start
    /// is passed by.
    public var trigger: PhraseMatcher? { vague }

    public func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) {
        // Found once for the whole reply (matches never cross a sentence) and handed to each
        // sentence in turn; a reply with fewer than either report needs is done at once.
        let allVague = vague.matches(in: text)
        guard allVague.count >= minimumVague else { return }
        var nextVague = 0
        var vagueInReply = 0
        var contentSentences = 0
        for (number, sentence) in text.sentences.enumerated() {
            let firstVague = nextVague
            while nextVague < allVague.count, allVague[nextVague].firstToken < sentence.tokens.upperBound { nextVague += 1 }
            let vagueWords = allVague[firstVague..<nextVague]
            if closing.occurs(in: text, tokens: sentence.tokens) { continue }
            if number == text.sentences.count - 1, number > 0, sentence.tokens.count <= 6,
               signature.occurs(in: text, tokens: sentence.tokens) { continue }
            if isSpecific(sentence, in: text, vagueWords: vagueWords) {
                if report == .reply { return }
                continue
            }
            contentSentences += 1
            vagueInReply += vagueWords.count
            if report == .sentence, vagueWords.count >= minimumVague {
                hits.append(Hit(start: sentence.start, end: sentence.end, values: ["match": text.excerpt(sentence.start..<sentence.end)]))
            }
        }
        if report == .reply, contentSentences > 0, vagueInReply >= minimumVague, let first = text.sentences.first,
           let last = text.sentences.last {
            hits.append(Hit(start: first.start, end: last.end, values: ["value": String(vagueInReply)]))
        }
    }

    private func isSpecific(_ sentence: Sentence, in text: AnalyzedText, vagueWords: ArraySlice<PhraseMatcher.Match>) -> Bool {
        let range = sentence.start..<sentence.end
        if text.urls.contains(where: { range.overlaps($0) }) { return true }
        if text.bytes.withUnsafeBufferPointer({ bytes in
            bytes[range].contains { $0 >= 0x30 && $0 <= 0x39 || $0 == UInt8(ascii: "@") }
        }) { return true }
        if specific.occurs(in: text, tokens: sentence.tokens) { return true }
        // Only where a capitalised word stands inside the sentence is there anything to tell.
        guard sentence.tokens.contains(where: { index in
            let flags = text.tokens[index].flags
            return (flags.contains(.capitalized) || flags.contains(.allCaps)) && !flags.contains(.sentenceStart)
        }) else { return false }
        let generic = genericNouns.matches(in: text, tokens: sentence.tokens)
        for index in sentence.tokens {
            let token = text.tokens[index]
            guard token.flags.contains(.capitalized) || token.flags.contains(.allCaps), !token.flags.contains(.sentenceStart),
                  token.letterCount > 1, !generic.contains(where: { $0.firstToken == index }),
                  !vagueWords.contains(where: { $0.firstToken == index }) else { continue }
            if index > sentence.tokens.lowerBound, nameAfter.occurs(in: text, tokens: (index - 1)..<index) { continue }
            return true
        }
        return false
    }
}

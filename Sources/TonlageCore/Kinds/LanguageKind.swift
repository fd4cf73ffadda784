/// `kind: language` — a reply in another language than the guide's: an English answer to a
/// German customer under the German guide, or the reverse.
///
/// Function words give a language away in a few words. The reply counts as foreign when it
/// holds at least `min_words` of the `foreign` words and more of them than of the guide's own
/// `own` words. Names, handles and links are no words here.
///
/// Parameters: `own` (required), `foreign` (required), `min_words` (default 3).
public struct LanguageKind: RuleKind {
    public static let name = "language"
    public static let description = KindDescription(
        summary: "a reply in another language (function words)",
        parameters: [
            .required("own", "phrases", "function words of the guide's language"),
            .required("foreign", "phrases", "function words of the other language"),
            .optional("min_words", "integer", "3", "foreign words a reply holds at least to count as foreign"),
        ],
        example: """
            own: [und, der, die, das, ich, nicht]
            foreign: [the, and, you, is, not]
            min_words: 3
            """)

    let own: PhraseMatcher
    let foreign: PhraseMatcher
    let minimumWords: Int

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {
        own = PhraseMatcher.read("own", from: fields, required: true, what: "a language rule", lexicon: &lexicon)
        foreign = PhraseMatcher.read("foreign", from: fields, required: true, what: "a language rule", lexicon: &lexicon)
        minimumWords = fields.int("min_words", in: 1...100) ?? 3
    }

    public func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) {
        let foreignWords = foreign.matches(in: text).filter { !text.tokens[$0.firstToken].flags.contains(.quoted) }.count
        guard foreignWords >= minimumWords else { return }
        let ownWords = own.matches(in: text).filter { !text.tokens[$0.firstToken].flags.contains(.quoted) }.count
        guard foreignWords > ownWords, let first = text.sentences.first, let last = text.sentences.last else { return }
        hits.append(Hit(start: first.start, end: last.end, values: ["value": String(foreignWords)]))
    }
}

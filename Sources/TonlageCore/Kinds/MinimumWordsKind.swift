/// `kind: minimum-words` — a reply must say something: "..." or "?" is no answer.
///
/// Parameters: `min` (words with at least one letter, default 2).
public struct MinimumWordsKind: RuleKind {
    public static let name = "minimum-words"
    public static let description = KindDescription(
        summary: "a reply that says nothing",
        parameters: [
            .optional("min", "integer", "2", "words with at least one letter a reply needs"),
        ],
        example: """
            min: 2
            """)

    let minimum: Int

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {
        minimum = fields.int("min", in: 1...1000) ?? 2
    }

    public func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) {
        let words = text.wordCount
        if words < minimum {
            hits.append(Hit(start: 0, end: text.bytes.count, values: ["value": String(words), "min": String(minimum)]))
        }
    }
}

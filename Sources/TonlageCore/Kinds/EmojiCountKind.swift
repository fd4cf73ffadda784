/// `kind: emoji-count` — more emoji than a professional reply needs.
///
/// Parameters: `max` (emoji sequences allowed, default 3). A joined sequence such as
/// "👨‍👩‍👧" counts once. The hit covers the emoji beyond the allowance.
public struct EmojiCountKind: RuleKind {
    public static let name = "emoji-count"
    public static let parameters = ["max"]

    let maximum: Int

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {
        maximum = fields.int("max", in: 0...100) ?? 3
    }

    public func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) {
        guard text.emoji.count > maximum else { return }
        hits.append(Hit(start: text.emoji[maximum].lowerBound, end: text.emoji[text.emoji.count - 1].upperBound,
                        values: ["value": String(text.emoji.count), "max": String(maximum)]))
    }
}

/// `kind: emoji-count` — more emoji than a professional reply needs.
///
/// Parameters: `max` (emoji sequences allowed, default 3). A joined sequence such as
/// "👨‍👩‍👧" counts once. The hit covers the emoji beyond the allowance.
public struct EmojiCountKind: RuleKind {
    public static let name = "emoji-count"
    public static let description = KindDescription(
        summary: "more emoji (whole sequences) than allowed",
        parameters: [
            .optional("max", "integer", "3", "emoji sequences allowed"),
        ],
        example: """
            max: 3
            """)

    let maximum: Int

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {
        maximum = fields.int("max", in: 0...100) ?? 3
    }

    public func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) {
        if let hit = Excess.hit(text.emoji, allowed: maximum) { hits.append(hit) }
    }
}

/// `kind: hashtag-count` — a row of hashtags turns a personal reply into an advertisement.
///
/// Parameters: `max` (hashtags allowed, default 2). The hit covers the hashtags beyond the
/// allowance; `{value}` and `{max}` fill the message.
public struct HashtagCountKind: RuleKind {
    public static let name = "hashtag-count"
    public static let description = KindDescription(
        summary: "more hashtags than allowed",
        parameters: [
            .optional("max", "integer", "2", "hashtags allowed"),
        ],
        example: """
            max: 2
            """)

    let maximum: Int

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {
        maximum = fields.int("max", in: 0...100) ?? 2
    }

    public func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) {
        if let hit = Excess.hit(text.hashtags, allowed: maximum) { hits.append(hit) }
    }
}

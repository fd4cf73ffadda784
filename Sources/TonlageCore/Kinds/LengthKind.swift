/// `kind: length` — the reply is longer than its channel allows.
///
/// Parameters: `bound`: `limit` (the channel's hard limit, default) or `recommended`;
/// `factor` (default 1): the rule fires only beyond this multiple of the bound, so one guide
/// can hint at a reply a little over the recommendation and fail one twice as long.
/// The limits come from the guide's `channels:` settings; X counts weighted characters.
/// The hit covers the part beyond the bound; `{value}` and `{limit}` fill the message.
public struct LengthKind: RuleKind {
    public static let name = "length"
    public static let description = KindDescription(
        summary: "longer than the channel's `limit` or `recommended` length, or `factor` times it",
        parameters: [
            .optional("bound", "choice (limit|recommended)", "limit", "which of the channel's lengths to measure against"),
            .optional("factor", "number", "1", "fire only beyond this multiple of the bound"),
        ],
        example: """
            bound: recommended
            factor: 1.5
            """)

    public enum Bound: String, CaseIterable, Sendable { case limit, recommended }
    let bound: Bound
    let factor: Double

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {
        bound = fields.choice("bound", as: Bound.self) ?? .limit
        factor = fields.double("factor", in: 1...100) ?? 1
    }

    public func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) {
        let limit: Int?
        let overflow: Int?
        switch bound {
        case .limit: (limit, overflow) = (context.channel.limit, context.length.limitOverflow)
        case .recommended: (limit, overflow) = (context.channel.recommended, context.length.recommendedOverflow)
        }
        guard let limit, let overflow, Double(context.length.value) > Double(limit) * factor else { return }
        hits.append(Hit(start: overflow, end: text.bytes.count,
                        values: ["value": String(context.length.value), "limit": String(limit)]))
    }
}

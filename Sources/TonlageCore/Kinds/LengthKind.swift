/// `kind: length` — the reply is longer than its channel allows.
///
/// Parameters: `bound`: `limit` (the channel's hard limit, default) or `recommended`.
/// The limits come from the guide's `channels:` settings; X counts weighted characters.
/// The hit covers the part beyond the bound; `{value}` and `{limit}` fill the message.
public struct LengthKind: RuleKind {
    public static let name = "length"
    public static let parameters = ["bound"]

    public enum Bound: String, CaseIterable, Sendable { case limit, recommended }
    let bound: Bound

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {
        bound = fields.choice("bound", as: Bound.self) ?? .limit
    }

    public func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) {
        let limit: Int?
        let overflow: Int?
        switch bound {
        case .limit: (limit, overflow) = (context.channel.limit, context.length.overflowOffsets[1])
        case .recommended: (limit, overflow) = (context.channel.recommended, context.length.overflowOffsets[0])
        }
        guard let limit, let overflow else { return }
        hits.append(Hit(start: overflow, end: text.bytes.count,
                        values: ["value": String(context.length.value), "limit": String(limit)]))
    }
}

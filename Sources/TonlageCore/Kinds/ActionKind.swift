/// `kind: action` — the agent took another action than the situation called for: answered
/// in public where a private message or an escalation was right, or the other way round.
///
/// Parameters: `expected` (list of `reply`, `dm`, `escalate`). The hit is an empty span at the
/// start of the reply; `{action}` and `{expected}` fill the message.
public struct ActionKind: RuleKind {
    public static let name = "action"
    public static let description = KindDescription(
        summary: "another action than `reply`/`dm`/`escalate` expected (scenario turns)",
        parameters: [
            .required("expected", "choices (reply|dm|escalate)", "the actions the situation calls for"),
        ],
        example: """
            expected: [dm, escalate]
            """)

    let expected: [Action]

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {
        expected = fields.choices("expected", as: Action.self) ?? []
        if expected.isEmpty { fields.missing("expected", what: "an action rule") }
    }

    public init(expected: [Action]) { self.expected = expected }

    public func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) {
        guard !expected.contains(context.reply.action) else { return }
        hits.append(Hit(start: 0, end: 0, values: ["action": context.reply.action.rawValue,
                                                   "expected": expected.map(\.rawValue).joined(separator: ", ")]))
    }
}

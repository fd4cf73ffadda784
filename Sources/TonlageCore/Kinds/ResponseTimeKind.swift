/// `kind: response-time` — the agent took longer than the target to answer.
///
/// Parameters: `target_seconds` (required). Applies only where the time is known (a scenario
/// turn, not `check`); the hit covers the reply's first sentence. `{value}` and `{target}`
/// fill the message.
public struct ResponseTimeKind: RuleKind {
    public static let name = "response-time"
    public static let description = KindDescription(
        summary: "slower than the target (scenario turns)",
        parameters: [
            .required("target_seconds", "integer", "seconds an answer may take"),
        ],
        example: """
            target_seconds: 120
            """)

    let target: Int

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {
        target = fields.int("target_seconds", in: 1...86_400) ?? 60
        if fields.node("target_seconds") == nil { fields.missing("target_seconds", what: "a response-time rule") }
    }

    public init(targetSeconds: Int) { target = targetSeconds }

    public func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) {
        guard let seconds = context.reply.seconds, seconds > Double(target) else { return }
        let span = text.sentences.first.map { $0.start..<$0.end } ?? 0..<0
        hits.append(Hit(start: span.lowerBound, end: span.upperBound,
                        values: ["value": String(Int(seconds.rounded())), "target": String(target)]))
    }
}

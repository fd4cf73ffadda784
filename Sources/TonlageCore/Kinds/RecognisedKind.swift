/// `kind: recognised` — the reply must say what one of the guide's recognisers finds: a
/// scenario step's `must_mention: { Liefertermin: { recognise: zeitpunkt } }` becomes one.
/// The hit, when it is missing, covers the reply's first sentence, as a requirement's does.
public struct RecognisedKind: RuleKind {
    public static let name = "recognised"
    public static let description = KindDescription(
        summary: "the reply says what a recogniser of the guide finds (a concrete time, an amount, a link, a hand-off to DM)",
        parameters: [
            .required("recogniser", "string", "the name of one of the guide's `recognisers`"),
        ],
        example: """
            recogniser: zeitpunkt
            """)

    public let recogniser: String

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {
        recogniser = fields.string("recogniser", required: true, what: "a recognised rule") ?? ""
    }

    /// A rule built in code (a scenario step's expectation), not read from a guide.
    public init(recogniser: String) { self.recogniser = recogniser }

    public func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) {
        guard context.reply.recognised?.contains(recogniser) != true else { return }
        let first = text.sentences.first
        hits.append(Hit(start: first?.start ?? 0, end: first?.end ?? text.bytes.count))
    }
}

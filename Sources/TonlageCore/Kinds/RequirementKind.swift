/// `kind: requirement` — something the reply must say: empathy for an angry customer,
/// thanks for praise, who is writing on a third-party site.
///
/// Parameters: `phrases` (any one of them satisfies the rule, required), `gap`.
/// When none occurs, the hit covers the reply's first sentence, where the missing words belong.
public struct RequirementKind: RuleKind {
    public static let name = "requirement"
    public static let parameters = ["phrases", "gap"]

    let matcher: PhraseMatcher

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {
        matcher = PhraseMatcher.read("phrases", from: fields, required: true, what: "a requirement rule",
                                     gap: fields.int("gap", in: 0...5) ?? 0, lexicon: &lexicon)
    }

    /// A rule built in code (a scenario's "must mention"), not read from a guide.
    public init(phrases: [String], gap: Int = 0, lexicon: inout Lexicon) {
        var matcher = PhraseMatcher(gap: gap)
        for phrase in phrases { matcher.add(phrase, lexicon: &lexicon) }
        self.matcher = matcher
    }

    public func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) {
        guard !matcher.occurs(in: text) else { return }
        if let first = text.sentences.first {
            hits.append(Hit(start: first.start, end: first.end))
        } else {
            hits.append(Hit(start: 0, end: text.bytes.count))
        }
    }
}

/// `kind: requirement` — something the reply must say: empathy for an angry customer,
/// thanks for praise.
///
/// Parameters: `phrases` (any one of them satisfies the rule, required), `gap`, and
/// `negations` (words that, up to two words before a phrase, turn it round: "nicht schlimm"
/// and "kein Grund zum Ärger" show no understanding). Words inside quotation marks are
/// someone else's and satisfy nothing.
/// When none occurs, the hit covers the reply's first sentence, where the missing words belong.
public struct RequirementKind: RuleKind {
    public static let name = "requirement"
    public static let description = KindDescription(
        summary: "something the reply must say (empathy, thanks); a phrase after a negation (\"nicht schlimm\") or in quotation marks does not count",
        parameters: [
            .required("phrases", "phrases", "any one of them satisfies the rule"),
            .optional("gap", "integer", "0", "words allowed between a phrase's words"),
            .optional("negations", "phrases", "none", "words that, up to two words before a phrase, turn it round (\"nicht\")"),
        ],
        example: """
            phrases: [tut mir leid, verstehe]
            negations: [nicht, kein*]
            """)

    let matcher: PhraseMatcher
    let negations: PhraseMatcher

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {
        matcher = PhraseMatcher.read("phrases", from: fields, required: true, what: "a requirement rule",
                                     gap: fields.int("gap", in: 0...5) ?? 0, lexicon: &lexicon)
        negations = PhraseMatcher.read("negations", from: fields, required: false, what: "a requirement rule", lexicon: &lexicon)
    }

    /// A rule built in code (a scenario's "must mention"), not read from a guide.
    public init(phrases: [String], gap: Int = 0, lexicon: inout Lexicon) {
        var matcher = PhraseMatcher(gap: gap)
        for phrase in phrases { matcher.add(phrase, lexicon: &lexicon) }
        self.matcher = matcher
        negations = PhraseMatcher()
    }

    public func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) {
        guard !isSatisfied(by: text) else { return }
        if let first = text.sentences.first {
            hits.append(Hit(start: first.start, end: first.end))
        } else {
            hits.append(Hit(start: 0, end: text.bytes.count))
        }
    }

    func isSatisfied(by text: AnalyzedText) -> Bool {
        for match in matcher.matches(in: text) where !text.tokens[match.firstToken].flags.contains(.quoted) {
            let sentence = text.sentences[text.tokens[match.firstToken].sentence].tokens
            let before = max(sentence.lowerBound, match.firstToken - 2)..<match.firstToken
            if !negations.occurs(in: text, tokens: before) { return true }
        }
        return false
    }
}

/// `kind: existence` — words or phrases that should not appear ("lol", "hiermit").
///
/// Parameters: `phrases` (list, required), `gap` (words allowed between a phrase's words, default 0).
public struct PhraseListKind: RuleKind {
    public static let name = "existence"
    public static let parameters = ["phrases", "gap"]

    let matcher: PhraseMatcher

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {
        matcher = PhraseMatcher.read("phrases", from: fields, required: true, what: "an existence rule",
                                     gap: fields.int("gap", in: 0...5) ?? 0, lexicon: &lexicon)
    }

    /// A rule built in code (a scenario's "must not say"), not read from a guide.
    public init(phrases: [String], gap: Int = 0, lexicon: inout Lexicon) {
        var matcher = PhraseMatcher(gap: gap)
        for phrase in phrases { matcher.add(phrase, lexicon: &lexicon) }
        self.matcher = matcher
    }

    public func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) {
        for match in matcher.matches(in: text) {
            let start = text.tokens[match.firstToken].start, end = text.tokens[match.lastToken].end
            hits.append(Hit(start: start, end: end, values: ["match": text.excerpt(start..<end)]))
        }
    }
}

/// `kind: existence` — words or phrases that should not appear ("lol", "hiermit").
///
/// Parameters: `phrases` (list, required), `gap` (words allowed between a phrase's words,
/// default 0), `not_after` (words that, right before a phrase, make it something else: after
/// "bei" or "spiele", "LoL" is the game League of Legends, not chat slang).
public struct ExistenceKind: RuleKind {
    public static let name = "existence"
    public static let description = KindDescription(
        summary: "words or phrases that should not appear",
        parameters: [
            .required("phrases", "phrases", "the words or phrases the reply must not contain"),
            .optional("gap", "integer", "0", "words allowed between a phrase's words"),
            .optional("not_after", "phrases", "none", "words before a phrase that make it something else (\"bei LoL\" is the game)"),
        ],
        example: """
            phrases: [lol, hiermit]
            not_after: [bei]
            """)

    let matcher: PhraseMatcher
    let notAfter: PhraseMatcher

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {
        matcher = PhraseMatcher.read("phrases", from: fields, required: true, what: "an existence rule",
                                     gap: fields.int("gap", in: 0...5) ?? 0, lexicon: &lexicon)
        notAfter = PhraseMatcher.read("not_after", from: fields, required: false, what: "an existence rule", lexicon: &lexicon)
    }

    /// A rule built in code (a scenario's "must not say"), not read from a guide.
    public init(phrases: [String], gap: Int = 0, lexicon: inout Lexicon) {
        var matcher = PhraseMatcher(gap: gap)
        for phrase in phrases { matcher.add(phrase, lexicon: &lexicon) }
        self.matcher = matcher
        notAfter = PhraseMatcher()
    }

    public var trigger: PhraseMatcher? { matcher }

    public func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) {
        for match in matcher.matches(in: text) {
            if match.firstToken > 0, text.tokens[match.firstToken - 1].sentence == text.tokens[match.firstToken].sentence,
               notAfter.occurs(in: text, tokens: (match.firstToken - 1)..<match.firstToken) { continue }
            let start = text.tokens[match.firstToken].start, end = text.tokens[match.lastToken].end
            hits.append(Hit(start: start, end: end, values: ["match": text.excerpt(start..<end)]))
        }
    }
}

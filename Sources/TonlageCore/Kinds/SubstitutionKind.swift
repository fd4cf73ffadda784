/// `kind: substitution` — words with a better replacement ("bezüglich" → "zu").
///
/// Parameters: `replace` (mapping of phrase to suggested replacement, required), `gap`.
/// The hit's suggestion is the replacement; `{match}` and `{replacement}` fill the message.
public struct SubstitutionKind: RuleKind {
    public static let name = "substitution"
    public static let description = KindDescription(
        summary: "words with a better replacement (the suggestion)",
        parameters: [
            .required("replace", "mapping", "phrase: replacement; the replacement is the hit's suggestion"),
            .optional("gap", "integer", "0", "words allowed between a phrase's words"),
        ],
        example: """
            replace:
              bezüglich: zu
              zeitnah: bis morgen
            """)

    let matcher: PhraseMatcher
    let replacements: [String]

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {
        var matcher = PhraseMatcher(gap: fields.int("gap", in: 0...5) ?? 0)
        var replacements: [String] = []
        for (phrase, replacement, mark) in fields.stringPairs("replace", required: true, what: "a substitution rule") {
            if matcher.add(phrase, lexicon: &lexicon) == nil {
                fields.sink.report("the phrase `\(phrase)` holds no word to match", code: .badValue, at: mark)
            } else {
                replacements.append(replacement)
            }
        }
        self.matcher = matcher
        self.replacements = replacements
    }

    public var trigger: PhraseMatcher? { matcher }

    public func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) {
        for match in matcher.matches(in: text) {
            let start = text.tokens[match.firstToken].start, end = text.tokens[match.lastToken].end
            let replacement = replacements[match.phrase]
            hits.append(Hit(start: start, end: end,
                            values: ["match": text.excerpt(start..<end), "replacement": replacement],
                            suggestion: replacement))
        }
    }
}

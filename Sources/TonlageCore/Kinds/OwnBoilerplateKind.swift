/// `kind: own-boilerplate` — the agent's own boilerplate ("dein eigener Textbaustein"): a
/// sentence pasted into replies of several different scenarios.
///
/// It needs the agent's history, which the front end reads from the store and passes in
/// `ReplyContext.ownSentences` (fingerprints from `OwnSentences`, with the number of other
/// scenarios each was written in); without it the kind finds nothing, so `check` and
/// `certify` are unaffected. In a guide's examples, `earlier:` lists replies of other
/// scenarios.
///
/// Parameters: `min_scenarios` (this one included, default 3), `min_words` (shorter sentences
/// such as greetings everyone repeats, default 5). `{value}` is the number of scenarios.
public struct OwnBoilerplateKind: RuleKind {
    public static let name = "own-boilerplate"
    public static let description = KindDescription(
        summary: "a sentence the agent pasted into replies of other scenarios (needs the agent's earlier sentences, which the REPL passes from the store; examples give them as `earlier:`)",
        parameters: [
            .optional("min_scenarios", "integer", "3", "scenarios a sentence appears in, this one included"),
            .optional("min_words", "integer", "5", "shorter sentences (greetings everyone repeats) do not count"),
        ],
        example: """
            min_scenarios: 3
            min_words: 5
            """)

    let minimumScenarios: Int
    let minimumWords: Int

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {
        minimumScenarios = fields.int("min_scenarios", in: 2...100) ?? OwnSentences.scenarios
        minimumWords = max(OwnSentences.minimumWords, fields.int("min_words", in: 1...100) ?? OwnSentences.minimumWords)
    }

    public func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) {
        guard let earlier = context.reply.ownSentences, !earlier.isEmpty else { return }
        for sentence in OwnSentences.sentences(of: text) where sentence.fingerprint.split(separator: " ").count >= minimumWords {
            guard let others = earlier[sentence.fingerprint], others + 1 >= minimumScenarios else { continue }
            hits.append(Hit(start: sentence.range.lowerBound, end: sentence.range.upperBound,
                            values: ["match": sentence.text, "value": String(others + 1)]))
        }
    }
}

/// Something a guide knows how to find in a reply, so that a scenario step can ask for it by
/// type rather than by keywords: a concrete time, an amount, a link, a hand-off to DM.
/// Any rule kind finds the candidates (`pattern`, `mention`, …); the recogniser then drops those
/// after a negation ("nicht am Freitag") and those in a sentence that says something else
/// (`not_with`: "ich melde mich morgen" promises to get back, it names no delivery date).
/// Candidates in quotation marks are someone else's words and never count.
public struct Recogniser: Sendable {
    public let id: String
    /// Met by the action itself, whatever the words: a reply sent as a DM is a hand-off to DM.
    public let metByAction: Action?
    let checker: any RuleKind
    let negations: PhraseMatcher
    let notWith: PhraseMatcher
    /// Replies it must and must not recognise, run by the tests and by `lint`.
    public let examples: [(text: String, recognised: Bool, line: Int, column: Int)]
    public let line: Int

    /// Whether the reply says what this recogniser looks for.
    func recognises(_ text: AnalyzedText, context: RuleContext) -> Bool {
        if let metByAction, context.reply.action == metByAction { return true }
        var hits: [Hit] = []
        guard checker.checkWithinBounds(text, context: context, hits: &hits) else { return false }
        return hits.contains { hit in
            guard !text.isQuoted(hit.start..<hit.end) else { return false }
            // A link is no word token, so the sentence is found by place, not through a token.
            guard let sentence = text.sentences.first(where: { $0.end > hit.start })?.tokens else { return true }
            let token = sentence.first { text.tokens[$0].end > hit.start } ?? sentence.upperBound
            if negations.occurs(in: text, tokens: max(sentence.lowerBound, token - 2)..<token) { return false }
            return !notWith.occurs(in: text, tokens: sentence)
        }
    }
}

/// The sentences an agent writes, fingerprinted so that the same sentence pasted into another
/// reply is recognised: the store keeps them per run, the front end passes the agent's earlier
/// ones in `ReplyContext.ownSentences`, and the `own-boilerplate` kind compares. The scorer
/// never reads the store.
public enum OwnSentences {
    /// Different scenarios, this one included, from which reports list a sentence as the
    /// agent's own boilerplate (the guide's rule has its own `min_scenarios`).
    public static let scenarios = 3
    /// Shorter sentences (greetings, "Danke dir!") are left out: everyone repeats those.
    public static let minimumWords = 5

    /// A sentence of a reply, with the fingerprint under which it is stored and looked up:
    /// its words folded (NFC, lower case) and joined by spaces, so punctuation, case and
    /// spacing do not hide a pasted sentence.
    public struct Sentence: Sendable, Hashable {
        public let fingerprint: String
        public let text: String
        let range: Range<Int>
    }

    public static func sentences(of text: AnalyzedText) -> [Sentence] {
        text.sentences.compactMap { sentence in
            let words = sentence.tokens.filter { !text.tokens[$0].flags.contains(.quoted) }
            guard words.count >= minimumWords else { return nil }
            return Sentence(fingerprint: words.map { text.key($0) }.joined(separator: " "),
                            text: text.excerpt(sentence.start..<sentence.end), range: sentence.start..<sentence.end)
        }
    }

    /// The sentences of a reply as the guide's lexicon reads them.
    public static func sentences(of reply: String, guide: Guide) -> [Sentence] {
        sentences(of: AnalyzedText(reply, lexicon: guide.lexicon))
    }
}

/// An agent's own boilerplate ("dein eigener Textbaustein"): a sentence the agent has pasted
/// into replies of three or more different scenarios. Not a rule of the guide: it needs the
/// agent's history, which the front end reads from the store and passes in
/// `ReplyContext.ownSentences`. The scorer stays pure; without that field nothing is found.
public enum OwnBoilerplateRule {
    public static let id = "template.eigener_textbaustein"
    /// Different scenarios, this one included, from which a sentence counts as boilerplate.
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

    /// The sentences of the reply written before in `scenarios - 1` or more other scenarios.
    static func hits(in text: AnalyzedText, earlier: [String: Int]) -> [(range: Range<Int>, scenarios: Int)] {
        sentences(of: text).compactMap { sentence in
            guard let others = earlier[sentence.fingerprint], others + 1 >= scenarios else { return nil }
            return (sentence.range, others + 1)
        }
    }

    static func message(scenarios: Int, language: String) -> (message: String, suggestion: String) {
        language.hasPrefix("de")
            ? ("Diesen Satz hast du schon in \(scenarios) verschiedenen Szenarien geschrieben – dein eigener Textbaustein.",
               "Schreib ihn für diese Person und diesen Fall neu.")
            : ("You have written this sentence in \(scenarios) different scenarios: your own boilerplate.",
               "Write it anew for this person and this case.")
    }
}

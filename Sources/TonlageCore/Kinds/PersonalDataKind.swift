/// `kind: personal-data` — asking for personal data where everyone can read it.
///
/// Parameters: `data` (what counts as personal data: "*nummer", "anschrift", "iban"),
/// `requests` (words that ask for something: "schick*", "poste*", "nenn*"), `private` (words
/// that move the exchange out of public view: "dm", "privatnachricht", "e-mail"), and
/// `not_after` (words that make the data the company's own: "unser*").
/// A sentence that asks for data is fine when it, or the sentence after it, moves the
/// exchange to a private channel; without `private` cues nothing excuses the request (passwords).
/// Restrict the rule to public channels with `except_channels`.
public struct PersonalDataKind: RuleKind {
    public static let name = "personal-data"
    public static let parameters = ["data", "requests", "private", "not_after"]

    let data: PhraseMatcher
    let requests: PhraseMatcher
    let privateCues: PhraseMatcher
    let owners: PhraseMatcher

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {
        func matcher(_ key: String, required: Bool) -> PhraseMatcher {
            PhraseMatcher.read(key, from: fields, required: required, what: "a personal-data rule", lexicon: &lexicon)
        }
        data = matcher("data", required: true)
        requests = matcher("requests", required: true)
        privateCues = matcher("private", required: false)
        owners = matcher("not_after", required: false)
    }

    public func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) {
        for (index, sentence) in text.sentences.enumerated() {
            let found = data.matches(in: text, tokens: sentence.tokens).filter { match in
                // "unsere Servicenummer" is the company's number, not the customer's data.
                let before = max(sentence.tokens.lowerBound, match.firstToken - 2)..<match.firstToken
                return !owners.occurs(in: text, tokens: before)
            }
            guard !found.isEmpty, requests.occurs(in: text, tokens: sentence.tokens) else { continue }
            if privateCues.occurs(in: text, tokens: sentence.tokens) { continue }
            if index + 1 < text.sentences.count, privateCues.occurs(in: text, tokens: text.sentences[index + 1].tokens) { continue }
            for match in found {
                let start = text.tokens[match.firstToken].start, end = text.tokens[match.lastToken].end
                hits.append(Hit(start: start, end: end, values: ["match": text.excerpt(start..<end)]))
            }
        }
    }
}

/// `kind: personal-data` — asking for personal data where everyone can read it.
///
/// Parameters: `data` (what counts as personal data: "*nummer", "anschrift", "iban"),
/// `requests` (words that ask for something: "schick*", "poste*", "nenn*"), `private` (words
/// that move the exchange out of public view: "dm", "privatnachricht", "e-mail"), and
/// `not_after` (words that make the data the company's own: "unser*"). Optional, each
/// refining what a request is:
/// - `negations` ("nicht", "kein*"): a request word in a clause that holds one asks for
///   nothing ("schick es niemandem, auch uns nicht");
/// - `recipients` ("mir", "uns", "hier"): a request must address the agent or the company in
///   its clause; "Gib das WLAN-Passwort am Laptop ein" asks the customer to type it, not to send it;
/// - `public` ("hier", "drunter", "im thread"): a request whose clause names a public place is
///   public even when it also offers a private way ("gern hier oder per PN"); a public word
///   right before a private one names where the private message goes ("hier per PN");
/// - `questions` ("wie lautet"): request words in a sentence that ends in a question mark;
///   a question addresses the reader by itself ("Wie lautet deine Kundennummer?").
/// A sentence that asks for data is fine when it, or the sentence after it, moves the exchange
/// to a private channel (a `private` cue, or an e-mail address to write to), unless the request
/// itself is public. A private cue inside the data's own word ("E-Mail-Adresse") moves nothing.
/// Without `private` cues nothing excuses the request (passwords). Restrict the rule to public
/// channels with `except_channels`.
public struct PersonalDataKind: RuleKind {
    public static let name = "personal-data"
    public static let description = KindDescription(
        summary: "asking for personal data unless moved to a private channel; a negated request, one not addressed to the agent or company (\"Gib das WLAN-Passwort am Laptop ein\") and a private word inside the data word (\"E-Mail-Adresse\") ask for nothing; a public place beside a private way (\"hier oder per PN\") is public; questions (\"Wie lautet deine Kundennummer?\") ask",
        parameters: [
            .required("data", "phrases", "what counts as personal data (\"*nummer\", \"anschrift\")"),
            .required("requests", "phrases", "words that ask for something (\"schick*\", \"nenn*\")"),
            .optional("private", "phrases", "none", "words that move the exchange to a private channel (\"dm\", \"e-mail\")"),
            .optional("not_after", "phrases", "none", "words that make the data the company's own (\"unser*\")"),
            .optional("negations", "phrases", "none", "a request in a clause holding one asks for nothing (\"nicht\")"),
            .optional("recipients", "phrases", "none", "a request must address the agent or company (\"mir\", \"uns\")"),
            .optional("public", "phrases", "none", "a clause naming a public place is public (\"hier\", \"im thread\")"),
            .optional("questions", "phrases", "none", "request words of a question (\"wie lautet\")"),
        ],
        example: """
            data: ["*nummer", anschrift, iban]
            requests: ["schick*", "nenn*"]
            private: [dm, privatnachricht]
            not_after: ["unser*"]
            recipients: [mir, uns]
            """)

    let data: PhraseMatcher
    let requests: PhraseMatcher
    let privateCues: PhraseMatcher
    let owners: PhraseMatcher
    let negations: PhraseMatcher
    let recipients: PhraseMatcher
    let publicCues: PhraseMatcher
    let questions: PhraseMatcher

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {
        func matcher(_ key: String, required: Bool) -> PhraseMatcher {
            PhraseMatcher.read(key, from: fields, required: required, what: "a personal-data rule", lexicon: &lexicon)
        }
        data = matcher("data", required: true)
        requests = matcher("requests", required: true)
        privateCues = matcher("private", required: false)
        owners = matcher("not_after", required: false)
        negations = matcher("negations", required: false)
        recipients = matcher("recipients", required: false)
        publicCues = matcher("public", required: false)
        questions = matcher("questions", required: false)
    }

    public func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) {
        for (index, sentence) in text.sentences.enumerated() {
            let found = data.matches(in: text, tokens: sentence.tokens).filter { match in
                // "unsere Servicenummer" is the company's number, not the customer's data.
                let before = max(sentence.tokens.lowerBound, match.firstToken - 2)..<match.firstToken
                return !owners.occurs(in: text, tokens: before)
            }
            guard !found.isEmpty, let isPublic = request(in: sentence, of: text) else { continue }
            var compounds: [ClosedRange<Int>] = []
            for match in found {
                let compound = text.compound(around: match.firstToken...match.lastToken)
                if compounds.last != compound { compounds.append(compound) }
            }
            if !isPublic {
                if movesToPrivate(sentence, in: text, apartFrom: compounds) { continue }
                if index + 1 < text.sentences.count, movesToPrivate(text.sentences[index + 1], in: text, apartFrom: []) { continue }
            }
            for compound in compounds {
                let start = text.tokens[compound.lowerBound].start, end = text.tokens[compound.upperBound].end
                hits.append(Hit(start: start, end: end, values: ["match": text.excerpt(start..<end)]))
            }
        }
    }

    /// Whether the sentence asks the reader for something (nil if not), and whether in public.
    private func request(in sentence: Sentence, of text: AnalyzedText) -> Bool? {
        var candidates = requests.matches(in: text, tokens: sentence.tokens).map { ($0, false) }
        if isQuestion(sentence, in: text) {
            candidates += questions.matches(in: text, tokens: sentence.tokens).map { ($0, true) }
        }
        var asks = false, isPublic = false
        for (match, isQuestion) in candidates {
            let clause = text.clause(around: match.firstToken)
            if negations.occurs(in: text, tokens: clause) { continue }
            let publicHere = namesPublicPlace(clause, in: text)
            // Without recipients every request counts as addressed, as before the parameter existed.
            guard isQuestion || publicHere || recipients.isEmpty || recipients.occurs(in: text, tokens: clause) else { continue }
            asks = true
            isPublic = isPublic || publicHere
        }
        return asks ? isPublic : nil
    }

    /// A public place in the clause that is not just where a private message goes ("hier per PN").
    private func namesPublicPlace(_ clause: Range<Int>, in text: AnalyzedText) -> Bool {
        let places = publicCues.matches(in: text, tokens: clause)
        guard !places.isEmpty else { return false }
        let privateStarts = privateCues.matches(in: text, tokens: clause).map(\.firstToken)
        return places.contains { place in
            !privateStarts.contains { $0 > place.lastToken && $0 <= place.lastToken + 2 }
        }
    }

    private func isQuestion(_ sentence: Sentence, in text: AnalyzedText) -> Bool {
        let tail = text.tokens[sentence.tokens.upperBound - 1].end..<max(sentence.end, text.tokens[sentence.tokens.upperBound - 1].end)
        return text.bytes[tail].contains(UInt8(ascii: "?"))
    }

    /// A private cue outside the data's own words, or an e-mail address to write to.
    private func movesToPrivate(_ sentence: Sentence, in text: AnalyzedText, apartFrom compounds: [ClosedRange<Int>]) -> Bool {
        let cues = privateCues.matches(in: text, tokens: sentence.tokens)
        if cues.contains(where: { cue in !compounds.contains { $0.contains(cue.firstToken) && $0.contains(cue.lastToken) } }) {
            return true
        }
        // "an service@condor.com": the sentence names a mailbox. A handle ("@DB_Bahn") has
        // nothing before its "@".
        guard !privateCues.isEmpty else { return false }
        let bytes = text.bytes
        for i in max(sentence.start, 1)..<sentence.end where bytes[i] == UInt8(ascii: "@") {
            let before = bytes[i - 1] | 0x20
            if (before >= 0x61 && before <= 0x7A) || (bytes[i - 1] >= 0x30 && bytes[i - 1] <= 0x39) { return true }
        }
        return false
    }
}

/// `kind: address` — formal address ("Sie", "Ihnen", "Ihr …") where the guide wants the
/// informal "du", and a mix of both in one reply.
///
/// Parameters (word lists, folded):
/// - `report`: `formal` (a hit per formal form) or `mixed` (one hit when formal and informal
///   forms meet in a reply);
/// - `formal`: the formal forms ("sie", "ihnen", "ihr", "ihre", …), formal only when capitalised;
/// - `informal`: the informal forms ("du", "dich", "dein*", "ihr", "euch", …), in any case;
/// - `ambiguous_subject`: the formal form that also means "she/they" ("sie");
/// - `plural_verbs` and `plural_endings`: verb forms that agree with formal "Sie" and with
///   "they" ("sind", "-en", "-n"); any other verb after a sentence-initial "Sie" means "she";
/// - `plural_referents`: words that introduce a group earlier in the text ("die", "unsere");
/// - `greetings`: words after which a capitalised "Ihr" greets a group ("Hallo Ihr Lieben");
/// - `informal_plural_verbs`: verbs after a sentence-initial "Ihr" that do not end in -t ("seid");
/// - `plural_noun_endings`: endings that make a noun after a group word plural ("die Kollegen",
///   "die Verbindungsabbrüche"), where "die Rechnung" or "die Ware" is one thing.
///
/// `report: capitalized_they` reports the other side: a "Sie" inside a sentence that means
/// "they" ("Ich habe die Kollegen informiert, Sie schauen sich das an") but is written like
/// the formal address, which readers take for a sudden switch to "Sie".
///
/// A capitalised formal form inside a sentence is formal. At the start of a sentence it is
/// ambiguous, and read as third person when the verb is singular ("Sie kommt morgen"), when
/// the sentence also speaks to the reader informally ("Sie legen dir die Jacke zurück"), or
/// when the sentence before introduces a group doing something ("Die Monteure sind
/// informiert. Sie kommen um 9.") or names a group ("Die Abbrüche kennen wir. Sie treten
/// auf, wenn …"). Inside a sentence, "Sie" with a plural verb after a group named earlier in
/// the same sentence means "they" too. A sentence-initial "Ihr" before a verb in -t is the plural
/// informal "ihr" ("Ihr könnt …"), and so is one right after a greeting ("Hallo Ihr Lieben",
/// "Hi Ihr zwei"), as nobody greets a reader with a formal possessive.
public struct AddressKind: RuleKind {
    public static let name = "address"
    public static let description = KindDescription(
        summary: "formal \"Sie\" (`report: formal`) or du and Sie mixed (`report: mixed`), not fooled by \"Sie\" meaning she/they (also after a group named before: \"Die Kollegen wissen Bescheid. Sie …\") or plural \"ihr\"; `report: capitalized_they` finds a \"Sie\" inside a sentence that means a group",
        parameters: [
            .optional("report", "choice (formal|mixed|capitalized_they)", "formal", "what to report"),
            .required("formal", "phrases", "the formal forms (\"sie\", \"ihnen\", \"ihr\"), formal only when capitalised"),
            .required("informal", "phrases", "the informal forms (\"du\", \"dich\", \"dein*\"), in any case"),
            .optional("ambiguous_subject", "phrases", "none", "the formal form that also means \"she/they\" (\"sie\")"),
            .optional("plural_verbs", "phrases", "none", "verb forms that agree with formal \"Sie\" and with \"they\" (\"sind\")"),
            .optional("plural_endings", "phrases", "none", "verb endings that agree with both (\"en\", \"n\")"),
            .optional("plural_referents", "phrases", "none", "words that introduce a group earlier in the text (\"die\", \"unsere\")"),
            .optional("greetings", "phrases", "none", "words after which a capitalised \"Ihr\" greets a group (\"Hallo Ihr Lieben\")"),
            .optional("informal_plural_verbs", "phrases", "none", "verbs after a sentence-initial \"Ihr\" that do not end in -t (\"seid\")"),
            .optional("plural_noun_endings", "phrases", "none", "endings that make a noun after a group word plural (\"en\": \"die Kollegen\")"),
        ],
        example: """
            report: formal
            formal: [sie, ihnen, ihr, ihre]
            informal: [du, dich, dir, dein*]
            ambiguous_subject: [sie]
            plural_verbs: [sind, haben]
            plural_endings: [en, n]
            """)

    public enum Report: String, CaseIterable, Sendable {
        case formal, mixed
        case capitalizedThey = "capitalized_they"
    }

    let report: Report
    let formal: [Lexicon.Term]
    /// The formal forms as phrases: every report needs one of them in the reply.
    let formalTrigger: PhraseMatcher
    let informal: PhraseMatcher
    let ambiguousSubject: [Lexicon.Term]
    let pluralVerbs: [Lexicon.Term]
    let pluralEndings: [String]
    let pluralReferents: [Lexicon.Term]
    let greetings: [Lexicon.Term]
    let informalPluralVerbs: [Lexicon.Term]
    let pluralNounEndings: [String]

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {
        report = fields.choice("report", as: Report.self) ?? .formal
        func words(_ key: String, required: Bool) -> [Lexicon.Term] {
            fields.strings(key, required: required, what: "an address rule").map { lexicon.term(for: TextFolding.fold($0.text)) }
        }
        formal = words("formal", required: true)
        var formalTrigger = PhraseMatcher()
        for term in formal { formalTrigger.add(term: term, lexicon: &lexicon) }
        self.formalTrigger = formalTrigger
        var informal = PhraseMatcher()
        for (phrase, _) in fields.strings("informal", required: true, what: "an address rule") {
            informal.add(phrase, lexicon: &lexicon)
        }
        self.informal = informal
        ambiguousSubject = words("ambiguous_subject", required: false)
        pluralVerbs = words("plural_verbs", required: false)
        pluralEndings = fields.strings("plural_endings").map { TextFolding.fold($0.text) }
        pluralReferents = words("plural_referents", required: false)
        greetings = words("greetings", required: false)
        informalPluralVerbs = words("informal_plural_verbs", required: false)
        pluralNounEndings = fields.strings("plural_noun_endings").map { TextFolding.fold($0.text) }
    }

    /// Every report starts from a formal form: a reply without one passes by without a look.
    public var trigger: PhraseMatcher? { formalTrigger }

    public func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) {
        let (formalTokens, they) = formalAddress(in: text)
        if report == .capitalizedThey {
            for index in they {
                let token = text.tokens[index]
                hits.append(Hit(start: token.start, end: token.end, values: ["match": text.excerpt(token.start..<token.end)]))
            }
            return
        }
        guard !formalTokens.isEmpty else { return }
        switch report {
        case .capitalizedThey:
            return
        case .formal:
            for index in formalTokens {
                let token = text.tokens[index]
                hits.append(Hit(start: token.start, end: token.end, values: ["match": text.excerpt(token.start..<token.end)]))
            }
        case .mixed:
            guard let firstInformal = informalAddress(in: text, tokens: 0..<text.tokens.count).first else { return }
            let token = text.tokens[formalTokens[0]]
            let du = text.tokens[firstInformal]
            hits.append(Hit(start: token.start, end: token.end,
                            values: ["match": text.excerpt(token.start..<token.end),
                                     "informal": text.excerpt(du.start..<du.end)]))
        }
    }

    /// The indices of tokens that address the reader formally, and of capitalised ones
    /// inside a sentence that mean "they".
    func formalAddress(in text: AnalyzedText) -> (formal: [Int], they: [Int]) {
        var result: [Int] = []
        var they: [Int] = []
        for (index, token) in text.tokens.enumerated() {
            guard token.flags.contains(.capitalized), !token.flags.contains(.allCaps) || token.letterCount == 1,
                  text.token(index, isAnyOf: formal) else { continue }
            if token.flags.contains(.sentenceStart), isThirdPerson(at: index, in: text) { continue }
            if isGreeted(index, in: text) { continue }
            if !token.flags.contains(.sentenceStart), refersToGroupInSentence(index, in: text) {
                they.append(index)
                continue
            }
            result.append(index)
        }
        return (result, they)
    }

    /// "…, Sie schauen sich das an" after "die Kollegen" in the same sentence.
    private func refersToGroupInSentence(_ index: Int, in text: AnalyzedText) -> Bool {
        guard text.token(index, isAnyOf: ambiguousSubject), index + 1 < text.tokens.count,
              text.tokens[index + 1].sentence == text.tokens[index].sentence,
              !text.tokens[index + 1].flags.contains(.capitalized), isPluralVerb(index + 1, in: text) else { return false }
        let sentence = text.sentences[text.tokens[index].sentence].tokens
        return namesGroup(sentence.lowerBound..<index, in: text)
    }

    /// A group word before a noun with a plural ending: "die Kollegen", "alle Verbindungsabbrüche".
    private func namesGroup(_ range: Range<Int>, in text: AnalyzedText) -> Bool {
        guard !pluralNounEndings.isEmpty else { return false }
        for k in range where text.token(k, isAnyOf: pluralReferents) {
            for j in (k + 1)..<min(k + 4, range.upperBound) {
                let noun = text.tokens[j]
                guard noun.flags.contains(.capitalized) else { continue }
                if pluralNounEndings.contains(where: { text.key(j, hasSuffix: $0) }) { return true }
                break
            }
        }
        return false
    }

    /// "Hallo Ihr Lieben": a form right after a greeting word, with nothing but a space between
    /// ("Hallo, Ihr Paket …" is a greeting and then the formal possessive).
    private func isGreeted(_ index: Int, in text: AnalyzedText) -> Bool {
        guard index > 0, text.token(index - 1, isAnyOf: greetings) else { return false }
        return text.bytes[text.tokens[index - 1].end..<text.tokens[index].start].allSatisfy { $0 == 0x20 }
    }

    private func isThirdPerson(at index: Int, in text: AnalyzedText) -> Bool {
        let token = text.tokens[index]
        let sentence = text.sentences[token.sentence]
        // Speaking to the reader as "du" in the same sentence rules out formal address; a
        // lower-case "ihr" does not, as it is also "her" ("Sie können ihr dann sagen …").
        if informalAddress(in: text, tokens: sentence.tokens).contains(where: { !text.token($0, isAnyOf: formal) }) { return true }
        guard index + 1 < sentence.tokens.upperBound else { return false }
        let next = text.tokens[index + 1]
        if text.token(index, isAnyOf: ambiguousSubject) {
            guard !next.flags.contains(.capitalized) else { return false }
            if !isPluralVerb(index + 1, in: text) { return true } // "Sie kommt", "Sie hält": she
            guard token.sentence > 0 else { return false }
            let previous = text.sentences[token.sentence - 1]
            return introducesGroup(previous, in: text) || namesGroup(previous.tokens, in: text)
        }
        // "Ihr könnt …", "Ihr seid …": the plural informal pronoun before a verb, not a possessive before a noun.
        return !next.flags.contains(.capitalized)
            && (text.key(index + 1, hasSuffix: "t") && next.letterCount > 2 || text.token(index + 1, isAnyOf: informalPluralVerbs))
    }

    /// Informal forms, leaving out a capitalised formal form that is also informal in lower case ("Ihr").
    private func informalAddress(in text: AnalyzedText, tokens range: Range<Int>) -> [Int] {
        informal.matches(in: text, tokens: range).map(\.firstToken).filter { index in
            !(text.tokens[index].flags.contains(.capitalized) && text.token(index, isAnyOf: formal))
        }
    }

    private func isPluralVerb(_ index: Int, in text: AnalyzedText) -> Bool {
        text.token(index, isAnyOf: pluralVerbs) || pluralEndings.contains { text.key(index, hasSuffix: $0) }
    }

    /// "Die Monteure sind …": a group word, a noun, and a plural verb shortly after.
    private func introducesGroup(_ sentence: Sentence, in text: AnalyzedText) -> Bool {
        let range = sentence.tokens
        for k in range where k + 1 < range.upperBound {
            guard text.token(k, isAnyOf: pluralReferents), text.tokens[k + 1].flags.contains(.capitalized) else { continue }
            guard k + 2 < range.upperBound else { continue }
            for j in (k + 2)..<min(k + 5, range.upperBound) {
                let verb = text.tokens[j]
                if !verb.flags.contains(.capitalized) || verb.flags.contains(.sentenceStart), isPluralVerb(j, in: text) {
                    return true
                }
            }
        }
        return false
    }
}

import Yams

/// `kind: spelling` — words a real dictionary (GNU Hunspell) does not know.
///
/// Parameters:
/// - `dictionary` (required): the Hunspell dictionary of the guide's language, e.g. `de_DE`,
///   read at run time from `$TONLAGE_DICTIONARIES` or `/usr/share/hunspell` (never shipped).
///   When it is not installed the guide still loads: the rule is left out with a warning.
/// - `also`: more dictionaries. One of the same language (`de_AT`, `de_CH`) adds its words;
///   one of another language (`en_US`) adds loanwords ("Tracking", "Feed"), but not a word the
///   guide's language spells its own way: "Packet" is still "Paket" misspelt (see `respell`).
/// - `respell`: how the language respells loanwords, a mapping of letters to letters or lists
///   (`{ck: k, c: [k, z]}`); doubling or undoubling a letter is always tried ("Tip", "Tipp").
/// - `accept`: words and phrases that are right (brands, products, greetings): matched
///   case-insensitively, `word*` for every word beginning so.
/// - `min_letters` (default 2): shorter words are not checked.
/// - `links`, `min_part` (default 3): compounds the dictionary lacks are split into known
///   parts of at least `min_part` letters, with these linking letters between them
///   ("Trackingnummer", "Erstattung-s-anliegen"); recursive. A misspelt part is still an error.
/// - `infinitive` (`["*en", "*n"]`): a stem is a verb stem when one of these makes a known
///   word; a verb stem may start a compound ("Stehl|gut|liste") and stand alone as an
///   imperative ("tipp").
/// - `verb_forms` (`["*t", "ge*t", ...]`): lower-case forms built on a verb stem or a loanword
///   ("zurück|gestuft", "posten"); `noun_forms` (`["*er"]`): nouns built on a verb stem ("Ableser").
/// - `nouns_after`: words (articles, possessives) after which a capitalised word is a noun;
///   elsewhere a capitalised word no dictionary knows is taken for a name ("Albers", "Hörde"),
///   except at the start of a sentence. Where a noun belongs, a word is still a name when
///   Hunspell has no correction one letter away ("der Tchibo"; "die Rechnug" has one). A
///   lower-case noun is wrong after them too ("die lieferung"), while without them its verb
///   reading counts ("tipp einfach").
/// - `names_after`: greetings and titles after which a word is a name ("Hallo", "Frau").
/// - `correction` (default `{correction}`): how one correction is shown in the hit's suggestion.
/// - `defer_to`: ids of earlier rules; a word they flagged is not flagged again.
/// - `particles`: the verb particles that may open a compound written in lower case
///   ("raus|gegangen"). Otherwise such a compound must open with a noun or a verb stem
///   ("kunden|freundlich"): "noch|einmal", "gar|nicht" and "fälschlicher|weiße" are words
///   run together that belong apart or are misspelt.
///
/// Never checked: numbers and words with digits, @handles, #tags, URLs, e-mail addresses and
/// signatures (set aside by `AnalyzedText`), words in capitals (acronyms), words with a capital
/// inside ("eSIM", "iPhone", "FRITZ!Box": mixed case is a name), words glued to another by a
/// period ("bahn.bonus"), unit abbreviations after a number ("14 ct").
/// One hit per misspelt word; `{match}` is the word, `{correction}` the first correction.
///
/// A class, unlike most kinds: its many tables travel into the per-reply closures as one
/// reference instead of a copy that retains each of them.
public final class SpellingKind: RuleKind {
    public static let name = "spelling"
    public static let description = KindDescription(
        summary: "words a Hunspell dictionary does not know, compounds, loanwords and names allowed for (see \"Spelling\")",
        parameters: [
            .required("dictionary", "dictionary name", "the Hunspell dictionary of the guide's language (de_DE); without it the rule is left out with a warning"),
            .optional("also", "dictionary names", "none", "more dictionaries: the same language adds words, another adds loanwords"),
            .optional("respell", "mapping", "none", "how the language respells loanwords ({ck: k, c: [k, z]})"),
            .optional("accept", "phrases", "none", "words that are right (brands, products); `word*` for every word beginning so"),
            .optional("min_letters", "integer", "2", "shorter words are not checked"),
            .optional("links", "phrases", "none", "linking letters between the parts of a compound (\"s\")"),
            .optional("min_part", "integer", "3", "letters a compound's part has at least"),
            .optional("infinitive", "phrases", "none", "endings that make a verb stem a known word (\"*en\")"),
            .optional("verb_forms", "phrases", "none", "lower-case forms built on a verb stem (\"ge*t\")"),
            .optional("noun_forms", "phrases", "none", "nouns built on a verb stem (\"*er\")"),
            .optional("nouns_after", "phrases", "none", "words after which a capitalised word is a noun (\"der\", \"die\")"),
            .optional("names_after", "phrases", "none", "greetings and titles after which a word is a name (\"Hallo\", \"Frau\")"),
            .optional("correction", "text", "{correction}", "how one correction is shown in the suggestion"),
            .optional("defer_to", "rule ids", "none", "earlier rules; a word they flagged is not flagged again"),
            .optional("particles", "phrases", "none", "verb particles that may open a lower-case compound (\"raus\")"),
        ],
        example: """
            dictionary: de_DE
            also: [en_US]
            accept: [Tonlage, "Otto*"]
            links: [s]
            names_after: [hallo, frau]
            """)

    let analyzer: WordAnalyzer?
    let accepted: PhraseMatcher
    /// Folded words, compared only for the rare word in doubt: as lexicon terms they would be
    /// looked up for every word of every reply.
    let nounMarkers: Set<String>
    let nameMarkers: Set<String>
    let minimumLetters: Int
    let correctionTemplate: String
    let deferTo: [String]
    let verdicts = WordVerdictCache()

    public var isAvailable: Bool { analyzer != nil }
    public var hitSources: [(key: String, rule: String)] { deferTo.map { ("defer_to", $0) } }

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {
        accepted = PhraseMatcher.read("accept", from: fields, required: false, what: "a spelling rule", lexicon: &lexicon)
        nounMarkers = Set(fields.strings("nouns_after").map { TextFolding.fold($0.text) })
        nameMarkers = Set(fields.strings("names_after").map { TextFolding.fold($0.text) })
        minimumLetters = fields.int("min_letters", in: 1...20) ?? 2
        correctionTemplate = fields.string("correction") ?? "{correction}"
        deferTo = fields.strings("defer_to").map(\.text)
        let formation = Self.readFormation(fields)
        analyzer = Self.openDictionaries(fields, formation: formation)
    }

    private static func readFormation(_ fields: YAMLFields) -> WordFormation {
        var formation = WordFormation()
        formation.links = fields.strings("links").map(\.text)
        formation.minimumPart = fields.int("min_part", in: 2...10) ?? 3
        func patterns(_ key: String) -> [AffixPattern] {
            fields.strings(key).compactMap { text, mark in
                if let pattern = AffixPattern(text) { return pattern }
                fields.sink.report("`\(text)` in `\(key)` must hold one `*` for the stem, like `*en` or `ge*t`",
                                   code: .badValue, at: mark)
                return nil
            }
        }
        formation.infinitive = patterns("infinitive")
        formation.verbForms = patterns("verb_forms")
        formation.nounForms = patterns("noun_forms")
        formation.respellings = readRespellings(fields)
        formation.particles = Set(fields.strings("particles").map { TextFolding.fold($0.text) })
        return formation
    }

    /// `respell: {ck: k, c: [k, z]}`: each value a text or a list of texts.
    private static func readRespellings(_ fields: YAMLFields) -> [(from: String, to: String)] {
        guard let node = fields.node("respell") else { return [] }
        guard case let .mapping(mapping) = node else {
            fields.sink.report("`respell` must map letters to letters, like `{ck: k, c: [k, z]}`", code: .wrongType, at: node.mark)
            return []
        }
        var result: [(String, String)] = []
        for (key, value) in mapping {
            let targets: [Node]
            if case let .sequence(sequence) = value { targets = Array(sequence) } else { targets = [value] }
            for target in targets {
                guard let from = key.string, !from.isEmpty, case let .scalar(scalar) = target else {
                    fields.sink.report("every entry of `respell` must map letters to letters", code: .wrongType, at: target.mark)
                    continue
                }
                result.append((from, scalar.string))
            }
        }
        return result
    }

    /// Nil, with a warning, when the main dictionary is not installed: the rule is then left out.
    private static func openDictionaries(_ fields: YAMLFields, formation: WordFormation) -> WordAnalyzer? {
        guard let primary = fields.dictionary(required: true, what: "a spelling rule", consequence: "this spelling rule is left out")
        else { return nil }
        let places = HunspellDictionary.searchPaths.joined(separator: ", ")
        var variants: [HunspellDictionary] = [], foreign: [HunspellDictionary] = []
        for (other, mark) in fields.strings("also") {
            guard HunspellDictionary.isValidName(other) else {
                fields.sink.report("`\(other)` is not a dictionary name like `de_AT`", code: .badValue, at: mark)
                continue
            }
            guard let dictionary = HunspellDictionary.named(other) else {
                fields.sink.report("the dictionary `\(other)` is not installed (no \(other).aff in \(places)); its words are not known",
                                   code: .missingDictionary, at: mark)
                continue
            }
            if language(of: other) == language(of: primary.name) { variants.append(dictionary) } else { foreign.append(dictionary) }
        }
        return WordAnalyzer(primary: primary, variants: variants, foreign: foreign, formation: formation)
    }

    /// "de" of "de_AT" or "de-AT".
    private static func language(of dictionary: String) -> Substring {
        dictionary.split(whereSeparator: { $0 == "_" || $0 == "-" }).first ?? Substring(dictionary)
    }

    public func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) {
        guard let analyzer, !text.tokens.isEmpty else { return }
        text.bytes.withUnsafeBufferPointer { bytes in
            let reply = Reply(bytes: bytes)
            var lookups = Self.suggestionLookups
            for doubt in doubts(text, reply, analyzer: analyzer, context: context) {
                if let hit = judge(doubt, text, reply, analyzer: analyzer, lookups: &lookups) { hits.append(hit) }
            }
        }
    }
}

/// A word the dictionaries doubt: the token, where its key ends (before an apostrophe-s:
/// "geht's"), and what the word is regardless of its place.
private struct Doubt {
    let token: Int
    let keyEnd: Int
    let verdict: WordVerdict
    /// A disguised word as a reader sees it (`TextFolding.visibleForm`); nil for a plain one.
    var visible: String? = nil

    /// The word to judge and to correct.
    func written(_ reply: Reply, _ token: Token) -> String {
        visible ?? String(decoding: UnsafeBufferPointer(rebasing: reply.bytes[token.start..<keyEnd]), as: UTF8.self)
    }
}

/// The reply's bytes with the questions asked of them. The reply's analysis and the rule are
/// passed to every function rather than kept here: a copy of either would retain each of its
/// arrays once per reply (measured: about half of the rule's time).
private struct Reply {
    let bytes: UnsafeBufferPointer<UInt8>

    /// Where the word's key ends, or nil for a word not to check: one with a digit, one with a
    /// capital inside ("eSIM": a name), one with an apostrophe other than a final "'s".
    func keyEnd(of token: Token) -> Int? {
        if token.flags.contains(.plain) { return token.end }
        var index = token.start
        var apostrophe: (at: Int, length: Int)?
        while index < token.end {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte >= 0x30 && byte <= 0x39 { return nil }
                if byte == 0x27 { apostrophe = (index, 1) }
                if index > token.start && byte >= 0x41 && byte <= 0x5A { return nil }
                index += 1
                continue
            }
            let (value, length) = UTF8Scanning.decode(bytes, at: index)
            if value == 0x2019 { apostrophe = (index, length) }
            if index > token.start && UTF8Scanning.isUppercase(value) { return nil }
            index += length
        }
        guard let apostrophe else { return token.end }
        let rest = apostrophe.at + apostrophe.length
        return rest + 1 == token.end && bytes[rest] | 0x20 == 0x73 ? apostrophe.at : nil
    }

    /// "bahn.bonus", "d.lab": a period with no space joins names, not sentences. And a tag or a
    /// handle inside a quotation ("#heuteshow"), which is not set aside as one at the start of
    /// a chunk is.
    func isGluedToName(_ token: Token) -> Bool {
        if token.end + 1 < bytes.count, bytes[token.end] == 0x2E, Self.isWordByte(bytes[token.end + 1]) { return true }
        guard token.start >= 1 else { return false }
        if bytes[token.start - 1] == 0x23 || bytes[token.start - 1] == 0x40 { return true }
        return token.start >= 2 && bytes[token.start - 1] == 0x2E && Self.isWordByte(bytes[token.start - 2])
    }

    /// Whether only spaces stand between two places: no punctuation, no quote, no line break.
    func onlySpace(_ from: Int, _ to: Int) -> Bool {
        guard from < to else { return false }
        return bytes[from..<to].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    static func isGenderGap(_ byte: UInt8) -> Bool { byte == 0x2A || byte == 0x3A || byte == 0x5F }

    static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }
}

extension SpellingKind {
    /// The words whose verdict is not plainly "correct". Most replies have none, so the words
    /// are looked up in one pass with no array of their own; what is not prose, or not for a
    /// dictionary, stays out.
    private func doubts(_ text: AnalyzedText, _ reply: Reply, analyzer: WordAnalyzer, context: RuleContext) -> [Doubt] {
        let tokens = text.tokens
        var isAccepted: [Bool] = []
        for match in accepted.matches(in: text) {
            if isAccepted.isEmpty { isAccepted = [Bool](filling: false, count: tokens.count) }
            for index in match.firstToken...match.lastToken { isAccepted[index] = true }
        }
        var deferred: [Hit] = []
        for id in deferTo { deferred += context.earlierHits[id] ?? [] }
        var doubts: [Doubt] = []
        verdicts.withTable { table in
            for (index, token) in tokens.enumerated() {
                guard token.letterCount >= minimumLetters, !token.flags.contains(.allCaps),
                      isAccepted.isEmpty || !isAccepted[index],
                      deferred.isEmpty || !deferred.contains(where: { $0.start < token.end && token.start < $0.end }),
                      let keyEnd = reply.keyEnd(of: token), !reply.isGluedToName(token) else { continue }
                if index > 0 {
                    let previous = tokens[index - 1]
                    // The ending of a gender form ("Kund*innen"): the word is read whole from its start.
                    if previous.end == token.start - 1, Reply.isGenderGap(reply.bytes[token.start - 1]),
                       !token.flags.contains(.capitalized) { continue }
                    // A unit after a number: "14 ct", "40 cm".
                    if previous.flags.contains(.number), token.letterCount <= 3, reply.onlySpace(previous.end, token.start) { continue }
                }
                let key = UnsafeBufferPointer(rebasing: reply.bytes[token.start..<keyEnd])
                if token.flags.contains(.disguised) {
                    // Judged as a reader sees it: hidden characters must not make a typo look like a name.
                    let visible = TextFolding.visibleForm(String(decoding: key, as: UTF8.self))
                    let verdict = analyzer.verdict(of: visible)
                    if verdict != .correct { doubts.append(Doubt(token: index, keyEnd: keyEnd, verdict: verdict, visible: visible)) }
                    continue
                }
                let verdict: WordVerdict
                if let known = table.find(key, as: WordVerdict.self) {
                    verdict = known
                } else {
                    verdict = analyzer.verdict(of: String(decoding: key, as: UTF8.self))
                    table.insert(key, verdict)
                }
                if verdict != .correct { doubts.append(Doubt(token: index, keyEnd: keyEnd, verdict: verdict)) }
            }
        }
        return doubts
    }

    /// The verdict on any stretch of the reply: a hyphenated word, a word with its period.
    private func verdict(_ range: Range<Int>, _ reply: Reply, analyzer: WordAnalyzer) -> WordVerdict {
        let key = UnsafeBufferPointer(rebasing: reply.bytes[range])
        return verdicts.withTable { table in
            if let known = table.find(key, as: WordVerdict.self) { return known }
            let verdict = analyzer.verdict(of: String(decoding: key, as: UTF8.self))
            table.insert(key, verdict)
            return verdict
        }
    }

    /// Whether a word the dictionaries doubt is wrong where it stands, and the hit if so.
    /// How many words of one reply may ask Hunspell for corrections. A look-up costs
    /// milliseconds (tens for a long word), so a reply of thousands of made-up words would
    /// otherwise take minutes; beyond the budget a word the dictionaries do not know is left
    /// unjudged. A reply with that many doubtful words has failed on its first error anyway.
    static let suggestionLookups = 16
    /// Longer words are not looked up at all: Hunspell's search grows with the word.
    static let longestLookup = 40

    private func judge(_ doubt: Doubt, _ text: AnalyzedText, _ reply: Reply, analyzer: WordAnalyzer, lookups: inout Int) -> Hit? {
        let tokens = text.tokens
        let index = doubt.token
        let token = tokens[index]
        let previous = index > 0 ? tokens[index - 1] : nil
        let next = index + 1 < tokens.count ? tokens[index + 1] : nil
        var verdict = doubt.verdict
        let capitalized = token.flags.contains(.capitalized)
        var sentenceStart = token.flags.contains(.sentenceStart)
        // After an abbreviation the sentence goes on: "der TGV bzw. Railjet".
        if sentenceStart, let previous, previous.end < reply.bytes.count, reply.bytes[previous.end] == 0x2E,
           !previous.flags.contains(.capitalized), self.verdict(previous.start..<(previous.end + 1), reply, analyzer: analyzer) == .correct {
            sentenceStart = false
        }
        if verdict == .correctAtSentenceStart { if sentenceStart { return nil } else { verdict = .unknown } }
        // Whether the word has had its look-up from the budget already (its corrections are
        // then Hunspell's cached answer).
        var lookedUp = false

        let hyphenBefore = previous.map { $0.end == token.start - 1 && reply.bytes[$0.end] == 0x2D } ?? false
        let hyphenAfter = token.end < reply.bytes.count && reply.bytes[token.end] == 0x2D
        let periodAfter = token.end < reply.bytes.count && reply.bytes[token.end] == 0x2E
        // Read with its neighbours: "Kund*innen", "Rücksende-Etikett", "bzw.".
        if let next, next.start == token.end + 1, !next.flags.contains(.capitalized), Reply.isGenderGap(reply.bytes[token.end]),
           self.verdict(token.start..<next.end, reply, analyzer: analyzer) == .correct { return nil }
        if hyphenAfter, let next, next.start == token.end + 1, self.verdict(token.start..<next.end, reply, analyzer: analyzer) == .correct { return nil }
        if hyphenBefore, let previous, self.verdict(previous.start..<token.end, reply, analyzer: analyzer) == .correct { return nil }
        if periodAfter, self.verdict(token.start..<(token.end + 1), reply, analyzer: analyzer) == .correct { return nil }

        switch verdict {
        case .lowercaseNounOrVerb where !isNounPlace(index, text, reply):
            return nil
        case .lowercaseNoun, .lowercaseNounOrVerb:
            return hit(doubt, text, reply, analyzer: analyzer, lowercaseNoun: true, periodAfter: periodAfter, lookups: &lookups)
        default:
            break
        }
        if let previous, nameMarkers.contains(text.key(index - 1)), previous.sentence == token.sentence || capitalized {
            return nil
        }
        if !capitalized && verdict == .unknown {
            // A lower-case word with no correction one letter away is a brand that writes
            // itself in lower case ("enercity") or a loanword ("oversized"); a typo has one.
            let word = doubt.written(reply, token)
            guard spend(&lookups, on: word), analyzer.hasCloseCorrection(word, ignoringCase: true) else { return nil }
            lookedUp = true
        }
        if capitalized {
            // A brand before a hyphen ("Condor-Kundenservice") or a place after one ("Dortmund-Hörde").
            if hyphenBefore || hyphenAfter { return nil }
            // A name the reply uses as one elsewhere: "hier ist Nele …" and the signature "Nele | …".
            if usedAsNameElsewhere(index, text) { return nil }
            if !sentenceStart && !isNounPlace(index, text, reply) { return nil }
            if sentenceStart {
                // A first name and a surname open the sentence: "Anika Geisel arbeitet …".
                if let next, next.flags.contains(.capitalized), reply.onlySpace(token.end, next.start) { return nil }
                // A signature: the last word, alone in its sentence ("Viel Spaß! Kira").
                if index == tokens.count - 1 { return nil }
            }
            // Even where a noun belongs, a word with no correction one letter away is a name
            // ("bei der Hentschel GmbH", "Tchibo nimmt …"); a typo has one ("die Rechnug").
            let word = doubt.written(reply, token)
            guard spend(&lookups, on: word), analyzer.hasCloseCorrection(word) else { return nil }
            lookedUp = true
        }
        return hit(doubt, text, reply, analyzer: analyzer, lowercaseNoun: false, periodAfter: periodAfter, lookups: &lookups,
                   lookedUp: lookedUp)
    }

    /// Takes one look-up from the reply's budget; false when none is left or the word is too
    /// long to look up.
    private func spend(_ lookups: inout Int, on word: String) -> Bool {
        guard lookups > 0, word.count <= Self.longestLookup else { return false }
        lookups -= 1
        return true
    }

    private func hit(_ doubt: Doubt, _ text: AnalyzedText, _ reply: Reply, analyzer: WordAnalyzer, lowercaseNoun: Bool, periodAfter: Bool,
                     lookups: inout Int, lookedUp: Bool = false) -> Hit? {
        let token = text.tokens[doubt.token]
        let word = doubt.written(reply, token)
        // Counted whether or not Hunspell has the answer cached: the budget must not depend on
        // what an earlier reply left in the cache.
        let corrections = lookedUp || spend(&lookups, on: word) ? analyzer.corrections(for: word, lowercaseNoun: lowercaseNoun)
            : lowercaseNoun ? [WordAnalyzer.capitalizingFirst(word)] : []
        // An abbreviation the dictionary lacks: "öffentl." for "öffentlich".
        if periodAfter, corrections.contains(where: { $0.count > word.count + 1 && $0.hasPrefix(word) }) { return nil }
        let match = text.excerpt(token.start..<token.end)
        let suggestion = corrections.isEmpty ? nil : corrections.map { correction -> String in
            let values: Placeholders = ["correction": correction]
            return values.fill(correctionTemplate)
        }.joined(separator: " / ")
        return Hit(start: token.start, end: token.end, values: ["match": match, "correction": corrections.first ?? match],
                   suggestion: suggestion)
    }

    /// Whether the same capitalised word stands elsewhere in the reply inside a sentence and
    /// away from any article: there it can only be a name.
    private func usedAsNameElsewhere(_ index: Int, _ text: AnalyzedText) -> Bool {
        let key = text.key(index)
        for other in text.tokens.indices where other != index {
            let token = text.tokens[other]
            guard token.flags.contains(.capitalized), !token.flags.contains(.sentenceStart), text.key(other) == key else { continue }
            if other == 0 || !nounMarkers.contains(text.key(other - 1)) { return true }
        }
        return false
    }

    /// After an article or a possessive, directly or with one lower-case word (an adjective)
    /// between: "die Rechnug", "deine neue Addresse".
    private func isNounPlace(_ index: Int, _ text: AnalyzedText, _ reply: Reply) -> Bool {
        let tokens = text.tokens
        guard index > 0, reply.onlySpace(tokens[index - 1].end, tokens[index].start) else { return false }
        if nounMarkers.contains(text.key(index - 1)) { return true }
        guard index > 1, !tokens[index - 1].flags.contains(.capitalized),
              reply.onlySpace(tokens[index - 2].end, tokens[index - 1].start) else { return false }
        return nounMarkers.contains(text.key(index - 2))
    }
}

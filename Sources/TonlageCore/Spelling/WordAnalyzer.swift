import Foundation

/// What a word form is, wherever it stands; the spelling kind then weighs its place.
enum WordVerdict: UInt8, Sendable {
    case correct
    /// Correct only where a lower-case word may be capitalised: at the start of a sentence.
    case correctAtSentenceStart
    /// A noun written in lower case ("lieferung").
    case lowercaseNoun
    /// A noun written in lower case, or a verb form ("tipp", "posten"): wrong only where an
    /// article or a possessive makes it a noun.
    case lowercaseNounOrVerb
    /// Neither a word of the dictionaries nor one the compound and loanword rules can build.
    case unknown
}

/// A stem in a frame: `*en` is the stem plus "en", `ge*t` is "ge", the stem and "t".
struct AffixPattern: Sendable, Hashable {
    let prefix: String
    let suffix: String

    /// Nil unless the pattern holds exactly one `*`.
    init?(_ pattern: String) {
        let pieces = pattern.split(separator: "*", omittingEmptySubsequences: false)
        guard pieces.count == 2 else { return nil }
        prefix = String(pieces[0])
        suffix = String(pieces[1])
    }

    func apply(_ stem: String) -> String { prefix + stem + suffix }

    func stem(of word: String) -> String? {
        guard word.count > prefix.count + suffix.count, word.hasPrefix(prefix), word.hasSuffix(suffix) else { return nil }
        return String(word.dropFirst(prefix.count).dropLast(suffix.count))
    }
}

/// How the guide's language builds words the dictionaries do not list.
struct WordFormation: Sendable {
    /// Letters that may join the parts of a compound ("Erstattung-s-anliegen").
    var links: [String] = []
    /// The shortest part of a compound, in letters.
    var minimumPart = 3
    /// A stem is a verb stem when one of these makes a known word ("stehl" + "en").
    var infinitive: [AffixPattern] = []
    /// Lower-case forms made from a verb stem or a loanword ("ge" + "stuf" + "t", "post" + "en").
    var verbForms: [AffixPattern] = []
    /// Nouns made from a verb stem ("Ables" + "er").
    var nounForms: [AffixPattern] = []
    /// How the language respells a loanword it has its own spelling for ("ck" → "k": Packet, Paket).
    var respellings: [(from: String, to: String)] = []
    /// Verb particles that may open a compound written in lower case ("raus|gegangen").
    var particles: Set<String> = []
}

/// Decides what a word form is: from the dictionaries first, then from what they lack —
/// compounds of known parts, loanwords from a dictionary of another language, verb forms.
///
/// Only words the dictionaries reject get this far, and each distinct word once per rule (the
/// kind caches verdicts), so clarity beats speed here. A class, so that the kind hands it to
/// every reply as one reference.
final class WordAnalyzer: Sendable {
    /// The guide's language.
    let primary: HunspellDictionary
    /// Regional dictionaries of the same language (de_AT, de_CH): their words are words.
    let variants: [HunspellDictionary]
    /// Dictionaries of other languages (en_US): their words are loanwords, unless the guide's
    /// language spells the same word its own way.
    let foreign: [HunspellDictionary]
    let formation: WordFormation

    init(primary: HunspellDictionary, variants: [HunspellDictionary], foreign: [HunspellDictionary], formation: WordFormation) {
        self.primary = primary
        self.variants = variants
        self.foreign = foreign
        self.formation = formation
    }

    /// Parts shorter than this make a split suspect ("Stand|art", "vor|raus|sichtlich"): it is
    /// then checked against Hunspell's suggestions.
    private var shortPart: Int { formation.minimumPart + 2 }

    /// Longer words are not split into parts: the longest compounds in real use have some 60
    /// letters, and splitting tries every cut against every rest, which on a "word" of
    /// thousands of letters (a run of "überüber…") would never end.
    static let maxCompoundLetters = 80

    func verdict(of written: String) -> WordVerdict {
        let word = written.precomposedStringWithCanonicalMapping
        guard word.count <= Self.maxCompoundLetters else { return isKnown(word) ? .correct : .unknown }
        // An abbreviation is looked up with its period ("bzw.").
        if word.hasSuffix(".") { return isKnown(word) ? .correct : .unknown }
        // Gender forms: "Kund*innen", "Kund:innen", "Kund_innen" are read as "Kundinnen".
        for gap in ["*", ":", "_"] where word.contains(gap) {
            return verdict(of: word.replacingOccurrences(of: gap, with: ""))
        }
        if word.contains("-") { return hyphenatedVerdict(word) }
        if isKnown(word) { return .correct }
        if Self.isCapitalized(word) {
            let lowerFirst = Self.lowercasingFirst(word)
            let folded = word.lowercased()
            if isLoanword(word) || isCompound(folded, lowerHead: false, allowSingle: true) { return .correct }
            if isCompound(folded, lowerHead: true, allowSingle: true) || isLoanword(lowerFirst) || isVerbReading(lowerFirst) {
                return .correctAtSentenceStart
            }
            return .unknown
        }
        let folded = word.lowercased()
        if isCompound(folded, lowerHead: true, allowSingle: false) {
            // Also a word in capitals: a noun where an article stands before it ("am wochenende"),
            // a lower-case compound elsewhere ("tagesgenau", "vielmal").
            return isKnown(Self.capitalizingFirst(word)) ? .lowercaseNounOrVerb : .correct
        }
        if isKnown(Self.capitalizingFirst(word)) || isCompound(folded, lowerHead: false, allowSingle: false) {
            return isVerbReading(word) ? .lowercaseNounOrVerb : .lowercaseNoun
        }
        if isCompound(folded, lowerHead: true, allowSingle: true) || isLoanword(word) || isVerbStem(word) { return .correct }
        return .unknown
    }

    /// The first one or two corrections; for a lower-case noun its capitalised form among them.
    func corrections(for written: String, lowercaseNoun: Bool) -> [String] {
        let word = written.precomposedStringWithCanonicalMapping
        // Hunspell also offers compound parts ("-lieferung"): not a word to write.
        var list = primary.suggestions(for: word).filter { !$0.hasPrefix("-") && !$0.hasSuffix("-") }
        if lowercaseNoun {
            let noun = Self.capitalizingFirst(word)
            list = list.first == noun ? [noun] : Array(list.prefix(1)) + [noun]
        }
        var seen = Set<String>()
        return Array(list.filter { seen.insert($0).inserted }.prefix(2))
    }

    /// Whether Hunspell offers a word one edit away (or the same letters in other case): what a
    /// typo has and most names lack ("Rechnug" → "Rechnung", but "Hentschel", "Tchibo").
    /// `ignoringCase`: the same letters in another case do not count ("oversized" is an
    /// adjective of its own, whatever noun "Oversized" the dictionary knows).
    func hasCloseCorrection(_ written: String, ignoringCase: Bool = false) -> Bool {
        let word = Array(written.precomposedStringWithCanonicalMapping.lowercased())
        return primary.suggestions(for: written.precomposedStringWithCanonicalMapping).contains { suggestion in
            guard !suggestion.contains(" "), !suggestion.hasPrefix("-"), !suggestion.hasSuffix("-") else { return false }
            let letters = Array(suggestion.lowercased())
            return (letters == word && !ignoringCase) || !Self.editPositions(from: word, to: letters).isEmpty
        }
    }

    /// "Rücksende-Etikett": Hunspell knows it with the hyphen, or it is a word without.
    private func hyphenatedVerdict(_ word: String) -> WordVerdict {
        if isKnown(word) { return .correct }
        let pieces = word.split(separator: "-", omittingEmptySubsequences: false)
        guard pieces.count >= 2, pieces.allSatisfy({ !$0.isEmpty }) else { return .unknown }
        let joined = String(pieces[0]) + pieces.dropFirst().map { Self.lowercasingFirst(String($0)) }.joined()
        return verdict(of: joined) == .correct ? .correct : .unknown
    }

    func isKnown(_ word: String) -> Bool {
        primary.spell(word) || variants.contains { $0.spell(word) }
    }

    /// A word of another language's dictionary that the guide's language does not spell its
    /// own way: "Tracking" and "Feed" are loanwords, "Packet" is "Paket" misspelt.
    func isLoanword(_ word: String) -> Bool {
        guard word.count >= formation.minimumPart, foreign.contains(where: { $0.spell(word) }) else { return false }
        for candidate in respellings(of: word.lowercased()) where isKnown(candidate) || isKnown(Self.capitalizingFirst(candidate)) {
            return false
        }
        return true
    }

    /// One change each: a respelling of the guide, every occurrence or all at once, and a
    /// letter doubled or undoubled ("Tip" → "Tipp", "Program" → "Programm").
    private func respellings(of word: String) -> Set<String> {
        var result = Set<String>()
        for (from, to) in formation.respellings where !from.isEmpty {
            var searchStart = word.startIndex
            while let range = word.range(of: from, range: searchStart..<word.endIndex) {
                result.insert(word.replacingCharacters(in: range, with: to))
                searchStart = range.upperBound
            }
            if word.components(separatedBy: from).count > 2 { result.insert(word.replacingOccurrences(of: from, with: to)) }
        }
        let letters = Array(word)
        for index in letters.indices where letters[index].isLetter && !"aeiouäöüy".contains(letters[index]) {
            var doubled = letters
            doubled.insert(letters[index], at: index)
            result.insert(String(doubled))
            if index + 1 < letters.count, letters[index + 1] == letters[index] {
                var single = letters
                single.remove(at: index)
                result.insert(String(single))
            }
        }
        result.remove(word)
        return result
    }

    func isVerbStem(_ stem: String) -> Bool {
        stem.count >= formation.minimumPart && formation.infinitive.contains { isKnown($0.apply(stem)) }
    }

    /// A verb stem on its own (an imperative: "tipp", "beruhig") or a verb form built on a
    /// verb stem or a loanword ("gestuft", "posten").
    private func isVerbReading(_ word: String) -> Bool {
        isVerbStem(word) || isFormed(word, by: formation.verbForms, fromLoanwords: true)
    }

    private func isFormed(_ word: String, by patterns: [AffixPattern], fromLoanwords: Bool) -> Bool {
        patterns.contains { pattern in
            guard let stem = pattern.stem(of: word), stem.count >= formation.minimumPart else { return false }
            return isVerbStem(stem) || (fromLoanwords && isLoanword(stem))
        }
    }

    /// Whether a lower-case word is built of known parts: a compound ("verteil|zentrum",
    /// "erstattung|s|anliegen"), or with `allowSingle` one derived part ("ableser", "tracking").
    /// `lowerHead`: the word is written in lower case, so its last part must be a lower-case word.
    private func isCompound(_ word: String, lowerHead: Bool, allowSingle: Bool) -> Bool {
        var splitter = Splitter(analyzer: self, letters: Array(word), lowerHead: lowerHead)
        let parts: [Range<Int>]
        if allowSingle, splitter.isPart(0..<splitter.letters.count, final: true), !isKnown(word),
           lowerHead || !isKnown(Self.capitalizingFirst(word)) {
            // A loanword as a whole is no split that could hide a typo.
            if !lowerHead && isLoanword(word) { return true }
            parts = [0..<splitter.letters.count]
        } else if let split = splitter.split(from: 0), split.count >= 2,
                  !lowerHead || opensLowercaseCompound(String(splitter.letters[split[0]])) {
            parts = split
        } else {
            return false
        }
        guard parts.contains(where: { $0.count < shortPart }) else { return true }
        return passesShortPartCheck(word, letters: splitter.letters, parts: parts, lowerHead: lowerHead)
    }

    /// A split with a short part is believed when Hunspell itself reads the word as words
    /// side by side ("raus gegangen"), and not when its correction is one letter away inside
    /// the short part ("Standart" → "Standard", "Kündigunsfrist" → "Kündigungsfrist").
    private func passesShortPartCheck(_ word: String, letters: [Character], parts: [Range<Int>], lowerHead: Bool) -> Bool {
        let suggestions = primary.suggestions(for: lowerHead ? word : Self.capitalizingFirst(word))
        let separators: Set<Character> = [" ", "-"]
        for suggestion in suggestions where !suggestion.hasPrefix("-") && !suggestion.hasSuffix("-")
            && suggestion.contains(where: separators.contains) {
            if String(suggestion.filter { !separators.contains($0) }).lowercased() == word { return true }
        }
        var shortPositions = Set<Int>()
        for part in parts where part.count < shortPart { shortPositions.formUnion(part) }
        for suggestion in suggestions where !suggestion.contains(where: separators.contains) {
            let target = Array(suggestion.lowercased())
            let positions = Self.editPositions(from: letters, to: target)
            if !positions.isDisjoint(with: shortPositions), !isOtherCompound(target, of: letters, parts: parts) { return false }
        }
        return true
    }

    /// A correction that keeps the long parts and swaps the short one for another word is just
    /// another compound ("Futter|abo" → "Futter|abi"), no evidence of a typo; "Stand|art" →
    /// "Standard" is a word of its own.
    private func isOtherCompound(_ target: [Character], of letters: [Character], parts: [Range<Int>]) -> Bool {
        guard let short = parts.first(where: { $0.count < shortPart }), short.lowerBound > 0,
              short.upperBound == letters.count, target.count > short.lowerBound,
              Array(target[..<short.lowerBound]) == Array(letters[..<short.lowerBound]) else { return false }
        let rest = String(target[short.lowerBound...])
        return isKnown(rest) || isKnown(Self.capitalizingFirst(rest))
    }

    /// The letters of `word` that the single edit turning it into `target` touches (a letter
    /// replaced, dropped, inserted beside, or two swapped); empty when it takes more than one.
    static func editPositions(from word: [Character], to target: [Character]) -> Set<Int> {
        var positions = Set<Int>()
        if word.count == target.count {
            let differing = word.indices.filter { word[$0] != target[$0] }
            if differing.count == 1 { positions.insert(differing[0]) }
            if differing.count == 2, differing[1] == differing[0] + 1,
               word[differing[0]] == target[differing[1]], word[differing[1]] == target[differing[0]] {
                positions.formUnion(differing)
            }
        } else if word.count == target.count + 1 {
            for index in word.indices where Array(word[..<index]) + Array(word[(index + 1)...]) == target {
                positions.insert(index)
            }
        } else if word.count + 1 == target.count {
            for index in 0...word.count where Array(word[..<index]) == Array(target[..<index])
                && Array(word[index...]) == Array(target[(index + 1)...]) {
                if index > 0 { positions.insert(index - 1) }
                if index < word.count { positions.insert(index) }
            }
        }
        return positions
    }

    /// Splits one word into parts, memoised by where the rest starts.
    private struct Splitter {
        let analyzer: WordAnalyzer
        let letters: [Character]
        let lowerHead: Bool
        private var splits: [Int: [Range<Int>]?] = [:]
        private var partVerdicts: [String: Bool] = [:]

        init(analyzer: WordAnalyzer, letters: [Character], lowerHead: Bool) {
            self.analyzer = analyzer
            self.letters = letters
            self.lowerHead = lowerHead
        }

        /// The longest known first part wins, so "fahrplan|daten" comes before "fahr|plan|daten".
        mutating func split(from start: Int) -> [Range<Int>]? {
            if let known = splits[start] { return known }
            let minimum = analyzer.formation.minimumPart
            var result: [Range<Int>]?
            if start > 0, isPart(start..<letters.count, final: true) {
                result = [start..<letters.count]
            } else {
                var cut = letters.count - minimum
                search: while cut >= start + minimum {
                    defer { cut -= 1 }
                    guard isPart(start..<cut, final: false) else { continue }
                    for link in [""] + analyzer.formation.links {
                        let linkLetters = Array(link)
                        guard cut + linkLetters.count + minimum <= letters.count,
                              Array(letters[cut..<(cut + linkLetters.count)]) == linkLetters,
                              let rest = split(from: cut + linkLetters.count) else { continue }
                        result = [start..<cut] + rest
                        break search
                    }
                }
            }
            splits[start] = result
            return result
        }

        mutating func isPart(_ range: Range<Int>, final: Bool) -> Bool {
            let part = String(letters[range])
            let key = (final ? "1" : "0") + part
            if let known = partVerdicts[key] { return known }
            let verdict = analyzer.isPart(part, final: final, lowerHead: lowerHead)
            partVerdicts[key] = verdict
            return verdict
        }
    }

    /// A compound written in lower case opens with a noun ("kunden|freundlich"), a verb stem
    /// or a verb particle ("raus|gegangen"), never with a word that stands apart ("noch|einmal").
    private func opensLowercaseCompound(_ first: String) -> Bool {
        if formation.particles.contains(first) || isVerbStem(first) || isLoanword(first) { return true }
        let candidates = [first] + formation.links.filter { first.hasSuffix($0) && first.count - $0.count >= formation.minimumPart }
            .map { String(first.dropLast($0.count)) }
        return candidates.contains { !isKnown($0) && isKnown(Self.capitalizingFirst($0)) }
    }

    /// Whether a lower-case piece can stand in a compound: a word, a noun, a loanword; before
    /// the head also a verb stem ("stehl|gut"); as the head of a word written in lower case
    /// only a word or a verb form.
    fileprivate func isPart(_ part: String, final: Bool, lowerHead: Bool) -> Bool {
        guard part.count >= formation.minimumPart else { return false }
        if isKnown(part) { return true }
        // Loanwords are nouns here; a lower-case word ends in a word of its own language
        // ("lief|e|rung" is not "lieferung").
        if final && lowerHead { return isFormed(part, by: formation.verbForms, fromLoanwords: true) }
        if isLoanword(part) { return true }
        if isKnown(Self.capitalizingFirst(part)) || isFormed(part, by: formation.nounForms, fromLoanwords: false) { return true }
        return !final && isVerbStem(part)
    }

    static func isCapitalized(_ word: String) -> Bool { word.first?.isUppercase ?? false }

    static func capitalizingFirst(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }

    static func lowercasingFirst(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.lowercased() + word.dropFirst()
    }
}

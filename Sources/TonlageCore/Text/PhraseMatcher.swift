/// Finds phrases in an analysed reply, word by word.
///
/// A phrase is words separated by spaces, matched case-insensitively on folded words, with
/// punctuation ignored. `*` alone stands for any one word, `word*` for a word beginning so
/// (`bezüglich*`), `*word` for a word ending so (`*nummer` catches `Kundennummer`). With a
/// `gap`, up to that many other words may stand between the phrase's words
/// ("da können wir leider nichts machen" matches `da können wir nichts machen` with gap 1).
/// Matches never cross a sentence.
public struct PhraseMatcher: Sendable {
    public struct Match: Sendable {
        public let phrase: Int
        public let firstToken: Int
        public let lastToken: Int
    }

    private var phrases: [[Lexicon.Term?]] = []
    /// The phrases starting with term `t` are `candidates[firstCandidate[t]..<firstCandidate[t + 1]]`:
    /// an array look-up per token instead of hashing.
    private var firstCandidate: [Int32] = [0]
    private var candidates: [Int32] = []
    /// The matcher's number in the lexicon, under which a reply lists where its phrases can
    /// start (`PhraseStarts`); -1 until the first phrase is added.
    private(set) var id: Int32 = -1
    public var gap: Int

    public init(gap: Int = 0) { self.gap = gap }

    /// No phrase at all: an optional word list the guide left out.
    public var isEmpty: Bool { phrases.isEmpty }

    /// Adds a phrase; returns its index, or nil if it holds no word (or starts with `*`).
    @discardableResult
    public mutating func add(_ phrase: String, lexicon: inout Lexicon) -> Int? {
        let elements = Self.elements(of: phrase).map { $0 == "*" ? nil : lexicon.term(for: $0) }
        guard let first = elements.first, let firstTerm = first else { return nil }
        return append(elements, startingWith: firstTerm, lexicon: &lexicon)
    }

    /// Adds a phrase of one word given as its term: for a kind that keeps words as terms and
    /// needs a matcher only as its `trigger`, whose phrases start exactly with those terms.
    public mutating func add(term: Lexicon.Term, lexicon: inout Lexicon) {
        append([term], startingWith: term, lexicon: &lexicon)
    }

    @discardableResult
    private mutating func append(_ elements: [Lexicon.Term?], startingWith firstTerm: Lexicon.Term,
                                 lexicon: inout Lexicon) -> Int {
        let index = phrases.count
        phrases.append(elements)
        if id < 0 { id = lexicon.newMatcher() }
        lexicon.matcher(id, startsWith: firstTerm)
        register(phrase: index, firstTerm: firstTerm)
        return index
    }

    private mutating func register(phrase: Int, firstTerm: Lexicon.Term) {
        let term = Int(firstTerm)
        while firstCandidate.count < term + 2 { firstCandidate.append(firstCandidate[firstCandidate.count - 1]) }
        let insertAt = Int(firstCandidate[term + 1])
        candidates.insert(Int32(phrase), at: insertAt)
        for k in (term + 1)..<firstCandidate.count { firstCandidate[k] += 1 }
    }

    /// The phrases listed under `key` in a rule, each reported at its place if it holds no word.
    public static func read(_ key: String, from fields: YAMLFields, required: Bool, what: String, gap: Int = 0,
                            lexicon: inout Lexicon) -> PhraseMatcher {
        var matcher = PhraseMatcher(gap: gap)
        for (phrase, mark) in fields.strings(key, required: required, what: what) where matcher.add(phrase, lexicon: &lexicon) == nil {
            fields.sink.report("the phrase `\(phrase)` holds no word to match", code: .badValue, at: mark)
        }
        return matcher
    }

    /// The words of a phrase as lexicon patterns: hyphens and punctuation split words, `*` survives.
    static func elements(of phrase: String) -> [String] {
        var result: [String] = []
        for part in phrase.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
            if part == "*" { result.append("*"); continue }
            let leadingStar = part.hasPrefix("*")
            let trailingStar = part.hasSuffix("*")
            var pieces: [String] = []
            var current = ""
            for scalar in part.unicodeScalars {
                if UTF8Scanning.isWordScalar(scalar.value) || scalar == "'" || scalar == "\u{2019}" {
                    current.unicodeScalars.append(scalar)
                } else if !current.isEmpty {
                    pieces.append(current)
                    current = ""
                }
            }
            if !current.isEmpty { pieces.append(current) }
            guard !pieces.isEmpty else { continue }
            if leadingStar { pieces[0] = "*" + pieces[0] }
            if trailingStar { pieces[pieces.count - 1] += "*" }
            result += pieces
        }
        return result
    }

    /// The longest match starting at each place, left to right, without overlaps.
    public func matches(in text: AnalyzedText, tokens range: Range<Int>? = nil) -> [Match] {
        var result: [Match] = []
        let range = range ?? 0..<text.tokens.count
        var next = range.lowerBound
        // Only the tokens where a phrase can start; all of the range for a matcher the reply's
        // lexicon does not index.
        func consider(_ i: Int) -> Bool {
            guard i >= next else { return true }
            guard i < range.upperBound else { return false }
            if let best = longestMatch(from: i, in: text, limit: range.upperBound) {
                result.append(best)
                next = best.lastToken + 1
            }
            return true
        }
        if let starts = text.phraseStarts.tokens(of: id) {
            for i in starts where !consider(i) { break }
        } else {
            for i in range where !consider(i) { break }
        }
        return result
    }

    /// Whether any phrase occurs in the token range; stops at the first.
    public func occurs(in text: AnalyzedText, tokens range: Range<Int>? = nil) -> Bool {
        let range = range ?? 0..<text.tokens.count
        if let starts = text.phraseStarts.tokens(of: id) {
            for i in starts where i >= range.lowerBound {
                guard i < range.upperBound else { return false }
                if anyMatch(from: i, in: text, limit: range.upperBound) { return true }
            }
            return false
        }
        return range.contains { anyMatch(from: $0, in: text, limit: range.upperBound) }
    }

    /// The longest phrase starting at token `i`.
    private func longestMatch(from i: Int, in text: AnalyzedText, limit: Int) -> Match? {
        var best: Match?
        for position in text.termPositions(of: i) {
            let term = Int(text.term(at: position))
            guard term + 1 < firstCandidate.count else { continue }
            for k in Int(firstCandidate[term])..<Int(firstCandidate[term + 1]) {
                let phrase = Int(candidates[k])
                if let last = matchTail(phrase, from: i, in: text, limit: limit), last > (best?.lastToken ?? -1) {
                    best = Match(phrase: phrase, firstToken: i, lastToken: last)
                }
            }
        }
        return best
    }

    private func anyMatch(from i: Int, in text: AnalyzedText, limit: Int) -> Bool {
        for position in text.termPositions(of: i) {
            let term = Int(text.term(at: position))
            guard term + 1 < firstCandidate.count else { continue }
            for k in Int(firstCandidate[term])..<Int(firstCandidate[term + 1])
            where matchTail(Int(candidates[k]), from: i, in: text, limit: limit) != nil {
                return true
            }
        }
        return false
    }

    private func matchTail(_ phrase: Int, from first: Int, in text: AnalyzedText, limit: Int) -> Int? {
        let elements = phrases[phrase]
        let sentence = text.tokens[first].sentence
        var position = first
        for element in elements.dropFirst() {
            var found: Int?
            var j = position + 1
            while j < limit, j <= position + 1 + gap, text.tokens[j].sentence == sentence {
                if let term = element {
                    if text.token(j, is: term) { found = j; break }
                } else {
                    found = j
                    break
                }
                j += 1
            }
            guard let next = found else { return nil }
            position = next
        }
        return position
    }
}

/// `kind: template` — scripted text blocks ("Textbausteine"), caught even when reworded.
///
/// Each template phrase and each reply sentence is reduced to normalised words: pronouns and
/// possessives of both address forms fold into one (`equivalents`: "ihnen" → "du",
/// "ihre" → "dein"), filler words drop out (`ignore`: "gerne", "jederzeit"). A reply sentence
/// matches a template when it contains at least `threshold` of the template's word pairs
/// (bigrams), and at least `min_shared` of them. So "Vielen Dank für deine Nachricht" is caught
/// by "Vielen Dank für Ihre Nachricht", while "Danke dir, Heike, das freut mich!" shares too
/// little with any template to count.
///
/// Parameters: `phrases` (the corpus, required), `equivalents`, `ignore`, `threshold`
/// (default 0.6), `min_shared` (default 2), and `report`: `phrase` (a hit per matched span)
/// or `share` (one hit when templates cover at least `share` of the reply's words, default 0.6).
public struct TemplateKind: RuleKind {
    public static let name = "template"
    public static let parameters = ["phrases", "equivalents", "ignore", "threshold", "min_shared", "report", "share"]

    public enum Report: String, CaseIterable, Sendable { case phrase, share }

    let report: Report
    let threshold: Double
    let minimumShared: Int
    let share: Double
    /// Word pair (two normalised terms) → the templates that hold it.
    let bigramIndex: [UInt64: [Int32]]
    let bigramCounts: [Int]
    /// Reply term → normalised term, indexed by term: `-1` breaks a word pair (not a template
    /// word), `-2` is skipped (an ignored filler word).
    let normalised: [Lexicon.Term]
    static let breaks: Lexicon.Term = -1
    static let skipped: Lexicon.Term = -2

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {
        report = fields.choice("report", as: Report.self) ?? .phrase
        threshold = fields.double("threshold", in: 0.1...1) ?? 0.6
        minimumShared = fields.int("min_shared", in: 1...20) ?? 2
        share = fields.double("share", in: 0.1...1) ?? 0.6

        var normalised: [Lexicon.Term: Lexicon.Term] = [:]
        for (word, canonical, _) in fields.stringPairs("equivalents") {
            let target = lexicon.term(for: TextFolding.fold(canonical))
            normalised[lexicon.term(for: TextFolding.fold(word))] = target
            normalised[target] = target
        }
        var ignored = Set<Lexicon.Term>()
        for (word, _) in fields.strings("ignore") { ignored.insert(lexicon.term(for: TextFolding.fold(word))) }

        var index: [UInt64: [Int32]] = [:]
        var counts: [Int] = []
        for (phrase, mark) in fields.strings("phrases", required: true, what: "a template rule") {
            var terms: [Lexicon.Term] = []
            for word in PhraseMatcher.elements(of: phrase) where !word.contains("*") {
                let term = lexicon.term(for: word)
                if ignored.contains(term) { continue }
                let canonical = normalised[term] ?? term
                normalised[term] = canonical
                terms.append(canonical)
            }
            let bigrams = Set(zip(terms, terms.dropFirst()).map(Self.key))
            guard !bigrams.isEmpty else {
                fields.sink.report("the template `\(phrase)` needs at least two words", code: "bad-value", at: mark)
                continue
            }
            let template = Int32(counts.count)
            counts.append(bigrams.count)
            for bigram in bigrams { index[bigram, default: []].append(template) }
        }
        bigramIndex = index
        bigramCounts = counts
        var table = [Lexicon.Term](repeating: Self.breaks, count: lexicon.count)
        for (term, canonical) in normalised { table[Int(term)] = canonical }
        for term in ignored { table[Int(term)] = Self.skipped }
        self.normalised = table
    }

    @inline(__always)
    static func key(_ a: Lexicon.Term, _ b: Lexicon.Term) -> UInt64 {
        UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b))
    }

    public func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) {
        let spans = matchedSpans(in: text)
        guard !spans.isEmpty else { return }
        switch report {
        case .phrase:
            for span in spans {
                let start = text.tokens[span.lowerBound].start, end = text.tokens[span.upperBound - 1].end
                hits.append(Hit(start: start, end: end, values: ["match": text.excerpt(start..<end)]))
            }
        case .share:
            var covered = 0
            for span in spans { covered += text.tokens[span].reduce(0) { $0 + ($1.letterCount > 0 ? 1 : 0) } }
            let words = text.wordCount
            guard words > 0, Double(covered) / Double(words) >= share else { return }
            let start = text.tokens[spans[0].lowerBound].start, end = text.tokens[spans[spans.count - 1].upperBound - 1].end
            hits.append(Hit(start: start, end: end,
                            values: ["value": String(Int((Double(covered) * 100 / Double(words)).rounded())) + " %"]))
        }
    }

    /// Token ranges covered by templates, merged where they overlap, in order.
    func matchedSpans(in text: AnalyzedText) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var pairs: [(first: Int, second: Int, key: UInt64)] = []
        var found: [Int32: (hits: Int, first: Int, last: Int)] = [:]
        for sentence in text.sentences {
            pairs.removeAll(keepingCapacity: true)
            var previous: (term: Lexicon.Term, token: Int)?
            for index in sentence.tokens {
                var term = Self.breaks
                for candidate in text.terms(of: index) where Int(candidate) < normalised.count {
                    let mapped = normalised[Int(candidate)]
                    if mapped != Self.breaks { term = mapped; break }
                }
                if term == Self.skipped { continue }
                guard term != Self.breaks else { previous = nil; continue }
                if let previous { pairs.append((previous.token, index, Self.key(previous.term, term))) }
                previous = (term, index)
            }
            guard pairs.count >= minimumShared else { continue }
            found.removeAll(keepingCapacity: true)
            var seen = Set<UInt64>()
            for pair in pairs where seen.insert(pair.key).inserted {
                guard let templates = bigramIndex[pair.key] else { continue }
                for template in templates {
                    if let entry = found[template] {
                        found[template] = (entry.hits + 1, min(entry.first, pair.first), max(entry.last, pair.second))
                    } else {
                        found[template] = (1, pair.first, pair.second)
                    }
                }
            }
            var sentenceSpans: [Range<Int>] = []
            for (template, entry) in found where entry.hits >= minimumShared
                && Double(entry.hits) >= threshold * Double(bigramCounts[Int(template)]) {
                sentenceSpans.append(entry.first..<(entry.last + 1))
            }
            spans += Self.merged(sentenceSpans)
        }
        return spans
    }

    static func merged(_ spans: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for span in spans.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, span.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, span.upperBound)
            } else {
                result.append(span)
            }
        }
        return result
    }
}

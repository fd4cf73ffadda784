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
/// (default 0.6), `min_shared` (default 2). A hit per matched span; a reply made mostly of
/// them is a job for a `coverage` rule that reads these hits.
public struct TemplateKind: RuleKind {
    public static let name = "template"
    public static let description = KindDescription(
        summary: "boilerplate (\"Textbausteine\"), also reworded or in du-form: word-pair containment",
        parameters: [
            .required("phrases", "phrases", "the template sentences, two words or more each"),
            .optional("equivalents", "mapping", "none", "word: the word it folds into (\"ihnen: du\")"),
            .optional("ignore", "phrases", "none", "filler words left out before comparing (\"gerne\")"),
            .optional("threshold", "number", "0.6", "share of a template's word pairs a sentence must contain"),
            .optional("min_shared", "integer", "2", "word pairs a sentence must share with a template at least"),
        ],
        example: """
            phrases: ["Vielen Dank für Ihre Nachricht", "Wir melden uns schnellstmöglich"]
            equivalents:
              ihre: dein
              ihnen: du
            ignore: [gerne, jederzeit]
            threshold: 0.6
            """)

    let threshold: Double
    let minimumShared: Int
    /// Word pair (two normalised terms) → the templates that hold it.
    let bigramIndex: BigramTable
    let bigramCounts: [Int]
    /// Reply term → normalised term, indexed by term: `-1` breaks a word pair (not a template
    /// word), `-2` is skipped (an ignored filler word).
    let normalised: [Lexicon.Term]
    static let breaks: Lexicon.Term = -1
    static let skipped: Lexicon.Term = -2

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {
        threshold = fields.double("threshold", in: 0.1...1) ?? 0.6
        minimumShared = fields.int("min_shared", in: 1...20) ?? 2

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
                fields.sink.report("the template `\(phrase)` needs at least two words", code: .badValue, at: mark)
                continue
            }
            let template = Int32(counts.count)
            counts.append(bigrams.count)
            for bigram in bigrams { index[bigram, default: []].append(template) }
        }
        bigramIndex = BigramTable(index)
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
        for span in matchedSpans(in: text) {
            let start = text.tokens[span.lowerBound].start, end = text.tokens[span.upperBound - 1].end
            hits.append(Hit(start: start, end: end, values: ["match": text.excerpt(start..<end)]))
        }
    }

    /// Token ranges covered by templates, merged where they overlap, in order.
    func matchedSpans(in text: AnalyzedText) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var pairs: [(first: Int, second: Int, key: UInt64)] = []
        // Per template: shared pairs and the tokens they span; `touched` lists the templates to reset.
        // Made only for a sentence with enough pairs: most replies have none, and three arrays
        // as long as the guide has templates, zeroed for every reply, cost more than the rest.
        var hits: [Int32] = [], first: [Int] = [], last: [Int] = []
        var touched: [Int32] = []
        for sentence in text.sentences {
            if !pairs.isEmpty { pairs.removeAll(keepingCapacity: true) }
            var previous: (term: Lexicon.Term, token: Int)?
            for index in sentence.tokens {
                var term = Self.breaks
                for position in text.termPositions(of: index) {
                    let candidate = Int(text.term(at: position))
                    guard candidate < normalised.count else { continue }
                    let mapped = normalised[candidate]
                    if mapped != Self.breaks { term = mapped; break }
                }
                if term == Self.skipped { continue }
                guard term != Self.breaks else { previous = nil; continue }
                if let previous { pairs.append((previous.token, index, Self.key(previous.term, term))) }
                previous = (term, index)
            }
            guard pairs.count >= minimumShared else { continue }
            if hits.isEmpty {
                hits = [Int32](filling: 0, count: bigramCounts.count)
                first = [Int](filling: 0, count: bigramCounts.count)
                last = [Int](filling: 0, count: bigramCounts.count)
            }
            for (k, pair) in pairs.enumerated() {
                // A pair repeated in the sentence counts once.
                if pairs[..<k].contains(where: { $0.key == pair.key }) { continue }
                for position in bigramIndex.positions(for: pair.key) {
                    let template = bigramIndex.template(at: position)
                    let t = Int(template)
                    if hits[t] == 0 {
                        touched.append(template)
                        first[t] = pair.first
                        last[t] = pair.second
                    } else {
                        first[t] = min(first[t], pair.first)
                        last[t] = max(last[t], pair.second)
                    }
                    hits[t] += 1
                }
            }
            var sentenceSpans: [Range<Int>] = []
            for template in touched {
                let t = Int(template)
                if hits[t] >= minimumShared && Double(hits[t]) >= threshold * Double(bigramCounts[t]) {
                    sentenceSpans.append(first[t]..<(last[t] + 1))
                }
                hits[t] = 0
            }
            if !touched.isEmpty { touched.removeAll(keepingCapacity: true) }
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

/// Word pairs → templates, in an open-addressing table: a multiply and a few probes per look-up
/// instead of a full hash, as every word pair of every reply is looked up.
struct BigramTable: Sendable {
    private let keys: [UInt64]
    private let starts: [Int32]
    private let ends: [Int32]
    private let values: [Int32]
    private let shift: UInt64
    private static let empty = UInt64.max

    init(_ entries: [UInt64: [Int32]]) {
        var capacityBits: UInt64 = 4
        while (1 << capacityBits) < entries.count * 2 { capacityBits += 1 }
        let capacity = 1 << Int(capacityBits)
        var keys = [UInt64](repeating: Self.empty, count: capacity)
        var starts = [Int32](repeating: 0, count: capacity)
        var ends = [Int32](repeating: 0, count: capacity)
        var values: [Int32] = []
        shift = 64 - capacityBits
        for (key, templates) in entries.sorted(by: { $0.key < $1.key }) {
            var slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while keys[slot] != Self.empty { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = key
            starts[slot] = Int32(values.count)
            values += templates.sorted()
            ends[slot] = Int32(values.count)
        }
        self.keys = keys
        self.starts = starts
        self.ends = ends
        self.values = values
    }

    /// Where the templates holding the pair are, for `template(at:)`: a range rather than a
    /// slice, which would retain and release the table for every pair of every reply.
    func positions(for key: UInt64) -> Range<Int> {
        var slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let found = keys[slot]
            if found == key { return Int(starts[slot])..<Int(ends[slot]) }
            if found == Self.empty { return 0..<0 }
            slot = (slot + 1) & (keys.count - 1)
        }
    }

    @inline(__always)
    func template(at position: Int) -> Int32 {
        values[position]
    }
}

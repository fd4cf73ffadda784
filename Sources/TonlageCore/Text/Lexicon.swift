/// The words the guide's rules speak of, interned to small integers.
///
/// Rules compile their word lists into terms once; every reply's tokens are then mapped to
/// terms with a dictionary look-up, so matching compares integers instead of strings.
/// A term is an exact folded word (`danke`), a prefix (`bezüglich*` also matches
/// `bezüglichen`) or a suffix (`*nummer` matches the German compound `kundennummer`).
/// Beside the words, the lexicon keeps the literal texts pattern rules ask for first
/// (`needles`), so that a reply is searched for all of them in one pass.
public struct Lexicon: Sendable {
    public typealias Term = Int32

    private var exact: [String: Term] = [:]
    private var prefixes = StemTable()
    private var suffixes = StemTable()
    public private(set) var count: Int = 0
    /// Every pattern rule's prefilter, one group each.
    private(set) var needles = NeedleSet()
    /// Phrase matchers by number, and the terms their phrases start with: a reply lists, per
    /// matcher, the tokens where one of its phrases can start (`AnalyzedText.phraseStarts`), so
    /// that each of the guide's many matchers looks only there instead of at every token.
    private(set) var matcherCount = 0
    private var matchersByFirstTerm: [Term: [Int32]] = [:]
    /// Frozen form: the matchers whose phrases can start with term `t` are
    /// `startingMatchers[firstMatcher[t]..<firstMatcher[t + 1]]`.
    private(set) var startIndex: (firstMatcher: [Int32], startingMatchers: [Int32])?
    /// Per thread, what each word comes to under this lexicon once frozen (a new cache at each
    /// `freeze()`, so a lexicon extended later never reads an older one's terms); nil while
    /// terms are added.
    private(set) var words: WordCache?
    /// Built by `freeze()` once every rule has added its terms; nil while terms are added.
    private var forward: ByteTrie?
    private var backward: ByteTrie?

    /// Stems and their distinct lengths in UTF-8 bytes, so a token is cut only where a stem could match.
    private struct StemTable: Sendable {
        var terms: [String: Term] = [:]
        var lengths: [Int] = []
        var isEmpty: Bool { lengths.isEmpty }

        mutating func insert(_ stem: String, as term: Term) {
            terms[stem] = term
            let length = stem.utf8.count
            if !lengths.contains(length) { lengths.append(length) }
        }
    }

    public init() {}

    /// The term for a pattern: `word`, `word*` (prefix) or `*word` (suffix); the word is folded.
    public mutating func term(for pattern: String) -> Term {
        forward = nil
        backward = nil
        words = nil
        startIndex = nil
        if pattern.count > 1, pattern.hasSuffix("*") {
            let stem = TextFolding.fold(String(pattern.dropLast()))
            if let existing = prefixes.terms[stem] { return existing }
            let new = nextTerm()
            prefixes.insert(stem, as: new)
            return new
        }
        if pattern.count > 1, pattern.hasPrefix("*") {
            let stem = TextFolding.fold(String(pattern.dropFirst()))
            if let existing = suffixes.terms[stem] { return existing }
            let new = nextTerm()
            suffixes.insert(stem, as: new)
            return new
        }
        let word = TextFolding.fold(pattern)
        if let existing = exact[word] { return existing }
        let new = nextTerm()
        exact[word] = new
        return new
    }

    /// A number for a new phrase matcher.
    mutating func newMatcher() -> Int32 {
        matcherCount += 1
        return Int32(matcherCount - 1)
    }

    /// Notes that one of matcher `matcher`'s phrases starts with `term`.
    mutating func matcher(_ matcher: Int32, startsWith term: Term) {
        startIndex = nil
        matchersByFirstTerm[term, default: []].append(matcher)
    }

    /// Registers a pattern rule's prefilter texts; returns the group the reply reports them under.
    mutating func needleGroup(_ texts: [[UInt8]], caseSensitive: Bool) -> Int {
        needles.add(texts, caseSensitive: caseSensitive)
    }

    private mutating func nextTerm() -> Term {
        count += 1
        return Term(count - 1)
    }

    /// Compiles the terms into byte tries, so a token is matched in one walk over its bytes
    /// (forward for exact words and prefixes, backward for suffixes) without hashing.
    public mutating func freeze() {
        var forward = ByteTrie.Builder()
        for (word, term) in exact { forward.insert(Array(word.utf8), exact: term) }
        for (stem, term) in prefixes.terms { forward.insert(Array(stem.utf8), prefix: term) }
        var backward = ByteTrie.Builder()
        for (stem, term) in suffixes.terms { backward.insert(Array(stem.utf8).reversed(), prefix: term) }
        self.forward = forward.build()
        self.backward = backward.build()
        words = WordCache()
        var firstMatcher: [Int32] = [0]
        var startingMatchers: [Int32] = []
        for term in 0..<count {
            startingMatchers += Set(matchersByFirstTerm[Term(term)] ?? []).sorted()
            firstMatcher.append(Int32(startingMatchers.count))
        }
        startIndex = (firstMatcher, startingMatchers)
    }

    /// Appends every term a folded token stands for.
    func appendTerms(of bytes: UnsafeBufferPointer<UInt8>, to terms: inout [Term]) {
        if let forward, let backward {
            forward.walk(bytes, reversed: false, into: &terms)
            backward.walk(bytes, reversed: true, into: &terms)
            return
        }
        // Not frozen (a lexicon still being built): the same answer through the tables.
        let key = String(decoding: bytes, as: UTF8.self)
        if let term = exact[key] { terms.append(term) }
        if prefixes.isEmpty && suffixes.isEmpty { return }
        let bytes = key.utf8
        let length = bytes.count
        for cut in prefixes.lengths where cut <= length {
            let stem = String(decoding: bytes.prefix(cut), as: UTF8.self)
            if let term = prefixes.terms[stem] { terms.append(term) }
        }
        for cut in suffixes.lengths where cut <= length {
            let stem = String(decoding: bytes.suffix(cut), as: UTF8.self)
            if let term = suffixes.terms[stem] { terms.append(term) }
        }
    }
}

/// A byte trie in flat arrays: node `n`'s edges are `edges[nodes[n].edgeStart..<nodes[n + 1].edgeStart]`.
private struct ByteTrie: Sendable {
    /// Per node, side by side so that a step of a walk touches one place: where its edges
    /// start (they end where the next node's start; a last node closes the list), its row in
    /// `dense` (-1: none), and the terms of the word and of the stem (prefix or suffix) ending
    /// here (-1: none).
    private struct Node {
        var edgeStart: Int32
        var denseRow: Int32
        var exact: Lexicon.Term
        var stem: Lexicon.Term
    }

    private struct Edge {
        var target: Int32
        var label: UInt8
    }

    private var nodes: [Node] = []
    private var edges: [Edge] = []
    /// Nodes with many edges (the root, and the first letters of German words) have them in a
    /// table by byte as well: `dense[denseRow * 256 + byte]` is the target, -1 for none.
    private var dense: [Int32] = []
    private static let denseFrom = 8

    struct Builder {
        private var children: [[UInt8: Int]] = [[:]]
        private var exact: [Lexicon.Term] = [-1]
        private var stem: [Lexicon.Term] = [-1]

        mutating func insert<Bytes: Sequence>(_ bytes: Bytes, exact term: Lexicon.Term? = nil, prefix stemTerm: Lexicon.Term? = nil)
        where Bytes.Element == UInt8 {
            var node = 0
            for byte in bytes {
                if let next = children[node][byte] {
                    node = next
                } else {
                    children.append([:])
                    exact.append(-1)
                    stem.append(-1)
                    children[node][byte] = children.count - 1
                    node = children.count - 1
                }
            }
            if let term { exact[node] = term }
            if let stemTerm { stem[node] = stemTerm }
        }

        func build() -> ByteTrie {
            var trie = ByteTrie()
            for node in children.indices {
                var denseRow: Int32 = -1
                // The root always: every word of every reply starts there.
                if node == 0 || children[node].count >= ByteTrie.denseFrom {
                    denseRow = Int32(trie.dense.count / 256)
                    var row = [Int32](repeating: -1, count: 256)
                    for (label, target) in children[node] { row[Int(label)] = Int32(target) }
                    trie.dense += row
                }
                trie.nodes.append(Node(edgeStart: Int32(trie.edges.count), denseRow: denseRow, exact: exact[node], stem: stem[node]))
                for (label, target) in children[node].sorted(by: { $0.key < $1.key }) {
                    trie.edges.append(Edge(target: Int32(target), label: label))
                }
            }
            trie.nodes.append(Node(edgeStart: Int32(trie.edges.count), denseRow: -1, exact: -1, stem: -1))
            return trie
        }
    }

    /// Appends the terms of every stem that the word starts (or, reversed, ends) with, and
    /// of the word itself.
    func walk(_ bytes: UnsafeBufferPointer<UInt8>, reversed: Bool, into terms: inout [Lexicon.Term]) {
        let count = bytes.count
        // The root and the closing node alone: a trie without words.
        guard count > 0, nodes.count > 2 else { return }
        nodes.withUnsafeBufferPointer { nodes in
            edges.withUnsafeBufferPointer { edges in
                dense.withUnsafeBufferPointer { dense in
                    var node = Int(dense[Int(bytes[reversed ? count - 1 : 0])])
                    guard node >= 0 else { return }
                    if nodes[node].stem >= 0 { terms.append(nodes[node].stem) }
                    for step in 1..<count {
                        let byte = bytes[reversed ? count - 1 - step : step]
                        var next = -1
                        let row = Int(nodes[node].denseRow)
                        if row >= 0 {
                            next = Int(dense[row * 256 + Int(byte)])
                        } else {
                            for edge in Int(nodes[node].edgeStart)..<Int(nodes[node + 1].edgeStart) where edges[edge].label == byte {
                                next = Int(edges[edge].target)
                                break
                            }
                        }
                        guard next >= 0 else { return }
                        node = next
                        if nodes[node].stem >= 0 { terms.append(nodes[node].stem) }
                    }
                    if nodes[node].exact >= 0 { terms.append(nodes[node].exact) }
                }
            }
        }
    }
}

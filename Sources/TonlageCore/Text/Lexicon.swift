/// The words the guide's rules speak of, interned to small integers.
///
/// Rules compile their word lists into terms once; every reply's tokens are then mapped to
/// terms with a dictionary look-up, so matching compares integers instead of strings.
/// A term is an exact folded word (`danke`), a prefix (`bezüglich*` also matches
/// `bezüglichen`) or a suffix (`*nummer` matches the German compound `kundennummer`).
public struct Lexicon: Sendable {
    public typealias Term = Int32

    private var exact: [String: Term] = [:]
    private var prefixes = StemTable()
    private var suffixes = StemTable()
    public private(set) var count: Int = 0

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

    private mutating func nextTerm() -> Term {
        count += 1
        return Term(count - 1)
    }

    /// Appends every term a folded token stands for.
    func appendTerms(of key: String, to terms: inout [Term]) {
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

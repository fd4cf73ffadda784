/// A set of lexicon terms as bits: one per term the lexicon holds.
struct TermSet: Sendable {
    private(set) var words: [UInt64]

    init(capacity: Int) {
        words = [UInt64](repeating: 0, count: (capacity + 63) / 64)
    }

    @inline(__always)
    mutating func insert(_ term: Lexicon.Term) {
        let index = Int(term) >> 6
        if index >= words.count { words += [UInt64](repeating: 0, count: index + 1 - words.count) }
        words[index] |= 1 << UInt64(term & 63)
    }

    @inline(__always)
    func contains(_ term: Lexicon.Term) -> Bool {
        let index = Int(term) >> 6
        return index < words.count && words[index] & (1 << UInt64(term & 63)) != 0
    }

    /// Whether the two sets share a term.
    @inline(__always)
    func intersects(_ other: TermSet) -> Bool {
        let count = min(words.count, other.words.count)
        for k in 0..<count where words[k] & other.words[k] != 0 { return true }
        return false
    }
}

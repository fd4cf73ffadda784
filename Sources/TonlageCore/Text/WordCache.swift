/// What each word of the replies comes to under one frozen lexicon, kept per thread: its folded
/// form, whether it is disguised, and the lexicon's terms for it.
///
/// Folding a word (through Foundation for anything beyond Latin-1) and walking the lexicon's
/// tries for it were a large part of analysing a reply (about 0.35 µs of 3 per reply came off
/// with this table). Replies repeat their words, so each thread does that once per word as
/// written and looks it up afterwards.
final class WordCache: Sendable {
    private let id = ThreadTables.newID()

    /// The calling thread's table for this cache.
    func withTable<Result>(_ body: (inout WordTable?) -> Result) -> Result {
        ThreadTables.current.table(for: id) { ThreadTables.Box(Optional(WordTable(limit: 100_000))) }.with(body)
    }
}

/// Words as written to their folded form, terms and disguise.
struct WordTable {
    private var index: ByteKeyIndex
    /// Entry `e`'s folded form is `foldedBytes[foldedStarts[e]..<foldedStarts[e + 1]]`, its
    /// terms likewise in `terms`.
    private var foldedStarts: [Int32] = [0]
    private var foldedBytes: [UInt8] = []
    private var termStarts: [Int32] = [0]
    private var terms: [Lexicon.Term] = []
    private var disguised: [Bool] = []

    init(limit: Int) {
        index = ByteKeyIndex(limit: limit)
    }

    /// Appends a known word's folded form and terms and returns whether it is disguised; nil
    /// (appending nothing) for a word not seen yet.
    func append(_ word: UnsafeBufferPointer<UInt8>, folded: inout [UInt8], terms: inout [Lexicon.Term]) -> Bool? {
        guard let entry = index.find(word) else { return nil }
        // Through buffers: a slice of the table's arrays would retain and release them per word.
        foldedBytes.withUnsafeBufferPointer { bytes in
            folded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[Int(foldedStarts[entry])..<Int(foldedStarts[entry + 1])]))
        }
        self.terms.withUnsafeBufferPointer { known in
            terms.append(contentsOf: UnsafeBufferPointer(rebasing: known[Int(termStarts[entry])..<Int(termStarts[entry + 1])]))
        }
        return disguised[entry]
    }

    /// Adds a word not seen yet.
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>, folded: ArraySlice<UInt8>, terms: ArraySlice<Lexicon.Term>,
                         disguised: Bool) {
        if index.isFull { self = WordTable(limit: index.limit) }
        index.insert(word)
        foldedBytes += folded
        foldedStarts.append(Int32(foldedBytes.count))
        self.terms += terms
        termStarts.append(Int32(self.terms.count))
        self.disguised.append(disguised)
    }
}

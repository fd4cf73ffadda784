import Foundation

/// Verdicts by the word's UTF-8 bytes, one table per thread: the spelling rule's verdict on a
/// word, or the shouting rule's on a word in capitals, each behind its own cache.
///
/// The batch checker scores on every core, and one shared table behind a lock, taken once per
/// reply, made the cores wait for each other. Each thread keeps its own table instead, so a
/// word seen before costs a hash and no synchronisation; a new word is analysed once per
/// thread, and the dictionaries' own caches spare the second thread most of that work.
/// Keyed by bytes, so a reply's words are looked up without making a `String` each.
final class WordVerdictCache: Sendable {
    private let id = ThreadTables.newID()

    /// The calling thread's table for this cache.
    func withTable<Result>(_ body: (inout ByteKeyedTable) -> Result) -> Result {
        ThreadTables.current.table(for: id) { ThreadTables.Box(ByteKeyedTable(limit: 250_000)) }.with(body)
    }
}

/// Byte strings to verdicts (any one-byte enumeration).
struct ByteKeyedTable {
    private var index: ByteKeyIndex
    private var verdicts: [UInt8] = []

    init(limit: Int) {
        index = ByteKeyIndex(limit: limit)
    }

    var count: Int { verdicts.count }

    func find<Verdict: RawRepresentable>(_ key: UnsafeBufferPointer<UInt8>, as _: Verdict.Type) -> Verdict?
    where Verdict.RawValue == UInt8 {
        index.find(key).flatMap { Verdict(rawValue: verdicts[$0]) }
    }

    mutating func insert<Verdict: RawRepresentable>(_ key: UnsafeBufferPointer<UInt8>, _ verdict: Verdict)
    where Verdict.RawValue == UInt8 {
        guard index.find(key) == nil else { return }
        if index.isFull { self = ByteKeyedTable(limit: index.limit) }
        index.insert(key)
        verdicts.append(verdict.rawValue)
    }
}

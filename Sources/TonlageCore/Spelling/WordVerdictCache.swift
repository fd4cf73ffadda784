#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
    private let id: Int

    init() { id = Self.nextID() }

    /// The calling thread's table for this cache.
    func withTable<Result>(_ body: (inout ByteKeyedTable) -> Result) -> Result {
        ThreadTables.current.withTable(for: id, body)
    }

    private static let counter = Counter()

    private static func nextID() -> Int { counter.next() }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}

/// The tables of one thread, by cache; released when the thread ends.
private final class ThreadTables {
    private var tables: [Int: ByteKeyedTable] = [:]
    /// Tables of guides no longer in use are never told apart from live ones; past this many a
    /// thread starts afresh, which only costs look-ups.
    private let maximumTables = 16

    func withTable<Result>(for id: Int, _ body: (inout ByteKeyedTable) -> Result) -> Result {
        if tables[id] == nil, tables.count >= maximumTables { tables.removeAll() }
        return body(&tables[id, default: ByteKeyedTable(limit: 250_000)])
    }

    static var current: ThreadTables {
        if let stored = pthread_getspecific(key) { return Unmanaged<ThreadTables>.fromOpaque(stored).takeUnretainedValue() }
        let tables = ThreadTables()
        pthread_setspecific(key, Unmanaged.passRetained(tables).toOpaque())
        return tables
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { stored in
            #if canImport(Darwin)
            Unmanaged<ThreadTables>.fromOpaque(stored).release()
            #else
            if let stored { Unmanaged<ThreadTables>.fromOpaque(stored).release() }
            #endif
        }
        return key
    }()
}

/// An open-addressing hash table from byte strings to verdicts (any one-byte enumeration); the
/// keys live in one arena.
struct ByteKeyedTable {
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var keyStarts: [Int32] = []
    private var keyLengths: [Int32] = []
    private var verdicts: [UInt8] = []
    private var arena: [UInt8] = []
    /// Beyond this many entries the table starts afresh: a batch over ever new words stays bounded.
    private let limit: Int

    init(limit: Int) {
        self.limit = limit
        slots = [Int32](repeating: -1, count: 1024)
    }

    var count: Int { verdicts.count }

    func find<Verdict: RawRepresentable>(_ key: UnsafeBufferPointer<UInt8>, as _: Verdict.Type) -> Verdict?
    where Verdict.RawValue == UInt8 {
        find(key).flatMap(Verdict.init(rawValue:))
    }

    mutating func insert<Verdict: RawRepresentable>(_ key: UnsafeBufferPointer<UInt8>, _ verdict: Verdict)
    where Verdict.RawValue == UInt8 {
        insert(key, verdict.rawValue)
    }

    private func find(_ key: UnsafeBufferPointer<UInt8>) -> UInt8? {
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        return arena.withUnsafeBufferPointer { arena in
            while true {
                let entry = Int(slots[slot])
                if entry < 0 { return nil }
                if hashes[entry] == hash, Int(keyLengths[entry]) == key.count,
                   key.isEmpty || memcmp(arena.baseAddress! + Int(keyStarts[entry]), key.baseAddress!, key.count) == 0 {
                    return verdicts[entry]
                }
                slot = (slot + 1) & mask
            }
        }
    }

    private mutating func insert(_ key: UnsafeBufferPointer<UInt8>, _ verdict: UInt8) {
        if find(key) != nil { return }
        if verdicts.count >= limit { self = ByteKeyedTable(limit: limit) }
        if (verdicts.count + 1) * 2 > slots.count { grow() }
        let hash = Self.hash(key)
        let entry = Int32(verdicts.count)
        hashes.append(hash)
        keyStarts.append(Int32(arena.count))
        keyLengths.append(Int32(key.count))
        verdicts.append(verdict)
        arena.append(contentsOf: key)
        place(entry, hash: hash)
    }

    private mutating func place(_ entry: Int32, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = entry
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for entry in hashes.indices { place(Int32(entry), hash: hashes[entry]) }
    }

    /// FNV-1a, then a final mix so that nearby words spread over the low bits.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash ^ (hash >> 29)
    }
}

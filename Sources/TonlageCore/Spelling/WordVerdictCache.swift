import Foundation

/// Verdicts by the word's UTF-8 bytes, shared by every thread that scores with one rule.
///
/// Keyed by bytes so a reply's words are looked up without making a `String` each; one lock
/// per reply (`withTable`) rather than per word, since the batch checker scores on every core.
final class WordVerdictCache: @unchecked Sendable {
    private let lock = NSLock()
    private var table = ByteKeyedTable(limit: 250_000)

    func withTable<Result>(_ body: (inout ByteKeyedTable) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&table)
    }
}

/// An open-addressing hash table from byte strings to verdicts; the keys live in one arena.
struct ByteKeyedTable {
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var keyStarts: [Int32] = []
    private var keyLengths: [Int32] = []
    private var verdicts: [WordVerdict] = []
    private var arena: [UInt8] = []
    /// Beyond this many entries the table starts afresh: a batch over ever new words stays bounded.
    private let limit: Int

    init(limit: Int) {
        self.limit = limit
        slots = [Int32](repeating: -1, count: 1024)
    }

    var count: Int { verdicts.count }

    func find(_ key: UnsafeBufferPointer<UInt8>) -> WordVerdict? {
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return nil }
            if hashes[entry] == hash, Int(keyLengths[entry]) == key.count {
                let start = Int(keyStarts[entry])
                if arena[start..<(start + key.count)].elementsEqual(key) { return verdicts[entry] }
            }
            slot = (slot + 1) & mask
        }
    }

    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, _ verdict: WordVerdict) {
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

import Foundation

/// Byte strings to entry numbers (0, 1, 2 … in the order of insertion), in an open-addressing
/// hash table whose keys live in one arena: the index behind the per-thread word tables, which
/// keep their entries' values in arrays of their own, by entry number.
struct ByteKeyIndex {
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var keyStarts: [Int32] = []
    private var keyLengths: [Int32] = []
    private var arena: [UInt8] = []
    /// Beyond this many entries the owner starts afresh (`isFull`): a batch over ever new
    /// words stays bounded.
    let limit: Int

    init(limit: Int) {
        self.limit = limit
        slots = [Int32](repeating: -1, count: 1024)
    }

    var count: Int { hashes.count }
    var isFull: Bool { count >= limit }

    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        return arena.withUnsafeBufferPointer { arena in
            while true {
                let entry = Int(slots[slot])
                if entry < 0 { return nil }
                if hashes[entry] == hash, Int(keyLengths[entry]) == key.count,
                   key.isEmpty || memcmp(arena.baseAddress! + Int(keyStarts[entry]), key.baseAddress!, key.count) == 0 {
                    return entry
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Adds a key that is not there yet; returns its entry number.
    @discardableResult
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        if (count + 1) * 2 > slots.count { grow() }
        let hash = Self.hash(key)
        let entry = count
        hashes.append(hash)
        keyStarts.append(Int32(arena.count))
        keyLengths.append(Int32(key.count))
        arena.append(contentsOf: key)
        place(Int32(entry), hash: hash)
        return entry
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

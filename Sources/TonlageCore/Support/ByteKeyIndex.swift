/// Byte strings to entry numbers (0, 1, 2 … in the order of insertion), in an open-addressing
/// hash table whose keys live in one arena: the index behind the per-thread word tables, which
/// keep their entries' values in arrays of their own, by entry number.
struct ByteKeyIndex {
    /// An entry's hash and where its key lies in `arena`, side by side: a probe reads one place.
    private struct Entry {
        let hash: UInt64
        let start: Int32
        let length: Int32
    }

    private var slots: [Int32]
    private var entries: [Entry] = []
    private var arena: [UInt8] = []
    /// Beyond this many entries the owner starts afresh (`isFull`): a batch over ever new
    /// words stays bounded.
    let limit: Int

    init(limit: Int) {
        self.limit = limit
        slots = [Int32](repeating: -1, count: 1024)
    }

    var count: Int { entries.count }
    var isFull: Bool { count >= limit }

    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(key)
        return slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                arena.withUnsafeBufferPointer { arena in
                    let mask = slots.count - 1
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while true {
                        let index = Int(slots[slot])
                        if index < 0 { return nil }
                        let entry = entries[index]
                        if entry.hash == hash, Int(entry.length) == key.count,
                           key.indices.allSatisfy({ arena[Int(entry.start) + $0] == key[$0] }) {
                            return index
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// Adds a key that is not there yet; returns its entry number.
    @discardableResult
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        if (count + 1) * 2 > slots.count { grow() }
        let hash = Self.hash(key)
        let index = count
        entries.append(Entry(hash: hash, start: Int32(arena.count), length: Int32(key.count)))
        arena.append(contentsOf: key)
        place(Int32(index), hash: hash)
        return index
    }

    private mutating func place(_ index: Int32, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = index
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for index in entries.indices { place(Int32(index), hash: entries[index].hash) }
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

/// A set of small non-negative numbers as bits. The first 64 live in the value itself, so the
/// set a reply makes of its prefilter groups (a guide has a handful) allocates nothing.
struct BitSet: Sendable {
    private var low: UInt64 = 0
    /// Bits 64 and up, 64 per word; empty until one is inserted.
    private var high: [UInt64] = []

    init() {}

    @inline(__always)
    mutating func insert(_ member: Int) {
        if member < 64 {
            low |= 1 << UInt64(member)
            return
        }
        let index = member / 64 - 1
        if index >= high.count { high += [UInt64](repeating: 0, count: index + 1 - high.count) }
        high[index] |= 1 << UInt64(member % 64)
    }

    @inline(__always)
    func contains(_ member: Int) -> Bool {
        if member < 64 { return member >= 0 && low & (1 << UInt64(member)) != 0 }
        let index = member / 64 - 1
        return index < high.count && high[index] & (1 << UInt64(member % 64)) != 0
    }
}

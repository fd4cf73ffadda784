/// Literal texts in groups, all found in one pass over a reply.
///
/// Each pattern rule's `prefilter` is one group: a reply holding none of a group's texts skips
/// that rule's regular expression. Scanning the reply once for every group, instead of once per
/// rule, is what makes the prefilters cheap enough to run on every reply. ASCII letters compare
/// without case unless the group asks for case; `#` stands for any digit. At each byte only the
/// texts that can start with it are looked at, and only those of groups not found yet.
struct NeedleSet: Sendable {
    /// The texts back to back (`bytes[offsets[k]..<offsets[k + 1]]`), lowered where the group
    /// ignores case; one flat array, so the scan retains nothing per candidate.
    private var bytes: [UInt8] = []
    private var offsets: [Int32] = [0]
    private var groupOf: [Int32] = []
    private var caseSensitive: [Bool] = []
    /// Indexed by byte: the texts that can start with it (`byStart[first[b]..<first[b + 1]]`).
    private var first = [Int32](repeating: 0, count: 257)
    private var byStart: [Int32] = []
    /// Indexed by first byte, 256 bits each: the bytes that can follow it in a text (every byte
    /// for a one-byte text). A space starts six of the German guide's texts, and this rules out
    /// nearly every space before any of them is looked at.
    private var second = [UInt64](repeating: 0, count: 256 * 4)
    private(set) var groupCount = 0

    /// Adds a group of texts (empty texts are left out); returns its number.
    @discardableResult
    mutating func add(_ needles: [[UInt8]], caseSensitive: Bool) -> Int {
        let group = groupCount
        groupCount += 1
        for needle in needles where !needle.isEmpty {
            bytes += caseSensitive ? needle : needle.map(Self.lowercased)
            offsets.append(Int32(bytes.count))
            groupOf.append(Int32(group))
            self.caseSensitive.append(caseSensitive)
        }
        index()
        return group
    }

    /// Rebuilt after every group: guides have a handful, and the table is then always ready.
    private mutating func index() {
        var lists = [[Int32]](repeating: [], count: 256)
        second = [UInt64](repeating: 0, count: 256 * 4)
        for needle in groupOf.indices {
            let from = Int(offsets[needle]), to = Int(offsets[needle + 1])
            let starts = matching(bytes[from], caseSensitive: caseSensitive[needle])
            let follows = to - from > 1 ? matching(bytes[from + 1], caseSensitive: caseSensitive[needle]) : Set(0...255)
            for byte in starts {
                lists[Int(byte)].append(Int32(needle))
                for next in follows { second[Int(byte) * 4 + Int(next) >> 6] |= 1 << UInt64(next & 63) }
            }
        }
        first = [0]
        for list in lists { first.append(first[first.count - 1] + Int32(list.count)) }
        byStart = lists.flatMap { $0 }
    }

    /// The bytes of a reply that a byte of a text matches.
    private func matching(_ byte: UInt8, caseSensitive: Bool) -> Set<UInt8> {
        if byte == Self.digit { return Set(UInt8(ascii: "0")...UInt8(ascii: "9")) }
        if !caseSensitive && byte >= 0x61 && byte <= 0x7A { return [byte, byte - 0x20] }
        return [byte]
    }

    /// `#` in a text: any digit.
    private static let digit = UInt8(ascii: "#")

    @inline(__always)
    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// The groups of which the haystack holds at least one text.
    func groups(in haystack: UnsafeBufferPointer<UInt8>) -> BitSet {
        var found = BitSet()
        guard groupCount > 0 else { return found }
        var missing = groupCount
        first.withUnsafeBufferPointer { first in
            second.withUnsafeBufferPointer { second in
                for start in haystack.indices {
                    let byte = Int(haystack[start])
                    let candidates = Int(first[byte])..<Int(first[byte + 1])
                    guard !candidates.isEmpty else { continue }
                    if start + 1 < haystack.count {
                        let next = Int(haystack[start + 1])
                        guard second[byte * 4 + next >> 6] & (1 << UInt64(next & 63)) != 0 else { continue }
                    }
                    for k in candidates {
                        let needle = Int(byStart[k])
                        let group = Int(groupOf[needle])
                        guard !found.contains(group), occurs(needle, at: start, in: haystack) else { continue }
                        found.insert(group)
                        missing -= 1
                        if missing == 0 { return }
                    }
                }
            }
        }
        return found
    }

    /// Whether text `needle` stands at `start`; its first byte is known to match.
    @inline(__always)
    private func occurs(_ needle: Int, at start: Int, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        let from = Int(offsets[needle]), to = Int(offsets[needle + 1])
        guard to - from <= haystack.count - start else { return false }
        let exact = caseSensitive[needle]
        for j in 1..<(to - from) {
            let expected = bytes[from + j], byte = haystack[start + j]
            let same = expected == Self.digit ? byte >= 0x30 && byte <= 0x39 : (exact ? byte : Self.lowercased(byte)) == expected
            guard same else { return false }
        }
        return true
    }
}

import TonlageCore

/// Seeded mutations of byte strings: the same seed gives the same inputs on every machine,
/// so a failure found by the long run is found again by the short one in the test suite.
///
/// Mutations are those that broke parsers before: bytes flipped, tokens of the format
/// inserted (brackets, escapes, aliases, invalid UTF-8, line separators), a piece repeated
/// until it nests or grows deep, pieces of two inputs spliced together.
public struct Mutator: Sendable {
    public var random: SeededRandom
    /// Tokens worth inserting for the format at hand.
    public let tokens: [[UInt8]]
    /// Inputs may grow up to this many bytes.
    public let maxBytes: Int

    public init(seed: UInt64, tokens: [String], maxBytes: Int) {
        random = SeededRandom(seed: seed)
        self.tokens = tokens.map { Array($0.utf8) } + Self.hostileBytes
        self.maxBytes = maxBytes
    }

    /// Bytes every format should survive: invalid UTF-8, NUL, line separators, a BOM, joiners.
    static let hostileBytes: [[UInt8]] = [
        [0xFF], [0xC3], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x00], [0x0A], [0x0D], [0x09],
        [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9], [0xC2, 0x85], [0xEF, 0xBB, 0xBF], [0xE2, 0x80, 0x8D], [0xCC, 0x81],
        [0xF0, 0x9F, 0x98, 0x80], [0x1B, 0x5B, 0x33, 0x31, 0x6D],
    ]

    public mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(random.next() % UInt64(bound)) }

    /// One to a few mutations of `input`, with `other` for splicing.
    public mutating func mutate(_ input: [UInt8], other: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0...below(4) {
            switch below(11) {
            case 0 where !bytes.isEmpty:
                bytes[below(bytes.count)] ^= UInt8(1 << below(8))
            case 1 where !bytes.isEmpty:
                bytes[below(bytes.count)] = UInt8(truncatingIfNeeded: random.next())
            case 2, 3:
                bytes.insert(contentsOf: random.pick(tokens), at: below(bytes.count + 1))
            case 4 where !bytes.isEmpty:
                let start = below(bytes.count)
                bytes.removeSubrange(start..<min(bytes.count, start + 1 + below(16)))
            case 5 where !bytes.isEmpty:
                // A piece repeated: deep nesting, long runs, many findings.
                let start = below(bytes.count)
                let piece = Array(bytes[start..<min(bytes.count, start + 1 + below(8))])
                let times = [2, 10, 100, 1000, 100_000][below(5)]
                let copies = min(times, max(1, (maxBytes - bytes.count) / max(1, piece.count)))
                bytes.insert(contentsOf: Array(repeating: piece, count: copies).joined(), at: start)
            case 6 where !other.isEmpty:
                let cut = below(bytes.count + 1)
                let from = below(other.count)
                bytes = Array(bytes[..<cut]) + Array(other[from...])
            case 7 where !bytes.isEmpty:
                let start = below(bytes.count)
                let end = min(bytes.count, start + 1 + below(32))
                bytes.insert(contentsOf: Array(bytes[start..<end]), at: below(bytes.count + 1))
            case 8:
                let token = random.pick(tokens)
                let times = 1 + below(64)
                bytes.insert(contentsOf: Array(repeating: token, count: times).joined(), at: below(bytes.count + 1))
            default:
                // A line indented or dedented: the shape of YAML.
                let breaks = bytes.indices.filter { bytes[$0] == 0x0A }
                guard !breaks.isEmpty else { break }
                let line = breaks[below(breaks.count)] + 1
                if below(2) == 0 {
                    bytes.insert(contentsOf: Array(repeating: UInt8(ascii: " "), count: 1 + below(6)), at: line)
                } else {
                    while line < bytes.count, bytes[line] == UInt8(ascii: " ") { bytes.remove(at: line) }
                }
            }
        }
        if bytes.count > maxBytes { bytes.removeLast(bytes.count - maxBytes) }
        return bytes
    }
}

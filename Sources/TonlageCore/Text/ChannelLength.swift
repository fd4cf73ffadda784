import Foundation

/// How a channel measures a reply's length.
public enum LengthCounting: String, Sendable, CaseIterable {
    /// X/Twitter's weighted count (twitter-text configuration v3).
    case weighted
    /// User-perceived characters (grapheme clusters).
    case graphemes
}

/// A length measurement and the UTF-8 offsets at which the text passes given limits.
public struct LengthMeasure: Sendable {
    public let value: Int
    /// For each limit asked about, the byte offset where the text first exceeds it (nil: it does not).
    public let overflowOffsets: [Int?]
}

/// Counts a reply's length the way a channel does.
///
/// X counts weighted characters after NFC normalisation: every URL counts 23, code points in
/// U+0000–U+10FF, U+2000–U+200D, U+2010–U+201F and U+2032–U+2037 count 1, an emoji sequence
/// (however many code points it joins) counts 2, everything else 2.
public enum ChannelLength {
    public static let urlWeight = 23

    public static func measure(_ text: AnalyzedText, counting: LengthCounting, limits: [Int]) -> LengthMeasure {
        text.bytes.withUnsafeBufferPointer { buffer in
            var overflow = [Int?](repeating: nil, count: limits.count)
            var total = 0
            // Adds one unit's weight; `start` is where the unit begins, the overflow offset if it passes a limit.
            func add(_ weight: Int, startingAt start: Int) {
                total += weight
                for (k, limit) in limits.enumerated() where overflow[k] == nil && total > limit {
                    overflow[k] = start
                }
            }
            switch counting {
            case .weighted:
                weighted(buffer, urls: text.urls, add: add)
            case .graphemes:
                graphemes(buffer, isASCII: text.isASCII, text: text.text, add: add)
            }
            return LengthMeasure(value: total, overflowOffsets: overflow)
        }
    }

    private static func weighted(_ b: UnsafeBufferPointer<UInt8>, urls: [Range<Int>],
                                 add: (Int, Int) -> Void) {
        var i = 0
        var nextURL = 0
        let n = b.count
        while i < n {
            if nextURL < urls.count, urls[nextURL].lowerBound == i {
                add(urlWeight, i)
                i = urls[nextURL].upperBound
                nextURL += 1
                continue
            }
            let sequence = EmojiScanner.sequenceLength(b, at: i)
            if sequence > 0 {
                add(2, i)
                i += sequence
                continue
            }
            let (value, length) = UTF8Scanning.decode(b, at: i)
            // A base followed by combining marks is weighed in NFC, as X normalises first.
            var end = i + length
            while end < n, UTF8Scanning.isCombiningMark(UTF8Scanning.decode(b, at: end).scalar) {
                end += UTF8Scanning.decode(b, at: end).length
            }
            if end > i + length {
                let cluster = String(decoding: UnsafeBufferPointer(rebasing: b[i..<end]), as: UTF8.self)
                var weight = 0
                for scalar in cluster.precomposedStringWithCanonicalMapping.unicodeScalars {
                    weight += weightOf(scalar.value)
                }
                add(weight, i)
            } else {
                add(weightOf(value), i)
            }
            i = end
        }
    }

    @inline(__always)
    static func weightOf(_ value: UInt32) -> Int {
        switch value {
        case 0...0x10FF, 0x2000...0x200D, 0x2010...0x201F, 0x2032...0x2037: return 1
        default: return 2
        }
    }

    private static func graphemes(_ b: UnsafeBufferPointer<UInt8>, isASCII: Bool, text: String,
                                  add: (Int, Int) -> Void) {
        if isASCII {
            var i = 0
            while i < b.count {
                // CR LF is one grapheme.
                let width = (b[i] == 0x0D && i + 1 < b.count && b[i + 1] == 0x0A) ? 2 : 1
                add(1, i)
                i += width
            }
            return
        }
        // Below U+0300 (Latin, precomposed umlauts) every scalar is its own grapheme.
        var simple = true
        for byte in b where byte == 0x0D || byte >= 0xCC { simple = false; break }
        if simple {
            var i = 0
            while i < b.count {
                let byte = b[i]
                let length = byte < 0x80 ? 1 : (byte < 0xE0 ? 2 : (byte < 0xF0 ? 3 : 4))
                add(1, i)
                i += length
            }
            return
        }
        var offset = 0
        for character in text {
            let length = character.utf8.count
            add(1, offset)
            offset += length
        }
    }
}

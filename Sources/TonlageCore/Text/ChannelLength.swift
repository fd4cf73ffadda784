import Foundation

/// How a channel measures a reply's length.
public enum LengthCounting: String, Sendable, CaseIterable {
    /// X/Twitter's weighted count (twitter-text configuration v3).
    case weighted
    /// User-perceived characters (grapheme clusters).
    case graphemes
}

/// A length measurement and the UTF-8 offsets at which the text passes a channel's lengths.
public struct LengthMeasure: Sendable {
    public let value: Int
    /// The byte offset where the text first passes the recommended length (nil: it does not, or none was given).
    public let recommendedOverflow: Int?
    /// The byte offset where the text first passes the limit (nil: it does not, or none was given).
    public let limitOverflow: Int?
    /// Weighted counting only: the byte offset of the first character X refuses in a post
    /// (U+FFFE, U+FEFF, U+FFFF), nil if there is none.
    public var refusedCharacterOffset: Int? = nil
}

/// Counts a reply's length the way a channel does.
///
/// X counts weighted characters after NFC normalisation (twitter-text's `parseTweet` with
/// configuration v3): every URL counts 23 (which links are URLs: `TwitterURL`), code points in
/// U+0000–U+10FF, U+2000–U+200D, U+2010–U+201F and U+2032–U+2037 count 1, an emoji sequence
/// (however many code points it joins) counts 2, everything else 2 — directional marks
/// (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) too; only U+061C, in the first range, counts 1.
public enum ChannelLength {
    public static let urlWeight = 23
    /// X's limit in weighted characters (`maxWeightedTweetLength`).
    public static let xLimit = 280

    /// Whether X accepts a post so measured (weighted counting): not empty, at most 280 weighted
    /// characters and free of the characters it refuses.
    public static func acceptedByX(_ measure: LengthMeasure) -> Bool {
        measure.value > 0 && measure.value <= xLimit && measure.refusedCharacterOffset == nil
    }

    public static func measure(_ text: AnalyzedText, counting: LengthCounting, recommended: Int? = nil,
                               limit: Int? = nil) -> LengthMeasure {
        text.bytes.withUnsafeBufferPointer { buffer in
            var tally = Tally(recommended: recommended ?? .max, limit: limit ?? .max)
            var refused: Int?
            switch counting {
            case .weighted:
                refused = weighted(buffer, urls: text.urls, into: &tally)
            case .graphemes:
                graphemes(buffer, isASCII: text.isASCII, text: text.text, emoji: text.emoji, into: &tally)
            }
            return LengthMeasure(value: tally.total, recommendedOverflow: tally.recommendedOverflow,
                                 limitOverflow: tally.limitOverflow, refusedCharacterOffset: refused)
        }
    }

    /// The running count, and where it first passed each length. Called once per character, so
    /// it compares against the nearest length not yet passed and nothing else; a channel has two
    /// lengths, so they are two values, not an array made per reply.
    private struct Tally {
        let recommended: Int
        let limit: Int
        var recommendedOverflow: Int?
        var limitOverflow: Int?
        var total = 0
        private var nearest: Int

        init(recommended: Int, limit: Int) {
            self.recommended = recommended
            self.limit = limit
            nearest = min(recommended, limit)
        }

        /// Adds one unit's weight; `start` is where the unit begins, the overflow offset if it passes a length.
        @inline(__always)
        mutating func add(_ weight: Int, startingAt start: Int) {
            total += weight
            if total > nearest { passed(at: start) }
        }

        private mutating func passed(at start: Int) {
            if recommendedOverflow == nil, total > recommended { recommendedOverflow = start }
            if limitOverflow == nil, total > limit { limitOverflow = start }
            nearest = min(recommendedOverflow == nil ? recommended : .max, limitOverflow == nil ? limit : .max)
        }
    }

    /// Returns where the first character X refuses is, if any.
    private static func weighted(_ b: UnsafeBufferPointer<UInt8>, urls: [Range<Int>], into tally: inout Tally) -> Int? {
        var i = 0
        var nextURL = 0
        var urlStart = urls.first?.lowerBound ?? .max
        var refused: Int?
        let n = b.count
        while i < n {
            if i >= urlStart {
                // (A URL overlapped by what came before, which does not happen, is passed over.)
                if i == urlStart {
                    tally.add(urlWeight, startingAt: i)
                    i = urls[nextURL].upperBound
                }
                nextURL += 1
                urlStart = nextURL < urls.count ? urls[nextURL].lowerBound : .max
                continue
            }
            // An ASCII character before another (or at the end) is neither part of an emoji nor of
            // a cluster with combining marks: it weighs 1, without decoding or the emoji scanner.
            if b[i] < 0x80, i + 1 == n || b[i + 1] < 0x80 {
                tally.add(1, startingAt: i)
                i += 1
                continue
            }
            let sequence = EmojiScanner.sequenceLength(b, at: i)
            if sequence > 0 {
                tally.add(2, startingAt: i)
                i += sequence
                continue
            }
            let (value, length) = UTF8Scanning.decode(b, at: i)
            if value >= 0xFEFF, refused == nil, value == 0xFEFF || value == 0xFFFE || value == 0xFFFF { refused = i }
            // A base followed by combining marks is weighed in NFC, as X normalises first.
            var end = i + length
            let clusterLimit = min(n, urlStart)
            while end < clusterLimit, UTF8Scanning.isCombiningMark(UTF8Scanning.decode(b, at: end).scalar) {
                end += UTF8Scanning.decode(b, at: end).length
            }
            if end > i + length {
                let cluster = String(decoding: UnsafeBufferPointer(rebasing: b[i..<end]), as: UTF8.self)
                var weight = 0
                for scalar in cluster.precomposedStringWithCanonicalMapping.unicodeScalars {
                    weight += weightOf(scalar.value)
                }
                tally.add(weight, startingAt: i)
            } else {
                tally.add(weightOf(value), startingAt: i)
            }
            i = end
        }
        return refused
    }

    @inline(__always)
    static func weightOf(_ value: UInt32) -> Int {
        switch value {
        case 0...0x10FF, 0x2000...0x200D, 0x2010...0x201F, 0x2032...0x2037: return 1
        default: return 2
        }
    }

    private static func graphemes(_ b: UnsafeBufferPointer<UInt8>, isASCII: Bool, text: String, emoji: [Range<Int>],
                                  into tally: inout Tally) {
        if isASCII {
            var i = 0
            while i < b.count {
                // CR LF is one grapheme.
                let width = (b[i] == 0x0D && i + 1 < b.count && b[i + 1] == 0x0A) ? 2 : 1
                tally.add(1, startingAt: i)
                i += width
            }
            return
        }
        if latinAndEmoji(b, emoji: emoji, into: &tally) { return }
        // Other scripts: Swift's own grapheme breaking.
        var offset = 0
        for character in text {
            let length = character.utf8.count
            tally.add(1, startingAt: offset)
            offset += length
        }
    }

    /// Counts the graphemes of a text of Latin scalars (below U+0300), the dashes, quotation
    /// marks and other punctuation of U+2010–U+2027 and U+2030–U+205E, the currency signs of
    /// U+20A0–U+20C0 (each a grapheme of its own, as letters are), combining accents
    /// (U+0300–U+036F, joined to what precedes them unless that is the start or a control
    /// character) and whole emoji sequences, as most replies are; returns false, counting
    /// nothing, on anything else.
    private static func latinAndEmoji(_ b: UnsafeBufferPointer<UInt8>, emoji: [Range<Int>], into tally: inout Tally) -> Bool {
        var scratch = tally
        var i = 0
        var nextEmoji = 0
        var afterControl = true
        while i < b.count {
            if nextEmoji < emoji.count, emoji[nextEmoji].lowerBound == i {
                // A skin tone on its own extends whatever stands before it, and an unusual sequence
                // (a join to a flag letter) may be two graphemes: then Swift's rules decide.
                let range = emoji[nextEmoji]
                if (0x1F3FB...0x1F3FF).contains(UTF8Scanning.decode(b, at: i).scalar)
                    || String(decoding: UnsafeBufferPointer(rebasing: b[range]), as: UTF8.self).count != 1 {
                    return false
                }
                scratch.add(1, startingAt: i)
                i = range.upperBound
                nextEmoji += 1
                afterControl = false
                continue
            }
            let byte = b[i]
            if byte < 0x80, byte != 0x0D {
                scratch.add(1, startingAt: i)
                i += 1
                afterControl = byte < 0x20 || byte == 0x7F
                continue
            }
            let (value, length) = UTF8Scanning.decode(b, at: i)
            if value < 0x300 {
                // CR LF is one grapheme.
                let width = (value == 0x0D && i + 1 < b.count && b[i + 1] == 0x0A) ? 2 : length
                scratch.add(1, startingAt: i)
                i += width
                afterControl = value < 0x20 || (0x7F...0x9F).contains(value)
            } else if value <= 0x36F {
                if afterControl { scratch.add(1, startingAt: i) }
                i += length
                afterControl = false
            } else if (0x2010...0x2027).contains(value) || (0x2030...0x205E).contains(value) || (0x20A0...0x20C0).contains(value) {
                // „…“, –, €: German replies are full of them, and Swift's grapheme breaking for
                // the whole reply cost more than the rest of the count.
                scratch.add(1, startingAt: i)
                i += length
                afterControl = false
            } else {
                return false
            }
        }
        tally = scratch
        return true
    }
}

/// Finds whole emoji sequences (modifiers, ZWJ joins, flags, keycaps, tag sequences) in UTF-8,
/// so that "👨‍👩‍👧" is one emoji for X's length and for emoji counting alike.
enum EmojiScanner {
    /// The byte length of the emoji sequence starting at `i`, or 0 if none starts there.
    static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let (first, firstLength) = UTF8Scanning.decode(bytes, at: i)
        guard first >= 0x23 else { return 0 }
        // Below U+2100 only keycaps, ©, ®, ‼ and ⁉ can start an emoji: skip the property look-up
        // for letters and for the dashes and quotation marks of General Punctuation.
        if first >= 0x80 && first < 0x2100 && first != 0xA9 && first != 0xAE && first != 0x203C && first != 0x2049 {
            return 0
        }
        var j = i + firstLength
        let n = bytes.count
        if isRegionalIndicator(first) {
            if j < n, case let (next, length) = UTF8Scanning.decode(bytes, at: j), isRegionalIndicator(next) {
                return j + length - i
            }
            return j - i
        }
        let startsEmoji: Bool
        if first < 0x80 {
            // Only a keycap makes '#', '*' or a digit an emoji.
            startsEmoji = (first == 0x23 || first == 0x2A || UTF8Scanning.isDigit(first)) && hasKeycap(bytes, at: j)
        } else if let scalar = Unicode.Scalar(first), scalar.properties.isEmoji {
            startsEmoji = scalar.properties.isEmojiPresentation || nextIs(0xFE0F, bytes, at: j)
                || nextIsModifier(bytes, at: j)
        } else {
            startsEmoji = false
        }
        guard startsEmoji else { return 0 }
        while j < n {
            let (next, length) = UTF8Scanning.decode(bytes, at: j)
            if next == 0xFE0F || next == 0x20E3 || (next >= 0x1F3FB && next <= 0x1F3FF) || (next >= 0xE0020 && next <= 0xE007F) {
                j += length
            } else if next == 0x200D, j + length < n {
                let (joined, joinedLength) = UTF8Scanning.decode(bytes, at: j + length)
                guard let scalar = Unicode.Scalar(joined), scalar.properties.isEmoji else { break }
                j += length + joinedLength
            } else {
                break
            }
        }
        return j - i
    }

    @inline(__always)
    static func isRegionalIndicator(_ value: UInt32) -> Bool { value >= 0x1F1E6 && value <= 0x1F1FF }

    private static func nextIs(_ value: UInt32, _ bytes: UnsafeBufferPointer<UInt8>, at j: Int) -> Bool {
        j < bytes.count && UTF8Scanning.decode(bytes, at: j).scalar == value
    }

    private static func nextIsModifier(_ bytes: UnsafeBufferPointer<UInt8>, at j: Int) -> Bool {
        guard j < bytes.count else { return false }
        let next = UTF8Scanning.decode(bytes, at: j).scalar
        return next >= 0x1F3FB && next <= 0x1F3FF
    }

    private static func hasKeycap(_ bytes: UnsafeBufferPointer<UInt8>, at j: Int) -> Bool {
        guard j < bytes.count else { return false }
        let (next, length) = UTF8Scanning.decode(bytes, at: j)
        if next == 0x20E3 { return true }
        return next == 0xFE0F && nextIs(0x20E3, bytes, at: j + length)
    }
}

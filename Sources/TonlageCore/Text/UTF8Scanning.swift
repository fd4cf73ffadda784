/// Byte-level helpers for the hot path: decoding scalars from valid UTF-8 and classifying them
/// without going through `Character`, which is the slow part of Swift text handling.
enum UTF8Scanning {
    /// Decodes the scalar starting at `i` in valid UTF-8 (a Swift string's bytes always are).
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: UInt32, length: Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 {
            return (((b0 & 0x1F) << 6) | (UInt32(bytes[i + 1]) & 0x3F), 2)
        }
        if b0 < 0xF0 {
            return (((b0 & 0x0F) << 12) | ((UInt32(bytes[i + 1]) & 0x3F) << 6) | (UInt32(bytes[i + 2]) & 0x3F), 3)
        }
        return (((b0 & 0x07) << 18) | ((UInt32(bytes[i + 1]) & 0x3F) << 12)
                | ((UInt32(bytes[i + 2]) & 0x3F) << 6) | (UInt32(bytes[i + 3]) & 0x3F), 4)
    }

    /// Letters, digits and combining marks: what words are made of.
    @inline(__always)
    static func isWordScalar(_ value: UInt32) -> Bool {
        if value < 0x80 {
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39)
        }
        if value >= 0xC0 && value <= 0x24F { return value != 0xD7 && value != 0xF7 }
        if value < 0xC0 { return value == 0xAA || value == 0xB5 || value == 0xBA } // ª µ º; « » € are not
        if value >= 0xFF10 && value <= 0xFF19 { return true } // full-width digits, folded to ASCII
        guard let scalar = Unicode.Scalar(value) else { return false }
        if isCombiningMark(value) { return true }
        return scalar.properties.isAlphabetic && !scalar.properties.isEmoji
    }

    @inline(__always)
    static func isCombiningMark(_ value: UInt32) -> Bool {
        // No combining mark comes before U+0300: umlauts and ß never reach the property tables.
        if value < 0x300 { return false }
        if value <= 0x36F { return true }
        guard let scalar = Unicode.Scalar(value) else { return false }
        return scalar.properties.generalCategory == .nonspacingMark
    }

    @inline(__always)
    static func isUppercase(_ value: UInt32) -> Bool {
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        if value >= 0xC0 && value <= 0xDE { return value != 0xD7 }
        if value < 0x100 { return false }
        guard let scalar = Unicode.Scalar(value) else { return false }
        return scalar.properties.isUppercase
    }

    @inline(__always)
    static func isLowercase(_ value: UInt32) -> Bool {
        if value < 0x80 { return value >= 0x61 && value <= 0x7A }
        if value >= 0xDF && value <= 0xFF { return value != 0xF7 }
        if value < 0x100 { return value == 0xAA || value == 0xB5 || value == 0xBA }
        guard let scalar = Unicode.Scalar(value) else { return false }
        return scalar.properties.isLowercase
    }

    /// Characters that show nothing: zero-width spaces and joiners, the soft hyphen, word
    /// joiners, bidi controls and the byte-order mark. Inside a word they hide it from every
    /// rule, so the scanner keeps the word whole and leaves them out of its folded form.
    @inline(__always)
    static func isInvisible(_ value: UInt32) -> Bool {
        switch value {
        case 0xAD, 0x34F, 0x61C, 0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x206F, 0xFEFF:
            return true
        default:
            return false
        }
    }

    /// Whether a character starts at `offset` (or the text ends there): not a continuation byte.
    @inline(__always)
    static func isBoundary(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
        offset >= bytes.count || bytes[offset] & 0xC0 != 0x80
    }

    @inline(__always)
    static func isDigit(_ value: UInt32) -> Bool { value >= 0x30 && value <= 0x39 }

    /// Spaces that separate chunks, including the no-break and typographic spaces.
    @inline(__always)
    static func isSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        case 0x2000...0x200A: return true
        default: return false
        }
    }

    @inline(__always)
    static func isLineBreak(_ value: UInt32) -> Bool { value == 0x0A || value == 0x0D || value == 0x2028 || value == 0x2029 }

    /// UTF-16 code units (what NSRegularExpression counts) in `bytes[start..<end]`; both on scalar starts.
    static func utf16Count(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var units = 0
        for i in start..<end where bytes[i] & 0xC0 != 0x80 { units += bytes[i] >= 0xF0 ? 2 : 1 }
        return units
    }

    /// How many bytes from `start` (a scalar start) hold `units` UTF-16 code units.
    static func utf8Count(_ bytes: [UInt8], from start: Int, units: Int) -> Int {
        var i = start, remaining = units
        while remaining > 0 && i < bytes.count {
            remaining -= bytes[i] >= 0xF0 ? 2 : 1
            i += 1
            while i < bytes.count && bytes[i] & 0xC0 == 0x80 { i += 1 }
        }
        return i - start
    }
}

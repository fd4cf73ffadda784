/// E-mail addresses in a reply's bytes, as a mail client would link them: a local part, "@",
/// and a domain with a dot and a top-level label of two letters or more. A handle ("@DB_Bahn")
/// has no local part and is none.
enum EmailAddresses {
    struct Address: Sendable {
        var range: Range<Int>
        /// Where the "@" stands.
        var at: Int
    }

    /// Every address, left to right; costs nothing when the reply holds no "@".
    static func find(in text: [UInt8]) -> [Address] {
        text.withUnsafeBufferPointer { bytes in
            var result: [Address] = []
            var p = 0
            while p < bytes.count {
                defer { p += 1 }
                guard bytes[p] == UInt8(ascii: "@") else { continue }
                var start = p
                while start > 0, let previous = wordStart(before: start, in: bytes, allowing: isLocal) { start = previous }
                while start < p, bytes[start] == UInt8(ascii: ".") { start += 1 }
                var end = p + 1
                while end < bytes.count, let next = wordEnd(after: end, in: bytes) { end = next }
                // A sentence's full stop or a hyphen after the address is not part of it.
                while end > p + 1, bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: "-") { end -= 1 }
                guard start < p, let lastDot = bytes[(p + 1)..<end].lastIndex(of: UInt8(ascii: ".")), lastDot > p + 1,
                      end - lastDot > 2, bytes[(lastDot + 1)..<end].allSatisfy(isLetter) else { continue }
                result.append(Address(range: start..<end, at: p))
                p = end - 1
            }
            return result
        }
    }

    /// Where the character before `index` starts, if it can be part of an address: ASCII of
    /// everyday addresses, or a letter of any script ("jürgen@"). Quotes („…“) and dashes cannot.
    private static func wordStart(before index: Int, in bytes: UnsafeBufferPointer<UInt8>,
                                  allowing ascii: (UInt8) -> Bool) -> Int? {
        let byte = bytes[index - 1]
        if byte < 0x80 { return ascii(byte) ? index - 1 : nil }
        var lead = index - 1
        while lead > 0, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        // An invisible character inside an address hides it from a reader's eye, not from us.
        let scalar = UTF8Scanning.decode(bytes, at: lead).scalar
        return UTF8Scanning.isWordScalar(scalar) || UTF8Scanning.isInvisible(scalar) ? lead : nil
    }

    private static func wordEnd(after index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let byte = bytes[index]
        if byte < 0x80 { return isDomain(byte) ? index + 1 : nil }
        let (scalar, length) = UTF8Scanning.decode(bytes, at: index)
        return UTF8Scanning.isWordScalar(scalar) || UTF8Scanning.isInvisible(scalar) ? index + length : nil
    }

    private static func isLocal(_ byte: UInt8) -> Bool {
        isDomain(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "+")
    }

    private static func isDomain(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
}

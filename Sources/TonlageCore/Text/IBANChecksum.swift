/// The ISO 13616 check of an IBAN: move the country code and check digits to the end, read
/// letters as 10 to 35, and the number must leave 1 when divided by 97. A digit typed wrong or
/// two digits swapped always fail it, so a number that passes is an IBAN and not a lookalike.
enum IBANChecksum {
    /// Whether `characters` (ASCII letters of either case and digits, no spaces) are an IBAN:
    /// 15 to 34 of them, a two-letter country code, two check digits, and the mod-97 check.
    static func isValid(_ characters: [UInt8]) -> Bool {
        let count = characters.count
        guard count >= 15 && count <= 34,
              isLetter(characters[0]), isLetter(characters[1]), isDigit(characters[2]), isDigit(characters[3]) else { return false }
        var remainder = 0
        for k in 0..<count {
            let character = characters[(k + 4) % count]
            if isDigit(character) {
                remainder = (remainder * 10 + Int(character - 0x30)) % 97
            } else if isLetter(character) {
                remainder = (remainder * 100 + Int((character & ~0x20) - 0x41) + 10) % 97
            } else {
                return false
            }
        }
        return remainder == 1
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
}

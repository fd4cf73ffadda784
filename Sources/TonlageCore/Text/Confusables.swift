/// Cyrillic and Greek letters that look like Latin ones, after Unicode's confusables list
/// (UTS #39), restricted to the shapes that pass for Latin in a sans-serif font.
enum Confusables {
    static func latin(for value: UInt32) -> Unicode.Scalar? {
        guard (value >= 0x370 && value <= 0x4FF) || (value >= 0x500 && value <= 0x52F) else { return nil }
        return table[value]
    }

    private static let table: [UInt32: Unicode.Scalar] = {
        let pairs: [(UInt32, Character)] = [
            // Cyrillic
            (0x430, "a"), (0x410, "A"), (0x432, "b"), (0x412, "B"), (0x441, "c"), (0x421, "C"), (0x501, "d"),
            (0x435, "e"), (0x415, "E"), (0x4BB, "h"), (0x41D, "H"), (0x456, "i"), (0x406, "I"), (0x458, "j"),
            (0x408, "J"), (0x43A, "k"), (0x41A, "K"), (0x4CF, "l"), (0x41C, "M"), (0x43E, "o"), (0x41E, "O"),
            (0x440, "p"), (0x420, "P"), (0x51B, "q"), (0x455, "s"), (0x405, "S"), (0x422, "T"), (0x443, "y"),
            (0x423, "Y"), (0x445, "x"), (0x425, "X"), (0x51D, "w"), (0x50C, "G"), (0x4C0, "I"), (0x45B, "h"),
            (0x475, "v"), (0x474, "V"),
            // Greek
            (0x3B1, "a"), (0x391, "A"), (0x392, "B"), (0x395, "E"), (0x396, "Z"), (0x397, "H"), (0x3B9, "i"),
            (0x399, "I"), (0x3BA, "k"), (0x39A, "K"), (0x39C, "M"), (0x3BD, "v"), (0x39D, "N"), (0x3BF, "o"),
            (0x39F, "O"), (0x3C1, "p"), (0x3A1, "P"), (0x3C4, "t"), (0x3A4, "T"), (0x3C5, "u"), (0x3A5, "Y"),
            (0x3C7, "x"), (0x3A7, "X"), (0x3F2, "c"), (0x3F9, "C"), (0x3F3, "j"),
        ]
        var table: [UInt32: Unicode.Scalar] = [:]
        for (value, letter) in pairs { table[value] = letter.unicodeScalars.first }
        return table
    }()
}

import Foundation

/// Folding for matching: NFC, lower case, typographic apostrophes made plain.
///
/// Matching happens on folded text while offsets stay on the text as given, so folding works
/// word by word (see `AnalyzedText`) and never on the whole reply.
public enum TextFolding {
    /// Folds one word or phrase.
    public static func fold(_ word: String) -> String {
        var isASCII = true
        var hasUpper = false
        for byte in word.utf8 {
            if byte >= 0x80 { isASCII = false; break }
            if byte >= 0x41 && byte <= 0x5A { hasUpper = true }
        }
        if isASCII { return hasUpper ? asciiLowercased(word) : word }
        return foldUnicode(word).key
    }

    /// Folds a word beyond ASCII and Latin-1, and tells whether it was disguised.
    ///
    /// A trainee who wants a rule not to see a word can hide it: invisible characters inside
    /// it ("Pass\u{200B}wort"), Cyrillic or Greek letters that look Latin ("Раsswort"),
    /// full-width letters ("Ｐａｓｓｗｏｒｔ") or combining marks stacked on the letters. The
    /// folded form undoes all of these (invisibles dropped, NFKC, look-alikes mapped to the
    /// Latin letters they imitate, marks left over after composition dropped, lower case), so
    /// rules match what a reader sees; `disguised` reports that any of it was needed.
    public static func foldUnicode(_ word: String) -> (key: String, disguised: Bool) {
        var disguised = false
        var latin = 0, lookAlikes = 0, letters = 0
        var scalars = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            let value = scalar.value
            if UTF8Scanning.isInvisible(value) { disguised = true; continue }
            if value >= 0xFF01 && value <= 0xFF5E { disguised = true }
            if let plain = Confusables.latin(for: value) {
                lookAlikes += 1
                letters += 1
                scalars.append(plain)
                continue
            }
            if (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) || (value >= 0xC0 && value <= 0x24F) {
                latin += 1
            }
            if !UTF8Scanning.isCombiningMark(value) { letters += 1 }
            scalars.append(scalar)
        }
        // Mixed scripts in one word, or a word made only of look-alikes, is a disguise; a
        // genuinely Russian or Greek word has letters with no Latin twin.
        if lookAlikes > 0 && (latin > 0 || (lookAlikes == letters && letters >= 2)) { disguised = true }
        var composed = String(scalars).precomposedStringWithCompatibilityMapping
        if composed.unicodeScalars.contains(where: { UTF8Scanning.isCombiningMark($0.value) }) {
            disguised = true
            composed = String(String.UnicodeScalarView(composed.unicodeScalars.filter { !UTF8Scanning.isCombiningMark($0.value) }))
        }
        var folded = composed.lowercased()
        if folded.unicodeScalars.contains("\u{2019}") { folded = folded.replacingOccurrences(of: "\u{2019}", with: "'") }
        return (folded, disguised)
    }

    /// A disguised word as a reader sees it, in its own case: what a dictionary should judge.
    /// The same undoing as `foldUnicode`, without lower-casing.
    public static func visibleForm(_ word: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in word.unicodeScalars where !UTF8Scanning.isInvisible(scalar.value) {
            scalars.append(Confusables.latin(for: scalar.value) ?? scalar)
        }
        let composed = String(scalars).precomposedStringWithCompatibilityMapping
        return String(String.UnicodeScalarView(composed.unicodeScalars.filter { !UTF8Scanning.isCombiningMark($0.value) }))
    }

    /// Folds an ASCII-only byte run without going through Character properties.
    static func asciiLowercased<Bytes: Collection>(bytes: Bytes) -> String where Bytes.Element == UInt8 {
        String(unsafeUninitializedCapacity: bytes.count) { buffer in
            var i = 0
            for byte in bytes {
                buffer[i] = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
                i += 1
            }
            return i
        }
    }

    /// Folds UTF-8 made of ASCII and Latin-1 letters (U+00C0–U+00FF): upper-case "À"–"Þ"
    /// (C3 80–C3 9E, but not "×") become "à"–"þ" by setting one bit of the second byte.
    static func appendLatin1Lowercased(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var previous: UInt8 = 0
        for byte in bytes {
            if byte >= 0x41 && byte <= 0x5A {
                out.append(byte | 0x20)
            } else if previous == 0xC3 && byte >= 0x80 && byte <= 0x9E && byte != 0x97 {
                out.append(byte | 0x20)
            } else {
                out.append(byte)
            }
            previous = byte
        }
    }

    private static func asciiLowercased(_ word: String) -> String {
        asciiLowercased(bytes: word.utf8)
    }
}

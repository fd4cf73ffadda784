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
        var folded = word.precomposedStringWithCanonicalMapping.lowercased()
        if folded.contains("\u{2019}") { folded = folded.replacingOccurrences(of: "\u{2019}", with: "'") }
        return folded
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

    private static func asciiLowercased(_ word: String) -> String {
        asciiLowercased(bytes: word.utf8)
    }
}

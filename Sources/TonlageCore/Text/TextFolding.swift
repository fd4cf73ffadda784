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
        if folded.unicodeScalars.contains("\u{2019}") { folded = folded.replacingOccurrences(of: "\u{2019}", with: "'") }
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

/// Text from answer files and the store (names, replies) placed in XML, HTML and Markdown,
/// where it must stay text: it can neither end the element or cell it stands in nor make
/// the document invalid.
public enum MarkupEscaping {
    /// For XML 1.0 (JUnit) and HTML, in element text and quoted attributes. Characters XML
    /// 1.0 does not allow at all (C0 controls other than tab, line feed and carriage return,
    /// U+FFFE, U+FFFF), which no escape can represent, become U+FFFD.
    public static func xml(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            // Line breaks and tabs in attributes would be normalised to spaces by a reader.
            case "\t": out += "&#9;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": out.unicodeScalars.append("\u{FFFD}")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// For inline Markdown (a heading, a table cell, a list item): one line, and no character
    /// that Markdown would read as markup. Line and paragraph breaks become spaces, other
    /// control characters U+FFFD, and `\ ` * _ [ ] < > | # ~ &` are escaped with a backslash.
    public static func markdownInline(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": out += " "
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "&":
                out += "\\"
                out.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{7F}": out.unicodeScalars.append("\u{FFFD}")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

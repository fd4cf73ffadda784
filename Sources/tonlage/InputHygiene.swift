/// Input hygiene in one place: what a reply may contain, and how any text from outside (a
/// reply, a name, a scenario, the store) is shown on a terminal.
///
/// A reply is UTF-8 without C0 control characters other than tab, line feed and carriage
/// return: a NUL would be cut off by the store while the score used the whole text, and an
/// escape sequence would act on the terminal of whoever reads the reply later.
enum InputHygiene {
    enum Problem: Error, Equatable {
        /// The first byte that is not part of valid UTF-8, 0-based.
        case invalidUTF8(byte: Int)
        /// The first control character and its place in characters (Unicode scalars), 1-based.
        case controlCharacter(Unicode.Scalar, position: Int)

        var english: String {
            switch self {
            case let .invalidUTF8(byte): return "is not valid UTF-8 (byte \(byte + 1))"
            case let .controlCharacter(scalar, position):
                return "contains the control character \(InputHygiene.escape(scalar)) (character \(position))"
            }
        }
    }

    /// The reply the bytes hold, or why they are refused.
    static func reply(_ bytes: [UInt8]) -> Result<String, Problem> {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0, position = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(encoded):
                position += 1
                let scalar = Unicode.UTF8.decode(encoded)
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r" {
                    return .failure(.controlCharacter(scalar, position: position))
                }
                offset += encoded.count
            case .error:
                return .failure(.invalidUTF8(byte: offset))
            case .emptyInput:
                return .success(String(decoding: bytes, as: UTF8.self))
            }
        }
    }

    /// `text` with every character that a terminal would act on instead of show written as
    /// `\u{1B}`: C0 controls, DEL, C1 controls (0x9B starts a sequence like ESC [), and the
    /// bidirectional overrides and isolates that make a terminal show text in another order.
    /// Line feeds and tabs stay when `keepingLineBreaks` (a reply, a post); a carriage return
    /// stays only before a line feed. Every renderer of text for people goes through here.
    static func visible(_ text: String, keepingLineBreaks: Bool = false) -> String {
        let scalars = text.unicodeScalars
        guard scalars.contains(where: { actsOnTerminal($0) || !keepingLineBreaks && isLineBreak($0) }) else { return text }
        var out = String.UnicodeScalarView()
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let scalar = scalars[index]
            scalars.formIndex(after: &index)
            let kept = keepingLineBreaks && (scalar == "\n" || scalar == "\t"
                || scalar == "\r" && index != scalars.endIndex && scalars[index] == "\n")
            if kept || !actsOnTerminal(scalar) && !isLineBreak(scalar) {
                out.append(scalar)
            } else {
                out.append(contentsOf: escape(scalar).unicodeScalars)
            }
        }
        return String(out)
    }

    /// `\u{1B}`, as Swift writes it.
    static func escape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\\u{" + (hex.count < 2 ? "0" + hex : hex) + "}"
    }

    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\t"
    }

    /// Carriage return included: alone it sends the cursor back over what was shown.
    private static func actsOnTerminal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x08, 0x0B...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}

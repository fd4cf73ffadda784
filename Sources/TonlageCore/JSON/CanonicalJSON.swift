import Foundation

/// The one byte sequence a JSON value has, so that a signature over it can be checked by
/// anyone who parses the document again:
/// - object keys sorted by their UTF-8 bytes, each key once;
/// - no whitespace outside strings;
/// - strings in UTF-8 with only `"`, `\` and U+0000–U+001F escaped (`\b \t \n \f \r`, else
///   `\u00xx` in lower-case hex); `/` and everything else as is;
/// - numbers only as integers: an optional `-`, no leading zeros, no `-0`, no fraction or
///   exponent, within 64 bits. Anything else has no canonical form (floating-point numbers
///   print differently across languages), so a document holding one cannot be signed.
public enum CanonicalJSON {
    public struct Failure: Error, Sendable, Equatable {
        public let message: String
    }

    public static func data(_ value: JSONValue) throws(Failure) -> Data {
        var out: [UInt8] = []
        try write(value, to: &out)
        return Data(out)
    }

    /// Whether a number is written as the canonical form writes it.
    public static func isCanonicalInteger(_ text: String) -> Bool {
        guard let number = Int64(text) else { return false }
        return String(number) == text
    }

    private static func write(_ value: JSONValue, to out: inout [UInt8]) throws(Failure) {
        // Containers nest no deeper than the parser allows (64), so recursion is bounded here.
        switch value {
        case .null: out += Array("null".utf8)
        case let .bool(flag): out += Array((flag ? "true" : "false").utf8)
        case let .number(text):
            guard isCanonicalInteger(text) else { throw Failure(message: "the number \(text.prefix(40)) is not an integer") }
            out += Array(text.utf8)
        case let .string(text): quote(text, to: &out)
        case let .array(items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                try write(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case let .object(members):
            out.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                quote(key, to: &out)
                out.append(UInt8(ascii: ":"))
                try write(members[key]!, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func quote(_ text: String, to out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x08: out += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0C: out += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0..<0x20: out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

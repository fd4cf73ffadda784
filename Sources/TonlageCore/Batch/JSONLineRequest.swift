import Foundation

/// One line of `check --format jsonl` input: `{"id": ..., "text": "...", "channel": "...", "mood": "..."}`.
///
/// A small hand-written reader: the line is a flat object, and Foundation's JSON decoding
/// would cost more than scoring the reply. Unknown keys are skipped, whatever their value.
public struct JSONLineRequest: Sendable {
    /// The `id` exactly as it appeared (a JSON string, number or `null`), echoed back unchanged.
    public let idJSON: String
    public let text: String
    public let channel: Channel?
    public let mood: Mood?

    public struct Failure: Error, Sendable, Equatable {
        public let message: String
    }

    public static func parse(_ line: UnsafeBufferPointer<UInt8>) throws(Failure) -> JSONLineRequest {
        var reader = Reader(bytes: line)
        reader.skipSpace()
        try reader.expect(UInt8(ascii: "{"), "a JSON object")
        var id = "null", text: String?, channel: Channel?, mood: Mood?
        reader.skipSpace()
        if reader.peek == UInt8(ascii: "}") {
            reader.index += 1
        } else {
            while true {
                reader.skipSpace()
                let key = try reader.string()
                reader.skipSpace()
                try reader.expect(UInt8(ascii: ":"), "`:` after a key")
                reader.skipSpace()
                switch key {
                case "id":
                    let start = reader.index
                    try reader.skipValue()
                    let raw = String(decoding: UnsafeBufferPointer(rebasing: line[start..<reader.index]), as: UTF8.self)
                    guard raw.first != "{" && raw.first != "[" else { throw Failure(message: "`id` must be a string, a number or null") }
                    id = raw
                case "text":
                    guard reader.peek == UInt8(ascii: "\"") else { throw Failure(message: "`text` must be a string") }
                    text = try reader.string()
                case "channel", "mood":
                    if reader.peek == UInt8(ascii: "n") { try reader.skipValue(); break }
                    let name = try reader.string()
                    if key == "channel" {
                        guard let value = Channel(rawValue: name) else {
                            throw Failure(message: "unknown channel `\(name)`; expected one of \(Channel.allCases.map(\.rawValue).joined(separator: ", "))")
                        }
                        channel = value
                    } else {
                        guard let value = Mood(rawValue: name) else {
                            throw Failure(message: "unknown mood `\(name)`; expected one of \(Mood.allCases.map(\.rawValue).joined(separator: ", "))")
                        }
                        mood = value
                    }
                default:
                    try reader.skipValue()
                }
                reader.skipSpace()
                if reader.peek == UInt8(ascii: ",") { reader.index += 1; continue }
                try reader.expect(UInt8(ascii: "}"), "`,` or `}`")
                break
            }
        }
        reader.skipSpace()
        guard reader.index == line.count else { throw Failure(message: "unexpected text after the JSON object") }
        guard let text else { throw Failure(message: "the object lacks `text`") }
        return JSONLineRequest(idJSON: id, text: text, channel: channel, mood: mood)
    }
}

private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skipSpace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D || bytes[index] == 0x0A {
            index += 1
        }
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(JSONLineRequest.Failure) {
        guard peek == byte else {
            throw JSONLineRequest.Failure(message: "malformed JSON at byte \(index + 1): expected \(what)")
        }
        index += 1
    }

    /// The bytes as a string, or an error if they are not UTF-8. Decoding repairs invalid
    /// sequences with U+FFFD, which can never leave the bytes as they were: comparing is an
    /// exact check, and far cheaper than the generic `String(validating:as:)`.
    private static func validated(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONLineRequest.Failure) -> String {
        var string = String(decoding: bytes, as: UTF8.self)
        let unchanged = string.withUTF8 { decoded in
            decoded.count == bytes.count && (bytes.isEmpty || memcmp(decoded.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
        }
        guard unchanged else { throw JSONLineRequest.Failure(message: "the line is not valid UTF-8") }
        return string
    }

    mutating func string() throws(JSONLineRequest.Failure) -> String {
        try expect(UInt8(ascii: "\""), "a string")
        let start = index
        // Fast path: no escapes.
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\"), bytes[index] >= 0x20 {
            index += 1
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
            let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
            index += 1
            return try Self.validated(slice)
        }
        var out = Array(bytes[start..<index])
        while true {
            guard index < bytes.count else { throw JSONLineRequest.Failure(message: "malformed JSON: unterminated string") }
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return try out.withUnsafeBufferPointer { bytes throws(JSONLineRequest.Failure) in try Self.validated(bytes) }
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { throw JSONLineRequest.Failure(message: "malformed JSON: unterminated string") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard peek == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                            throw JSONLineRequest.Failure(message: "malformed JSON: lone surrogate in \\u escape")
                        }
                        index += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else {
                            throw JSONLineRequest.Failure(message: "malformed JSON: lone surrogate in \\u escape")
                        }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let value = Unicode.Scalar(scalar) else {
                        throw JSONLineRequest.Failure(message: "malformed JSON: lone surrogate in \\u escape")
                    }
                    out.append(contentsOf: Array(String(Character(value)).utf8))
                default:
                    throw JSONLineRequest.Failure(message: "malformed JSON: unknown escape")
                }
            default:
                guard byte >= 0x20 else { throw JSONLineRequest.Failure(message: "malformed JSON: control character in a string") }
                out.append(byte)
            }
        }
    }

    private mutating func hex4() throws(JSONLineRequest.Failure) -> UInt32 {
        guard index + 4 <= bytes.count else { throw JSONLineRequest.Failure(message: "malformed JSON: short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            index += 1
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw JSONLineRequest.Failure(message: "malformed JSON: bad \\u escape")
            }
            value = value << 4 | digit
        }
        return value
    }

    /// Skips any JSON value, checking its shape.
    mutating func skipValue() throws(JSONLineRequest.Failure) {
        skipSpace()
        guard let byte = peek else { throw JSONLineRequest.Failure(message: "malformed JSON: a value is missing") }
        switch byte {
        case UInt8(ascii: "\""):
            _ = try string()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let close = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            index += 1
            skipSpace()
            if peek == close { index += 1; return }
            while true {
                if close == UInt8(ascii: "}") {
                    skipSpace()
                    _ = try string()
                    skipSpace()
                    try expect(UInt8(ascii: ":"), "`:` after a key")
                }
                try skipValue()
                skipSpace()
                if peek == UInt8(ascii: ",") { index += 1; continue }
                try expect(close, "`,` or the end of the \(close == UInt8(ascii: "}") ? "object" : "array")")
                return
            }
        default:
            let start = index
            while index < bytes.count, !(bytes[index] == UInt8(ascii: ",") || bytes[index] == UInt8(ascii: "}")
                    || bytes[index] == UInt8(ascii: "]") || bytes[index] == 0x20 || bytes[index] == 0x09) {
                index += 1
            }
            let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            guard word == "true" || word == "false" || word == "null" || Double(word) != nil else {
                throw JSONLineRequest.Failure(message: "malformed JSON at byte \(start + 1): unexpected `\(word.prefix(20))`")
            }
        }
    }
}

import Foundation

/// A cursor over JSON bytes (a JSONL line, a certificate) that reads the JSON grammar strictly (RFC 8259: no `nan`,
/// no hex, no leading zeros or plus signs), so nothing it accepts is invalid JSON elsewhere.
struct JSONReader {
    typealias Failure = JSONLineRequest.Failure

    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skipSpace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D || bytes[index] == 0x0A {
            index += 1
        }
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(Failure) {
        guard peek == byte else {
            throw Failure(message: "malformed JSON at byte \(index + 1): expected \(what)")
        }
        index += 1
    }

    /// The id as it will be echoed. Only what every JSON consumer reads the same way is
    /// accepted: a string (escaped as in every scorecard), an integer written without a sign,
    /// fraction, exponent or leading zero, or null.
    mutating func id() throws(Failure) -> String {
        let refused = Failure(message: "`id` must be a string, a 64-bit integer (like 42, without plus sign, leading zero, fraction or exponent) or null")
        guard let byte = peek else { throw Failure(message: "malformed JSON: a value is missing") }
        switch byte {
        case UInt8(ascii: "\""):
            // Most ids need no escaping: echoed as written, quotes and all.
            let start = index
            if let plain = plainStringBytes(), !ScorecardJSON.needsEscaping(plain) {
                return try Self.validated(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            }
            index = start
            return ScorecardJSON.quoted(try string())
        case UInt8(ascii: "n"):
            guard literal("null") else { throw refused }
            return "null"
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = index
            if byte == UInt8(ascii: "-") { index += 1 }
            let digits = index
            while let digit = peek, digit >= UInt8(ascii: "0") && digit <= UInt8(ascii: "9") { index += 1 }
            let count = index - digits
            // `-0` is zero spelt two ways; `007` is not JSON at all; beyond 64 bits many
            // readers (Foundation among them) refuse the number or round it.
            guard count > 0, count == 1 || bytes[digits] != UInt8(ascii: "0"), !(byte == UInt8(ascii: "-") && bytes[digits] == UInt8(ascii: "0")),
                  !Self.continuesNumber(peek) else { throw refused }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            guard Int64(text) != nil else { throw refused }
            return text
        default:
            throw refused
        }
    }

    /// A byte that would make the number before it a float or a longer word.
    private static func continuesNumber(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return !(byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}"))
    }

    /// The bytes as a string, or an error if they are not UTF-8. Decoding repairs invalid
    /// sequences with U+FFFD, which can never leave the bytes as they were: comparing is an
    /// exact check, and far cheaper than the generic `String(validating:as:)`.
    private static func validated(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> String {
        var string = String(decoding: bytes, as: UTF8.self)
        let unchanged = string.withUTF8 { decoded in
            decoded.count == bytes.count && (bytes.isEmpty || memcmp(decoded.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
        }
        guard unchanged else { throw Failure(message: "the text is not valid UTF-8") }
        return string
    }

    /// The bytes inside a string written without escapes, the reader moved past it; nil, the
    /// reader where it was, when there is no such string here (then `string()` reads it). The
    /// bytes are not checked as UTF-8: for comparing with known names without making a `String`.
    mutating func plainStringBytes() -> UnsafeBufferPointer<UInt8>? {
        guard peek == UInt8(ascii: "\"") else { return nil }
        var end = index + 1
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 {
            end += 1
        }
        guard end < bytes.count, bytes[end] == UInt8(ascii: "\"") else { return nil }
        defer { index = end + 1 }
        return UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end])
    }

    mutating func string() throws(Failure) -> String {
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
            guard index < bytes.count else { throw Failure(message: "malformed JSON: unterminated string") }
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return try out.withUnsafeBufferPointer { bytes throws(Failure) in try Self.validated(bytes) }
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { throw Failure(message: "malformed JSON: unterminated string") }
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
                            throw Failure(message: "malformed JSON: lone surrogate in \\u escape")
                        }
                        index += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else {
                            throw Failure(message: "malformed JSON: lone surrogate in \\u escape")
                        }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let value = Unicode.Scalar(scalar) else {
                        throw Failure(message: "malformed JSON: lone surrogate in \\u escape")
                    }
                    UTF8.encode(value) { out.append($0) }
                default:
                    throw Failure(message: "malformed JSON: unknown escape")
                }
            default:
                guard byte >= 0x20 else { throw Failure(message: "malformed JSON: control character in a string") }
                out.append(byte)
            }
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard index + 4 <= bytes.count else { throw Failure(message: "malformed JSON: short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            index += 1
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw Failure(message: "malformed JSON: bad \\u escape")
            }
            value = value << 4 | digit
        }
        return value
    }

    /// Consumes `word` if the bytes here spell it.
    mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard bytes.count - index >= count, memcmp(bytes.baseAddress! + index, word.utf8Start, count) == 0 else { return false }
        index += count
        return true
    }

    /// A number as JSON writes it: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`; returns where it began.
    @discardableResult
    mutating func number() throws(Failure) -> Int {
        let start = index
        let bad = Failure(message: "malformed JSON at byte \(start + 1): not a JSON number")
        if peek == UInt8(ascii: "-") { index += 1 }
        guard let first = peek, first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9") else { throw bad }
        index += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        if peek == UInt8(ascii: ".") {
            index += 1
            guard skipDigits() > 0 else { throw bad }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            guard skipDigits() > 0 else { throw bad }
        }
        return start
    }

    @discardableResult
    private mutating func skipDigits() -> Int {
        let start = index
        while let digit = peek, digit >= UInt8(ascii: "0") && digit <= UInt8(ascii: "9") { index += 1 }
        return index - start
    }

    /// Skips any JSON value that starts `depth` levels deep, checking its shape, without
    /// recursion: the open containers are bits of one word (set for an object), which the
    /// depth limit keeps within 64.
    mutating func skipValue(depth outer: Int) throws(Failure) {
        var open: UInt64 = 0
        var depth = 0
        func isObject(_ open: UInt64, _ depth: Int) -> Bool { open >> UInt64(depth - 1) & 1 == 1 }
        while true {
            // A value.
            skipSpace()
            guard let byte = peek else { throw Failure(message: "malformed JSON: a value is missing") }
            switch byte {
            case UInt8(ascii: "\""):
                _ = try string()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard outer + depth < JSONLineRequest.maxDepth else {
                    throw Failure(message: "the JSON nests deeper than \(JSONLineRequest.maxDepth) levels")
                }
                index += 1
                let object = byte == UInt8(ascii: "{")
                skipSpace()
                if peek == (object ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    index += 1
                    break
                }
                depth += 1
                if object { open |= 1 << UInt64(depth - 1) } else { open &= ~(1 << UInt64(depth - 1)) }
                if object { try key() }
                continue
            case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                guard literal("true") || literal("false") || literal("null") else {
                    throw Failure(message: "malformed JSON at byte \(index + 1): unexpected `\(String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<min(index + 8, bytes.count)]), as: UTF8.self))`")
                }
            default:
                try number()
            }
            // After a value: a comma leads to the next one; closing brackets end containers.
            while depth > 0 {
                skipSpace()
                let object = isObject(open, depth)
                if peek == UInt8(ascii: ",") {
                    index += 1
                    if object { try key() }
                    break
                }
                try expect(object ? UInt8(ascii: "}") : UInt8(ascii: "]"), "`,` or the end of the \(object ? "object" : "array")")
                depth -= 1
            }
            if depth == 0 { return }
        }
    }

    /// A key and its colon inside a skipped object.
    private mutating func key() throws(Failure) {
        skipSpace()
        _ = try string()
        skipSpace()
        try expect(UInt8(ascii: ":"), "`:` after a key")
    }
}

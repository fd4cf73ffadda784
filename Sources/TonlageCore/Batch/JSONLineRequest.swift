import Foundation

/// One line of `check --format jsonl` input: `{"id": ..., "text": "...", "channel": "...", "mood": "..."}`.
///
/// A small hand-written reader: the line is a flat object, and Foundation's JSON decoding
/// would cost more than scoring the reply. Unknown keys are skipped, whatever their value, by
/// a loop with an explicit depth limit: a line is hostile input, and a reader that recursed
/// per level could be driven off the end of the stack by a few kilobytes of brackets.
public struct JSONLineRequest: Sendable {
    /// The `id` re-serialised canonically (a JSON string, an integer or `null`), to be echoed.
    public let idJSON: String
    public let text: String
    public let channel: Channel?
    public let mood: Mood?

    /// How deeply arrays and objects may nest, the line's own object included.
    public static let maxDepth = 64

    public struct Failure: Error, Sendable, Equatable {
        public let message: String
    }

    public static func parse(_ line: UnsafeBufferPointer<UInt8>) throws(Failure) -> JSONLineRequest {
        var reader = JSONReader(bytes: line)
        reader.skipSpace()
        try reader.expect(UInt8(ascii: "{"), "a JSON object")
        var id = "null", text: String?, channel: Channel?, mood: Mood?
        reader.skipSpace()
        if reader.peek == UInt8(ascii: "}") {
            reader.index += 1
        } else {
            while true {
                reader.skipSpace()
                let key = try Field.read(&reader)
                reader.skipSpace()
                try reader.expect(UInt8(ascii: ":"), "`:` after a key")
                reader.skipSpace()
                switch key {
                case .id:
                    id = try reader.id()
                case .text:
                    guard reader.peek == UInt8(ascii: "\"") else { throw Failure(message: "`text` must be a string") }
                    text = try reader.string()
                case .channel:
                    if reader.peek == UInt8(ascii: "n") { try reader.skipValue(depth: 1); break }
                    channel = try Self.name(&reader, of: "channel", Self.channels)
                case .mood:
                    if reader.peek == UInt8(ascii: "n") { try reader.skipValue(depth: 1); break }
                    mood = try Self.name(&reader, of: "mood", Self.moods)
                case .other:
                    try reader.skipValue(depth: 1)
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

    /// The keys a request reads; any other is skipped.
    private enum Field {
        case id, text, channel, mood, other

        /// Reads a key. A key written plainly is compared as bytes; one with escapes
        /// (`"t\u0065xt"`) is decoded first, and means the same.
        static func read(_ reader: inout JSONReader) throws(Failure) -> Field {
            let start = reader.index
            if let bytes = reader.plainStringBytes() {
                for (name, field) in [("id", Field.id), ("text", .text), ("channel", .channel), ("mood", .mood)] as [(StaticString, Field)]
                where bytes.count == name.utf8CodeUnitCount && memcmp(bytes.baseAddress!, name.utf8Start, bytes.count) == 0 {
                    return field
                }
                reader.index = start
            }
            switch try reader.string() {
            case "id": return .id
            case "text": return .text
            case "channel": return .channel
            case "mood": return .mood
            default: return .other
            }
        }
    }

    private static let channels = Channel.allCases.map { (name: Array($0.rawValue.utf8), value: $0) }
    private static let moods = Mood.allCases.map { (name: Array($0.rawValue.utf8), value: $0) }

    /// A channel's or mood's name: matched as bytes when written plainly, else decoded and
    /// looked up, so an unknown name is reported as written.
    private static func name<Value: RawRepresentable & CaseIterable>(
        _ reader: inout JSONReader, of what: String, _ known: [(name: [UInt8], value: Value)]
    ) throws(Failure) -> Value where Value.RawValue == String {
        guard reader.peek == UInt8(ascii: "\"") else { throw Failure(message: "`\(what)` must be a string or null") }
        let start = reader.index
        if let bytes = reader.plainStringBytes(), let match = known.first(where: { $0.name.elementsEqual(bytes) }) {
            return match.value
        }
        reader.index = start
        let name = try reader.string()
        guard let value = Value(rawValue: name) else {
            throw Failure(message: "unknown \(what) `\(name.prefix(40))`; expected one of \(Value.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }
}

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
                let key = try reader.string()
                reader.skipSpace()
                try reader.expect(UInt8(ascii: ":"), "`:` after a key")
                reader.skipSpace()
                switch key {
                case "id":
                    id = try reader.id()
                case "text":
                    guard reader.peek == UInt8(ascii: "\"") else { throw Failure(message: "`text` must be a string") }
                    text = try reader.string()
                case "channel", "mood":
                    if reader.peek == UInt8(ascii: "n") { try reader.skipValue(depth: 1); break }
                    guard reader.peek == UInt8(ascii: "\"") else { throw Failure(message: "`\(key)` must be a string or null") }
                    let name = try reader.string()
                    if key == "channel" {
                        guard let value = Channel(rawValue: name) else {
                            throw Failure(message: "unknown channel `\(name.prefix(40))`; expected one of \(Channel.allCases.map(\.rawValue).joined(separator: ", "))")
                        }
                        channel = value
                    } else {
                        guard let value = Mood(rawValue: name) else {
                            throw Failure(message: "unknown mood `\(name.prefix(40))`; expected one of \(Mood.allCases.map(\.rawValue).joined(separator: ", "))")
                        }
                        mood = value
                    }
                default:
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
}

import Foundation

/// A JSON document as a tree, read strictly: a key given twice in one object is an error,
/// not "the first wins" (Foundation) or "the last wins" (Python, jq), because a document
/// that two readers see differently cannot be trusted by either.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number as it was written; `CanonicalJSON` writes only integers.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public typealias Failure = JSONLineRequest.Failure

    /// Parses one JSON value (RFC 8259, UTF-8), without recursion and no deeper than
    /// `JSONLineRequest.maxDepth`: the document is hostile input.
    public static func parse(_ data: Data) throws(Failure) -> JSONValue {
        let bytes = Array(data)
        return try bytes.withUnsafeBufferPointer { buffer throws(Failure) in
            var reader = JSONReader(bytes: buffer)
            let value = try parse(&reader)
            reader.skipSpace()
            guard reader.index == buffer.count else { throw Failure(message: "unexpected text after the JSON value") }
            return value
        }
    }

    /// An open container while its contents are read.
    private enum Frame {
        case array([JSONValue])
        case object([String: JSONValue], key: String)
    }

    private static func parse(_ reader: inout JSONReader) throws(Failure) -> JSONValue {
        var stack: [Frame] = []
        func key(_ reader: inout JSONReader) throws(Failure) -> String {
            reader.skipSpace()
            let key = try reader.string()
            reader.skipSpace()
            try reader.expect(UInt8(ascii: ":"), "`:` after a key")
            return key
        }
        while true {
            reader.skipSpace()
            guard let byte = reader.peek else { throw Failure(message: "malformed JSON: a value is missing") }
            var value: JSONValue
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard stack.count + 1 < JSONLineRequest.maxDepth else {
                    throw Failure(message: "the JSON nests deeper than \(JSONLineRequest.maxDepth) levels")
                }
                reader.index += 1
                reader.skipSpace()
                if byte == UInt8(ascii: "{") {
                    if reader.peek == UInt8(ascii: "}") {
                        reader.index += 1
                        value = .object([:])
                    } else {
                        stack.append(.object([:], key: try key(&reader)))
                        continue
                    }
                } else if reader.peek == UInt8(ascii: "]") {
                    reader.index += 1
                    value = .array([])
                } else {
                    stack.append(.array([]))
                    continue
                }
            case UInt8(ascii: "\""):
                value = .string(try reader.string())
            case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                if reader.literal("true") { value = .bool(true) } else if reader.literal("false") { value = .bool(false) }
                else if reader.literal("null") { value = .null }
                else { throw Failure(message: "malformed JSON at byte \(reader.index + 1): not a JSON value") }
            default:
                let start = try reader.number()
                value = .number(String(decoding: UnsafeBufferPointer(rebasing: reader.bytes[start..<reader.index]), as: UTF8.self))
            }
            // A complete value: into its container, and out of every container it completes.
            while true {
                guard let top = stack.popLast() else { return value }
                reader.skipSpace()
                switch top {
                case var .array(items):
                    items.append(value)
                    if reader.peek == UInt8(ascii: ",") {
                        reader.index += 1
                        stack.append(.array(items))
                        break
                    }
                    try reader.expect(UInt8(ascii: "]"), "`,` or the end of the array")
                    value = .array(items)
                    continue
                case .object(var members, let name):
                    guard members[name] == nil else {
                        throw Failure(message: "the key `\(name.prefix(60))` is given twice in one object")
                    }
                    members[name] = value
                    if reader.peek == UInt8(ascii: ",") {
                        reader.index += 1
                        stack.append(.object(members, key: try key(&reader)))
                        break
                    }
                    try reader.expect(UInt8(ascii: "}"), "`,` or the end of the object")
                    value = .object(members)
                    continue
                }
                break
            }
        }
    }
}

import Testing
@testable import TonlageCore

/// The `check --format jsonl` input reader.
@Suite("JSON line request")
struct JSONLineRequestTests {
    func parse(_ line: String) throws(JSONLineRequest.Failure) -> JSONLineRequest {
        try parse(bytes: Array(line.utf8))
    }

    func parse(bytes: [UInt8]) throws(JSONLineRequest.Failure) -> JSONLineRequest {
        do {
            return try bytes.withUnsafeBufferPointer { buffer in try JSONLineRequest.parse(buffer) }
        } catch let failure as JSONLineRequest.Failure {
            throw failure
        } catch {
            fatalError("unexpected \(error)")
        }
    }

    @Test("fields, escapes and surrogate pairs")
    func fields() throws {
        let request = try parse(#"{"id": "r1", "text": "Gr\u00fc\u00dfe \ud83d\ude00 \"du\"\n", "channel": "twitter", "mood": "angry", "extra": [1, {"a": null}]}"#)
        #expect(request.idJSON == "\"r1\"")
        #expect(request.text == "Grüße 😀 \"du\"\n")
        #expect(request.channel == .twitter)
        #expect(request.mood == .angry)
    }

    @Test("ids are echoed as written; channel and mood are optional")
    func ids() throws {
        #expect(try parse(#"{"id": 42, "text": "x"}"#).idJSON == "42")
        #expect(try parse(#"{"text": "x"}"#).idJSON == "null")
        #expect(try parse(#"{"text": "x", "channel": null}"#).channel == nil)
    }

    @Test("malformed lines fail with a message", arguments: [
        #"{"id": broken"#, #"{"id": "a"}"#, #"["text"]"#, #"{"text": 5}"#, #"{"text": "a"} trailing"#,
        #"{"text": "\ud83d"}"#, #"{"text": "a", "channel": "myspace"}"#, #"{"text": "a", "mood": "sad"}"#,
        #"{"text": "unterminated}"#, #"{"id": {"x": 1}, "text": "a"}"#, "",
    ])
    func malformed(line: String) {
        #expect(throws: JSONLineRequest.Failure.self) { try parse(line) }
    }

    @Test("invalid UTF-8 inside a string is an error, not a crash")
    func invalidUTF8() {
        let bytes = Array(#"{"text": "a"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect(throws: JSONLineRequest.Failure(message: "the line is not valid UTF-8")) { try parse(bytes: bytes) }
    }
}

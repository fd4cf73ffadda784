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

    @Test("UTF-8 is accepted exactly when Swift's own validation accepts it (20,000 seeded byte strings)")
    func utf8AgainstSwift() {
        // Lead bytes, continuation bytes, surrogates, overlongs, and a few plain letters.
        // An escaped line break now and then, so both the plain and the unescaping path are tried.
        let bytes: [UInt8] = [0x61, 0x7A, 0x80, 0x8F, 0xBF, 0xC0, 0xC2, 0xC3, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xA0, 0x9F, 0x0A]
        var random = SeededRandom(seed: 7)
        for _ in 0..<20_000 {
            let content = (0..<Int(random.next() % 8)).map { _ in random.pick(bytes) }
            let escaped = content.flatMap { $0 == 0x0A ? [UInt8(ascii: "\\"), UInt8(ascii: "n")] : [$0] }
            let line = Array(#"{"text": ""#.utf8) + escaped + Array(#""}"#.utf8)
            let valid = String(validating: content, as: UTF8.self) != nil
            let parsed = try? parse(bytes: line)
            #expect((parsed != nil) == valid, "\(content.map { String($0, radix: 16) })")
            if let parsed { #expect(Array(parsed.text.utf8) == content) }
        }
    }
}

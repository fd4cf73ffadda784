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

    @Test("ids are echoed canonically; channel and mood are optional")
    func ids() throws {
        #expect(try parse(#"{"id": 42, "text": "x"}"#).idJSON == "42")
        #expect(try parse(#"{"id": -7, "text": "x"}"#).idJSON == "-7")
        #expect(try parse(#"{"id": 0, "text": "x"}"#).idJSON == "0")
        #expect(try parse(#"{"id": 9223372036854775807, "text": "x"}"#).idJSON == "9223372036854775807")
        #expect(try parse(#"{"id": null, "text": "x"}"#).idJSON == "null")
        #expect(try parse(#"{"text": "x"}"#).idJSON == "null")
        #expect(try parse(#"{"id": "\u0041\/b", "text": "x"}"#).idJSON == #""A/b""#)
        #expect(try parse("{\"id\": \"a\u{2028}b\u{85}c\u{7F}\", \"text\": \"x\"}").idJSON == #""a\u2028b\u0085c\u007f""#)
        #expect(try parse(#"{"text": "x", "channel": null}"#).channel == nil)
    }

    @Test("keys, channels and moods written with escapes mean what they spell")
    func escapedNames() throws {
        let request = try parse(#"{"\u0069d": "a", "t\u0065xt": "x", "ch\u0061nnel": "f\u0061cebook", "\u006dood": "angry"}"#)
        #expect(request.idJSON == #""a""#)
        #expect(request.text == "x")
        #expect(request.channel == .facebook)
        #expect(request.mood == .angry)
        #expect(try parse(#"{"text": "x", "channel": "review-site", "mood": "neutral"}"#).channel == .reviewSite)
        #expect(try parse(#"{"text": "x", "channe": "myspace", "channels": 1}"#).channel == nil)
        #expect(throws: JSONLineRequest.Failure(message: "unknown channel `twitte`; expected one of twitter, facebook, instagram, forum, review-site, dm, email")) {
            try parse(#"{"text": "x", "channel": "twitte"}"#)
        }
        #expect(throws: JSONLineRequest.Failure(message: "`mood` must be a string or null")) { try parse(#"{"text": "x", "mood": 1}"#) }
    }

    @Test("an id that is not a string, a canonical integer or null is refused", arguments: [
        "nan", "inf", "-inf", "0x1F", "+1", ".5", "007", "-0", "1.0", "1e3", "1E3", "-", "{}", "{\"a\": 1}", "[]", "[1]",
        "true", "false", "NaN", "Infinity", "nul", "1 2", "9223372036854775808", "123456789012345678901234567890",
    ])
    func badIDs(id: String) {
        #expect(throws: JSONLineRequest.Failure.self) { try parse(#"{"id": \#(id), "text": "x"}"#) }
    }

    @Test("unknown keys are skipped only when their value is strict JSON", arguments: [
        "nan", "0x1F", "+1", ".5", "01", "1.", "1e", "-", "tru", "nulll", "[1,]", "{\"a\"}", "{\"a\":}", "[", "\"\\x\"",
    ])
    func badSkippedValues(value: String) {
        #expect(throws: JSONLineRequest.Failure.self) { try parse(#"{"other": \#(value), "text": "x"}"#) }
    }

    @Test("strict JSON values of unknown keys are skipped", arguments: [
        "0", "-0.5e+10", "1E-3", "true", "false", "null", "[]", "{}", "[1, [2, {\"a\": [true, null]}], \"x\"]", "{\"a\": {\"b\": []}}",
    ])
    func goodSkippedValues(value: String) throws {
        #expect(try parse(#"{"other": \#(value), "text": "x"}"#).text == "x")
    }

    @Test("75,000 nested arrays are refused by the depth limit, without recursion")
    func deepNesting() {
        let line = #"{"id": 1, "text": "x", "deep": "# + String(repeating: "[", count: 75_000) + String(repeating: "]", count: 75_000) + "}"
        #expect(throws: JSONLineRequest.Failure(message: "the JSON nests deeper than 64 levels")) { try parse(line) }
        let unclosed = #"{"text": "x", "deep": "# + String(repeating: "{\"a\":[", count: 40_000)
        #expect(throws: JSONLineRequest.Failure.self) { try parse(unclosed) }
    }

    @Test("nesting up to the limit is read; one more level is not")
    func depthLimit() throws {
        // The line's own object is the first level.
        let deepest = JSONLineRequest.maxDepth - 1
        let fits = #"{"text": "x", "deep": "# + String(repeating: "[", count: deepest) + String(repeating: "]", count: deepest) + "}"
        #expect(try parse(fits).text == "x")
        let over = #"{"text": "x", "deep": "# + String(repeating: "[", count: deepest + 1) + String(repeating: "]", count: deepest + 1) + "}"
        #expect(throws: JSONLineRequest.Failure.self) { try parse(over) }
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
        #expect(throws: JSONLineRequest.Failure(message: "the text is not valid UTF-8")) { try parse(bytes: bytes) }
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
            // The same bytes as an id: echoed as written where nothing needs escaping, else re-escaped.
            let idLine = Array(#"{"id": ""#.utf8) + escaped + Array(#"", "text": "x"}"#.utf8)
            let id = try? parse(bytes: idLine).idJSON
            #expect(id == String(validating: content, as: UTF8.self).map(ScorecardJSON.quoted), "\(content.map { String($0, radix: 16) })")
        }
    }
}

import Foundation
import TonlageCore

/// `check --format jsonl` below the command: the line reader, the JSON reader and the batch.
///
/// Beyond not crashing: a line the reader accepts is JSON to Foundation too, with the same
/// text and id; a batch answers every non-blank line with one line of JSON, in order.
public struct JSONLTarget: FuzzTarget {
    public let name = "jsonl"
    public let maxBytes = 300_000
    let checker: BatchChecker

    public init(scorer: Scorer) {
        checker = BatchChecker(scorer: scorer, defaultContext: ReplyContext(channel: .facebook))
    }

    public var seeds: [[UInt8]] {
        [
            #"{"id": "r1", "text": "Hallo Nina, dein Paket ist unterwegs. ^KH", "channel": "twitter", "mood": "angry"}"#,
            #"{"id": 42, "text": "Sehr geehrte Frau Meier, wir bitten um Ihr Verständnis.", "extra": [1, {"a": null}, -0.5e3]}"#,
            #"{"text": "Gr\u00fc\u00dfe \ud83d\ude00 \"du\"\n\t", "id": null, "channel": null}"#,
            #"{"id": "x\u2028y", "text": "lol 😂😂😂 https://example.de/a?b=1", "mood": "happy"}"#,
            "{\"id\": \"a\", \"text\": \"ok\"}\n{\"id\": 2, \"text\": \"\"}\n\n   \n{\"id\": \"c\", \"text\": \"Danke dir!\"}",
            #"{"text": "x", "n": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}"#,
            #"{"id": 007, "text": "a"}"#, #"{"id": 1e3, "text": "a"}"#, #"{"text": "a", "channel": "myspace"}"#, "[]", "",
        ].map { Array($0.utf8) }
    }

    public var tokens: [String] {
        ["{", "}", "[", "]", "\"", ",", ":", "\\", "\\u", "\\ud83d", "\\ude00", "\\u0000", "\\n", "null", "true", "-0", "1e5", "0x1F",
         "nan", "\"id\"", "\"text\"", "\"channel\"", "\"mood\"", "\"twitter\"", "\"angry\"", "{\"a\":", "[[[[", "]]]]", " ", "\n", "\r\n"]
    }

    public func run(_ input: [UInt8]) throws(FuzzFailure) {
        for line in input.split(separator: 0x0A, omittingEmptySubsequences: false) {
            try checkLine(Array(line))
        }
        // The batch path too, for a share of the inputs: it scores, which costs far more.
        if input.count % 8 == 0 { try checkBatch(input) }
    }

    private func checkLine(_ line: [UInt8]) throws(FuzzFailure) {
        let parsed: JSONLineRequest
        do {
            parsed = try line.withUnsafeBufferPointer { buffer throws(JSONLineRequest.Failure) in try JSONLineRequest.parse(buffer) }
        } catch {
            return
        }
        guard let object = Invariants.parsesAsJSON(line) as? [String: Any] else {
            // Foundation refuses numbers beyond a Double (1e400); JSON has no such limit, and
            // the reader skips them unread.
            if Self.holdsHugeNumber(line) { return }
            throw FuzzFailure("accepted a line Foundation does not read as a JSON object")
        }
        guard let text = object["text"] as? String, Self.same(text, parsed.text) else {
            throw FuzzFailure("the text differs from Foundation's reading")
        }
        guard let id = Invariants.parsesAsJSON(Array(parsed.idJSON.utf8)) else {
            throw FuzzFailure("the id `\(parsed.idJSON)` is not JSON")
        }
        // A raw byte order mark in a key hides the key from Foundation (see `same`).
        if line.count >= 3 && (0..<(line.count - 2)).contains(where: { line[$0] == 0xEF && line[$0 + 1] == 0xBB && line[$0 + 2] == 0xBF }) {
            return
        }
        let original = object["id"]
        switch (id, original) {
        case let (echoed as String, given as String):
            guard Self.same(echoed, given) else { throw FuzzFailure("the id string changed") }
        case (is NSNull, nil), (is NSNull, is NSNull):
            break
        case let (echoed as NSNumber, given as NSNumber):
            guard echoed == given else { throw FuzzFailure("the id number changed") }
        default:
            throw FuzzFailure("the id changed kind: \(parsed.idJSON)")
        }
        if parsed.idJSON.utf8.contains(where: { $0 < 0x20 }) || parsed.idJSON.contains("\u{2028}") || parsed.idJSON.contains("\u{2029}") {
            throw FuzzFailure("the id holds a raw line break or control character")
        }
    }

    /// The same scalars. Foundation drops a byte order mark written raw where a run of plain
    /// characters starts in a string (escaped as \ufeff it keeps it); the reader keeps the
    /// text as written.
    static func same(_ foundation: String, _ ours: String) -> Bool {
        foundation.unicodeScalars.filter { $0 != "\u{FEFF}" }.elementsEqual(ours.unicodeScalars.filter { $0 != "\u{FEFF}" })
    }

    static func holdsHugeNumber(_ line: [UInt8]) -> Bool {
        let numeric = Set("0123456789+-.eE".utf8)
        for run in line.split(whereSeparator: { !numeric.contains($0) }) where run.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) {
            if run.count > 300 { return true }
            if let value = Double(String(decoding: run, as: UTF8.self)), !value.isFinite { return true }
        }
        return false
    }

    private func checkBatch(_ input: [UInt8]) throws(FuzzFailure) {
        let maxLine = [16, 100, 1 << 20][input.count % 3]
        let block = [1, 7, 4096][input.count / 3 % 3]
        var out: [UInt8] = []
        let summary: BatchChecker.Summary
        do {
            summary = try checker.stream(bytes: input, reader: LineBlockReader(maxLineBytes: maxLine, blockBytes: block)) { out += $0.json }
        } catch {
            throw FuzzFailure("reading memory failed: \(error)")
        }
        // A blank line is skipped unless it is too long to keep: then it is answered as such.
        let lines = input.split(separator: 0x0A, omittingEmptySubsequences: false)
            .filter { $0.count > maxLine || !$0.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }
        // A last line with no break is a line; a break at the very end adds none.
        let answers = out.split(separator: 0x0A)
        guard answers.count == lines.count, summary.scored + summary.malformed == lines.count else {
            throw FuzzFailure("\(answers.count) answers and \(summary.scored)+\(summary.malformed) counted for \(lines.count) lines")
        }
        for answer in answers {
            guard let object = Invariants.parsesAsJSON(answer) as? [String: Any], object["score"] != nil || object["error"] != nil else {
                throw FuzzFailure("an answer is not a JSON scorecard or error line")
            }
        }
    }
}

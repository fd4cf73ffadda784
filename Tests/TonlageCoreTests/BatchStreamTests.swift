import Foundation
import Testing
@testable import TonlageCore

/// The `check --format jsonl` path below the command: lines cut into blocks as they arrive,
/// over-long lines skipped in place, and every line answered in order.
@Suite("JSON Lines in blocks")
struct BatchStreamTests {
    /// The reader's events as text: `N:line` for a line, `N:too long` for a skipped one.
    func events(_ input: String, maxLineBytes: Int, blockBytes: Int) throws -> [String] {
        var seen: [String] = []
        try LineBlockReader(maxLineBytes: maxLineBytes, blockBytes: blockBytes).run(bytes: Array(input.utf8)) { event in
            switch event {
            case let .lines(buffer, lines):
                for line in lines { seen.append("\(line.number):" + String(decoding: UnsafeBufferPointer(rebasing: buffer[line.range]), as: UTF8.self)) }
            case let .tooLong(number):
                seen.append("\(number):too long")
            }
        }
        return seen
    }

    @Test("lines are cut the same whatever the block size; blank lines are counted but not answered", arguments: [1, 2, 3, 5, 8, 64, 4096])
    func blockSizes(blockBytes: Int) throws {
        let input = "one\ntwo\r\n\n  \nthree\nfour"
        #expect(try events(input, maxLineBytes: 10, blockBytes: blockBytes) == ["1:one", "2:two\r", "5:three", "6:four"])
    }

    @Test("a line longer than the limit is answered in place and its bytes skipped", arguments: [1, 3, 7, 4096])
    func tooLong(blockBytes: Int) throws {
        let long = String(repeating: "x", count: 50)
        let input = "a\n\(long)\nb\nexactly10!\n\(long)"
        #expect(try events(input, maxLineBytes: 10, blockBytes: blockBytes) == ["1:a", "2:too long", "3:b", "4:exactly10!", "5:too long"])
    }

    @Test("a 10 MB line with a 1 KB limit: skipped, the next line still read")
    func hugeLine() throws {
        let input = String(repeating: "y", count: 10_000_000) + "\nafter\n"
        #expect(try events(input, maxLineBytes: 1024, blockBytes: 4096) == ["1:too long", "2:after"])
    }

    func answers(_ input: String, maxLineBytes: Int = 1 << 20, blockBytes: Int = 256 << 10) throws -> (lines: [String], summary: BatchChecker.Summary) {
        let checker = BatchChecker(scorer: Fixtures.germanScorer, defaultContext: ReplyContext(channel: .facebook))
        var out: [UInt8] = []
        let summary = try checker.stream(bytes: Array(input.utf8), reader: LineBlockReader(maxLineBytes: maxLineBytes, blockBytes: blockBytes)) {
            $0.forEachPart { out += $0 }
        }
        return (String(decoding: out, as: UTF8.self).split(separator: "\n").map(String.init), summary)
    }

    @Test("a line of 75,000 nested arrays is answered with an error; the lines before and after are scored")
    func deepNesting() throws {
        let good = #"{"id": "ok", "text": "Danke dir, Heike!"}"#
        let deep = #"{"id": "deep", "text": "x", "n": "# + String(repeating: "[", count: 75_000) + String(repeating: "]", count: 75_000) + "}"
        let input = Array(repeating: good, count: 300).joined(separator: "\n") + "\n" + deep + "\n" + good + "\n"
        let (lines, summary) = try answers(input)
        #expect(lines.count == 302)
        #expect(lines[300] == #"{"id":null,"line":301,"error":"the JSON nests deeper than 64 levels"}"#)
        #expect(lines[299].hasPrefix(#"{"id":"ok","score":"#))
        #expect(lines[301].hasPrefix(#"{"id":"ok","score":"#))
        #expect(summary.malformed == 1 && summary.scored == 301)
    }

    @Test("answers keep the input order across blocks and workers")
    func order() throws {
        let input = (0..<1000).map { #"{"id": \#($0), "text": "Hallo Nina, \#(String(repeating: "ja ", count: $0 % 37))"}"# }.joined(separator: "\n")
        let (lines, _) = try answers(input, blockBytes: 3000)
        #expect(lines.count == 1000)
        for (index, line) in lines.enumerated() { #expect(line.hasPrefix(#"{"id":\#(index),"#)) }
    }

    @Test("an over-long line is answered in place among scored lines")
    func overLongAnswered() throws {
        let input = #"{"id": 1, "text": "Hallo"}"# + "\n" + #"{"id": 2, "text": "\#(String(repeating: "a", count: 5000))"}"# + "\n" + #"{"id": 3, "text": "Hallo"}"#
        let (lines, summary) = try answers(input, maxLineBytes: 1000, blockBytes: 64)
        #expect(lines.count == 3)
        #expect(lines[1] == #"{"id":null,"line":2,"error":"the line is longer than 1000 bytes (--max-line-bytes); skipped"}"#)
        #expect(lines[2].hasPrefix(#"{"id":3,"#))
        #expect(summary.malformed == 1)
    }

    @Test("a line is handed on before the input ends: an open pipe gets its answer")
    func openPipe() throws {
        var descriptors: [Int32] = [0, 0]
        #expect(pipe(&descriptors) == 0)
        let (readEnd, writeEnd) = (descriptors[0], descriptors[1])
        defer { close(readEnd) }
        let line = Array(#"{"id": 1, "text": "Hallo"}"#.utf8) + [0x0A]
        #expect(write(writeEnd, line, line.count) == line.count)
        let checker = BatchChecker(scorer: Fixtures.germanScorer, defaultContext: ReplyContext(channel: .facebook))
        // Should the reader wait for the end of input, the writer gives up after a minute and the test fails.
        let writer = Writer(fd: writeEnd)
        DispatchQueue.global().asyncAfter(deadline: .now() + 60) { writer.close(timedOut: true) }
        var answered: [String] = []
        _ = try checker.stream(fd: readEnd) { block in
            var bytes: [UInt8] = []
            block.forEachPart { bytes += $0 }
            answered.append(String(decoding: bytes, as: UTF8.self))
            // Only now, with the first answer in hand, does the writer finish.
            writer.close(timedOut: false)
        }
        #expect(!writer.timedOut)
        #expect(answered.count == 1)
        #expect(answered.first?.hasPrefix(#"{"id":1,"score":"#) == true)
    }
}

/// The write end of a pipe, closed once by whoever comes first: the reader or the timeout.
private final class Writer: @unchecked Sendable {
    private let lock = NSLock()
    private var fd: Int32?
    private var closedByTimeout = false

    var timedOut: Bool {
        lock.lock()
        defer { lock.unlock() }
        return closedByTimeout
    }

    init(fd: Int32) { self.fd = fd }

    func close(timedOut: Bool) {
        lock.lock()
        defer { lock.unlock() }
        guard let fd else { return }
        _ = Foundation.close(fd)
        self.fd = nil
        closedByTimeout = timedOut
    }
}

import Foundation
import Testing

/// `check --format jsonl` as a stream: answers while input stays open, hostile lines
/// answered in place, ids echoed only when every JSON reader agrees on them.
@Suite("tonlage check --format jsonl, streaming")
struct JSONLStreamTests {
    @Test("one line through a pipe kept open is answered before standard input closes")
    func answerWhileOpen() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = ["check", "--format", "jsonl"]
        process.currentDirectoryURL = Binary.packageRoot
        process.environment = Binary.environment()
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()

        let firstLine = FirstLine()
        let reading = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            var collected = Data()
            while !collected.contains(0x0A) {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                collected += chunk
            }
            firstLine.set(String(decoding: collected, as: UTF8.self))
            reading.signal()
        }
        input.fileHandleForWriting.write(Data((#"{"id": "open", "text": "Danke dir, Heike!"}"# + "\n").utf8))
        // The answer must come while standard input is still open; a minute is only a safety net.
        let answeredInTime = reading.wait(timeout: .now() + 60) == .success
        try input.fileHandleForWriting.close()
        if !answeredInTime { reading.wait() }
        process.waitUntilExit()
        #expect(answeredInTime, "no answer while standard input was open")
        #expect(firstLine.value.hasPrefix(#"{"id":"open","score":"#))
        #expect(process.terminationStatus == 0)
    }

    @Test("75,000 nested arrays: an error line in place, the 300 lines before and the one after answered, exit 2")
    func deepNesting() throws {
        let good = #"{"id": 1, "text": "Danke dir, Heike!"}"#
        let deep = #"{"id": 2, "text": "x", "n": "# + String(repeating: "[", count: 75_000) + String(repeating: "]", count: 75_000) + "}"
        let input = Array(repeating: good, count: 300).joined(separator: "\n") + "\n" + deep + "\n" + good + "\n"
        let result = try Binary.run(["check", "--format", "jsonl"], stdin: Data(input.utf8))
        #expect(result.status == 2)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 302)
        #expect(lines[300] == #"{"id":null,"line":301,"error":"the JSON nests deeper than 64 levels"}"#)
        #expect(lines[301].hasPrefix(#"{"id":1,"score":"#))
        #expect(result.stderr.contains("line 301: the JSON nests deeper"))
    }

    @Test("a line over --max-line-bytes is answered in place and skipped; the next is scored")
    func overLongLine() throws {
        let input = #"{"id": 1, "text": "Hallo"}"# + "\n" + #"{"id": 2, "text": "\#(String(repeating: "a", count: 3_000_000))"}"#
            + "\n" + #"{"id": 3, "text": "Hallo"}"# + "\n"
        let result = try Binary.run(["check", "--format", "jsonl"], stdin: Data(input.utf8))
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[1] == #"{"id":null,"line":2,"error":"the line is longer than 1048576 bytes (--max-line-bytes); skipped"}"#)
        #expect(lines[2].hasPrefix(#"{"id":3,"#))
        #expect(result.status == 2)

        let small = try Binary.run(["check", "--format", "jsonl", "--max-line-bytes", "30"], stdin: Data(input.utf8))
        #expect(small.stdout.split(separator: "\n").first?.hasPrefix(#"{"id":1,"#) == true)
        #expect(small.stdout.contains(#""line":2,"error":"the line is longer than 30 bytes"#))
    }

    @Test("--max-line-bytes must be positive")
    func maxLineBytesUsage() throws {
        let result = try Binary.run(["check", "--format", "jsonl", "--max-line-bytes", "0"], stdin: Data())
        #expect(result.status == 2)
        #expect(result.stderr.contains("--max-line-bytes"))
    }

    @Test("an id that is not a string, a canonical integer or null is an error line for that line", arguments: [
        "nan", "inf", "0x1F", "+1", ".5", "007", "1.0", "1e3", "{}", "[1]", "true", "false",
    ])
    func badID(id: String) throws {
        let input = #"{"id": \#(id), "text": "Hallo"}"# + "\n" + #"{"id": "next", "text": "Hallo"}"# + "\n"
        let result = try Binary.run(["check", "--format", "jsonl"], stdin: Data(input.utf8))
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix(#"{"id":null,"line":1,"error":"`id` must be"#) == true)
        #expect(lines.last?.hasPrefix(#"{"id":"next","#) == true)
        #expect(result.status == 2)
        for line in lines { #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "\(line)") }
    }

    @Test("ids are re-serialised canonically: escapes resolved, U+2028 escaped")
    func canonicalIDs() throws {
        let input = "{\"id\": \"\\u0072\\/1\u{2028}\", \"text\": \"Hallo\"}\n{\"id\": 12, \"text\": \"Hallo\"}\n"
        let result = try Binary.run(["check", "--format", "jsonl"], stdin: Data(input.utf8))
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix(#"{"id":"r/1\u2028","#) == true)
        #expect(lines.last?.hasPrefix(#"{"id":12,"#) == true)
    }
}

/// The first line of output, written by the reading thread, read after it signalled.
private final class FirstLine: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    func set(_ value: String) { lock.lock(); text = value; lock.unlock() }
    var value: String { lock.lock(); defer { lock.unlock() }; return text }
}

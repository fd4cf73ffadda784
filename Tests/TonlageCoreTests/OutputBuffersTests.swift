import Testing
@testable import TonlageCore

/// Output buffers come back for the next block: emptied, with their room kept, and only as
/// many as the pool holds.
struct OutputBuffersTests {
    @Test("a buffer given back is handed out again, empty and with its room")
    func reused() {
        let buffers = OutputBuffers()
        var buffer = buffers.take(capacity: 10_000)
        #expect(buffer.isEmpty && buffer.capacity >= 10_000)
        buffer.append(contentsOf: repeatElement(7, count: 5_000))
        let address = buffer.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        buffers.giveBack(buffer)
        buffer = []
        let again = buffers.take(capacity: 100)
        #expect(again.isEmpty && again.capacity >= 10_000)
        #expect(again.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) } == address)
    }

    @Test("small buffers are not kept, and no more than the limit")
    func bounded() {
        let buffers = OutputBuffers(limit: 2)
        buffers.giveBack([UInt8](repeating: 1, count: 10))
        #expect(buffers.take(capacity: 0).capacity < 4096)
        let taken = (0..<3).map { _ in buffers.take(capacity: 8192) }
        for buffer in taken { buffers.giveBack(buffer) }
        var kept: [[UInt8]] = []
        for _ in 0..<3 { kept.append(buffers.take(capacity: 0)) }
        #expect(kept.filter { $0.capacity >= 8192 }.count == 2)
    }

    @Test("answers streamed block after block are the same with reused buffers")
    func sameAnswers() throws {
        let checker = BatchChecker(scorer: Fixtures.germanScorer, defaultContext: ReplyContext(channel: .facebook, mood: .neutral))
        let lines = (0..<3_000).map { #"{"id":\#($0),"text":"Hallo, danke für deine Nachricht Nr. \#($0)! Wir melden uns."}"# }
        let input = Array((lines.joined(separator: "\n") + "\n").utf8)
        var streamed: [UInt8] = []
        // Small blocks: many blocks, so later ones are written into buffers given back by earlier ones.
        _ = try checker.stream(bytes: input, reader: LineBlockReader(blockBytes: 8 << 10)) { block in
            block.forEachPart { streamed += $0 }
        }
        var whole = BatchChecker.Block()
        for (number, line) in lines.enumerated() {
            Array(line.utf8).withUnsafeBufferPointer { checker.answer(line: $0, number: number + 1, into: &whole) }
        }
        var expected: [UInt8] = []
        whole.forEachPart { expected += $0 }
        #expect(streamed == expected)
    }
}

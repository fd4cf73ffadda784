import Dispatch
import Foundation

/// Scores JSON Lines in parallel, keeping the input order: the engine behind
/// `check --format jsonl` and its benchmark.
public struct BatchChecker: Sendable {
    public let scorer: Scorer
    public let defaultContext: ReplyContext

    public init(scorer: Scorer, defaultContext: ReplyContext) {
        self.scorer = scorer
        self.defaultContext = defaultContext
    }

    /// The answers to a run of lines, in input order.
    public struct Block: Sendable {
        /// One JSON line per input line, each ending in a line break.
        public var json: [UInt8] = []
        /// For each malformed line: the message for standard error (`line N: ...`).
        public var errors: [String] = []
        /// Lines answered with a scorecard, and how many of them failed the guide.
        public var scored = 0
        public var failed = 0

        public init() {}

        mutating func append(_ other: Block) {
            json += other.json
            errors += other.errors
            scored += other.scored
            failed += other.failed
        }
    }

    /// What a whole input came to.
    public struct Summary: Sendable {
        public var scored = 0
        public var failed = 0
        public var malformed = 0
    }

    /// Scores one line (`number` is 1-based, for error messages) and appends its answer.
    public func answer(line: UnsafeBufferPointer<UInt8>, number: Int, into block: inout Block) {
        do {
            let request = try JSONLineRequest.parse(line)
            let context = ReplyContext(channel: request.channel ?? defaultContext.channel,
                                       mood: request.mood ?? defaultContext.mood)
            let card = scorer.score(request.text, context: context)
            ScorecardJSON.write(card, idJSON: request.idJSON, into: &block.json)
            block.json.append(0x0A)
            block.scored += 1
            if !card.passed { block.failed += 1 }
        } catch {
            Self.error(line: number, message: error.message, into: &block)
        }
    }

    /// `{"id":null,"line":N,"error":"..."}` in place of a line that could not be answered.
    public static func error(line number: Int, message: String, into block: inout Block) {
        block.json += ScorecardJSON.errorLine(line: number, message: message).utf8
        block.json.append(0x0A)
        block.errors.append("line \(number): \(message)")
    }

    /// Answers `lines` of `buffer`, on every core when there are enough of them.
    public func answer(_ lines: [LineBlockReader.Line], in buffer: UnsafeBufferPointer<UInt8>) -> Block {
        // Chunks small enough to even out long and short replies between the workers, large
        // enough that handing them out costs nothing; concurrentPerform hands them out.
        let chunkLines = 32
        let chunks = (lines.count + chunkLines - 1) / chunkLines
        guard chunks > 1 && ProcessInfo.processInfo.activeProcessorCount > 1 else {
            var block = Block()
            for line in lines { answer(line: UnsafeBufferPointer(rebasing: buffer[line.range]), number: line.number, into: &block) }
            return block
        }
        let slots = Slots(count: chunks)
        // The buffer outlives this call and is only read; it travels to the workers as an
        // address because an UnsafeBufferPointer is not Sendable.
        let base = UInt(bitPattern: buffer.baseAddress)
        let length = buffer.count
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let input = UnsafeBufferPointer(start: UnsafePointer<UInt8>(bitPattern: base), count: length)
            var block = Block()
            block.json.reserveCapacity(chunkLines * 1024)
            for line in lines[(chunk * chunkLines)..<min(lines.count, (chunk + 1) * chunkLines)] {
                answer(line: UnsafeBufferPointer(rebasing: input[line.range]), number: line.number, into: &block)
            }
            slots.set(chunk, block)
        }
        var block = Block()
        block.json.reserveCapacity(slots.values.reduce(0) { $0 + $1.json.count })
        for part in slots.values { block.append(part) }
        return block
    }

    /// Reads JSON Lines from `fd` until it ends, answering each block of lines as it arrives
    /// and handing the answers to `emit` in input order.
    public func stream(fd: Int32, reader: LineBlockReader = LineBlockReader(),
                       emit: (Block) throws -> Void) throws -> Summary {
        var summary = Summary()
        try reader.run(fd: fd) { event in try emit(answer(event, reader: reader, summary: &summary)) }
        return summary
    }

    /// The same for input already in memory (a TEXT argument, the benchmark).
    public func stream(bytes: [UInt8], reader: LineBlockReader = LineBlockReader(),
                       emit: (Block) throws -> Void) throws -> Summary {
        var summary = Summary()
        try reader.run(bytes: bytes) { event in try emit(answer(event, reader: reader, summary: &summary)) }
        return summary
    }

    private func answer(_ event: LineBlockReader.Event, reader: LineBlockReader, summary: inout Summary) -> Block {
        let block: Block
        switch event {
        case let .lines(buffer, lines):
            block = answer(lines, in: buffer)
        case let .tooLong(number):
            var tooLong = Block()
            Self.error(line: number, message: "the line is longer than \(reader.maxLineBytes) bytes (--max-line-bytes); skipped",
                       into: &tooLong)
            block = tooLong
        }
        summary.scored += block.scored
        summary.failed += block.failed
        summary.malformed += block.errors.count
        return block
    }
}

/// One slot per chunk; each is written by exactly one worker, then read after all finish.
private final class Slots: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<BatchChecker.Block>
    init(count: Int) { storage = .allocate(capacity: count); storage.initialize(repeating: BatchChecker.Block()) }
    deinit { storage.deinitialize(); storage.deallocate() }
    func set(_ index: Int, _ block: BatchChecker.Block) { storage[index] = block }
    var values: UnsafeMutableBufferPointer<BatchChecker.Block> { storage }
}

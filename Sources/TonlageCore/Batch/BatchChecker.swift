import Dispatch
import Foundation
import Synchronization

/// Scores JSON Lines in parallel, keeping the input order: the engine behind
/// `check --format jsonl` and its benchmark.
public struct BatchChecker: Sendable {
    public let scorer: Scorer
    public let defaultContext: ReplyContext
    /// How many cores score a block at once: all of them.
    private let workerCount = ProcessInfo.processInfo.activeProcessorCount
    private let workers: Workers
    private let buffers = OutputBuffers()

    public init(scorer: Scorer, defaultContext: ReplyContext) {
        self.scorer = scorer
        self.defaultContext = defaultContext
        workers = Workers(scorer)
    }

    /// The answers to a run of lines, in input order.
    public struct Block: Sendable {
        /// One JSON line per input line, each ending in a line break.
        public var json: [UInt8] = []
        /// Answers that follow `json`, in order: the chunks the workers wrote, handed on as
        /// they are. Copying them into one buffer of a megabyte or more moved every output
        /// byte once more and faulted in fresh pages for each block.
        public var following: [[UInt8]] = []
        /// For each malformed line: the message for standard error (`line N: ...`).
        public var errors: [String] = []
        /// Lines answered with a scorecard, and how many of them failed the guide.
        public var scored = 0
        public var failed = 0

        public init() {}

        /// `json`, then `following`: the answers in order.
        public func forEachPart(_ body: ([UInt8]) throws -> Void) rethrows {
            if !json.isEmpty { try body(json) }
            for part in following where !part.isEmpty { try body(part) }
        }

        /// How many bytes the answers take.
        public var byteCount: Int { following.reduce(json.count) { $0 + $1.count } }

        mutating func append(_ other: Block) {
            following.append(other.json)
            following += other.following
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
        answer(line: line, number: number, worker: workers.worker(0), into: &block)
    }

    private func answer(line: UnsafeBufferPointer<UInt8>, number: Int, worker: Worker, into block: inout Block) {
        do {
            let request = try JSONLineRequest.parse(line)
            let context = ReplyContext(channel: request.channel ?? defaultContext.channel,
                                       mood: request.mood ?? defaultContext.mood)
            let assessment = worker.scorer.assess(request.text, context: context)
            ScorecardJSON.write(assessment, guide: worker.scorer.guide, texts: worker.texts, idJSON: request.idJSON, into: &block.json)
            block.json.append(0x0A)
            block.scored += 1
            if !assessment.passed { block.failed += 1 }
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
        // enough that handing them out (one atomic increment each) costs nothing.
        let chunkLines = 32
        let chunks = (lines.count + chunkLines - 1) / chunkLines
        guard chunks > 1 && workerCount > 1 else {
            var block = Block()
            for line in lines { answer(line: UnsafeBufferPointer(rebasing: buffer[line.range]), number: line.number, into: &block) }
            return block
        }
        let slots = Slots(count: chunks)
        // The buffer outlives this call and is only read; it travels to the workers as an
        // address because an UnsafeBufferPointer is not Sendable.
        let base = UInt(bitPattern: buffer.baseAddress)
        let length = buffer.count
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workerCount) { number in
            // A worker that compiles its guide first takes its first chunk later; the others go on meanwhile.
            let worker = workers.worker(number)
            let input = UnsafeBufferPointer(start: UnsafePointer<UInt8>(bitPattern: base), count: length)
            while true {
                let chunk = next.add(1, ordering: .relaxed).oldValue
                guard chunk < chunks else { break }
                var block = Block()
                block.json = buffers.take(capacity: chunkLines * 1536)
                for line in lines[(chunk * chunkLines)..<min(lines.count, (chunk + 1) * chunkLines)] {
                    answer(line: UnsafeBufferPointer(rebasing: input[line.range]), number: line.number, worker: worker, into: &block)
                }
                slots.set(chunk, block)
            }
        }
        var block = Block()
        for part in slots.values { block.append(part) }
        return block
    }

    /// Reads JSON Lines from `fd` until it ends, answering each block of lines as it arrives
    /// and handing the answers to `emit` in input order.
    public func stream(fd: Int32, reader: LineBlockReader = LineBlockReader(),
                       emit: (Block) throws -> Void) throws -> Summary {
        var summary = Summary()
        try reader.run(fd: fd) { event in try emitted(answer(event, reader: reader, summary: &summary), emit) }
        return summary
    }

    /// The same for input already in memory (a TEXT argument, the benchmark).
    public func stream(bytes: [UInt8], reader: LineBlockReader = LineBlockReader(),
                       emit: (Block) throws -> Void) throws -> Summary {
        var summary = Summary()
        try reader.run(bytes: bytes) { event in try emitted(answer(event, reader: reader, summary: &summary), emit) }
        return summary
    }

    /// Hands `block` to `emit`, then its buffers back to the workers.
    private func emitted(_ block: consuming Block, _ emit: (Block) throws -> Void) throws {
        try emit(block)
        buffers.giveBack(block.json)
        for part in block.following { buffers.giveBack(part) }
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

/// A worker's scorer, and the guide's texts its findings are written with.
private struct Worker: Sendable {
    let scorer: Scorer
    let texts: GuideJSON

    init(_ scorer: Scorer) {
        self.scorer = scorer
        texts = GuideJSON(scorer.guide)
    }
}

/// Each worker's scorer: the first worker scores with the checker's own, every other with a
/// guide of its own (`Guide.replica`), compiled the first time that worker is needed, so
/// scoring a single line never waits for it.
private final class Workers: Sendable {
    private let first: Worker
    private let others = Mutex<[Int: Worker]>([:])

    init(_ first: Scorer) { self.first = Worker(first) }

    func worker(_ number: Int) -> Worker {
        guard number > 0 else { return first }
        if let known = others.withLock({ $0[number] }) { return known }
        let made = Worker(Scorer(guide: first.scorer.guide.replica()))
        others.withLock { $0[number] = made }
        return made
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

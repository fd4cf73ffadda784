import Dispatch
import Foundation

/// Scores JSON Lines input in parallel, keeping the input order: the engine behind
/// `check --format jsonl` and its benchmark.
public struct BatchChecker: Sendable {
    public let scorer: Scorer
    public let defaultContext: ReplyContext

    public init(scorer: Scorer, defaultContext: ReplyContext) {
        self.scorer = scorer
        self.defaultContext = defaultContext
    }

    /// The answer to one input line, and whether the line was malformed.
    public struct Answer: Sendable {
        public let json: [UInt8]
        /// For a malformed line: the message for standard error.
        public let error: String?
        /// The verdict, nil for a malformed line.
        public let passed: Bool?
    }

    /// Scores one line (`number` is 1-based, for error messages).
    public func answer(line: UnsafeBufferPointer<UInt8>, number: Int) -> Answer {
        do {
            let request = try JSONLineRequest.parse(line)
            let context = ReplyContext(channel: request.channel ?? defaultContext.channel,
                                       mood: request.mood ?? defaultContext.mood)
            let card = scorer.score(request.text, context: context)
            var out: [UInt8] = []
            out.reserveCapacity(256 + card.findings.count * 320)
            ScorecardJSON.write(card, idJSON: request.idJSON, into: &out)
            out.append(0x0A)
            return Answer(json: out, error: nil, passed: card.passed)
        } catch {
            var out = Array(ScorecardJSON.errorLine(line: number, message: error.message).utf8)
            out.append(0x0A)
            return Answer(json: out, error: "line \(number): \(error.message)", passed: nil)
        }
    }

    /// Scores all lines of `input`, blank lines skipped, and hands each block of answers to
    /// `emit` in input order. Returns how many lines were malformed.
    public func run(input: [UInt8], blockSize: Int = 4096, emit: ([Answer]) -> Void) -> Int {
        var lines: [(range: Range<Int>, number: Int)] = []
        var start = 0, number = 1
        for (i, byte) in input.enumerated() where byte == 0x0A {
            lines.append((start..<i, number))
            start = i + 1
            number += 1
        }
        if start < input.count { lines.append((start..<input.count, number)) }
        lines.removeAll { range, _ in input[range].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }

        var malformed = 0
        input.withUnsafeBufferPointer { buffer in
            var blockStart = 0
            while blockStart < lines.count {
                let block = lines[blockStart..<min(blockStart + blockSize, lines.count)]
                let answers = answerInParallel(block, buffer: buffer)
                malformed += answers.reduce(0) { $0 + ($1.error == nil ? 0 : 1) }
                emit(answers)
                blockStart += blockSize
            }
        }
        return malformed
    }

    private func answerInParallel(_ block: ArraySlice<(range: Range<Int>, number: Int)>,
                                  buffer: UnsafeBufferPointer<UInt8>) -> [Answer] {
        let slots = Slots(count: block.count)
        let lines = Array(block)
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, max(1, lines.count / 64))
        // The input buffer outlives this call and is only read; it travels to the workers as an
        // address because an UnsafeBufferPointer is not Sendable.
        let base = UInt(bitPattern: buffer.baseAddress)
        let length = buffer.count
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let input = UnsafeBufferPointer(start: UnsafePointer<UInt8>(bitPattern: base), count: length)
            var k = worker
            while k < lines.count {
                let line = lines[k]
                slots.set(k, answer(line: UnsafeBufferPointer(rebasing: input[line.range]), number: line.number))
                k += workers
            }
        }
        return slots.values
    }
}

/// One slot per answer; each is written by exactly one worker, then read after all finish.
private final class Slots: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<BatchChecker.Answer?>
    init(count: Int) { storage = .allocate(capacity: count); storage.initialize(repeating: nil) }
    deinit { storage.deinitialize(); storage.deallocate() }
    func set(_ index: Int, _ answer: BatchChecker.Answer) { storage[index] = answer }
    var values: [BatchChecker.Answer] { storage.map { $0! } }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cuts a stream of bytes into blocks of complete lines as they arrive, in bounded memory.
///
/// Each read takes what is there (and whatever more is ready at once, up to a block), and
/// the complete lines read so far are handed on before waiting again: a line that arrives
/// alone on an open pipe is answered at once, while a file is read in large blocks that keep
/// every core busy. Memory stays below `maxLineBytes` plus a block: a longer line is reported
/// where it stands and its bytes are dropped as they come, never held whole.
public struct LineBlockReader {
    /// One line of the current block: its bytes in the block's buffer and its 1-based number.
    public struct Line: Sendable {
        public let range: Range<Int>
        public let number: Int
    }

    /// What the reader hands on, in input order.
    public enum Event {
        /// Complete lines, blank ones left out; the buffer is valid only during the call.
        case lines(UnsafeBufferPointer<UInt8>, [Line])
        /// A line longer than `maxLineBytes`: answered in place, its bytes skipped.
        case tooLong(number: Int)
    }

    public struct ReadError: Error, Sendable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    public let maxLineBytes: Int
    public let blockBytes: Int

    public init(maxLineBytes: Int = 1 << 20, blockBytes: Int = 256 << 10) {
        precondition(maxLineBytes > 0 && blockBytes > 0)
        self.maxLineBytes = maxLineBytes
        self.blockBytes = blockBytes
    }

    /// Reads `fd` to its end. A descriptor in non-blocking mode is waited on with poll(2).
    public func run(fd: Int32, _ body: (Event) throws -> Void) throws {
        try run(source: { buffer, wait in try Self.read(fd, into: buffer, wait: wait) }, body)
    }

    /// Reads bytes already in memory, as if they came from a descriptor.
    public func run(bytes: [UInt8], _ body: (Event) throws -> Void) throws {
        var offset = 0
        try bytes.withUnsafeBufferPointer { input in
            try run(source: { buffer, _ in
                let count = min(buffer.count, input.count - offset)
                if count > 0 { buffer.baseAddress!.update(from: input.baseAddress! + offset, count: count) }
                offset += count
                return count
            }, body)
        }
    }

    /// `source` fills the buffer it is given and returns the byte count, 0 at the end, or nil
    /// when nothing is ready and `wait` was false.
    private func run(source: (UnsafeMutableBufferPointer<UInt8>, _ wait: Bool) throws -> Int?,
                     _ body: (Event) throws -> Void) throws {
        let limit = maxLineBytes + blockBytes
        var capacity = min(limit, max(blockBytes, 4096))
        var buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var filled = 0
        /// Bytes before this offset hold no line break (the kept part of an unfinished line).
        var scanned = 0
        var number = 1
        var skipping = false
        var atEnd = false

        while true {
            if filled == capacity {
                // Only an unfinished line of at most `maxLineBytes` is ever kept, so there is room to grow.
                let grown = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: min(limit, capacity * 2))
                _ = grown.initialize(from: buffer[0..<filled])
                buffer.deallocate()
                buffer = grown
                capacity = grown.count
            }
            // Wait for some input, then take whatever else is ready, up to a block.
            var fresh = 0
            while fresh < blockBytes && filled < capacity {
                let room = UnsafeMutableBufferPointer(rebasing: buffer[filled..<min(capacity, filled + blockBytes - fresh)])
                guard let count = try source(room, fresh == 0) else { break }
                if count == 0 { atEnd = true; break }
                filled += count
                fresh += count
            }

            var lines: [Line] = []
            var start = 0
            var position = scanned
            while position < filled {
                guard let found = memchr(buffer.baseAddress! + position, 0x0A, filled - position) else { break }
                let end = buffer.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if skipping {
                    // The rest of a line already answered as too long.
                    skipping = false
                } else if end - start > maxLineBytes {
                    try flush(&lines, buffer, body)
                    try body(.tooLong(number: number))
                    number += 1
                } else {
                    if !Self.isBlank(buffer, start..<end) { lines.append(Line(range: start..<end, number: number)) }
                    number += 1
                }
                start = end + 1
                position = start
            }
            let rest = filled - start
            if atEnd {
                // The last line may lack its line break.
                if rest > 0 && !skipping {
                    if rest > maxLineBytes {
                        try flush(&lines, buffer, body)
                        try body(.tooLong(number: number))
                    } else if !Self.isBlank(buffer, start..<filled) {
                        lines.append(Line(range: start..<filled, number: number))
                    }
                }
                try flush(&lines, buffer, body)
                return
            }
            try flush(&lines, buffer, body)
            if skipping || rest > maxLineBytes {
                // Too long to keep: answered now, and its bytes dropped until its end arrives.
                if !skipping {
                    try body(.tooLong(number: number))
                    number += 1
                    skipping = true
                }
                filled = 0
            } else {
                if start > 0 && rest > 0 { memmove(buffer.baseAddress!, buffer.baseAddress! + start, rest) }
                filled = rest
            }
            scanned = filled
        }
    }

    private func flush(_ lines: inout [Line], _ buffer: UnsafeMutableBufferPointer<UInt8>, _ body: (Event) throws -> Void) throws {
        guard !lines.isEmpty else { return }
        try body(.lines(UnsafeBufferPointer(buffer), lines))
        lines.removeAll(keepingCapacity: true)
    }

    /// Spaces, tabs and carriage returns only: skipped without an answer, as an empty line is.
    private static func isBlank(_ buffer: UnsafeMutableBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        for i in range where !(buffer[i] == 0x20 || buffer[i] == 0x09 || buffer[i] == 0x0D) { return false }
        return true
    }

    /// read(2), retried after a signal; in non-blocking mode, nil when nothing is ready and
    /// `wait` is false, else poll(2) until something is.
    private static func read(_ fd: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>, wait: Bool) throws -> Int? {
        if !wait {
            // Take more only if it is there already: a slow writer must not delay the answers.
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 0) > 0 else { return nil }
        }
        while true {
            #if canImport(Glibc)
            let count = Glibc.read(fd, buffer.baseAddress, buffer.count)
            #else
            let count = Darwin.read(fd, buffer.baseAddress, buffer.count)
            #endif
            if count >= 0 { return count }
            switch errno {
            case EINTR:
                continue
            case EAGAIN, EWOULDBLOCK:
                guard wait else { return nil }
                var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                _ = poll(&poller, 1, -1)
            default:
                throw ReadError(message: String(cString: strerror(errno)))
            }
        }
    }
}

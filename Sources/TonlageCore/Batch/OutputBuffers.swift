import Synchronization

/// Output buffers handed back once their answers are written, for the next block's workers.
///
/// Each chunk of answers is written into a buffer of tens of kilobytes. Freed after every
/// block, they let the allocator give their pages back to the system, and the next block
/// faulted them in again: a twentieth of the batch's CPU time went to the kernel (measured on
/// 1,000,000 lines: 0.5–0.7 s of system time, 0.05 s with the buffers reused).
final class OutputBuffers: Sendable {
    private let free = Mutex<[[UInt8]]>([])
    /// Enough for the chunks of a few blocks; more would only hold memory.
    private let limit: Int

    init(limit: Int = 256) { self.limit = limit }

    /// An empty buffer with room for at least `capacity` bytes: one given back earlier, if any.
    func take(capacity: Int) -> [UInt8] {
        var buffer = free.withLock { $0.popLast() } ?? []
        buffer.removeAll(keepingCapacity: true)
        buffer.reserveCapacity(capacity)
        return buffer
    }

    /// Keeps `buffer` for a later `take`, unless enough are kept already or it is too small to matter.
    func giveBack(_ buffer: [UInt8]) {
        guard buffer.capacity >= 4096 else { return }
        free.withLock { kept in
            if kept.count < limit { kept.append(buffer) }
        }
    }
}

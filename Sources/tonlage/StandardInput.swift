import Foundation

/// Standard input as bytes, read with read(2). `FileHandle` crashes on a read error (standard
/// input a directory), and `Swift.readLine` replaces invalid UTF-8 unseen; here the bytes
/// arrive as sent, for `InputHygiene` to judge, and a read error is an I/O error (exit 3).
enum StandardInput {
    /// Everything up to end of input.
    static func readAll() -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while let count = read(into: &chunk) {
            bytes += chunk[..<count]
        }
        return bytes
    }

    /// One chunk; nil at end of input.
    static func read(into chunk: inout [UInt8]) -> Int? {
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count > 0 { return count }
            if count == 0 { return nil }
            if errno == EINTR { continue }
            SystemError(description: "cannot read standard input: " + String(cString: strerror(errno))).exit()
        }
    }

    /// Lines as they come, without "\n" or "\r\n".
    struct Lines {
        private var pending: [UInt8] = []
        private var chunk = [UInt8](repeating: 0, count: 1 << 16)
        private var ended = false

        mutating func next() -> [UInt8]? {
            var searched = 0
            while true {
                if let newline = pending[searched...].firstIndex(of: 0x0A) {
                    var line = Array(pending[..<newline])
                    pending.removeSubrange(...newline)
                    if line.last == 0x0D { line.removeLast() }
                    return line
                }
                searched = pending.count
                guard !ended, let count = StandardInput.read(into: &chunk) else {
                    ended = true
                    guard !pending.isEmpty else { return nil }
                    defer { pending = [] }
                    return pending
                }
                pending += chunk[..<count]
            }
        }
    }
}

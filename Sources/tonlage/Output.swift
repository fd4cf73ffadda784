import Foundation

/// Standard output and standard error, for every command.
///
/// Everything goes straight to write(2): `FileHandle.write` and `print` either crash (a
/// `try!` inside Foundation raises SIGILL on a closed descriptor or a full disk) or drop the
/// error unseen. What a failed write to standard output means here:
/// - EPIPE: the reader has what it wanted (`| head`). The command ends at once, says nothing,
///   and exits with the code it has earned so far (`earned(_:)`), as the contract's codes go.
/// - EBADF: standard output was closed at start (`>&-`); `prepare()` put /dev/null there, so
///   the command runs to its end as with `>/dev/null`. Should it still happen, output is dropped.
/// - anything else (ENOSPC, EIO, EFBIG): one line on standard error and exit 3.
/// A failed write to standard error is ignored: there is nowhere left to complain.
enum Output {
    /// Call before anything else runs.
    static func prepare() {
        // EPIPE from write(2) is handled; the signal would kill the process first.
        signal(SIGPIPE, SIG_IGN)
        // A file size limit (`ulimit -f`) is an I/O error (EFBIG, exit 3), not a kill.
        signal(SIGXFSZ, SIG_IGN)
        // A closed standard descriptor would be handed to the next file opened (the guide, the
        // store's journal) and output would land in that file. /dev/null holds its place.
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let null = open("/dev/null", descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY)
            if null >= 0 && null != descriptor {
                dup2(null, descriptor)
                close(null)
            }
        }
    }

    /// The exit code the command has earned so far: used when the reader leaves early.
    static func earned(_ code: Int32) {
        state.withLock { $0 = code }
    }

    static func out(_ text: String) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    static func out(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { write($0) }
    }

    static func out(_ data: Data) {
        data.withUnsafeBytes { write($0) }
    }

    /// Text for standard error, shown visibly: messages quote file names and user input.
    static func err(_ text: String) {
        var shown = InputHygiene.visible(text, keepingLineBreaks: true)
        _ = shown.withUTF8 { writeAll(STDERR_FILENO, UnsafeRawBufferPointer($0)) }
    }

    /// One line on standard error, after the program's name.
    static func message(_ text: String) {
        err("tonlage: " + text + "\n")
    }

    /// Ends the process with one of the contract's codes.
    static func exit(_ code: Int32) -> Never {
        Foundation.exit(code)
    }

    private static func write(_ bytes: UnsafeRawBufferPointer) {
        let failure = writeAll(STDOUT_FILENO, bytes)
        switch failure {
        case 0, EBADF:
            return
        case EPIPE:
            exit(state.withLock { $0 })
        default:
            message("cannot write to standard output: " + String(cString: strerror(failure)))
            exit(3)
        }
    }

    /// Writes every byte; 0, or the errno that stopped it.
    private static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
        guard var next = bytes.baseAddress else { return 0 }
        var left = bytes.count
        while left > 0 {
            let written = Foundation.write(descriptor, next, left)
            if written > 0 {
                next += written
                left -= written
                continue
            }
            let failure = written == 0 ? EIO : errno
            switch failure {
            case EINTR:
                continue
            case EAGAIN, EWOULDBLOCK:
                // A descriptor another program left non-blocking: wait until it takes more.
                var poller = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                _ = poll(&poller, 1, -1)
            default:
                return failure
            }
        }
        return 0
    }

    private static let state = Locked<Int32>(0)
}

/// A value set and read from any thread (the earned exit code, files being written).
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Keeps the input being run where a signal handler can reach it, so that an input that
/// crashes the process (a trap, a stack overflow) is written to disk before the process dies.
///
/// The handler may only call async-signal-safe functions: the file name and the input sit in
/// buffers allocated up front, and it writes them with open(2) and write(2).
enum CrashKeeper {
    private static let capacity = 1 << 21
    nonisolated(unsafe) private static var input = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    nonisolated(unsafe) private static var length = 0
    nonisolated(unsafe) private static var path = UnsafeMutablePointer<CChar>.allocate(capacity: 4096)

    /// Handlers for the signals a crash raises, on a stack of their own (a stack overflow
    /// leaves none to run on).
    static func install(crashFile: String) {
        _ = crashFile.withCString { strncpy(path, $0, 4095) }
        path[4095] = 0
        var stack = stack_t()
        stack.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: 1 << 16, alignment: 16)
        stack.ss_size = 1 << 16
        stack.ss_flags = 0
        sigaltstack(&stack, nil)
        for signal in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                let fd = open(CrashKeeper.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                if fd >= 0 {
                    _ = write(fd, CrashKeeper.input, CrashKeeper.length)
                    close(fd)
                }
                Glibc.signal(signal, SIG_DFL)
                raise(signal)
            }
            action.sa_flags = Int32(SA_ONSTACK) | Int32(bitPattern: UInt32(SA_RESETHAND))
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
    }

    /// Inputs started so far: the watchdog reads it without a lock, a stale value only
    /// delays it by a tick.
    nonisolated(unsafe) private static var started = 0

    static func keep(_ bytes: [UInt8]) {
        let count = min(bytes.count, capacity)
        bytes.withUnsafeBufferPointer { input.update(from: $0.baseAddress!, count: count) }
        length = count
        started += 1
    }

    /// An input still running after `seconds` is a hang: kept under `hangFile`, and the
    /// process ends with status 3.
    static func watch(hangFile: String, seconds: Int) {
        let thread = Thread {
            var last = -1
            var since = 0
            while true {
                sleep(1)
                let now = started
                if now != last { last = now; since = 0; continue }
                since += 1
                if since >= seconds {
                    let fd = open(hangFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                    if fd >= 0 { _ = write(fd, input, length); close(fd) }
                    FileHandle.standardError.write(Data("an input ran for \(seconds) s: kept as \(hangFile)\n".utf8))
                    exit(3)
                }
            }
        }
        thread.start()
    }
}

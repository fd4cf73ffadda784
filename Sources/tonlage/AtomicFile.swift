import Dispatch
import Foundation

/// The files commands write (certificates, summaries, JUnit, the dashboard, keys), whole or
/// not at all: written to a new file in the same folder, flushed to the disk (fsync), then
/// renamed over the old one. A full disk, a crash or a kill leaves the old file as it was and
/// never a cut one; the temporary file is removed on failure and on SIGTERM, SIGINT or SIGHUP
/// (`removeTemporaryFilesOnSignals`). Errors name the system's reason ("File name too long",
/// "No space left on device") through write(2), where Foundation says only that the operation
/// could not be completed.
enum AtomicFile {
    /// Writes `data` to `path` with `mode`. With `replacing` false an existing file is kept
    /// and the write fails with EEXIST. An I/O error (exit 3) on failure.
    static func write(_ data: Data, to path: String, mode: mode_t = 0o644, replacing: Bool = true) throws(SystemError) {
        let folder = (path as NSString).deletingLastPathComponent
        // A name of its own length, not the target's plus a suffix: a target name near the
        // 255-byte limit must fail for being too long, not because of its temporary file.
        var template = Array(((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(".tonlage-XXXXXX").utf8CString)
        let temporary: String
        let descriptor: Int32 = pending.withLock { names in
            let descriptor = mkstemp(&template)
            if descriptor >= 0 { names.insert(Self.string(template)) }
            return descriptor
        }
        guard descriptor >= 0 else { throw failure(path) }
        temporary = Self.string(template)
        var failed: SystemError?
        if fchmod(descriptor, mode) != 0 { failed = failure(path) }
        data.withUnsafeBytes { bytes in
            var offset = 0
            while failed == nil && offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written > 0 {
                    offset += written
                } else if !(written < 0 && errno == EINTR) {
                    failed = failure(path)
                }
            }
        }
        if failed == nil && fsync(descriptor) != 0 { failed = failure(path) }
        // Some file systems report a full disk only when the file is closed.
        if close(descriptor) != 0 && failed == nil { failed = failure(path) }
        pending.withLock { names in
            if failed == nil {
                if replacing {
                    if rename(temporary, path) != 0 { failed = failure(path) }
                } else if link(temporary, path) != 0 {
                    failed = failure(path)
                }
            }
            unlink(temporary)
            names.remove(temporary)
        }
        if let failed { throw failed }
        syncFolder(folder.isEmpty ? "." : folder)
    }

    private static func string(_ template: [CChar]) -> String {
        String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The rename itself is on the disk only once the folder is.
    private static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    private static func failure(_ path: String) -> SystemError {
        let code = errno == 0 ? EIO : errno
        return SystemError(description: "cannot write \(path): " + String(cString: strerror(code)), code: code)
    }

    /// Temporary files being written now; renamed or removed under the same lock.
    private static let pending = Locked<Set<String>>([])

    /// On SIGTERM, SIGINT or SIGHUP: removes the temporary files and ends as the signal
    /// would have. For commands that write files and read no terminal.
    static func removeTemporaryFilesOnSignals() {
        for number in [SIGTERM, SIGINT, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                // Taking the lock waits for a rename under way, and keeps the next from starting.
                pending.withLock { names in
                    for name in names { unlink(name) }
                    // Ended by the signal itself, on this thread: dispatch's threads, and a
                    // process started with signals blocked, would otherwise leave it pending.
                    signal(number, SIG_DFL)
                    var unblocked = sigset_t()
                    sigemptyset(&unblocked)
                    sigaddset(&unblocked, number)
                    pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
                    raise(number)
                    _exit(128 + number)
                }
            }
            source.resume()
            sources.withLock { $0.append(source) }
        }
    }

    /// The signal sources, kept for the life of the process.
    private static let sources = Locked<[any DispatchSourceSignal]>([])
}

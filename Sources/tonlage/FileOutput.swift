import Foundation

/// The files commands write (certificates, summaries, JUnit, the dashboard), with write(2):
/// a failure then names the system's reason ("File name too long", "No space left on
/// device"), where Foundation says only that the operation could not be completed.
enum FileOutput {
    /// Writes `data` to `path`, replacing what was there; an I/O error (exit 3) on failure.
    static func write(_ data: Data, to path: String) throws(SystemError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(path) }
        var failed: SystemError?
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    failed = failure(path)
                    return
                }
            }
        }
        // Some file systems report a full disk only when the file is closed.
        if close(descriptor) != 0 && failed == nil { failed = failure(path) }
        if let failed { throw failed }
    }

    private static func failure(_ path: String) -> SystemError {
        SystemError(description: "cannot write \(path): " + String(cString: strerror(errno == 0 ? EIO : errno)))
    }
}

import Foundation

/// An I/O or internal error (a full disk, a file name too long, a failing database): one
/// message on standard error and exit code 3, so that 1 keeps meaning "failed the guide".
struct SystemError: Error, CustomStringConvertible {
    let description: String
    /// The errno behind it, when a system call failed.
    var code: Int32?

    /// Foundation's file errors read as "The operation could not be completed"; the path and
    /// the system's reason say more.
    init(_ action: String, _ error: any Error) {
        let nsError = error as NSError
        var reason = nsError.localizedDescription
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            reason = String(cString: strerror(Int32(underlying.code)))
        } else if nsError.domain == NSPOSIXErrorDomain {
            reason = String(cString: strerror(Int32(nsError.code)))
        }
        description = action + ": " + reason
    }

    init(description: String, code: Int32? = nil) {
        self.description = description
        self.code = code
    }

    /// Prints the message and exits 3.
    func exit() -> Never {
        Output.message(description)
        Output.exit(ExitStatus.ioError)
    }
}

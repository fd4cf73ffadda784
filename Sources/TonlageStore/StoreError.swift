import Foundation
import GRDB

/// What went wrong with the progress store, in words for the person at the terminal instead
/// of SQLite's or the server's codes, and whether it is the store given (bad input) or the
/// system (I/O).
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable {
        /// Migrated by a newer Tonlage: refused before anything is written.
        case newerSchema
        /// Left by an older Tonlage, and opened read-only, so it cannot be brought up to date.
        case olderSchema
        /// Not an SQLite database at all.
        case notAStore
        /// Nothing there to read.
        case missing
        /// `--store` or `TONLAGE_STORE` is neither a path nor a usable PostgreSQL URL.
        case badLocation
        /// The database server cannot be reached (refused, lost, timed out): writes wait in the spool.
        case unavailable
        /// SQLite, the server or the file system failed: a full disk, a file name too long, no permission.
        case failed
    }

    public let kind: Kind
    public let path: String
    public let description: String

    /// The store given cannot be used (exit 2), as opposed to the system failing (exit 3).
    public var isBadInput: Bool { kind != .failed && kind != .unavailable }

    public init(kind: Kind, path: String, description: String) {
        self.kind = kind
        self.path = path
        self.description = description
    }

    /// Any error met while opening, reading or writing the store at `path`.
    public init(_ error: any Error, path: String, action: String) {
        if let error = error as? StoreError {
            self = error
            return
        }
        self.path = path
        guard let error = error as? DatabaseError else {
            kind = .failed
            let nsError = error as NSError
            let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError
            let reason = underlying?.domain == NSPOSIXErrorDomain ? String(cString: strerror(Int32(underlying!.code)))
                : nsError.localizedDescription
            description = Self.sentence(action, path, reason)
            return
        }
        kind = error.resultCode == .SQLITE_NOTADB ? .notAStore : .failed
        // SQLite's message says what happened ("database or disk is full"); the SQL does not help.
        var reason = kind == .notAStore ? "the file is not a Tonlage progress store"
            : (error.message ?? "SQLite error \(error.resultCode.rawValue)")
        if error.resultCode == .SQLITE_CANTOPEN, let cause = Self.cause(opening: path) {
            reason += " (\(cause))"
        }
        description = Self.sentence(action, path, reason)
    }

    /// SQLite says only "unable to open database file"; the system's reason says what to fix
    /// (a file name too long, no permission).
    private static func cause(opening path: String) -> String? {
        guard !path.isEmpty else { return nil }
        let descriptor = open(path, O_RDWR)
        if descriptor >= 0 {
            close(descriptor)
            return nil
        }
        return String(cString: strerror(errno))
    }

    private static func sentence(_ action: String, _ path: String, _ reason: String) -> String {
        action + (path.isEmpty ? "" : " " + path) + ": " + reason
    }

    /// Errors that were not wrapped where they happened (a store's path is then unknown).
    public init?(_ error: any Error) {
        guard error is StoreError || error is DatabaseError else { return nil }
        self.init(error, path: "", action: "the progress store failed")
    }
}

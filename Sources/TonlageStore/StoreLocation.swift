import Foundation

/// Where the progress store is: an SQLite file (a path, or `sqlite:PATH`) or a PostgreSQL
/// database (`postgres://user:password@host:port/db?sslmode=…`, also `postgresql://`).
public enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresAddress)

    /// How a PostgreSQL connection is encrypted, as libpq's `sslmode` says it.
    public enum SSLMode: String, Sendable, CaseIterable {
        /// Plain text only.
        case disable
        /// Encrypted when the server offers it, else plain (libpq's default).
        case prefer
        /// Encrypted or no connection; the server's certificate is not checked.
        case require
        /// Encrypted, the certificate checked against the system's roots and the host name.
        case verifyFull = "verify-full"
    }

    public struct PostgresAddress: Sendable, Equatable {
        public var host: String
        public var port: Int
        /// A folder with the server's Unix socket (`?host=/run/postgresql`), used instead of TCP.
        public var socketDirectory: String?
        public var user: String
        public var password: String?
        public var database: String
        public var sslMode: SSLMode

        public init(host: String = "localhost", port: Int = 5432, socketDirectory: String? = nil, user: String,
                    password: String? = nil, database: String, sslMode: SSLMode = .prefer) {
            self.host = host
            self.port = port
            self.socketDirectory = socketDirectory
            self.user = user
            self.password = password
            self.database = database
            self.sslMode = sslMode
        }

        /// The address with another database (tests make one each).
        public func with(database: String) -> PostgresAddress {
            var copy = self
            copy.database = database
            return copy
        }
    }

    /// Parses `--store` / `TONLAGE_STORE`: a URL with the `postgres` or `postgresql` scheme is a
    /// PostgreSQL database; `sqlite:PATH` or any other text is the path of an SQLite file.
    public init(parsing text: String) throws {
        let lower = text.lowercased()
        if lower.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path = String(path.dropFirst(2)) }
            guard !path.isEmpty else { throw Self.invalid(text, "sqlite: needs a path, as in sqlite:/data/progress.sqlite") }
            self = .sqlite(path: path)
            return
        }
        guard lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") else {
            self = .sqlite(path: text)
            return
        }
        guard let url = URLComponents(string: text) else { throw Self.invalid(text, "not a valid URL") }
        var query: [String: String] = [:]
        for item in url.queryItems ?? [] { query[item.name] = item.value ?? "" }
        let socket = query["host"].flatMap { $0.hasPrefix("/") ? $0 : nil }
        let host = url.host.flatMap { $0.isEmpty ? nil : $0 } ?? query["host"].flatMap { $0.hasPrefix("/") ? nil : $0 } ?? "localhost"
        guard let user = url.user.flatMap({ $0.removingPercentEncoding }) ?? query["user"], !user.isEmpty else {
            throw Self.invalid(text, "the URL names no user, as in postgres://tonlage:secret@db.example:5432/tonlage")
        }
        let database = String(url.path.drop { $0 == "/" }).removingPercentEncoding ?? ""
        guard !database.isEmpty else { throw Self.invalid(text, "the URL names no database, as in postgres://tonlage@host/tonlage") }
        let mode: SSLMode
        if let raw = query["sslmode"] {
            guard let known = SSLMode(rawValue: raw) else {
                throw Self.invalid(text, "sslmode=\(raw) is not one of " + SSLMode.allCases.map(\.rawValue).joined(separator: ", "))
            }
            mode = known
        } else {
            mode = .prefer
        }
        if let unknown = query.keys.first(where: { !["sslmode", "host", "user", "password"].contains($0) }) {
            throw Self.invalid(text, "unknown parameter `\(unknown)` (known: sslmode, host, user, password)")
        }
        self = .postgres(PostgresAddress(host: host, port: url.port ?? 5432, socketDirectory: socket, user: user,
                                         password: url.password.flatMap { $0.removingPercentEncoding } ?? query["password"],
                                         database: database, sslMode: mode))
    }

    private static func invalid(_ text: String, _ reason: String) -> StoreError {
        StoreError(kind: .badLocation, path: redacted(text), description: "the store \(redacted(text)) cannot be used: \(reason)")
    }

    /// The text with a URL's password replaced by `***`, for messages.
    static func redacted(_ text: String) -> String {
        guard var url = URLComponents(string: text), url.password != nil else { return text }
        url.password = "***"
        return url.string ?? text
    }

    /// For messages: the path, or the URL without its password.
    public var description: String {
        switch self {
        case let .sqlite(path): return path
        case let .postgres(address):
            let place = address.socketDirectory.map { "?host=\($0)" } ?? ""
            let host = address.socketDirectory == nil ? "\(address.host):\(address.port)" : ""
            let auth = address.password == nil ? address.user : address.user + ":***"
            let ssl = address.sslMode == .prefer ? "" : (place.isEmpty ? "?" : "&") + "sslmode=\(address.sslMode.rawValue)"
            return "postgres://\(auth)@\(host)/\(address.database)\(place)\(ssl)"
        }
    }

    /// The same place written as a key for file names (the spool of pending writes).
    public var key: String {
        switch self {
        case let .sqlite(path):
            return "sqlite:" + ((path as NSString).isAbsolutePath ? path
                : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path))
        case let .postgres(address):
            return "postgres:\(address.user)@\(address.socketDirectory ?? address.host):\(address.port)/\(address.database)"
        }
    }
}

import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO
import Synchronization

/// The progress store in a PostgreSQL database, through PostgresNIO: one database a team
/// shares, written by every trainee's process at once.
///
/// PostgresNIO is asynchronous and Tonlage's front ends are not: each statement runs on the
/// store's own event loop thread and the caller waits for it (a command-line process has
/// nothing else to do meanwhile). A lost connection is opened again on the next statement.
public final class PostgresStore: RelationalStore, @unchecked Sendable {
    let postgres: PostgresDatabase

    /// Connects, and (unless `readOnly`) creates or migrates the schema. A database migrated
    /// by a newer Tonlage is refused, as an SQLite file is.
    public init(address: StoreLocation.PostgresAddress, readOnly: Bool = false) throws {
        postgres = PostgresDatabase(address: address, readOnly: readOnly)
        super.init(location: .postgres(address), database: postgres)
        try postgres.prepareSchema(readOnly: readOnly)
    }

    deinit {
        postgres.close()
    }
}

/// Connection, transactions and statements for PostgreSQL.
final class PostgresDatabase: SQLDatabase {
    let address: StoreLocation.PostgresAddress
    let readOnly: Bool
    private let connection = Mutex<PostgresConnection?>(nil)
    private let logger = Logger(label: "tonlage.store", factory: { _ in SwiftLogNoOpLogHandler() })
    var dialect: SQLDialect { .postgres }

    /// The store's own event loop: one thread, for the life of the process.
    static let eventLoops = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    /// The advisory lock that serialises migrations of one database across processes.
    static let migrationLock = 0x746F_6E6C

    init(address: StoreLocation.PostgresAddress, readOnly: Bool) {
        self.address = address
        self.readOnly = readOnly
    }

    var location: String { StoreLocation.postgres(address).description }

    /// One statement outside any transaction (`CREATE DATABASE` cannot run in one).
    func executeAlone(_ sql: String) throws {
        do {
            try Statements(connection: try connected(), logger: logger).execute(sql)
        } catch {
            throw describe(error, action: "cannot run a statement on")
        }
    }

    func close() {
        let open = connection.withLock { current -> PostgresConnection? in
            defer { current = nil }
            return current
        }
        _ = try? open?.close().wait()
    }

    func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try transaction(action: "cannot read the progress store", body)
    }

    func write<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try transaction(action: "cannot write to the progress store", body)
    }

    /// BEGIN, the body, COMMIT; ROLLBACK when the body fails. A connection that broke on the
    /// way is dropped, so that the next transaction connects anew.
    private func transaction<T>(action: String, _ body: (any SQLConnection) throws -> T) throws -> T {
        let open: PostgresConnection
        do {
            open = try connected()
        } catch {
            throw describe(error, action: action)
        }
        let statements = Statements(connection: open, logger: logger)
        do {
            try statements.execute("BEGIN")
            let result = try body(statements)
            try statements.execute("COMMIT")
            return result
        } catch {
            if open.isClosed {
                connection.withLock { if $0 === open { $0 = nil } }
            } else {
                try? statements.execute("ROLLBACK")
            }
            throw describe(error, action: action)
        }
    }

    /// The open connection, or a new one.
    private func connected() throws -> PostgresConnection {
        if let open = connection.withLock({ $0 }), !open.isClosed { return open }
        var configuration: PostgresConnection.Configuration
        if let folder = address.socketDirectory {
            configuration = .init(unixSocketPath: (folder as NSString).appendingPathComponent(".s.PGSQL.\(address.port)"),
                                  username: address.user, password: address.password, database: address.database)
        } else {
            configuration = .init(host: address.host, port: address.port, username: address.user, password: address.password,
                                  database: address.database, tls: try tls())
        }
        configuration.options.connectTimeout = .seconds(5)
        var startup = [("application_name", "tonlage")]
        // A reader never changes the store, whatever it runs.
        if readOnly { startup.append(("default_transaction_read_only", "on")) }
        configuration.options.additionalStartupParameters = startup
        let open = try PostgresConnection.connect(on: Self.eventLoops.next(), configuration: configuration, id: 1,
                                                  logger: logger).wait()
        let previous = connection.withLock { current -> PostgresConnection? in
            defer { current = open }
            return current
        }
        _ = try? previous?.close().wait()
        return open
    }

    private func tls() throws -> PostgresConnection.Configuration.TLS {
        switch address.sslMode {
        case .disable:
            return .disable
        case .prefer, .require:
            // libpq's meaning: encrypted, but the certificate is not checked.
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.certificateVerification = .none
            let context = try NIOSSLContext(configuration: configuration)
            return address.sslMode == .prefer ? .prefer(context) : .require(context)
        case .verifyFull:
            return .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
    }

    /// Creates the schema, or brings it up to date, under a lock that other processes
    /// migrating the same database wait for; refuses a newer schema.
    func prepareSchema(readOnly: Bool) throws {
        let action = "cannot open the progress store"
        try transaction(action: action) { db in
            if !readOnly {
                try db.execute("SELECT pg_advisory_xact_lock(\(Self.migrationLock))")
                try db.execute("CREATE TABLE IF NOT EXISTS tonlage_migrations (identifier TEXT PRIMARY KEY, appliedAt TEXT NOT NULL)")
            } else if try db.query("SELECT to_regclass('tonlage_migrations') IS NOT NULL AS present").first?.bool("present") != true {
                throw StoreError(kind: .notAStore, path: location,
                                 description: "\(location) holds no Tonlage progress store: play or certify into it first")
            }
            let applied = Set(try db.query("SELECT identifier FROM tonlage_migrations").compactMap { $0.string("identifier") })
            let missing = Self.migrations.filter { !applied.contains($0.identifier) }
            try RelationalStore.checkVersions(applied, complete: missing.isEmpty, readOnly: readOnly, location: location)
            for migration in missing {
                // One statement at a time: the extended protocol takes no lists.
                for statement in migration.sql.split(separator: ";") where !statement.allSatisfy(\.isWhitespace) {
                    try db.execute(String(statement))
                }
                for identifier in migration.records {
                    try db.execute("INSERT INTO tonlage_migrations (identifier, appliedAt) VALUES (?, ?)",
                                   [identifier, RelationalStore.timestamp(Date())])
                }
            }
        }
    }

    /// PostgreSQL stores start at v4, the first schema they share with SQLite; it stands for
    /// the earlier identifiers too, so that both list the same versions.
    static let migrations: [(identifier: String, records: [String], sql: String)] = [
        ("v4", ["v1", "v2", "v3", "v4"], Schema.postgresV4),
        ("v5", ["v5"], Schema.postgresV5),
    ]

    /// The server's or the network's error as a `StoreError`: a server that cannot be reached
    /// is `unavailable` (writes wait in the spool), anything else `failed`.
    private func describe(_ error: any Error, action: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? PSQLError else {
            return StoreError(kind: .unavailable, path: location,
                              description: "\(action) \(location): the server cannot be reached (\(Self.reason(error)))")
        }
        if let info = error.serverInfo {
            let message = info[.message] ?? "server error"
            let code = info[.sqlState] ?? ""
            // 3D000: no such database; 28xxx: authentication; 57P0x: the server shuts down.
            let kind: StoreError.Kind = code == "3D000" ? .missing : (code.hasPrefix("57P") ? .unavailable : .failed)
            return StoreError(kind: kind, path: location, description: "\(action) \(location): \(message)")
        }
        switch error.code {
        case .connectionError, .serverClosedConnection, .uncleanShutdown, .clientClosedConnection, .sslUnsupported:
            let cause = error.underlying.map(Self.reason) ?? "\(error.code)"
            return StoreError(kind: .unavailable, path: location,
                              description: "\(action) \(location): the server cannot be reached (\(cause))")
        default:
            return StoreError(kind: .failed, path: location, description: "\(action) \(location): \(error.code)")
        }
    }

    private static func reason(_ error: any Error) -> String {
        if let error = error as? IOError { return String(cString: strerror(error.errnoCode)) }
        if let error = error as? ChannelError, case .connectTimeout = error { return "timed out" }
        return String(describing: error)
    }

    /// Statements on one connection, waited for.
    struct Statements: SQLConnection {
        let connection: PostgresConnection
        let logger: Logger

        func execute(_ sql: String, _ arguments: [any SQLArgument]) throws {
            _ = try connection.query(Self.query(sql, arguments), logger: logger).wait()
        }

        func query(_ sql: String, _ arguments: [any SQLArgument]) throws -> [SQLRow] {
            try connection.query(Self.query(sql, arguments), logger: logger).wait().map(Self.row)
        }

        /// `?` placeholders become `$1`, `$2`, …; string literals are left alone.
        static func query(_ sql: String, _ arguments: [any SQLArgument]) -> PostgresQuery {
            var text = ""
            text.reserveCapacity(sql.utf8.count + 16)
            var number = 0, quoted = false
            for character in sql {
                if character == "'" { quoted.toggle() }
                if character == "?" && !quoted {
                    number += 1
                    text += "$\(number)"
                } else {
                    text.append(character)
                }
            }
            var bindings = PostgresBindings(capacity: arguments.count)
            for argument in arguments {
                switch argument.sqlValue {
                case .null: bindings.appendNull()
                case let .int(value): bindings.append(value)
                case let .double(value): bindings.append(value)
                case let .text(value): bindings.append(value)
                case let .bool(value): bindings.append(value)
                }
            }
            return PostgresQuery(unsafeSQL: text, binds: bindings)
        }

        /// Cells by type: integers, floats and booleans as such, anything else (text, the
        /// schema's enums) as its text.
        static func row(_ row: PostgresRow) -> SQLRow {
            var values: [String: SQLValue] = [:]
            for cell in row {
                let name = cell.columnName.lowercased()
                guard var bytes = cell.bytes else {
                    values[name] = .null
                    continue
                }
                switch cell.dataType {
                case .int2: values[name] = bytes.readInteger(as: Int16.self).map { .int(Int64($0)) } ?? .null
                case .int4: values[name] = bytes.readInteger(as: Int32.self).map { .int(Int64($0)) } ?? .null
                case .int8: values[name] = bytes.readInteger(as: Int64.self).map { .int($0) } ?? .null
                case .float4, .float8: values[name] = (try? cell.decode(Double.self)).map { .double($0) } ?? .null
                case .bool: values[name] = .bool(bytes.readInteger(as: UInt8.self) == 1)
                default: values[name] = .text(bytes.readString(length: bytes.readableBytes) ?? "")
                }
            }
            return SQLRow(values: values)
        }
    }
}

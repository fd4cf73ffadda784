import Foundation
import GRDB

/// The progress store in an SQLite file (WAL mode), through GRDB: the default, with no set-up.
///
/// Every turn is committed in its own transaction the moment it is recorded, so a killed
/// process loses nothing that was already scored; several processes may write at once
/// (SQLite serialises the writers, a busy writer waits up to ten seconds).
public final class SQLiteStore: RelationalStore, @unchecked Sendable {
    let sqlite: SQLiteDatabase
    public let path: String

    /// Opens (and creates or migrates) the store at `path`; the folder is created if needed.
    ///
    /// With `readOnly`, the store is only read: no migration, no journal, and it works on a
    /// file the user may not write. Either way a store written by a newer Tonlage is refused
    /// (`StoreError.newerSchema`): its new columns would make the first write fail.
    public init(path: String, readOnly: Bool = false) throws {
        self.path = path
        do {
            sqlite = SQLiteDatabase(queue: readOnly ? try Self.openReadOnly(path) : try Self.openForWriting(path), path: path)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(error, path: path, action: "cannot open the progress store")
        }
        super.init(location: .sqlite(path: path), database: sqlite)
    }

    /// The end of a scenario, while the trainee reads the summary: the write-ahead log is
    /// copied into the database now, so that SQLite's automatic checkpoint (with its fsync,
    /// ~13 ms here) does not fall on a turn being stored.
    public override func endOfScenario() {
        checkpoint()
    }

    /// Copies the write-ahead log into the database. Passive: it never waits for another
    /// process; if the store is busy, it does what it can. Returns the frames in the log and
    /// how many of them are now in the database (nil if it failed).
    @discardableResult
    func checkpoint() -> (logFrames: Int, copiedFrames: Int)? {
        try? sqlite.queue.writeWithoutTransaction { db in
            let result = try db.checkpoint(.passive)
            return (result.walFrameCount, result.checkpointedFrameCount)
        }
    }

    private static func openForWriting(_ path: String) throws -> DatabaseQueue {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(10)
        configuration.foreignKeysEnabled = true
        // In WAL mode NORMAL keeps every commit through a killed process (only a power cut may
        // lose the last ones) and saves an fsync per turn.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        return try Self.open(path, configuration)
    }

    /// A reader needs the log's shared-memory file; on a read-only folder without one, SQLite
    /// cannot make it. Then no writer is at work (a writer keeps that file while it writes),
    /// so the file is read as immutable, which needs no shared memory.
    private static func openReadOnly(_ path: String) throws -> DatabaseQueue {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(kind: .missing, path: path, description: "no progress store at \(path)")
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        do {
            let database = try DatabaseQueue(path: path, configuration: configuration)
            try database.read { db in try checkSchema(db, path: path, readOnly: true) }
            return database
        } catch let error as DatabaseError where [.SQLITE_READONLY, .SQLITE_CANTOPEN].contains(error.resultCode)
                    && !FileManager.default.fileExists(atPath: path + "-shm") {
            let database = try DatabaseQueue(path: immutableURI(path), configuration: configuration)
            try database.read { db in try checkSchema(db, path: path, readOnly: true) }
            return database
        }
    }

    private static func immutableURI(_ path: String) -> String {
        let absolute = (path as NSString).isAbsolutePath ? path
            : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#")
        return "file:" + (absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute) + "?immutable=1"
    }

    /// Refuses a store migrated by a newer Tonlage, and (when only reading) one that an older
    /// Tonlage left without the columns this one reads.
    private static func checkSchema(_ db: Database, path: String, readOnly: Bool) throws {
        // Asked in this order because another process may be creating the store right now:
        // a table that exists stays, while a failed SELECT would race with its creation.
        guard try db.tableExists("grdb_migrations") else {
            if readOnly { throw StoreError(kind: .notAStore, path: path, description: "\(path) is not a Tonlage progress store") }
            return
        }
        let applied = try String.fetchSet(db, sql: "SELECT identifier FROM grdb_migrations")
        try RelationalStore.checkVersions(applied, complete: try migrator.hasCompletedMigrations(db), readOnly: readOnly,
                                          location: path)
    }

    /// Opens and migrates the store, also while another process is doing the same.
    ///
    /// Two processes that open a new store at once (two trainees starting `tonlage play` on a
    /// shared store) both try to switch it to WAL. That needs an exclusive lock, and SQLite
    /// answers SQLITE_BUSY at once instead of waiting, because waiting could deadlock. The mode
    /// is kept in the file, so a later try finds WAL already set and goes through. Both may also
    /// run the same migration: the one that comes second fails (the table is already there).
    /// Each migration is a transaction of its own, so it then waits until the other has run
    /// them all, and finds the store migrated, which is all it needs.
    private static func open(_ path: String, _ configuration: Configuration) throws -> DatabaseQueue {
        var attempt = 0
        while true {
            do {
                let database = try DatabaseQueue(path: path, configuration: configuration)
                try database.read { db in try checkSchema(db, path: path, readOnly: false) }
                do {
                    try migrator.migrate(database)
                } catch {
                    var waited = 0
                    while try !database.read(migrator.hasCompletedMigrations) {
                        guard waited < 100 else { throw error }
                        waited += 1
                        Thread.sleep(forTimeInterval: 0.01)
                        try? migrator.migrate(database)
                    }
                }
                return database
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && attempt < 40 {
                attempt += 1
                // 5 to 50 ms, spread so that two processes do not retry in step: ~1 s at most in all.
                Thread.sleep(forTimeInterval: Double(min(attempt, 10)) * Double.random(in: 0.005...0.01))
            }
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE agent (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    createdAt TEXT NOT NULL);
                CREATE TABLE run (
                    id INTEGER PRIMARY KEY,
                    agentId INTEGER NOT NULL REFERENCES agent(id),
                    scenarioId TEXT NOT NULL,
                    scenarioHash TEXT NOT NULL,
                    guideHash TEXT NOT NULL,
                    mode TEXT NOT NULL,
                    startedAt TEXT NOT NULL,
                    endedAt TEXT,
                    outcome TEXT);
                CREATE INDEX run_agent_scenario ON run(agentId, scenarioId);
                CREATE TABLE turn (
                    id INTEGER PRIMARY KEY,
                    runId INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                    step TEXT NOT NULL,
                    reply TEXT NOT NULL,
                    action TEXT NOT NULL,
                    seconds REAL,
                    score INTEGER NOT NULL,
                    passed INTEGER NOT NULL,
                    findings TEXT NOT NULL,
                    hintUsed INTEGER NOT NULL DEFAULT 0,
                    createdAt TEXT NOT NULL);
                CREATE INDEX turn_run ON turn(runId);
                """)
        }
        // The step's target response time, so reports can set times against targets.
        migrator.registerMigration("v2") { db in
            try db.execute(sql: "ALTER TABLE turn ADD COLUMN targetSeconds INTEGER")
        }
        // Runs made up by `demo-data`, so that it can tell a store with real training apart.
        migrator.registerMigration("v3") { db in
            try db.execute(sql: "ALTER TABLE run ADD COLUMN demo INTEGER NOT NULL DEFAULT 0")
        }
        // The schema shared with PostgreSQL: enums, findings and sentences as rows, certificates.
        migrator.registerMigration("v4") { db in
            try db.execute(sql: Schema.sqliteV4)
        }
        migrator.registerMigration("v5") { db in
            try db.execute(sql: Schema.sqliteV5)
        }
        return migrator
    }
}

/// GRDB's queue as an `SQLDatabase`.
struct SQLiteDatabase: SQLDatabase {
    let queue: DatabaseQueue
    let path: String
    var dialect: SQLDialect { .sqlite }

    func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        do {
            return try queue.read { db in try body(Connection(db: db)) }
        } catch {
            throw StoreError(error, path: path, action: "cannot read the progress store")
        }
    }

    func write<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        do {
            return try queue.write { db in try body(Connection(db: db)) }
        } catch {
            throw StoreError(error, path: path, action: "cannot write to the progress store")
        }
    }

    struct Connection: SQLConnection {
        let db: Database

        func execute(_ sql: String, _ arguments: [any SQLArgument]) throws {
            try db.execute(sql: sql, arguments: Self.arguments(arguments))
        }

        func query(_ sql: String, _ arguments: [any SQLArgument]) throws -> [SQLRow] {
            try Row.fetchAll(db, sql: sql, arguments: Self.arguments(arguments)).map { row in
                var values: [String: SQLValue] = [:]
                for (column, value) in row {
                    switch value.storage {
                    case .null: values[column.lowercased()] = .null
                    case let .int64(number): values[column.lowercased()] = .int(number)
                    case let .double(number): values[column.lowercased()] = .double(number)
                    case let .string(text): values[column.lowercased()] = .text(text)
                    case let .blob(data): values[column.lowercased()] = .text(String(decoding: data, as: UTF8.self))
                    }
                }
                return SQLRow(values: values)
            }
        }

        static func arguments(_ arguments: [any SQLArgument]) -> StatementArguments {
            StatementArguments(arguments.map { argument -> DatabaseValue in
                switch argument.sqlValue {
                case .null: return .null
                case let .int(value): return value.databaseValue
                case let .double(value): return value.databaseValue
                case let .text(value): return value.databaseValue
                case let .bool(value): return value.databaseValue
                }
            })
        }
    }
}

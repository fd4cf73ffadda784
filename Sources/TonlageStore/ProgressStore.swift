import Foundation
import GRDB
import TonlageCore

/// The progress store: agents, runs of scenarios and their scored turns, in SQLite (WAL mode).
///
/// Every turn is committed in its own transaction the moment it is recorded, so a killed
/// process loses nothing that was already scored; several processes may write at once
/// (SQLite serialises the writers, a busy writer waits up to ten seconds).
public final class ProgressStore: Sendable {
    private let database: DatabaseQueue
    public let path: String

    /// Opens (and creates or migrates) the store at `path`; the folder is created if needed.
    ///
    /// With `readOnly`, the store is only read: no migration, no journal, and it works on a
    /// file the user may not write. Either way a store written by a newer Tonlage is refused
    /// (`StoreError.newerSchema`): its new columns would make the first write fail.
    public init(path: String, readOnly: Bool = false) throws {
        self.path = path
        do {
            database = readOnly ? try Self.openReadOnly(path) : try Self.openForWriting(path)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(error, path: path, action: "cannot open the progress store")
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
        let unknown = applied.subtracting(migrator.migrations)
        if !unknown.isEmpty {
            throw StoreError(kind: .newerSchema, path: path, description: """
                the progress store \(path) was written by a newer Tonlage (schema \(unknown.sorted().joined(separator: ", ")); \
                this one knows up to \(migrator.migrations.last ?? "none")): update Tonlage, or pass another --store
                """)
        }
        if readOnly, try !migrator.hasCompletedMigrations(db) {
            throw StoreError(kind: .olderSchema, path: path, description: """
                the progress store \(path) was written by an older Tonlage and is opened read-only here: \
                open it once with `tonlage play` (which updates it), then read it
                """)
        }
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
        return migrator
    }

    /// The id of the agent with this name, created on first use.
    public func agent(named name: String) throws -> Int64 {
        try write { db in try Self.agent(named: name, db) }
    }

    static func agent(named name: String, _ db: Database) throws -> Int64 {
        try db.execute(sql: "INSERT OR IGNORE INTO agent (name, createdAt) VALUES (?, ?)",
                       arguments: [name, timestamp(Date())])
        return try Int64.fetchOne(db, sql: "SELECT id FROM agent WHERE name = ?", arguments: [name])!
    }

    public enum Mode: String, Sendable { case play, certify }

    /// Starts a run and returns its id; `demo` marks a run that `demo-data` made up.
    public func startRun(agent: Int64, scenarioID: String, scenarioHash: String, guideHash: String,
                         mode: Mode, demo: Bool = false, at date: Date = Date()) throws -> Int64 {
        try write { db in
            try Self.startRun(agent: agent, scenarioID: scenarioID, scenarioHash: scenarioHash, guideHash: guideHash,
                              mode: mode, demo: demo, at: date, db)
        }
    }

    static func startRun(agent: Int64, scenarioID: String, scenarioHash: String, guideHash: String,
                         mode: Mode, demo: Bool, at date: Date, _ db: Database) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO run (agentId, scenarioId, scenarioHash, guideHash, mode, startedAt, demo)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [agent, scenarioID, scenarioHash, guideHash, mode.rawValue, timestamp(date), demo])
        return db.lastInsertedRowID
    }

    /// One scored answer, committed at once.
    public struct Turn: Sendable {
        public var step: String
        public var reply: String
        public var action: Action
        public var seconds: Double?
        public var card: Scorecard
        public var hintUsed: Bool
        public var targetSeconds: Int?

        public init(step: String, reply: String, action: Action, seconds: Double?, card: Scorecard, hintUsed: Bool,
                    targetSeconds: Int? = nil) {
            self.step = step
            self.reply = reply
            self.action = action
            self.seconds = seconds
            self.card = card
            self.hintUsed = hintUsed
            self.targetSeconds = targetSeconds
        }
    }

    public func record(_ turn: Turn, run: Int64, at date: Date = Date()) throws {
        try write { db in try Self.record(turn, run: run, at: date, db) }
    }

    static func record(_ turn: Turn, run: Int64, at date: Date, _ db: Database) throws {
        let findings = try encodeFindings(turn.card.findings)
        try db.execute(sql: """
            INSERT INTO turn (runId, step, reply, action, seconds, score, passed, findings, hintUsed, createdAt, targetSeconds)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [run, turn.step, turn.reply, turn.action.rawValue, turn.seconds, turn.card.score,
                             turn.card.passed, findings, turn.hintUsed, timestamp(date), turn.targetSeconds])
    }

    /// Ends a run with its outcome (`resolved`, `escalated`, `lost`, or `abandoned` when left early).
    public func finishRun(_ run: Int64, outcome: String, at date: Date = Date()) throws {
        try write { db in try Self.finishRun(run, outcome: outcome, at: date, db) }
    }

    static func finishRun(_ run: Int64, outcome: String, at date: Date, _ db: Database) throws {
        try db.execute(sql: "UPDATE run SET endedAt = ?, outcome = ? WHERE id = ?",
                       arguments: [timestamp(date), outcome, run])
    }

    /// Runs that people played or certified, as opposed to those `demo-data` made up.
    public func realRuns() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM run WHERE demo = 0") ?? 0 }
    }

    /// Copies the write-ahead log into the database. The REPL calls it at the end of a
    /// scenario, while the trainee reads the summary, so that SQLite's automatic checkpoint
    /// (with its fsync, ~13 ms here) does not fall on a turn being stored. Passive: it never
    /// waits for another process; if the store is busy, it does what it can. Returns the
    /// frames in the log and how many of them are now in the database (nil if it failed).
    @discardableResult
    public func checkpoint() -> (logFrames: Int, copiedFrames: Int)? {
        try? database.writeWithoutTransaction { db in
            let result = try db.checkpoint(.passive)
            return (result.walFrameCount, result.checkpointedFrameCount)
        }
    }

    /// The findings stored with a turn: what a trainer needs to see where points were lost.
    struct StoredFinding: Codable, Sendable {
        let rule: String
        let family: String
        let severity: String
        let deduction: Int
        let excerpt: String
    }

    static func encodeFindings(_ findings: [Finding]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let stored = findings.map { StoredFinding(rule: $0.rule, family: $0.family.rawValue, severity: $0.severity.rawValue,
                                                  deduction: $0.deduction, excerpt: $0.excerpt) }
        return String(decoding: try encoder.encode(stored), as: UTF8.self)
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: true).timeSeparator(.colon))
    }

    /// Reads in one transaction; SQLite's errors come out as `StoreError`, with the store named.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try database.read(body)
        } catch {
            throw StoreError(error, path: path, action: "cannot read the progress store")
        }
    }

    /// Writes in one transaction: all of `body` or nothing.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try database.write(body)
        } catch {
            throw StoreError(error, path: path, action: "cannot write to the progress store")
        }
    }
}

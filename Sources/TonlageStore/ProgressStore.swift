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
    public init(path: String) throws {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(10)
        configuration.foreignKeysEnabled = true
        // In WAL mode NORMAL keeps every commit through a killed process (only a power cut may
        // lose the last ones) and saves an fsync per turn.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        database = try Self.open(path, configuration)
    }

    /// Opens and migrates the store, also while another process is doing the same.
    ///
    /// Two processes that open a new store at once (two trainees starting `tonlage play` on a
    /// shared store) both try to switch it to WAL. That needs an exclusive lock, and SQLite
    /// answers SQLITE_BUSY at once instead of waiting, because waiting could deadlock. The mode
    /// is kept in the file, so a later try finds WAL already set and goes through. Both may also
    /// run the same migration: the one that comes second fails (the column is already there)
    /// and finds the store migrated, which is all it needs.
    private static func open(_ path: String, _ configuration: Configuration) throws -> DatabaseQueue {
        var attempt = 0
        while true {
            do {
                let database = try DatabaseQueue(path: path, configuration: configuration)
                do {
                    try migrator.migrate(database)
                } catch {
                    guard try database.read(migrator.hasCompletedMigrations) else { throw error }
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
        return migrator
    }

    /// The id of the agent with this name, created on first use.
    public func agent(named name: String) throws -> Int64 {
        try database.write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO agent (name, createdAt) VALUES (?, ?)",
                           arguments: [name, Self.timestamp(Date())])
            return try Int64.fetchOne(db, sql: "SELECT id FROM agent WHERE name = ?", arguments: [name])!
        }
    }

    public enum Mode: String, Sendable { case play, certify }

    /// Starts a run and returns its id.
    public func startRun(agent: Int64, scenarioID: String, scenarioHash: String, guideHash: String,
                         mode: Mode, at date: Date = Date()) throws -> Int64 {
        try database.write { db in
            try db.execute(sql: """
                INSERT INTO run (agentId, scenarioId, scenarioHash, guideHash, mode, startedAt)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [agent, scenarioID, scenarioHash, guideHash, mode.rawValue, Self.timestamp(date)])
            return db.lastInsertedRowID
        }
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
        let findings = try Self.encodeFindings(turn.card.findings)
        try database.write { db in
            try db.execute(sql: """
                INSERT INTO turn (runId, step, reply, action, seconds, score, passed, findings, hintUsed, createdAt, targetSeconds)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [run, turn.step, turn.reply, turn.action.rawValue, turn.seconds, turn.card.score,
                                 turn.card.passed, findings, turn.hintUsed, Self.timestamp(date), turn.targetSeconds])
        }
    }

    /// Ends a run with its outcome (`resolved`, `escalated`, `lost`, or `abandoned` when left early).
    public func finishRun(_ run: Int64, outcome: String, at date: Date = Date()) throws {
        try database.write { db in
            try db.execute(sql: "UPDATE run SET endedAt = ?, outcome = ? WHERE id = ?",
                           arguments: [Self.timestamp(date), outcome, run])
        }
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

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try database.read(body)
    }
}

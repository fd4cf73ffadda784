import Foundation

/// The progress store as every front end sees it: runs and turns go in, progress and
/// dashboard figures come out. Two implementations: `SQLiteStore` (a file, the default) and
/// `PostgresStore` (a server a team shares). Both keep the same schema and answer the same
/// queries; nothing here is particular to either.
public protocol ProgressStore: AnyObject, Sendable {
    /// Where the store is, for messages and for the spool of writes that wait.
    var location: StoreLocation { get }
    /// Applies the writes in order, in one transaction: all of them or none. A write that is
    /// already there (given again from a spool) is left as it is.
    func write(_ writes: [StoreWrite]) throws
    /// Runs that people played or certified, as opposed to those `demo-data` made up.
    func realRuns() throws -> Int
    /// Progress of one agent, or of every agent (by name); `passMark` is the guide's.
    func progress(agent: String?, passMark: Int) throws -> [AgentProgress]
    /// The dashboard figures for the given agents (all when empty), from `since` (YYYY-MM-DD) on.
    func cohortReport(agents: [String], since: String?, passMark: Int) throws -> CohortReport
    /// Every stored turn, oldest first.
    func turns(agent: String?) throws -> [StoredTurn]
    /// The agent's earlier sentences (by fingerprint) and the scenarios each was written in.
    func sentenceScenarios(agent: String) throws -> [String: Set<String>]
    /// The supervised exam with this session id, if there is one.
    func exam(session: String) throws -> ExamRecord?
    /// A scenario has ended and the trainee reads the summary: a moment for the store's own
    /// housekeeping, which should not fall on a turn being stored.
    func endOfScenario()
}

extension ProgressStore {
    public func progress(agent: String? = nil) throws -> [AgentProgress] {
        try progress(agent: agent, passMark: RelationalStore.defaultPassMark)
    }

    public func cohortReport(agents: [String] = [], since: String? = nil) throws -> CohortReport {
        try cohortReport(agents: agents, since: since, passMark: RelationalStore.defaultPassMark)
    }

    public func turns() throws -> [StoredTurn] { try turns(agent: nil) }
}

/// Opens the store a `--store` value or `TONLAGE_STORE` names.
public enum ProgressStores {
    /// With `readOnly` nothing is migrated or written, and a missing store is an error.
    public static func open(_ location: StoreLocation, readOnly: Bool = false) throws -> any ProgressStore {
        switch location {
        case let .sqlite(path): return try SQLiteStore(path: path, readOnly: readOnly)
        case let .postgres(address): return try PostgresStore(address: address, readOnly: readOnly)
        }
    }
}

/// What both stores share: the recording and the reports, written once in the SQL that
/// SQLite and PostgreSQL both speak. The subclasses open their database and keep its schema.
public class RelationalStore: ProgressStore, @unchecked Sendable {
    public let location: StoreLocation
    let database: any SQLDatabase

    /// The pass mark when a caller has no guide at hand (the default guide's).
    public static let defaultPassMark = 70

    init(location: StoreLocation, database: any SQLDatabase) {
        self.location = location
        self.database = database
    }

    public func endOfScenario() {}

    public func write(_ writes: [StoreWrite]) throws {
        guard !writes.isEmpty else { return }
        try database.write { db in
            let recording = Recording(db: db, dialect: database.dialect)
            for write in writes { try recording.apply(write) }
        }
    }

    public func exam(session: String) throws -> ExamRecord? {
        try database.read { db in
            guard let row = try db.query("""
                SELECT agent.name AS agent, exam.plan AS plan, exam.answersDigest AS digest, exam.startedAt AS started,
                       exam.finishedAt AS finished
                FROM exam JOIN agent ON agent.id = exam.agentId WHERE exam.uid = ?
                """, [session]).first else { return nil }
            let time = { (text: String?) in text.flatMap(RelationalStore.date(fromTimestamp:)) ?? .distantPast }
            return ExamRecord(agent: row.string("agent") ?? "", plan: row.string("plan") ?? "", answersDigest: row.string("digest") ?? "",
                              started: time(row.string("started")), finished: time(row.string("finished")))
        }
    }

    public func realRuns() throws -> Int {
        try database.read { db in try db.query("SELECT COUNT(*) AS n FROM run WHERE mode <> 'demo'").first?.int("n") ?? 0 }
    }

    public func progress(agent: String?, passMark: Int) throws -> [AgentProgress] {
        try database.read { db in try Reports(db: db, passMark: passMark).progress(agent: agent) }
    }

    public func cohortReport(agents: [String], since: String?, passMark: Int) throws -> CohortReport {
        try database.read { db in try Reports(db: db, passMark: passMark).cohort(agents: agents, since: since) }
    }

    public func turns(agent: String?) throws -> [StoredTurn] {
        try database.read { db in try Reports(db: db, passMark: Self.defaultPassMark).turns(agent: agent) }
    }

    public func sentenceScenarios(agent: String) throws -> [String: Set<String>] {
        try database.read { db in try Reports(db: db, passMark: Self.defaultPassMark).sentenceScenarios(agent: agent) }
    }

    /// Refuses a store migrated by a newer Tonlage, and (when only reading) one that an older
    /// Tonlage left without the tables this one reads.
    static func checkVersions(_ applied: Set<String>, complete: Bool, readOnly: Bool, location: String) throws {
        let unknown = applied.subtracting(Schema.versions)
        if !unknown.isEmpty {
            throw StoreError(kind: .newerSchema, path: location, description: """
                the progress store \(location) was written by a newer Tonlage (schema \(unknown.sorted().joined(separator: ", ")); \
                this one knows up to \(Schema.versions.last ?? "none")): update Tonlage, or pass another --store
                """)
        }
        if readOnly, !complete {
            throw StoreError(kind: .olderSchema, path: location, description: """
                the progress store \(location) was written by an older Tonlage and is opened read-only here: \
                open it once with `tonlage play` (which updates it), then read it
                """)
        }
    }

    /// Times as stored: ISO 8601 in UTC with milliseconds, so that text order is time order.
    static func timestamp(_ date: Date) -> String {
        date.formatted(timestampStyle)
    }

    /// A stored time read back.
    static func date(fromTimestamp text: String) -> Date? {
        try? timestampStyle.parse(text)
    }

    private static let timestampStyle = Date.ISO8601FormatStyle().year().month().day().dateSeparator(.dash)
        .time(includingFractionalSeconds: true).timeSeparator(.colon)
}

/// The writes of one transaction. Each is idempotent: runs and certifications are found by
/// their unique id, turns by their number in the run.
struct Recording {
    let db: any SQLConnection
    let dialect: SQLDialect

    func apply(_ write: StoreWrite) throws {
        switch write {
        case let .startRun(run, start, date):
            try ensureAgent(start.agent, date)
            try db.execute("""
                INSERT INTO run (uid, agentId, scenarioId, scenarioTitle, scenarioHash, guideHash, mode, startedAt)
                SELECT ?, id, ?, ?, ?, ?, \(dialect.enumValue("run_mode")), ? FROM agent WHERE name = ?
                ON CONFLICT (uid) DO NOTHING
                """, [run, start.scenarioID, start.scenarioTitle, start.scenarioHash, start.guideHash, start.mode.rawValue,
                      RelationalStore.timestamp(date), start.agent])
        case let .record(run, number, turn, date):
            try record(turn, run: run, number: number, at: date)
        case let .finishRun(run, outcome, date):
            try db.execute("UPDATE run SET endedAt = ?, outcome = \(dialect.enumValue("run_outcome")) WHERE uid = ?",
                           [RelationalStore.timestamp(date), outcome.rawValue, run])
        case let .certification(id, certification, date):
            try ensureAgent(certification.agent, date)
            try db.execute("""
                INSERT INTO certification (uid, agentId, plan, certified, average, issuedAt)
                SELECT ?, id, ?, ?, ?, ? FROM agent WHERE name = ?
                ON CONFLICT (uid) DO NOTHING
                """, [id, certification.plan, certification.certified, certification.average, RelationalStore.timestamp(date),
                      certification.agent])
        case let .exam(id, exam):
            try ensureAgent(exam.agent, exam.started)
            try db.execute("""
                INSERT INTO exam (uid, agentId, plan, answersDigest, startedAt, finishedAt)
                SELECT ?, id, ?, ?, ?, ? FROM agent WHERE name = ?
                ON CONFLICT (uid) DO NOTHING
                """, [id, exam.plan, exam.answersDigest, RelationalStore.timestamp(exam.started),
                      RelationalStore.timestamp(exam.finished), exam.agent])
        }
    }

    private func ensureAgent(_ name: String, _ date: Date) throws {
        try db.execute("INSERT INTO agent (name, createdAt) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                       [name, RelationalStore.timestamp(date)])
    }

    private func record(_ turn: TurnRecord, run: String, number: Int, at date: Date) throws {
        let inserted = try db.query("""
            INSERT INTO turn (runId, number, step, reply, action, seconds, score, passed, hintUsed, targetSeconds, createdAt)
            SELECT id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM run WHERE uid = ?
            ON CONFLICT (runId, number) DO NOTHING
            RETURNING id
            """, [number, turn.step, turn.reply, turn.action, turn.seconds, turn.score, turn.passed, turn.hintUsed,
                  turn.targetSeconds, RelationalStore.timestamp(date), run])
        guard let id = inserted.first?.int("id") else {
            // Nothing inserted: the turn is there already (given again), or its run is not.
            let present = try db.query("SELECT 1 AS present FROM turn JOIN run ON run.id = turn.runId WHERE run.uid = ? AND turn.number = ?",
                                       [run, number])
            if present.isEmpty { throw StoreError(kind: .failed, path: "", description: "a turn names the unknown run \(run)") }
            return
        }
        if !turn.findings.isEmpty {
            let rows = Array(repeating: "(?, ?, ?, ?, \(dialect.enumValue("finding_severity")), ?, ?)", count: turn.findings.count)
            var arguments: [any SQLArgument] = []
            for (position, finding) in turn.findings.enumerated() {
                arguments += [id, position, finding.rule, finding.family, finding.severity, finding.deduction, finding.excerpt]
            }
            try db.execute("INSERT INTO finding (turnId, position, rule, family, severity, deduction, excerpt) VALUES "
                           + rows.joined(separator: ", "), arguments)
        }
        if !turn.sentences.isEmpty {
            var arguments: [any SQLArgument] = []
            for sentence in turn.sentences { arguments += [id, sentence.key, sentence.text] }
            try db.execute("INSERT INTO sentence (turnId, fingerprint, text) VALUES "
                           + Array(repeating: "(?, ?, ?)", count: turn.sentences.count).joined(separator: ", "), arguments)
        }
    }
}

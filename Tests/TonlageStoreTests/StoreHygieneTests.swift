import Foundation
import GRDB
import Testing
@testable import TonlageCore
@testable import TonlageStore

/// A store from a newer Tonlage, read-only opening, an SQLite store of v3 brought to v4,
/// writes that fail and are caught up later, and demo runs told apart from real ones.
@Suite("store hygiene")
struct StoreHygieneTests {
    typealias F = StoreFixtures

    func start(_ agent: String = "Anna") -> RunStart {
        RunStart(agent: agent, scenarioID: "s", scenarioHash: "", guideHash: "", mode: .practice)
    }

    /// Marks the store as migrated by a newer Tonlage, past Tonlage's own API.
    func markNewer(_ location: StoreLocation) throws {
        switch location {
        case let .sqlite(path):
            try DatabaseQueue(path: path).write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-future')")
            }
        case let .postgres(address):
            let database = PostgresDatabase(address: address, readOnly: false)
            defer { database.close() }
            try database.write { try $0.execute("INSERT INTO tonlage_migrations VALUES ('v9-future', 'now')") }
        }
    }

    @Test("a store migrated by a newer Tonlage is refused with a clear message, for writing and for reading",
          arguments: Backend.available)
    func newerSchema(_ backend: Backend) throws {
        let location = try backend.freshLocation()
        _ = try ProgressStores.open(location)
        try markNewer(location)
        for readOnly in [false, true] {
            do {
                _ = try ProgressStores.open(location, readOnly: readOnly)
                Issue.record("a newer store was opened (readOnly: \(readOnly))")
            } catch let error as StoreError {
                #expect(error.kind == .newerSchema)
                #expect(error.isBadInput)
                #expect(error.description.contains("was written by a newer Tonlage (schema v9-future; this one knows up to v5)"),
                        "\(error.description)")
            }
        }
    }

    @Test("read-only: reads work, writes are refused as a store error", arguments: Backend.available)
    func readOnly(_ backend: Backend) throws {
        let location = try backend.freshLocation()
        try ProgressStores.open(location).play("Anna", "s", [F.turn("lol")], outcome: nil)
        let reader = try ProgressStores.open(location, readOnly: true)
        #expect(try reader.progress().first?.turns == 1)
        #expect(try reader.cohortReport().agents.count == 1)
        #expect(throws: StoreError.self) { try reader.play("Ben", "s", [], outcome: nil) }
        #expect(try reader.progress().count == 1)
    }

    @Test("SQLite read-only leaves the file as it was; a missing store is refused")
    func readOnlyFile() throws {
        let path = F.temporaryPath()
        try SQLiteStore(path: path).play("Anna", "s", [F.turn("lol")], outcome: nil)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        _ = try SQLiteStore(path: path, readOnly: true).progress()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(throws: StoreError.self) { _ = try SQLiteStore(path: path + ".missing", readOnly: true) }
    }

    @Test("PostgreSQL: a database without a store is refused when reading, and one that does not exist too",
          .enabled(if: F.postgresURL != nil))
    func postgresMissing() throws {
        let empty = try F.freshPostgresDatabase()
        #expect(throws: StoreError.self) { _ = try PostgresStore(address: empty, readOnly: true) }
        do {
            _ = try PostgresStore(address: empty.with(database: "tonlage_nowhere"), readOnly: true)
            Issue.record("a missing database was opened")
        } catch let error as StoreError {
            #expect(error.kind == .missing && error.isBadInput, "\(error)")
        }
    }

    @Test("an SQLite store of v3 is brought to v4: findings become rows, demo runs the mode demo, open runs unfinished")
    func migrationFromV3() throws {
        let path = F.temporaryPath()
        var migrator = SQLiteStore.migrator
        let queue: DatabaseQueue = try {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            return try DatabaseQueue(path: path)
        }()
        migrator = SQLiteStore.migrator
        try migrator.migrate(queue, upTo: "v3")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO agent (id, name, createdAt) VALUES (1, 'Alt', '2026-01-01');
                INSERT INTO run (id, agentId, scenarioId, scenarioHash, guideHash, mode, startedAt, outcome, demo)
                    VALUES (1, 1, 'paket', '', '', 'play', '2026-01-01', 'lost', 0), (2, 1, 'paket', '', '', 'play', '2026-01-02', NULL, 1),
                           (3, 1, 'zug', '', '', 'certify', '2026-01-03', 'resolved', 0);
                INSERT INTO turn (runId, step, reply, action, seconds, score, passed, findings, hintUsed, createdAt)
                    VALUES (1, 'a', 'lol Sie', 'reply', 3, 50, 0,
                            '[{"deduction":30,"excerpt":"lol","family":"tone","rule":"tone.slang","severity":"error"},{"deduction":20,"excerpt":"Sie","family":"address","rule":"address.sie","severity":"error"}]',
                            0, '2026-01-01'),
                           (1, 'b', 'ok', 'reply', 3, 100, 1, '[]', 1, '2026-01-01'),
                           (3, 'a', 'gut', 'reply', 3, 100, 1, '[]', 0, '2026-01-03');
                """)
        }
        let store = try SQLiteStore(path: path)
        let modes = try store.sqlite.queue.read { try Row.fetchAll($0, sql: "SELECT mode, outcome FROM run ORDER BY id") }
        #expect(modes.map { [$0["mode"] as String, $0["outcome"] as String] }
                == [["practice", "lost"], ["demo", "unfinished"], ["certify", "resolved"]])
        #expect(try store.realRuns() == 2)
        let progress = try #require(try store.progress().first)
        #expect(progress.weakestFamilies.map(\.family) == ["tone", "address"])
        #expect(progress.hintsUsed == 1)
        #expect(progress.assessment.runs == 1)
        // A v3 run's turns are numbered, so the next write to it finds its place.
        let numbers = try store.sqlite.queue.read { try Int.fetchAll($0, sql: "SELECT number FROM turn ORDER BY id") }
        #expect(numbers == [1, 2, 1])
        #expect(throws: (any Error).self) {
            try store.sqlite.queue.write { try $0.execute(sql: "UPDATE run SET mode = 'play'") }
        }
    }

    @Test("SQLite: a failed write stays queued and is written with the next one, in order and once")
    func pendingWrites() throws {
        let store = try SQLiteStore(path: F.temporaryPath())
        let spool = FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID())").path
        let recorder = SessionRecorder(store: store, spoolDirectory: spool)
        let (run, started) = recorder.startRun(start())
        #expect(started == nil)
        #expect(recorder.record(F.turn("erste Antwort", step: "eins"), run: run) == nil)

        // A full disk, as SQLite sees it: the database may not grow by a single page.
        let pages = try store.sqlite.queue.write { db in try Int.fetchOne(db, sql: "PRAGMA page_count")! }
        try store.sqlite.queue.write { db in try db.execute(sql: "PRAGMA max_page_count = \(pages)") }
        let long = String(repeating: "Das ist eine lange Antwort. ", count: 2_000)
        let failed = try #require(recorder.record(F.turn(long, step: "zwei"), run: run))
        #expect(failed.kind == .failed && !failed.isBadInput)
        #expect(failed.description.contains("database or disk is full"), "\(failed.description)")
        #expect(recorder.finishRun(run, outcome: .resolved) != nil)
        #expect(recorder.pending == 2)
        let file = try #require(recorder.spoolFile)
        #expect(FileManager.default.fileExists(atPath: file), "the waiting writes are kept on disk")
        #expect(try store.turns().count == 1, "nothing of a failed transaction is kept")

        try store.sqlite.queue.write { db in try db.execute(sql: "PRAGMA max_page_count = 1073741823") }
        #expect(recorder.flush() == nil)
        #expect(recorder.pending == 0)
        #expect(!FileManager.default.fileExists(atPath: file))
        let turns = try store.turns()
        #expect(turns.map(\.step) == ["eins", "zwei"])
        #expect(turns.last?.reply == long)
        #expect(try store.progress().first?.scenarios.first?.lastOutcome == "resolved")
    }

    @Test("a run started while the store fails gets written when it works again; a later session writes a spool left behind")
    func spoolLeftBehind() throws {
        let store = try SQLiteStore(path: F.temporaryPath())
        let spool = FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID())").path
        try store.sqlite.queue.write { db in
            try db.execute(sql: "CREATE TRIGGER refuse BEFORE INSERT ON run BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END")
        }
        let first = SessionRecorder(store: store, spoolDirectory: spool)
        let (run, failure) = first.startRun(start())
        #expect(failure?.description.contains("disk I/O error") == true)
        #expect(first.record(F.turn("lol"), run: run) != nil)
        #expect(first.finishRun(run, outcome: .lost) != nil)
        // The session ends here, with three writes in its spool file.
        try store.sqlite.queue.write { db in try db.execute(sql: "DROP TRIGGER refuse") }
        let second = SessionRecorder(store: store, spoolDirectory: spool)
        let recovered = second.recoverSpool()
        #expect(recovered.writes == 3 && recovered.failure == nil)
        #expect(try store.turns().map(\.reply) == ["lol"])
        #expect(try store.progress().first?.scenarios.first?.lastOutcome == "lost")
        #expect(second.recoverSpool().writes == 0, "written once")
        let left = try FileManager.default.subpathsOfDirectory(atPath: spool).filter { $0.hasSuffix(".json") || $0.contains("claimed") }
        #expect(left.isEmpty, "\(left)")
    }

    @Test("demo runs are told apart from real ones", arguments: Backend.available)
    func demoRuns(_ backend: Backend) throws {
        let store = try backend.freshStore()
        try store.play("Anna", "s", [], outcome: nil, mode: .demo)
        #expect(try store.realRuns() == 0)
        try store.play("Anna", "s", [], outcome: nil, mode: .certify)
        #expect(try store.realRuns() == 1)
    }
}

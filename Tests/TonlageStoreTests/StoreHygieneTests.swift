import Foundation
import Testing
@testable import TonlageCore
@testable import TonlageStore

/// A store from a newer Tonlage, read-only opening, writes that fail and are caught up later,
/// and demo runs told apart from real ones.
@Suite("store hygiene")
struct StoreHygieneTests {
    func turn(_ text: String, step: String = "eins") -> ProgressStore.Turn {
        .init(step: step, reply: text, action: .reply, seconds: 5, card: StoreFixtures.card(text), hintUsed: false)
    }

    @Test("a store migrated by a newer Tonlage is refused with a clear message, for writing and for reading")
    func newerSchema() throws {
        let path = StoreFixtures.temporaryPath()
        let store = try ProgressStore(path: path)
        try store.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-future')")
            try db.execute(sql: "ALTER TABLE turn ADD COLUMN mood TEXT NOT NULL DEFAULT 'x'")
        }
        for readOnly in [false, true] {
            do {
                _ = try ProgressStore(path: path, readOnly: readOnly)
                Issue.record("a newer store was opened (readOnly: \(readOnly))")
            } catch let error as StoreError {
                #expect(error.kind == .newerSchema)
                #expect(error.isBadInput)
                #expect(error.description.contains("was written by a newer Tonlage (schema v9-future; this one knows up to v3)"),
                        "\(error.description)")
            }
        }
    }

    @Test("read-only: reads work, writes are refused as a store error, and the file is left as it was")
    func readOnly() throws {
        let path = StoreFixtures.temporaryPath()
        do {
            let store = try ProgressStore(path: path)
            let run = try store.startRun(agent: try store.agent(named: "Anna"), scenarioID: "s", scenarioHash: "", guideHash: "", mode: .play)
            try store.record(turn("lol"), run: run)
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let reader = try ProgressStore(path: path, readOnly: true)
        #expect(try reader.progress().first?.turns == 1)
        #expect(try reader.cohortReport().agents.count == 1)
        #expect(throws: StoreError.self) { _ = try reader.agent(named: "Ben") }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(throws: StoreError.self) { _ = try ProgressStore(path: path + ".missing", readOnly: true) }
    }

    @Test("a failed write stays queued and is written with the next one, in order and once")
    func pendingWrites() throws {
        let path = StoreFixtures.temporaryPath()
        let recorder = SessionRecorder(store: try ProgressStore(path: path))
        let (run, started) = recorder.startRun(agent: "Anna", scenarioID: "s", scenarioHash: "", guideHash: "", mode: .play)
        #expect(started == nil)
        #expect(recorder.record(turn("erste Antwort", step: "eins"), run: run) == nil)

        // A full disk, as SQLite sees it: the database may not grow by a single page.
        let pages = try recorder.store.write { db in try Int.fetchOne(db, sql: "PRAGMA page_count")! }
        try recorder.store.write { db in try db.execute(sql: "PRAGMA max_page_count = \(pages)") }
        let long = String(repeating: "Das ist eine lange Antwort. ", count: 2_000)
        let failed = try #require(recorder.record(turn(long, step: "zwei"), run: run))
        #expect(failed.kind == .failed && !failed.isBadInput)
        #expect(failed.description.contains("database or disk is full"), "\(failed.description)")
        #expect(recorder.finishRun(run, outcome: "resolved") != nil)
        #expect(recorder.pending == 2)
        #expect(try recorder.store.turns().count == 1, "nothing of a failed transaction is kept")

        try recorder.store.write { db in try db.execute(sql: "PRAGMA max_page_count = 1073741823") }
        #expect(recorder.flush() == nil)
        #expect(recorder.pending == 0)
        let turns = try recorder.store.turns()
        #expect(turns.map(\.step) == ["eins", "zwei"])
        #expect(turns.last?.reply == long)
        #expect(try recorder.store.progress().first?.scenarios.first?.lastOutcome == "resolved")
    }

    @Test("a run started while the store fails gets its id when it is finally written")
    func runStartedWhileFailing() throws {
        let recorder = SessionRecorder(store: try ProgressStore(path: StoreFixtures.temporaryPath()))
        _ = try recorder.store.agent(named: "Anna")
        try recorder.store.write { db in
            try db.execute(sql: "CREATE TRIGGER refuse BEFORE INSERT ON run BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END")
        }
        let (run, failure) = recorder.startRun(agent: "Anna", scenarioID: "s", scenarioHash: "", guideHash: "", mode: .play)
        #expect(failure?.description.contains("disk I/O error") == true)
        #expect(recorder.record(turn("lol"), run: run) != nil)
        try recorder.store.write { db in try db.execute(sql: "DROP TRIGGER refuse") }
        #expect(recorder.finishRun(run, outcome: "lost") == nil)
        #expect(try recorder.store.turns().map(\.reply) == ["lol"])
        #expect(try recorder.store.progress().first?.runs == 1)
    }

    @Test("demo runs are told apart from real ones")
    func demoRuns() throws {
        let store = try ProgressStore(path: StoreFixtures.temporaryPath())
        let agent = try store.agent(named: "Anna")
        _ = try store.startRun(agent: agent, scenarioID: "s", scenarioHash: "", guideHash: "", mode: .play, demo: true)
        #expect(try store.realRuns() == 0)
        _ = try store.startRun(agent: agent, scenarioID: "s", scenarioHash: "", guideHash: "", mode: .certify)
        #expect(try store.realRuns() == 1)
    }
}

import Foundation
import GRDB
import Testing
@testable import TonlageCore
@testable import TonlageStore

/// The progress store on both backends: records, progress figures, concurrent writers.
@Suite("progress store")
struct ProgressStoreTests {
    typealias F = StoreFixtures

    @Test("turns are stored and summed up per agent and scenario; practice and exams apart", arguments: Backend.available)
    func progress(_ backend: Backend) throws {
        let store = try backend.freshStore()
        try store.play("Anna", "paket", [F.turn("lol Sie", hint: true)], outcome: .lost, title: "Paket weg")
        try store.play("Anna", "paket", [F.turn("Hallo du")], outcome: .resolved, title: "Paket weg")
        try store.play("Anna", "paket", [], outcome: .abandoned, title: "Paket weg")       // left before any reply
        try store.play("Anna", "zug", [F.turn("Hallo du")], outcome: .escalated, mode: .certify, title: "Zug fällt aus")
        let report = try #require(try store.progress(agent: "Anna").first)
        #expect(report.runs == 3, "the run without a reply counts nowhere")
        #expect(report.turns == 3)
        #expect(report.hintsUsed == 1)
        #expect(report.practice == Track(runs: 2, passed: 1, passRate: 50, averageScore: 75, trend: 50))
        #expect(report.assessment == Track(runs: 1, passed: 1, passRate: 100, averageScore: 100, trend: nil))
        #expect(report.scenarios == [
            ScenarioProgress(scenario: "paket", title: "Paket weg", track: "practice", attempts: 2, bestScore: 100, lastScore: 100,
                             lastOutcome: "resolved", recentScores: [50, 100], hintsUsed: 1),
            ScenarioProgress(scenario: "zug", title: "Zug fällt aus", track: "assessment", attempts: 1, bestScore: 100,
                             lastScore: 100, lastOutcome: "escalated", recentScores: [100], hintsUsed: 0),
        ])
        #expect(report.weakestFamilies.map(\.family) == ["tone", "address"])
        #expect(report.weakestFamilies.first?.topRules == [RuleCount(rule: "tone.slang", count: 1)])
        #expect(try store.turns(agent: "Anna").map(\.reply) == ["lol Sie", "Hallo du", "Hallo du"])
        #expect(try store.progress(agent: "Nobody").isEmpty)
        #expect(try store.progress(agent: "Anna", passMark: 40).first?.practice.passed == 1, "lost stays failed")
    }

    @Test("readiness: needs practice, ready after four of five passed runs, certified after a passed certification",
          arguments: Backend.available)
    func readiness(_ backend: Backend) throws {
        let store = try backend.freshStore()
        try store.play("Ben", "a", [F.turn("lol")], outcome: .lost)
        #expect(try store.progress(agent: "Ben").first?.readiness == .needsPractice)
        for _ in 0..<4 { try store.play("Ben", "a", [F.turn("Hallo du")], outcome: .resolved) }
        #expect(try store.progress(agent: "Ben").first?.readiness == .ready)
        #expect(try store.progress(agent: "Ben", passMark: 101).first?.readiness == .needsPractice, "the guide's pass mark counts")
        try store.write([.certification(id: "c1", CertificationRecord(agent: "Ben", plan: "grundlagen", certified: true, average: 90),
                                        at: Date())])
        #expect(try store.progress(agent: "Ben").first?.readiness == .certified)
        #expect(try store.cohortReport().agents.first?.readiness == .certified)
    }

    @Test("a sentence in replies of three scenarios is the agent's own boilerplate", arguments: Backend.available)
    func ownBoilerplate(_ backend: Backend) throws {
        let store = try backend.freshStore()
        let pasted = "Wir kümmern uns sofort um dein Anliegen."
        for scenario in ["a", "b"] { try store.play("Cem", scenario, [F.turn("Hallo! " + pasted)], outcome: .resolved) }
        #expect(try store.progress(agent: "Cem").first?.ownBoilerplate == [])
        #expect(try store.sentenceScenarios(agent: "Cem")["wir kümmern uns sofort um dein anliegen"] == ["a", "b"])
        try store.play("Cem", "c", [F.turn("wir kümmern uns SOFORT um dein Anliegen!")], outcome: .resolved)
        try store.play("Dana", "d", [F.turn(pasted)], outcome: .resolved)
        let own = try #require(try store.progress(agent: "Cem").first?.ownBoilerplate.first)
        #expect(own.scenarios == 3 && own.uses == 3)
        #expect(try store.progress(agent: "Dana").first?.ownBoilerplate == [])
        #expect(try store.cohortReport().agents.first { $0.name == "Cem" }?.ownBoilerplate.count == 1)
    }

    @Test("an exam is stored under its session id, given again it stays as it was, an unknown id finds nothing",
          arguments: Backend.available)
    func exam(_ backend: Backend) throws {
        let store = try backend.freshStore()
        let started = Date(timeIntervalSince1970: 1_790_000_000), finished = started.addingTimeInterval(1_234.5)
        let record = ExamRecord(agent: "Anna", plan: "grundlagen", answersDigest: String(repeating: "a", count: 64),
                                started: started, finished: finished)
        try store.write([.exam(id: "session-1", record)])
        try store.write([.exam(id: "session-1", ExamRecord(agent: "Mallory", plan: "x", answersDigest: "b", started: started,
                                                           finished: finished))])
        let read = try store.exam(session: "session-1")
        #expect(read == record, "\(String(describing: read))")
        #expect(try store.exam(session: "session-2") == nil)
    }

    @Test("writes are idempotent: a spool given twice stores everything once", arguments: Backend.available)
    func idempotent(_ backend: Backend) throws {
        let store = try backend.freshStore()
        let date = Date()
        let writes: [StoreWrite] = [
            .startRun(run: "r1", RunStart(agent: "Eva", scenarioID: "s", scenarioHash: "", guideHash: "", mode: .practice), at: date),
            .record(run: "r1", number: 1, F.turn("lol"), at: date),
            .record(run: "r1", number: 2, F.turn("Hallo du"), at: date),
            .finishRun(run: "r1", .resolved, at: date),
        ]
        try store.write(writes)
        try store.write(writes)
        #expect(try store.turns().count == 2)
        #expect(try store.cohortReport().topFindings.map(\.count) == [1])
        #expect(throws: StoreError.self) { try store.write([.record(run: "nope", number: 1, F.turn("x"), at: date)]) }
    }

    @Test("two writers on one store lose nothing", arguments: Backend.available)
    func concurrentWriters(_ backend: Backend) async throws {
        let location = try backend.freshLocation()
        _ = try ProgressStores.open(location)
        let perWriter = 100
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<2 {
                group.addTask {
                    // Each writer opens its own connection, as two REPL processes would.
                    let recorder = SessionRecorder(store: try ProgressStores.open(location))
                    let (run, failure) = recorder.startRun(RunStart(agent: "Agent \(writer)", scenarioID: "s", scenarioHash: "",
                                                                    guideHash: "", mode: .practice))
                    if let failure { throw failure }
                    for index in 0..<perWriter {
                        if let failure = recorder.record(F.turn("r", step: "\(index)"), run: run) { throw failure }
                    }
                }
            }
            try await group.waitForAll()
        }
        let store = try ProgressStores.open(location, readOnly: true)
        #expect(try store.turns().count == 2 * perWriter)
        #expect(try store.progress().map(\.turns) == [perWriter, perWriter])
    }

    @Test("a new store opened by several connections at once: one migrates, none fails", arguments: Backend.available)
    func concurrentOpening(_ backend: Backend) async throws {
        for _ in 0..<(backend == .sqlite ? 10 : 3) {
            let location = try backend.freshLocation()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<4 {
                    group.addTask { _ = try ProgressStores.open(location) }
                }
                try await group.waitForAll()
            }
            let store = try ProgressStores.open(location)
            try store.play("Neu", "s", [], outcome: nil)
            #expect(try store.realRuns() == 1)
        }
    }

    @Test("SQLite: WAL mode, reopened with its data; the end of a scenario checkpoints the whole log")
    func walAndCheckpoint() throws {
        let path = F.temporaryPath()
        do {
            let store = try SQLiteStore(path: path)
            try store.play("Ben", "x", [F.turn("Hallo", hint: true)], outcome: nil)
        }
        let reopened = try SQLiteStore(path: path)
        #expect(try reopened.turns().first?.hintUsed == true)
        let mode = try reopened.sqlite.queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        try reopened.play("Ben", "x", [F.turn("lol")], outcome: .resolved)
        let frames = try #require(reopened.checkpoint())
        #expect(frames.logFrames > 0)
        #expect(frames.copiedFrames == frames.logFrames)
    }
}

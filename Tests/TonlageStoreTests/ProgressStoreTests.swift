import Foundation
import Testing
@testable import TonlageCore
@testable import TonlageStore

/// The progress store: records, progress figures, and concurrent writers.
@Suite("progress store")
struct ProgressStoreTests {
    func card(_ text: String) -> Scorecard { StoreFixtures.card(text) }

    @Test("turns are stored and summed up per agent and scenario")
    func progress() throws {
        let store = try ProgressStore(path: StoreFixtures.temporaryPath())
        let anna = try store.agent(named: "Anna")
        #expect(try store.agent(named: "Anna") == anna)
        for (text, outcome) in [("lol Sie", "lost"), ("Hallo du", "resolved")] {
            let run = try store.startRun(agent: anna, scenarioID: "paket", scenarioHash: "s", guideHash: "g", mode: .play)
            try store.record(.init(step: "eins", reply: text, action: .reply, seconds: 12.5, card: card(text), hintUsed: false), run: run)
            try store.finishRun(run, outcome: outcome)
        }
        let report = try #require(try store.progress(agent: "Anna").first)
        #expect(report.runs == 2)
        #expect(report.turns == 2)
        #expect(report.scenarios == [ScenarioProgress(scenario: "paket", attempts: 2, bestScore: 100, lastScore: 100,
                                                      lastOutcome: "resolved", recentScores: [50, 100])])
        #expect(report.weakestFamilies.map(\.family) == ["tone", "address"])
        #expect(report.weakestFamilies.first?.topRules == [RuleCount(rule: "tone.slang", count: 1)])
        #expect(try store.turns(agent: "Anna").map(\.reply) == ["lol Sie", "Hallo du"])
        #expect(try store.progress(agent: "Nobody").isEmpty)
    }

    @Test("the store runs in WAL mode and reopens with its data")
    func walAndReopen() throws {
        let path = StoreFixtures.temporaryPath()
        do {
            let store = try ProgressStore(path: path)
            let run = try store.startRun(agent: try store.agent(named: "Ben"), scenarioID: "x", scenarioHash: "", guideHash: "", mode: .play)
            try store.record(.init(step: "a", reply: "Hallo", action: .dm, seconds: nil, card: card("Hallo"), hintUsed: true), run: run)
        }
        let reopened = try ProgressStore(path: path)
        #expect(try reopened.turns().map(\.action) == ["dm"])
        #expect(try reopened.turns().first?.hintUsed == true)
        let mode = try reopened.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test("two writers on one store lose nothing")
    func concurrentWriters() async throws {
        let path = StoreFixtures.temporaryPath()
        _ = try ProgressStore(path: path)
        let perWriter = 200
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<2 {
                group.addTask {
                    // Each writer opens its own connection, as two REPL processes would.
                    let store = try ProgressStore(path: path)
                    let run = try store.startRun(agent: try store.agent(named: "Agent \(writer)"), scenarioID: "s",
                                                 scenarioHash: "", guideHash: "", mode: .play)
                    for index in 0..<perWriter {
                        try store.record(.init(step: "\(index)", reply: "r", action: .reply, seconds: nil,
                                               card: Scorecard.empty(context: ReplyContext(channel: .dm), passMark: 70),
                                               hintUsed: false), run: run)
                    }
                }
            }
            try await group.waitForAll()
        }
        let store = try ProgressStore(path: path)
        #expect(try store.turns().count == 2 * perWriter)
        #expect(try store.progress().map(\.turns) == [perWriter, perWriter])
    }

    @Test("a new store opened by several connections at once: one switches it to WAL and migrates, none fails")
    func concurrentOpening() async throws {
        for _ in 0..<10 {
            let path = StoreFixtures.temporaryPath()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<4 {
                    group.addTask { _ = try ProgressStore(path: path) }
                }
                try await group.waitForAll()
            }
            let store = try ProgressStore(path: path)
            #expect(try store.agent(named: "Neu") > 0)
        }
    }

    @Test("a checkpoint at the end of a scenario copies the whole log into the database")
    func checkpoint() throws {
        let store = try ProgressStore(path: StoreFixtures.temporaryPath())
        let run = try store.startRun(agent: try store.agent(named: "Anna"), scenarioID: "s", scenarioHash: "", guideHash: "", mode: .play)
        try store.record(.init(step: "a", reply: "lol", action: .reply, seconds: 3, card: card("lol"), hintUsed: false), run: run)
        try store.finishRun(run, outcome: "resolved")
        let frames = try #require(store.checkpoint())
        #expect(frames.logFrames > 0)
        #expect(frames.copiedFrames == frames.logFrames)
        #expect(try store.turns().count == 1)
    }
}

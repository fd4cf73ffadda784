import Foundation
import Testing
@testable import TonlageCore
@testable import TonlageStore

/// The dashboard's figures, checked against a small store made by hand, on both backends.
@Suite("cohort report")
struct CohortReportTests {
    func day(_ n: Int) -> Date { Date(timeIntervalSince1970: 1_790_000_000 + Double(n) * 86_400) }

    /// Anna: two runs of "paket" (lol → lost, then clean → resolved) and one left before any
    /// reply; Ben: one run of "zug" with Sie.
    func store(_ backend: Backend) throws -> any ProgressStore {
        let store = try backend.freshStore()
        let plays: [(String, String, [(String, Double)], RunOutcome, Int)] = [
            ("Anna", "paket", [("lol", 100), ("lol Sie", 30)], .lost, 0),
            ("Anna", "paket", [("Hallo du", 20)], .resolved, 3),
            ("Anna", "paket", [], .abandoned, 4),
            ("Ben", "zug", [("Haben Sie Zeit", 50)], .escalated, 1),
        ]
        for (agent, scenario, turns, outcome, dayNumber) in plays {
            try store.play(agent, scenario, turns.map { StoreFixtures.turn($0.0, seconds: $0.1, target: 60) }, outcome: outcome,
                           title: scenario == "paket" ? "Paket verspätet" : "", at: day(dayNumber))
        }
        return store
    }

    @Test("per agent: timeline, losses per family, response times, outcomes; a run without reply is no 0",
          arguments: Backend.available)
    func agents(_ backend: Backend) throws {
        let report = try store(backend).cohortReport()
        #expect(report.passMark == 70)
        #expect(report.agents.map(\.name) == ["Anna", "Ben"])
        let anna = report.agents[0]
        #expect(anna.runs == 2)
        #expect(anna.turns == 3)
        #expect(anna.timeline.map(\.score) == [60, 100])          // (70 + 50) / 2, then 100
        #expect(anna.timeline.map(\.title) == ["Paket verspätet", "Paket verspätet"])
        #expect(anna.averageScore == 73)                          // (70 + 50 + 100) / 3
        #expect(anna.families == [.init(family: "tone", points: 60), .init(family: "address", points: 20)])
        #expect(anna.responseTimes == .init(turns: 3, withinTarget: 2, medianSeconds: 30, medianTarget: 60))
        #expect(anna.outcomes == [.init(scenario: "paket", title: "Paket verspätet", resolved: 1, escalated: 0, lost: 1, abandoned: 0)])
        #expect(anna.practice.passRate == 50)
        #expect(anna.practice.trend == 40)
        #expect(report.agents[1].outcomes.first?.title == "zug", "no title stored: the id")
    }

    @Test("for the cohort: heat map, frequent findings with an example, hardest scenarios", arguments: Backend.available)
    func cohort(_ backend: Backend) throws {
        let report = try store(backend).cohortReport()
        #expect(report.families == ["address", "tone"])
        #expect(report.heatmap.first { $0.agent == "Anna" && $0.family == "tone" }?.pointsPerTurn == 20)
        #expect(report.heatmap.first { $0.agent == "Ben" && $0.family == "address" }?.pointsPerTurn == 20)
        #expect(report.topFindings.map(\.rule) == ["address.sie", "tone.slang"])
        #expect(report.topFindings.first?.example == "Haben Sie Zeit")
        #expect(report.scenarios.map(\.scenario) == ["paket", "zug"])   // 73 before 80
        #expect(report.scenarios.first { $0.scenario == "paket" }?.successRate == 50)
        #expect(try store(backend).cohortReport(agents: [], since: nil, passMark: 55).passMark == 55)
    }

    @Test("filters by agent and by day", arguments: Backend.available)
    func filters(_ backend: Backend) throws {
        let store = try store(backend)
        #expect(try store.cohortReport(agents: ["Ben"]).agents.map(\.name) == ["Ben"])
        let since = RelationalStore.timestamp(day(2)).prefix(10)
        let recent = try store.cohortReport(since: String(since))
        #expect(recent.agents.map(\.runs) == [1])
        #expect(recent.since == String(since))
    }
}

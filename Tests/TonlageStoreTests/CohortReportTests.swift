import Foundation
import Testing
@testable import TonlageCore
@testable import TonlageStore

/// The dashboard's figures, checked against a small store made by hand.
@Suite("cohort report")
struct CohortReportTests {
    func card(_ text: String) -> Scorecard { StoreFixtures.card(text) }

    func day(_ n: Int) -> Date { Date(timeIntervalSince1970: 1_790_000_000 + Double(n) * 86_400) }

    /// Anna: two runs of "paket" (lol → lost, then clean → resolved); Ben: one run of "zug" with Sie.
    func store() throws -> ProgressStore {
        let path = StoreFixtures.temporaryPath()
        let store = try ProgressStore(path: path)
        let anna = try store.agent(named: "Anna"), ben = try store.agent(named: "Ben")
        let plays: [(Int64, String, [(String, Double)], String, Int)] = [
            (anna, "paket", [("lol", 100), ("lol Sie", 30)], "lost", 0),
            (anna, "paket", [("Hallo du", 20)], "resolved", 3),
            (ben, "zug", [("Haben Sie Zeit", 50)], "escalated", 1),
        ]
        for (agent, scenario, turns, outcome, dayNumber) in plays {
            let run = try store.startRun(agent: agent, scenarioID: scenario, scenarioHash: "", guideHash: "", mode: .play, at: day(dayNumber))
            for (text, seconds) in turns {
                try store.record(.init(step: "s", reply: text, action: .reply, seconds: seconds, card: card(text), hintUsed: false,
                                       targetSeconds: 60), run: run, at: day(dayNumber))
            }
            try store.finishRun(run, outcome: outcome, at: day(dayNumber))
        }
        return store
    }

    @Test("per agent: timeline, losses per family, response times, outcomes")
    func agents() throws {
        let report = try store().cohortReport()
        #expect(report.agents.map(\.name) == ["Anna", "Ben"])
        let anna = report.agents[0]
        #expect(anna.runs == 2)
        #expect(anna.turns == 3)
        #expect(anna.timeline.map(\.score) == [60, 100])          // (70 + 50) / 2, then 100
        #expect(anna.averageScore == 73)                          // (70 + 50 + 100) / 3
        #expect(anna.families == [.init(family: "tone", points: 60), .init(family: "address", points: 20)])
        #expect(anna.responseTimes == .init(turns: 3, withinTarget: 2, medianSeconds: 30, medianTarget: 60))
        #expect(anna.outcomes == [.init(scenario: "paket", resolved: 1, escalated: 0, lost: 1, abandoned: 0)])
    }

    @Test("for the cohort: heat map, frequent findings with an example, hardest scenarios")
    func cohort() throws {
        let report = try store().cohortReport()
        #expect(report.families == ["address", "tone"])
        #expect(report.heatmap.first { $0.agent == "Anna" && $0.family == "tone" }?.pointsPerTurn == 20)
        #expect(report.heatmap.first { $0.agent == "Ben" && $0.family == "address" }?.pointsPerTurn == 20)
        #expect(report.topFindings.map(\.rule) == ["address.sie", "tone.slang"])
        #expect(report.topFindings.first?.example == "Haben Sie Zeit")
        #expect(report.scenarios.map(\.scenario) == ["paket", "zug"])   // 73 before 80
        #expect(report.scenarios.first { $0.scenario == "paket" }?.successRate == 50)
    }

    @Test("filters by agent and by day")
    func filters() throws {
        let store = try store()
        #expect(try store.cohortReport(agents: ["Ben"]).agents.map(\.name) == ["Ben"])
        let since = ProgressStore.timestamp(day(2)).prefix(10)
        let recent = try store.cohortReport(since: String(since))
        #expect(recent.agents.map(\.runs) == [1])
        #expect(recent.since == String(since))
    }
}

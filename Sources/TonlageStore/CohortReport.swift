import Foundation
import GRDB

/// The figures of the trainer dashboard: per agent and for the cohort. Computed from the
/// store only, so `report --format json` and `report --html` show the same numbers.
public struct CohortReport: Codable, Sendable, Equatable {
    public struct Point: Codable, Sendable, Equatable {
        /// The day of the run (YYYY-MM-DD) and the run's score (mean of its turns).
        public let date: String
        public let score: Int
        public let scenario: String
    }

    public struct FamilyLoss: Codable, Sendable, Equatable {
        public let family: String
        public let points: Int
    }

    public struct ResponseTimes: Codable, Sendable, Equatable {
        /// Turns with a target, how many were within it, and the median seconds and target.
        public let turns: Int
        public let withinTarget: Int
        public let medianSeconds: Int?
        public let medianTarget: Int?
    }

    public struct OutcomeCount: Codable, Sendable, Equatable {
        public let scenario: String
        public let resolved: Int
        public let escalated: Int
        public let lost: Int
        public let abandoned: Int
    }

    public struct Agent: Codable, Sendable, Equatable {
        public let name: String
        public let runs: Int
        public let turns: Int
        public let averageScore: Int
        public let timeline: [Point]
        /// Most points lost first.
        public let families: [FamilyLoss]
        public let responseTimes: ResponseTimes
        public let outcomes: [OutcomeCount]
    }

    public struct HeatCell: Codable, Sendable, Equatable {
        public let agent: String
        public let family: String
        /// Points lost in the family per turn, on average.
        public let pointsPerTurn: Double
    }

    public struct FrequentFinding: Codable, Sendable, Equatable {
        public let rule: String
        public let family: String
        public let count: Int
        /// The most recent reply that drew it.
        public let example: String
        public let excerpt: String
    }

    public struct ScenarioDifficulty: Codable, Sendable, Equatable {
        public let scenario: String
        public let runs: Int
        public let averageScore: Int
        /// Share of finished runs that reached resolved or escalated, in percent.
        public let successRate: Int
    }

    public let since: String?
    public let agents: [Agent]
    public let families: [String]
    public let heatmap: [HeatCell]
    public let topFindings: [FrequentFinding]
    /// Hardest first (lowest average score).
    public let scenarios: [ScenarioDifficulty]
}

extension ProgressStore {
    /// The dashboard figures for the given agents (all when empty), from `since` (YYYY-MM-DD) on.
    public func cohortReport(agents names: [String] = [], since: String? = nil) throws -> CohortReport {
        try read { db in
            var filter = "WHERE 1 = 1"
            var arguments: [(any DatabaseValueConvertible)?] = []
            if !names.isEmpty {
                filter += " AND agent.name IN (\(Array(repeating: "?", count: names.count).joined(separator: ",")))"
                arguments += names.map { $0 as (any DatabaseValueConvertible)? }
            }
            if let since {
                filter += " AND run.startedAt >= ?"
                arguments.append(since)
            }
            let rows = try Row.fetchAll(db, sql: """
                SELECT agent.name AS agent, run.id AS run, run.scenarioId AS scenario, run.startedAt AS started,
                       run.outcome AS outcome, turn.score AS score, turn.seconds AS seconds,
                       turn.targetSeconds AS target, turn.findings AS findings, turn.reply AS reply
                FROM run JOIN agent ON agent.id = run.agentId LEFT JOIN turn ON turn.runId = run.id
                \(filter) ORDER BY run.startedAt, run.id, turn.id
                """, arguments: StatementArguments(arguments.map { $0?.databaseValue ?? .null }))
            return Self.report(rows.map(ReportRow.init), since: since)
        }
    }

    struct ReportRow {
        let agent: String
        let run: Int64
        let scenario: String
        let started: String
        let outcome: String?
        let score: Int?
        let seconds: Double?
        let target: Int?
        let findings: [StoredFinding]
        let reply: String?

        init(_ row: Row) {
            agent = row["agent"]
            run = row["run"]
            scenario = row["scenario"]
            started = row["started"]
            outcome = row["outcome"]
            score = row["score"]
            seconds = row["seconds"]
            target = row["target"]
            reply = row["reply"]
            let json: String? = row["findings"]
            findings = json.flatMap { try? JSONDecoder().decode([StoredFinding].self, from: Data($0.utf8)) } ?? []
        }
    }

    static func report(_ rows: [ReportRow], since: String?) -> CohortReport {
        let turns = rows.filter { $0.score != nil }
        let families = Array(Set(turns.flatMap { $0.findings.map(\.family) })).sorted { familyOrder($0) < familyOrder($1) }
        var agents: [CohortReport.Agent] = []
        var heatmap: [CohortReport.HeatCell] = []
        for name in Set(rows.map(\.agent)).sorted() {
            let mine = rows.filter { $0.agent == name }
            let myTurns = mine.filter { $0.score != nil }
            let runs = Dictionary(grouping: mine, by: \.run)
            let timeline = runs.keys.sorted().compactMap { id -> CohortReport.Point? in
                let scores = runs[id]!.compactMap(\.score)
                guard let first = runs[id]!.first, !scores.isEmpty else { return nil }
                return .init(date: String(first.started.prefix(10)), score: mean(scores), scenario: first.scenario)
            }
            var lost: [String: Int] = [:]
            for turn in myTurns { for finding in turn.findings { lost[finding.family, default: 0] += finding.deduction } }
            let timed = myTurns.filter { $0.target != nil && $0.seconds != nil }
            let within = timed.filter { $0.seconds! <= Double($0.target!) }.count
            let outcomes = Set(mine.map(\.scenario)).sorted().map { scenario -> CohortReport.OutcomeCount in
                let ends = Dictionary(grouping: runs.values.compactMap { $0.first }.filter { $0.scenario == scenario }, by: { $0.outcome ?? "abandoned" })
                return .init(scenario: scenario, resolved: ends["resolved"]?.count ?? 0, escalated: ends["escalated"]?.count ?? 0,
                             lost: ends["lost"]?.count ?? 0, abandoned: ends["abandoned"]?.count ?? 0)
            }
            agents.append(.init(name: name, runs: runs.count, turns: myTurns.count, averageScore: mean(myTurns.compactMap(\.score)),
                                timeline: timeline,
                                families: lost.filter { $0.value > 0 }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
                                    .map { .init(family: $0.key, points: $0.value) },
                                responseTimes: .init(turns: timed.count, withinTarget: within,
                                                     medianSeconds: median(timed.map { Int($0.seconds!.rounded()) }),
                                                     medianTarget: median(timed.map { $0.target! })),
                                outcomes: outcomes))
            for family in families {
                let points = myTurns.reduce(0) { sum, turn in sum + turn.findings.filter { $0.family == family }.reduce(0) { $0 + $1.deduction } }
                heatmap.append(.init(agent: name, family: family,
                                     pointsPerTurn: myTurns.isEmpty ? 0 : (Double(points) / Double(myTurns.count) * 10).rounded() / 10))
            }
        }
        var counts: [String: (family: String, count: Int, example: String, excerpt: String)] = [:]
        for turn in turns {
            for finding in turn.findings {
                let entry = counts[finding.rule]
                counts[finding.rule] = (finding.family, (entry?.count ?? 0) + 1, turn.reply ?? "", finding.excerpt)
            }
        }
        let top = counts.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }.prefix(10).map {
            CohortReport.FrequentFinding(rule: $0.key, family: $0.value.family, count: $0.value.count,
                                         example: $0.value.example, excerpt: $0.value.excerpt)
        }
        let byScenario = Dictionary(grouping: rows, by: \.scenario)
        let scenarios = byScenario.keys.map { scenario -> CohortReport.ScenarioDifficulty in
            let runs = Dictionary(grouping: byScenario[scenario]!, by: \.run).values.compactMap(\.first)
            let finished = runs.filter { $0.outcome != nil && $0.outcome != "abandoned" }
            let succeeded = finished.filter { $0.outcome == "resolved" || $0.outcome == "escalated" }.count
            return .init(scenario: scenario, runs: runs.count, averageScore: mean(byScenario[scenario]!.compactMap(\.score)),
                         successRate: finished.isEmpty ? 0 : Int((Double(succeeded) * 100 / Double(finished.count)).rounded()))
        }.sorted { ($0.averageScore, $0.scenario) < ($1.averageScore, $1.scenario) }
        return CohortReport(since: since, agents: agents, families: families, heatmap: heatmap, topFindings: Array(top),
                            scenarios: scenarios)
    }

    static func mean(_ values: [Int]) -> Int {
        values.isEmpty ? 0 : Int((Double(values.reduce(0, +)) / Double(values.count)).rounded())
    }

    static func median(_ values: [Int]) -> Int? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }

    static func familyOrder(_ family: String) -> Int {
        ["address", "length", "template", "tone", "privacy", "disclosure", "spelling", "content", "tempo"].firstIndex(of: family) ?? 99
    }
}

import Foundation
import TonlageCore

/// The figures of the trainer dashboard: per agent and for the cohort. Computed from the
/// store only (either backend), so `report --format json` and `report --html` show the same
/// numbers. Runs left before any reply are not counted.
public struct CohortReport: Codable, Sendable, Equatable {
    public struct Point: Codable, Sendable, Equatable {
        /// The day of the run (YYYY-MM-DD) and the run's score (mean of its turns).
        public let date: String
        public let score: Int
        public let scenario: String
        public let title: String
        /// An exam or certification run, not practice.
        public let assessment: Bool
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
        public let title: String
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
        public let practice: Track
        /// Exams and certifications.
        public let assessment: Track
        public let readiness: Readiness
        /// Turns answered after `:hint`.
        public let hintsUsed: Int
        /// Sentences written into replies of three or more scenarios.
        public let ownBoilerplate: [OwnBoilerplate]
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
        public let title: String
        public let runs: Int
        public let averageScore: Int
        /// Share of finished runs that reached resolved or escalated, in percent.
        public let successRate: Int
    }

    public let since: String?
    /// The guide's pass mark, which the figures were judged against.
    public let passMark: Int
    public let agents: [Agent]
    public let families: [String]
    public let heatmap: [HeatCell]
    public let topFindings: [FrequentFinding]
    /// Hardest first (lowest average score).
    public let scenarios: [ScenarioDifficulty]
}

extension Reports {
    func cohort(agents names: [String], since: String?) throws -> CohortReport {
        let filter = Filter(agents: names, since: since)
        let runs = try runs(filter)
        let losses = try losses(filter)
        let boilerplate = try ownBoilerplate(filter)
        let certified = try certifications(agents: names)
        let times = try db.query("""
            SELECT agent.name AS agent, turn.seconds AS seconds, turn.targetSeconds AS target
            FROM turn JOIN run ON run.id = turn.runId JOIN agent ON agent.id = run.agentId
            WHERE turn.targetSeconds IS NOT NULL AND turn.seconds IS NOT NULL\(filter.sql)
            """, filter.arguments)
        let families = Array(Set(losses.map(\.family))).sorted { Self.familyOrder($0) < Self.familyOrder($1) }
        var agents: [CohortReport.Agent] = []
        var heatmap: [CohortReport.HeatCell] = []
        for name in Set(runs.map(\.agent)).sorted() {
            let mine = runs.filter { $0.agent == name }
            let turns = mine.reduce(0) { $0 + $1.turns }
            let timeline = mine.map {
                CohortReport.Point(date: String($0.started.prefix(10)), score: $0.score, scenario: $0.scenario, title: $0.title,
                                   assessment: $0.isAssessment)
            }
            let myLosses = losses.filter { $0.agent == name }
            var lost: [String: Int] = [:]
            for loss in myLosses { lost[loss.family, default: 0] += loss.points }
            let timed = times.filter { $0.string("agent") == name }
            let within = timed.filter { ($0.double("seconds") ?? 0) <= Double($0.int("target") ?? 0) }.count
            let outcomes = Dictionary(grouping: mine, by: \.scenario).sorted { $0.key < $1.key }.map { scenario, plays in
                let count = { (outcome: RunOutcome) in plays.filter { $0.outcome == outcome }.count }
                return CohortReport.OutcomeCount(scenario: scenario, title: plays.last!.title, resolved: count(.resolved),
                                                 escalated: count(.escalated), lost: count(.lost), abandoned: count(.abandoned))
            }
            let scoreTotal = mine.reduce(0) { $0 + $1.points }
            agents.append(.init(name: name, runs: mine.count, turns: turns, averageScore: Self.mean(total: scoreTotal, count: turns),
                                timeline: timeline,
                                families: lost.filter { $0.value > 0 }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
                                    .map { .init(family: $0.key, points: $0.value) },
                                responseTimes: .init(turns: timed.count, withinTarget: within,
                                                     medianSeconds: Self.median(timed.map { Int(($0.double("seconds") ?? 0).rounded()) }),
                                                     medianTarget: Self.median(timed.compactMap { $0.int("target") })),
                                outcomes: outcomes, practice: track(mine.filter { !$0.isAssessment }),
                                assessment: track(mine.filter(\.isAssessment)), readiness: readiness(mine, certified: certified[name]),
                                hintsUsed: mine.reduce(0) { $0 + $1.hints }, ownBoilerplate: boilerplate[name] ?? []))
            for family in families {
                heatmap.append(.init(agent: name, family: family,
                                     pointsPerTurn: turns == 0 ? 0 : (Double(lost[family] ?? 0) / Double(turns) * 10).rounded() / 10))
            }
        }
        return CohortReport(since: since, passMark: passMark, agents: agents, families: families, heatmap: heatmap,
                            topFindings: try frequentFindings(filter), scenarios: difficulty(runs))
    }

    /// The ten rules found most often, each with the most recent reply that drew it.
    func frequentFindings(_ filter: Filter) throws -> [CohortReport.FrequentFinding] {
        let counts = try db.query("""
            SELECT finding.rule AS rule, MIN(finding.family) AS family, COUNT(*) AS n
            FROM finding JOIN turn ON turn.id = finding.turnId JOIN run ON run.id = turn.runId JOIN agent ON agent.id = run.agentId
            WHERE 1 = 1\(filter.sql)
            GROUP BY finding.rule ORDER BY COUNT(*) DESC, finding.rule LIMIT 10
            """, filter.arguments)
        return try counts.map { row in
            let rule = row.string("rule") ?? ""
            let example = try db.query("""
                SELECT turn.reply AS reply, finding.excerpt AS excerpt
                FROM finding JOIN turn ON turn.id = finding.turnId JOIN run ON run.id = turn.runId JOIN agent ON agent.id = run.agentId
                WHERE finding.rule = ?\(filter.sql)
                ORDER BY run.startedAt DESC, run.id DESC, turn.id DESC, finding.position DESC LIMIT 1
                """, [rule] + filter.arguments).first
            return .init(rule: rule, family: row.string("family") ?? "", count: row.int("n") ?? 0,
                         example: example?.string("reply") ?? "", excerpt: example?.string("excerpt") ?? "")
        }
    }

    /// Hardest first: the lowest average score over the scenario's turns.
    func difficulty(_ runs: [RunRow]) -> [CohortReport.ScenarioDifficulty] {
        Dictionary(grouping: runs, by: \.scenario).map { scenario, plays in
            let finished = plays.filter { $0.outcome != .abandoned && $0.outcome != .unfinished }
            let succeeded = finished.filter(\.outcome.isSuccess).count
            return CohortReport.ScenarioDifficulty(
                scenario: scenario, title: plays.last!.title, runs: plays.count,
                averageScore: Self.mean(total: plays.reduce(0) { $0 + $1.points }, count: plays.reduce(0) { $0 + $1.turns }),
                successRate: finished.isEmpty ? 0 : Int((Double(succeeded) * 100 / Double(finished.count)).rounded()))
        }.sorted { ($0.averageScore, $0.scenario) < ($1.averageScore, $1.scenario) }
    }

    static func familyOrder(_ family: String) -> Int {
        ["address", "length", "template", "tone", "privacy", "disclosure", "spelling", "content", "tempo"].firstIndex(of: family) ?? 99
    }
}

import Foundation
import GRDB

/// How an agent is doing: per scenario the attempts and scores, and where points are lost.
public struct AgentProgress: Codable, Sendable, Equatable {
    public let agent: String
    public let runs: Int
    public let turns: Int
    public let scenarios: [ScenarioProgress]
    /// Families ordered by the points lost in them, most first.
    public let weakestFamilies: [FamilyWeakness]
}

public struct ScenarioProgress: Codable, Sendable, Equatable {
    public let scenario: String
    public let attempts: Int
    /// A run's score is the mean of its turns' scores.
    public let bestScore: Int?
    public let lastScore: Int?
    public let lastOutcome: String?
    /// The last ten run scores, oldest first.
    public let recentScores: [Int]
}

public struct FamilyWeakness: Codable, Sendable, Equatable {
    public let family: String
    public let pointsLost: Int
    public let findings: Int
    /// The rules found most often in this family, most first.
    public let topRules: [RuleCount]
}

public struct RuleCount: Codable, Sendable, Equatable {
    public let rule: String
    public let count: Int
}

/// A turn as stored, for front ends that show or export the history.
public struct StoredTurn: Codable, Sendable, Equatable {
    public let agent: String
    public let scenario: String
    public let run: Int64
    public let step: String
    public let reply: String
    public let action: String
    public let seconds: Double?
    public let score: Int
    public let passed: Bool
    public let hintUsed: Bool
}

extension ProgressStore {
    /// Progress of one agent, or of every agent (by name).
    public func progress(agent name: String? = nil) throws -> [AgentProgress] {
        try read { db in
            let agents = try Row.fetchAll(db, sql: "SELECT id, name FROM agent" + (name == nil ? "" : " WHERE name = ?")
                                          + " ORDER BY name", arguments: name.map { [$0] } ?? [])
            return try agents.map { row in try Self.progress(agent: row["id"], name: row["name"], db: db) }
        }
    }

    private static func progress(agent: Int64, name: String, db: Database) throws -> AgentProgress {
        let runs = try Row.fetchAll(db, sql: """
            SELECT run.id, run.scenarioId, run.outcome, AVG(turn.score) AS score, COUNT(turn.id) AS turns
            FROM run LEFT JOIN turn ON turn.runId = run.id
            WHERE run.agentId = ? GROUP BY run.id ORDER BY run.id
            """, arguments: [agent])
        var byScenario: [String: [Row]] = [:]
        for run in runs { byScenario[run["scenarioId"], default: []].append(run) }
        let scenarios = byScenario.keys.sorted().map { scenario -> ScenarioProgress in
            let attempts = byScenario[scenario]!
            let scores = attempts.compactMap { ($0["score"] as Double?).map { Int($0.rounded()) } }
            return ScenarioProgress(scenario: scenario, attempts: attempts.count, bestScore: scores.max(),
                                    lastScore: scores.last, lastOutcome: attempts.last?["outcome"],
                                    recentScores: Array(scores.suffix(10)))
        }

        var lost: [String: Int] = [:]
        var counts: [String: Int] = [:]
        var rules: [String: [String: Int]] = [:]
        let decoder = JSONDecoder()
        for findings in try String.fetchAll(db, sql: """
            SELECT turn.findings FROM turn JOIN run ON run.id = turn.runId WHERE run.agentId = ?
            """, arguments: [agent]) {
            for finding in (try? decoder.decode([StoredFinding].self, from: Data(findings.utf8))) ?? [] {
                lost[finding.family, default: 0] += finding.deduction
                counts[finding.family, default: 0] += 1
                rules[finding.family, default: [:]][finding.rule, default: 0] += 1
            }
        }
        let weakest = lost.keys.sorted { (lost[$0]!, counts[$0]!, $1) > (lost[$1]!, counts[$1]!, $0) }.map { family in
            FamilyWeakness(family: family, pointsLost: lost[family]!, findings: counts[family]!,
                           topRules: rules[family]!.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3)
                            .map { RuleCount(rule: $0.key, count: $0.value) })
        }
        return AgentProgress(agent: name, runs: runs.count, turns: runs.reduce(0) { $0 + ($1["turns"] as Int) },
                             scenarios: scenarios, weakestFamilies: weakest)
    }

    /// Every stored turn, oldest first.
    public func turns(agent name: String? = nil) throws -> [StoredTurn] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT agent.name, run.scenarioId, run.id AS run, turn.step, turn.reply, turn.action, turn.seconds,
                       turn.score, turn.passed, turn.hintUsed
                FROM turn JOIN run ON run.id = turn.runId JOIN agent ON agent.id = run.agentId
                """ + (name == nil ? "" : " WHERE agent.name = ?") + " ORDER BY turn.id",
                arguments: name.map { [$0] } ?? []).map { row in
                StoredTurn(agent: row["name"], scenario: row["scenarioId"], run: row["run"], step: row["step"],
                           reply: row["reply"], action: row["action"], seconds: row["seconds"], score: row["score"],
                           passed: row["passed"], hintUsed: row["hintUsed"])
            }
        }
    }
}

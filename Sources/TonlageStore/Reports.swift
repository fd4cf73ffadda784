import Foundation
import TonlageCore

/// The reports, as queries over the shared schema. Runs without a reply are left out
/// everywhere: a trainee who opened a scenario and left did not score 0.
struct Reports {
    let db: any SQLConnection
    let passMark: Int

    /// A run with its turns summed up.
    struct RunRow {
        let id: Int64
        let agent: String
        let scenario: String
        let title: String
        let mode: RunMode
        let outcome: RunOutcome
        let started: String
        let turns: Int
        /// The sum of the turns' scores, and their mean (the run's score).
        let points: Int
        let score: Int
        let hints: Int

        var isAssessment: Bool { mode.isAssessment }
    }

    /// A filter on agents and the start day, as SQL and its arguments.
    struct Filter {
        var sql = ""
        var arguments: [any SQLArgument] = []

        init(agents: [String] = [], since: String? = nil) {
            if !agents.isEmpty {
                sql += " AND agent.name IN (\(Array(repeating: "?", count: agents.count).joined(separator: ", ")))"
                arguments += agents.map { $0 as any SQLArgument }
            }
            if let since {
                sql += " AND run.startedAt >= ?"
                arguments.append(since)
            }
        }
    }

    func runs(_ filter: Filter) throws -> [RunRow] {
        try db.query("""
            SELECT run.id AS id, agent.name AS agent, run.scenarioId AS scenario, run.scenarioTitle AS title, run.mode AS mode,
                   run.outcome AS outcome, run.startedAt AS started, COUNT(turn.id) AS turns, SUM(turn.score) AS points,
                   SUM(CASE WHEN turn.hintUsed THEN 1 ELSE 0 END) AS hints
            FROM run JOIN agent ON agent.id = run.agentId JOIN turn ON turn.runId = run.id
            WHERE 1 = 1\(filter.sql)
            GROUP BY run.id, agent.name, run.scenarioId, run.scenarioTitle, run.mode, run.outcome, run.startedAt
            ORDER BY run.startedAt, run.id
            """, filter.arguments).map { row in
            let turns = row.int("turns") ?? 0
            let scenario = row.string("scenario") ?? ""
            return RunRow(id: Int64(row.int("id") ?? 0), agent: row.string("agent") ?? "", scenario: scenario,
                          title: row.string("title").flatMap { $0.isEmpty ? nil : $0 } ?? scenario,
                          mode: RunMode(rawValue: row.string("mode") ?? "") ?? .practice,
                          outcome: RunOutcome(rawValue: row.string("outcome") ?? "") ?? .unfinished,
                          started: row.string("started") ?? "", turns: turns, points: row.int("points") ?? 0,
                          score: Self.mean(total: row.int("points") ?? 0, count: turns), hints: row.int("hints") ?? 0)
        }
    }

    /// Points lost and findings per agent, family and rule.
    func losses(_ filter: Filter) throws -> [(agent: String, family: String, rule: String, count: Int, points: Int)] {
        try db.query("""
            SELECT agent.name AS agent, finding.family AS family, finding.rule AS rule, COUNT(*) AS n, SUM(finding.deduction) AS points
            FROM finding JOIN turn ON turn.id = finding.turnId JOIN run ON run.id = turn.runId JOIN agent ON agent.id = run.agentId
            WHERE 1 = 1\(filter.sql)
            GROUP BY agent.name, finding.family, finding.rule
            """, filter.arguments).map {
            ($0.string("agent") ?? "", $0.string("family") ?? "", $0.string("rule") ?? "", $0.int("n") ?? 0, $0.int("points") ?? 0)
        }
    }

    /// Sentences each agent wrote into replies of at least `OwnSentences.scenarios` scenarios.
    func ownBoilerplate(_ filter: Filter) throws -> [String: [OwnBoilerplate]] {
        let rows = try db.query("""
            SELECT agent.name AS agent, sentence.fingerprint AS fingerprint, MIN(sentence.text) AS text,
                   COUNT(DISTINCT run.scenarioId) AS scenarios, COUNT(*) AS uses
            FROM sentence JOIN turn ON turn.id = sentence.turnId JOIN run ON run.id = turn.runId JOIN agent ON agent.id = run.agentId
            WHERE 1 = 1\(filter.sql)
            GROUP BY agent.name, sentence.fingerprint
            HAVING COUNT(DISTINCT run.scenarioId) >= ?
            ORDER BY agent.name, COUNT(DISTINCT run.scenarioId) DESC, COUNT(*) DESC, MIN(sentence.text)
            """, filter.arguments + [OwnSentences.scenarios])
        var result: [String: [OwnBoilerplate]] = [:]
        for row in rows {
            result[row.string("agent") ?? "", default: []].append(
                OwnBoilerplate(sentence: row.string("text") ?? "", scenarios: row.int("scenarios") ?? 0, uses: row.int("uses") ?? 0))
        }
        return result
    }

    func progress(agent: String?) throws -> [AgentProgress] {
        let filter = Filter(agents: agent.map { [$0] } ?? [])
        let runs = try runs(filter)
        let losses = try losses(filter)
        let boilerplate = try ownBoilerplate(filter)
        let certified = try certifications(agents: agent.map { [$0] } ?? [])
        var agents = try db.query("SELECT name FROM agent WHERE 1 = 1\(filter.sql) ORDER BY name", filter.arguments)
            .compactMap { $0.string("name") }
        agents.sort()
        return agents.map { name in
            let mine = runs.filter { $0.agent == name }
            var scenarios: [ScenarioProgress] = []
            for assessment in [false, true] {
                let group = Dictionary(grouping: mine.filter { $0.isAssessment == assessment }, by: \.scenario)
                scenarios += group.keys.sorted().map { scenario in
                    let attempts = group[scenario]!
                    let scores = attempts.map(\.score)
                    return ScenarioProgress(scenario: scenario, title: attempts.last!.title, track: assessment ? "assessment" : "practice",
                                            attempts: attempts.count, bestScore: scores.max(), lastScore: scores.last,
                                            lastOutcome: attempts.last?.outcome.rawValue, recentScores: Array(scores.suffix(10)),
                                            hintsUsed: attempts.reduce(0) { $0 + $1.hints })
                }
            }
            let myLosses = losses.filter { $0.agent == name }
            let families = Dictionary(grouping: myLosses, by: \.family)
            let weakest = families.map { family, rules in
                FamilyWeakness(family: family, pointsLost: rules.reduce(0) { $0 + $1.points }, findings: rules.reduce(0) { $0 + $1.count },
                               topRules: rules.sorted { ($0.count, $1.rule) > ($1.count, $0.rule) }.prefix(3)
                                .map { RuleCount(rule: $0.rule, count: $0.count) })
            }.sorted { ($0.pointsLost, $0.findings, $1.family) > ($1.pointsLost, $1.findings, $0.family) }
            return AgentProgress(agent: name, runs: mine.count, turns: mine.reduce(0) { $0 + $1.turns },
                                 practice: track(mine.filter { !$0.isAssessment }), assessment: track(mine.filter(\.isAssessment)),
                                 readiness: readiness(mine, certified: certified[name]), hintsUsed: mine.reduce(0) { $0 + $1.hints },
                                 scenarios: scenarios, weakestFamilies: weakest, ownBoilerplate: boilerplate[name] ?? [])
        }
    }

    /// Whether each agent's latest certification passed.
    func certifications(agents: [String]) throws -> [String: Bool] {
        let filter = Filter(agents: agents)
        var latest: [String: Bool] = [:]
        for row in try db.query("""
            SELECT agent.name AS agent, certification.certified AS certified
            FROM certification JOIN agent ON agent.id = certification.agentId
            WHERE 1 = 1\(filter.sql) ORDER BY certification.issuedAt, certification.id
            """, filter.arguments) {
            latest[row.string("agent") ?? ""] = row.bool("certified")
        }
        return latest
    }

    func passed(_ run: RunRow) -> Bool {
        run.outcome.isSuccess && run.score >= passMark
    }

    func track(_ runs: [RunRow]) -> Track {
        let passed = runs.filter(passed).count
        let scores = runs.map(\.score)
        var trend: Int?
        if scores.count >= 2 {
            let window = min(3, scores.count / 2)
            trend = Self.mean(Array(scores.suffix(window))) - Self.mean(Array(scores.dropLast(window).suffix(window)))
        }
        return Track(runs: runs.count, passed: passed,
                     passRate: runs.isEmpty ? nil : Int((Double(passed) * 100 / Double(runs.count)).rounded()),
                     averageScore: runs.isEmpty ? nil : Self.mean(scores), trend: trend)
    }

    func readiness(_ runs: [RunRow], certified: Bool?) -> Readiness {
        if certified == true { return .certified }
        let recent = runs.filter { !$0.isAssessment }.suffix(5)
        return recent.count >= 3 && Double(recent.filter(passed).count) >= 0.8 * Double(recent.count) ? .ready : .needsPractice
    }

    func turns(agent: String?) throws -> [StoredTurn] {
        let filter = Filter(agents: agent.map { [$0] } ?? [])
        return try db.query("""
            SELECT agent.name AS agent, run.scenarioId AS scenario, run.id AS run, turn.step AS step, turn.reply AS reply,
                   turn.action AS action, turn.seconds AS seconds, turn.score AS score, turn.passed AS passed, turn.hintUsed AS hint
            FROM turn JOIN run ON run.id = turn.runId JOIN agent ON agent.id = run.agentId
            WHERE 1 = 1\(filter.sql) ORDER BY turn.id
            """, filter.arguments).map { row in
            StoredTurn(agent: row.string("agent") ?? "", scenario: row.string("scenario") ?? "", run: Int64(row.int("run") ?? 0),
                       step: row.string("step") ?? "", reply: row.string("reply") ?? "", action: row.string("action") ?? "",
                       seconds: row.double("seconds"), score: row.int("score") ?? 0, passed: row.bool("passed"),
                       hintUsed: row.bool("hint"))
        }
    }

    func sentenceScenarios(agent: String) throws -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for row in try db.query("""
            SELECT DISTINCT sentence.fingerprint AS fingerprint, run.scenarioId AS scenario
            FROM sentence JOIN turn ON turn.id = sentence.turnId JOIN run ON run.id = turn.runId JOIN agent ON agent.id = run.agentId
            WHERE agent.name = ?
            """, [agent]) {
            result[row.string("fingerprint") ?? "", default: []].insert(row.string("scenario") ?? "")
        }
        return result
    }

    static func mean(total: Int, count: Int) -> Int {
        count == 0 ? 0 : Int((Double(total) / Double(count)).rounded())
    }

    static func mean(_ values: [Int]) -> Int {
        mean(total: values.reduce(0, +), count: values.count)
    }

    static func median(_ values: [Int]) -> Int? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}

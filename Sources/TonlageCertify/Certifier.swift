import Dispatch
import Foundation
import TonlageCore
import TonlageScenarios

/// Walks an agent's answers through the plan's scenarios, exactly as the REPL would, and
/// decides the verdict by the plan's rule. Pure: files are read before, written after.
public struct Certifier: Sendable {
    public let guide: Guide
    public let guideFile: String
    public let scenarios: [Scenario]
    public let plan: CertificationPlan
    public let tool: String
    /// More turns than this in one scenario means the answers go round in circles.
    public var maxTurns = 20

    /// Paths under this folder are recorded relative to it (the working directory, for the
    /// command line), so a certificate still verifies in another checkout of the same files.
    /// Paths outside it, and every path when nil, are recorded as given.
    public var recordPathsRelativeTo: String?

    public init(guide: Guide, guideFile: String, scenarios: [Scenario], plan: CertificationPlan, tool: String) {
        self.guide = guide
        self.guideFile = guideFile
        self.scenarios = scenarios
        self.plan = plan
        self.tool = tool
    }

    public func certify(_ answers: AnswersFile, issuedAt: String) -> Certificate {
        certification(answers, issuedAt: issuedAt).certificate
    }

    /// The certificate and the plays behind it, with their full scorecards for the progress store.
    public func certification(_ answers: AnswersFile, issuedAt: String) -> Certification {
        let messages = Messages.for(language: guide.language)
        let scorer = Scorer(guide: guide)
        let played = plan.scenarios.map { id in play(id, answers: answers.answers[id] ?? [:], scorer: scorer, messages: messages) }
        let results = played.map(\.result)
        let average = results.isEmpty ? 0 : Int((Double(results.map(\.score).reduce(0, +)) / Double(results.count)).rounded())
        let passed = results.filter(\.passed).count
        var reasons: [String] = []
        if plan.requiresExam && answers.exam == nil { reasons.append(messages.certExamRequired) }
        if let minPassed = plan.minPassed {
            if passed < minPassed { reasons.append(messages.certTooFewPassed(passed, results.count, minPassed)) }
        } else if passed < results.count {
            reasons.append(messages.certNotAllPassed(results.count - passed, results.count))
        }
        if let minAverage = plan.minAverage, average < minAverage {
            reasons.append(messages.certAverageBelow(average, minAverage))
        }
        let certificate = Certificate(
            agent: answers.agent, plan: plan.name, planFile: .init(path: recorded(plan.file), sha256: plan.contentHash),
            certified: reasons.isEmpty, average: average, passedScenarios: passed, reasons: reasons,
            scenarios: results, guide: .init(path: recorded(guideFile), sha256: guide.contentHash),
            answers: .init(path: recorded(answers.file), sha256: answers.contentHash), examSession: answers.exam?.session,
            language: messages.language, tool: tool, issuedAt: issuedAt, validUntil: Self.validUntil(issuedAt, months: plan.validMonths))
        return Certification(certificate: certificate, runs: played.map(\.run), answers: answers)
    }

    /// The issue time plus whole calendar months, in UTC; empty when the issue time is not ISO 8601.
    static func validUntil(_ issuedAt: String, months: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let issued = try? Date(issuedAt, strategy: .iso8601),
              let until = calendar.date(byAdding: .month, value: months, to: issued) else { return "" }
        return until.formatted(.iso8601)
    }

    func recorded(_ path: String) -> String {
        guard let base = recordPathsRelativeTo, path.hasPrefix("/") else { return path }
        let folder = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(folder) ? String(path.dropFirst(folder.count)) : path
    }

    /// Walks one scenario with the agent's answers, as the REPL would.
    func play(_ id: String, answers: [String: Answer], scorer: Scorer,
              messages: Messages) -> (result: Certificate.ScenarioResult, run: ScenarioRun?) {
        guard let scenario = scenarios.first(where: { $0.id == id }) else {
            return (.init(id: id, file: nil, outcome: "missing", path: [], turns: [], score: 0, passed: false,
                          reasons: [messages.certScenarioMissing(id)]), nil)
        }
        var run = ScenarioRun(scenario: scenario)
        var reasons: [String] = []
        while let step = run.stepID {
            guard let answer = answers[step] else {
                reasons.append(messages.certNoAnswer(step))
                break
            }
            guard run.turns.count < maxTurns else {
                reasons.append(messages.certCircles(maxTurns))
                break
            }
            _ = run.answer(answer, scorer: scorer)
        }
        let outcome = run.outcome?.rawValue ?? "unfinished"
        if let end = run.outcome, !scenario.success.contains(end) {
            let expected = scenario.success.map { messages.outcomes[$0.rawValue] ?? $0.rawValue }
            reasons.append(messages.certEndedWrong(messages.outcomes[end.rawValue] ?? end.rawValue, expected.joined(separator: " / ")))
        }
        let score = run.averageScore
        if let minimum = plan.minScenarioScore, score < minimum { reasons.append(messages.certScoreBelow(score, minimum)) }
        for family in plan.noErrorsIn {
            let errors = run.turns.flatMap(\.card.findings).filter { $0.family == family && $0.severity == .error }
            if let first = errors.first {
                reasons.append(messages.certFamilyError(messages.families[family] ?? family.rawValue, first.rule, first.excerpt))
            }
        }
        let turns = run.turns.map { turn in
            Certificate.Turn(step: turn.stepID, action: turn.answer.action.rawValue, text: turn.answer.text,
                             milliseconds: turn.answer.seconds.map { Int(($0 * 1000).rounded()) }, score: turn.card.score, passed: turn.card.passed,
                             findings: turn.card.findings.map {
                                 .init(rule: $0.rule, severity: $0.severity.rawValue, excerpt: $0.excerpt, message: $0.message,
                                       deduction: $0.deduction)
                             })
        }
        return (.init(id: id, file: .init(path: recorded(scenario.file), sha256: scenario.contentHash), outcome: outcome,
                      path: run.turns.map(\.stepID), turns: turns, score: score, passed: reasons.isEmpty, reasons: reasons), run)
    }
}

/// A certificate with the plays it was decided on.
public struct Certification: Sendable {
    public let certificate: Certificate
    /// Per scenario of the plan, in its order: the play with every turn's full scorecard; nil
    /// for a scenario the library does not have.
    public let runs: [ScenarioRun?]
    /// The answers it was made from.
    public let answers: AnswersFile
}

/// The problems that kept an answers file from being certified.
public struct CertificationProblems: Error, Sendable {
    public let diagnostics: [Diagnostic]
}

extension Certifier {
    /// Reads and certifies answer files in parallel, one per core at a time; results in file order.
    public func certify(files: [String], issuedAt: String) -> [Result<Certification, CertificationProblems>] {
        let slots = ResultSlots(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let (answers, problems) = CertificationLoader.loadAnswers(path: files[index])
            if let answers {
                slots.set(index, .success(certification(answers, issuedAt: issuedAt)))
            } else {
                slots.set(index, .failure(CertificationProblems(diagnostics: problems)))
            }
        }
        return slots.values
    }
}

/// One slot per answers file, each written by exactly one worker, read after all finished.
private final class ResultSlots: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Result<Certification, CertificationProblems>?>
    init(count: Int) { storage = .allocate(capacity: count); storage.initialize(repeating: nil) }
    deinit { storage.deinitialize(); storage.deallocate() }
    func set(_ index: Int, _ value: Result<Certification, CertificationProblems>) { storage[index] = value }
    var values: [Result<Certification, CertificationProblems>] { storage.map { $0! } }
}

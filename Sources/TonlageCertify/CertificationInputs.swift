import Foundation
import TonlageCore
import TonlageScenarios
import Yams

/// A certification plan: which scenarios, and the rule for passing.
public struct CertificationPlan: Sendable {
    public let name: String
    public let title: String
    public let scenarios: [String]
    /// Every scenario must reach at least this score (if set).
    public let minScenarioScore: Int?
    /// The mean over the scenarios must reach this (if set).
    public let minAverage: Int?
    /// No `error` finding may occur in these families.
    public let noErrorsIn: [Family]
    /// At least this many scenarios must pass (if set); else all must.
    public let minPassed: Int?
    /// How long a certificate is valid (`valid_months`, 12 unless the plan says otherwise).
    public let validMonths: Int
    /// `requires: exam`: only answers from a supervised exam (`tonlage exam`) count.
    public let requiresExam: Bool
    public let file: String
    public let contentHash: String
}

/// One agent's answers: per scenario, the answer to each step by step id.
public struct AnswersFile: Sendable {
    public let agent: String
    public let answers: [String: [String: Answer]]
    /// The supervised exam these answers were given in, as `tonlage exam` writes it.
    public let exam: ExamReference?
    public let file: String
    public let contentHash: String

    public init(agent: String, answers: [String: [String: Answer]], exam: ExamReference? = nil, file: String, contentHash: String) {
        self.agent = agent
        self.answers = answers
        self.exam = exam
        self.file = file
        self.contentHash = contentHash
    }

    /// A digest of the answers alone (texts, actions, times to the millisecond), the same
    /// however the file is laid out: what an exam session stores to recognise its answers.
    public var answersDigest: String {
        let tree = JSONValue.object(answers.mapValues { steps in
            .object(steps.mapValues { answer in
                var fields: [String: JSONValue] = ["text": .string(answer.text), "action": .string(answer.action.rawValue)]
                if let seconds = answer.seconds { fields["milliseconds"] = .number(String(Int((seconds * 1000).rounded()))) }
                return .object(fields)
            })
        })
        return Fingerprint.sha256((try? CanonicalJSON.data(tree)) ?? Data())
    }
}

/// The `exam` block of an answers file: which session, of which plan, when.
public struct ExamReference: Sendable, Equatable {
    public let session: String
    public let plan: String
    public let started: String
    public let finished: String

    public init(session: String, plan: String, started: String, finished: String) {
        self.session = session
        self.plan = plan
        self.started = started
        self.finished = finished
    }
}

/// Reads plans and answer files (YAML; JSON is YAML too) with `file:line:column` diagnostics.
public enum CertificationLoader {
    public static func loadPlan(path: String) -> (CertificationPlan?, [Diagnostic]) {
        let (text, hash, problem) = read(path)
        guard let text else { return (nil, [problem!]) }
        let sink = DiagnosticSink(file: path)
        guard let root = YAMLSource.compose(text, sink: sink), let fields = YAMLFields(root, sink: sink, what: "a plan") else {
            return (nil, sink.diagnostics)
        }
        fields.reportUnknownKeys(allowed: ["name", "title", "scenarios", "pass", "valid_months", "requires"], what: "the plan")
        let scenarios = fields.strings("scenarios", required: true, what: "the plan").map(\.text)
        let validMonths = fields.int("valid_months", in: 1...120) ?? 12
        let requirement = fields.string("requires")
        if let requirement, requirement != "exam" {
            fields.error("`requires` can only be `exam` (answers from `tonlage exam`)", code: .badValue, at: "requires")
        }
        var minScenarioScore: Int?, minAverage: Int?, minPassed: Int?
        var families: [Family] = []
        if let node = fields.node("pass"), let pass = YAMLFields(node, sink: sink, what: "`pass`") {
            pass.reportUnknownKeys(allowed: ["min_scenario_score", "min_average", "no_errors_in", "min_passed"], what: "`pass`")
            minScenarioScore = pass.int("min_scenario_score", in: 0...100)
            minAverage = pass.int("min_average", in: 0...100)
            minPassed = pass.int("min_passed", in: 1...1000)
            families = pass.choices("no_errors_in", as: Family.self) ?? []
            if let minPassed, minPassed > scenarios.count {
                pass.error("`min_passed` (\(minPassed)) is more than the plan's \(scenarios.count) scenarios", code: .impossibleCondition,
                           at: "min_passed")
            }
        } else {
            fields.missing("pass", what: "the plan")
        }
        guard !sink.hasErrors else { return (nil, sink.diagnostics) }
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return (CertificationPlan(name: fields.string("name") ?? name, title: fields.string("title") ?? name, scenarios: scenarios,
                                  minScenarioScore: minScenarioScore, minAverage: minAverage, noErrorsIn: families,
                                  minPassed: minPassed, validMonths: validMonths, requiresExam: requirement == "exam",
                                  file: path, contentHash: hash), sink.diagnostics)
    }

    public static func loadAnswers(path: String) -> (AnswersFile?, [Diagnostic]) {
        let (text, hash, problem) = read(path)
        guard let text else { return (nil, [problem!]) }
        let sink = DiagnosticSink(file: path)
        guard let root = YAMLSource.compose(text, sink: sink), let fields = YAMLFields(root, sink: sink, what: "an answers file") else {
            return (nil, sink.diagnostics)
        }
        fields.reportUnknownKeys(allowed: ["agent", "answers", "exam"], what: "the answers file")
        let agent = fields.string("agent", required: true, what: "the answers file")
        var exam: ExamReference?
        if let node = fields.node("exam"), let block = YAMLFields(node, sink: sink, what: "`exam`") {
            block.reportUnknownKeys(allowed: ["session", "plan", "started", "finished"], what: "`exam`")
            let session = block.string("session", required: true, what: "`exam`")
            let plan = block.string("plan", required: true, what: "`exam`")
            let started = block.string("started", required: true, what: "`exam`")
            let finished = block.string("finished", required: true, what: "`exam`")
            if let session, let plan, let started, let finished {
                exam = ExamReference(session: session, plan: plan, started: started, finished: finished)
            }
        }
        var answers: [String: [String: Answer]] = [:]
        if let node = fields.node("answers") {
            if case let .mapping(scenarios) = node {
                for (scenarioKey, stepsNode) in scenarios {
                    let scenario = scenarioKey.string ?? ""
                    guard case let .mapping(steps) = stepsNode else {
                        sink.report("the answers to `\(scenario)` map step ids to answers", code: .wrongType, at: stepsNode.mark)
                        continue
                    }
                    var byStep: [String: Answer] = [:]
                    for (stepKey, value) in steps {
                        if case let .scalar(scalar) = value {
                            byStep[stepKey.string ?? ""] = Answer(text: scalar.string)
                        } else if let answer = YAMLFields(value, sink: sink, what: "an answer") {
                            answer.reportUnknownKeys(allowed: ["text", "action", "seconds"], what: "an answer")
                            byStep[stepKey.string ?? ""] = Answer(text: answer.string("text") ?? "",
                                                                  action: answer.choice("action", as: Action.self) ?? .reply,
                                                                  // Milliseconds, as the certificate records them:
                                                                  // verify replays the recorded time and must score alike.
                                                                  seconds: answer.double("seconds", in: 0...86_400)
                                                                      .map { ($0 * 1000).rounded() / 1000 })
                        }
                    }
                    answers[scenario] = byStep
                }
            } else {
                sink.report("`answers` maps scenario ids to the answers for their steps", code: .wrongType, at: node.mark)
            }
        } else {
            fields.missing("answers", what: "the answers file")
        }
        guard !sink.hasErrors, let agent else { return (nil, sink.diagnostics) }
        return (AnswersFile(agent: agent, answers: answers, exam: exam, file: path, contentHash: hash), sink.diagnostics)
    }

    /// The file's text and SHA-256, or the problem that stops it being read.
    static func read(_ path: String) -> (text: String?, hash: String, problem: Diagnostic?) {
        guard let data = FileContents.read(path) else {
            return (nil, "", Diagnostic(file: path, line: 1, column: 1, message: "cannot read the file", code: .unreadable))
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            return (nil, Fingerprint.sha256(data), Diagnostic(file: path, line: 1, column: 1, message: "the file is not valid UTF-8", code: .invalidUTF8))
        }
        return (text, Fingerprint.sha256(data), nil)
    }

    /// SHA-256 of a file's bytes, or nil when it cannot be read.
    public static func hash(of path: String) -> String? {
        FileContents.read(path).map { Fingerprint.sha256($0) }
    }
}

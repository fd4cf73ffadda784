import Foundation

/// Why a run was played: kept apart in every report.
public enum RunMode: String, Codable, Sendable, CaseIterable {
    /// The REPL: a trainee practising.
    case practice
    /// A supervised exam in the REPL.
    case exam
    /// `tonlage certify`: answer files walked through a plan.
    case certify
    /// Made up by `demo-data`, to try the dashboard.
    case demo

    /// Runs that count towards certification rather than practice.
    public var isAssessment: Bool { self == .exam || self == .certify }
}

/// How a run ended; `unfinished` until it is finished (a killed session's run stays so).
public enum RunOutcome: String, Codable, Sendable, CaseIterable {
    case resolved, escalated, lost, abandoned, unfinished

    /// The conversation reached a good end.
    public var isSuccess: Bool { self == .resolved || self == .escalated }
}

/// A finding as stored: one row of the `finding` table.
public struct StoredFinding: Codable, Sendable, Equatable {
    public let rule: String
    public let family: String
    public let severity: String
    public let deduction: Int
    public let excerpt: String

    public init(rule: String, family: String, severity: String, deduction: Int, excerpt: String) {
        self.rule = rule
        self.family = family
        self.severity = severity
        self.deduction = deduction
        self.excerpt = excerpt
    }
}

/// A sentence of a reply as stored, keyed so that the same sentence pasted again is found.
public struct StoredSentence: Codable, Sendable, Equatable, Hashable {
    public let key: String
    public let text: String

    public init(key: String, text: String) {
        self.key = key
        self.text = text
    }
}

/// One scored answer, as the store keeps it.
public struct TurnRecord: Codable, Sendable, Equatable {
    public var step: String
    public var reply: String
    /// `reply`, `dm` or `escalate`.
    public var action: String
    public var seconds: Double?
    public var score: Int
    public var passed: Bool
    public var hintUsed: Bool
    public var targetSeconds: Int?
    public var findings: [StoredFinding]
    public var sentences: [StoredSentence]

    public init(step: String, reply: String, action: String, seconds: Double?, score: Int, passed: Bool, hintUsed: Bool,
                targetSeconds: Int? = nil, findings: [StoredFinding] = [], sentences: [StoredSentence] = []) {
        self.step = step
        self.reply = reply
        self.action = action
        self.seconds = seconds
        self.score = score
        self.passed = passed
        self.hintUsed = hintUsed
        self.targetSeconds = targetSeconds
        self.findings = findings
        self.sentences = sentences
    }
}

/// What a run is of: who plays which scenario, against which guide, and why.
public struct RunStart: Codable, Sendable, Equatable {
    public var agent: String
    public var scenarioID: String
    public var scenarioTitle: String
    public var scenarioHash: String
    public var guideHash: String
    public var mode: RunMode

    public init(agent: String, scenarioID: String, scenarioTitle: String = "", scenarioHash: String, guideHash: String,
                mode: RunMode) {
        self.agent = agent
        self.scenarioID = scenarioID
        self.scenarioTitle = scenarioTitle
        self.scenarioHash = scenarioHash
        self.guideHash = guideHash
        self.mode = mode
    }
}

/// A certificate's verdict, kept beside the runs it was made from.
public struct CertificationRecord: Codable, Sendable, Equatable {
    public var agent: String
    public var plan: String
    public var certified: Bool
    public var average: Int

    public init(agent: String, plan: String, certified: Bool, average: Int) {
        self.agent = agent
        self.plan = plan
        self.certified = certified
        self.average = average
    }
}

/// A supervised exam: who took which plan, when, and the digest of the answers given
/// (`AnswersFile.answersDigest`), which `certify` compares with the answers file it is handed.
public struct ExamRecord: Codable, Sendable, Equatable {
    public var agent: String
    public var plan: String
    public var answersDigest: String
    public var started: Date
    public var finished: Date

    public init(agent: String, plan: String, answersDigest: String, started: Date, finished: Date) {
        self.agent = agent
        self.plan = plan
        self.answersDigest = answersDigest
        self.started = started
        self.finished = finished
    }
}

/// One write to the store. Runs are named by a unique id the writer makes, so a write can be
/// given again (from a spool, after a lost connection) and is applied once: a run, a turn
/// (by its number in the run) and a certification that are already there are left as they are.
public enum StoreWrite: Codable, Sendable, Equatable {
    case startRun(run: String, RunStart, at: Date)
    case record(run: String, number: Int, TurnRecord, at: Date)
    case finishRun(run: String, RunOutcome, at: Date)
    case certification(id: String, CertificationRecord, at: Date)
    case exam(id: String, ExamRecord)
}

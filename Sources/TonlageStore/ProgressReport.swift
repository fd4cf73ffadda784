import Foundation
import TonlageCore

/// How an agent is doing: practice and assessment apart, readiness, per scenario the attempts
/// and scores, where points are lost, and sentences pasted into many scenarios.
public struct AgentProgress: Codable, Sendable, Equatable {
    public let agent: String
    /// Runs with at least one reply (a run left before any reply counts nowhere), and their turns.
    public let runs: Int
    public let turns: Int
    public let practice: Track
    /// Exams and certifications.
    public let assessment: Track
    public let readiness: Readiness
    /// Turns answered after `:hint`.
    public let hintsUsed: Int
    public let scenarios: [ScenarioProgress]
    /// Families ordered by the points lost in them, most first.
    public let weakestFamilies: [FamilyWeakness]
    /// The agent's own boilerplate: sentences written into replies of three or more scenarios.
    public let ownBoilerplate: [OwnBoilerplate]
}

/// Runs of one kind (practice, or exams and certifications) summed up.
public struct Track: Codable, Sendable, Equatable {
    public let runs: Int
    /// Runs that ended well (resolved or escalated) with an average at the pass mark or above.
    public let passed: Int
    /// `passed` of `runs` in percent; nil without runs.
    public let passRate: Int?
    public let averageScore: Int?
    /// The mean of the last runs (up to three) less the mean of as many before; nil under two runs.
    public let trend: Int?
}

/// Where an agent stands.
public enum Readiness: String, Codable, Sendable {
    /// The last certification passed.
    case certified
    /// At least four of the last five practice runs (and at least three) passed.
    case ready
    case needsPractice = "needs-practice"
}

public struct ScenarioProgress: Codable, Sendable, Equatable {
    public let scenario: String
    /// The scenario's title when it was played (its id for runs stored before titles were).
    public let title: String
    /// `practice` or `assessment`.
    public let track: String
    public let attempts: Int
    /// A run's score is the mean of its turns' scores.
    public let bestScore: Int?
    public let lastScore: Int?
    public let lastOutcome: String?
    /// The last ten run scores, oldest first.
    public let recentScores: [Int]
    public let hintsUsed: Int
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

/// A sentence the agent keeps pasting: in how many scenarios, and how often.
public struct OwnBoilerplate: Codable, Sendable, Equatable {
    public let sentence: String
    public let scenarios: Int
    public let uses: Int
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

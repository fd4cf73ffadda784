import TonlageCore

/// A scripted customer conversation: who posts where, what they write at each step, what a
/// good reply does, and where each kind of reply leads.
public struct Scenario: Sendable {
    public enum Difficulty: String, Sendable, CaseIterable { case easy, medium, hard }
    /// The training track a scenario belongs to: first steps, practice, certification.
    public enum Track: String, Sendable, CaseIterable { case einstieg, fortgeschritten, zertifizierung }

    public let id: String
    public let title: String
    public let channel: Channel
    public let brand: String
    public let customer: Persona
    public let difficulty: Difficulty
    public let track: Track
    public let briefing: String
    /// The outcomes a good example must reach (default: resolved).
    public let success: [Outcome]
    public let start: String
    public let steps: [Step]
    public let examples: [ScenarioExample]
    /// The scenario's clock when the first post is shown, in seconds after midnight (`clock:
    /// "22:30"`), or nil: the conversation happens at no time of day in particular.
    public let clock: Int?
    /// How many scenario seconds one second of typing counts (`typing_factor`, default 1).
    public let typingFactor: Double
    /// The file it was read from and the SHA-256 of its bytes, for the progress store.
    public let file: String
    public let contentHash: String

    public func step(_ id: String) -> Step? { steps.first { $0.id == id } }

    /// Every channel the conversation uses: the scenario's and its steps' own.
    public var channels: [Channel] {
        var result = [channel]
        for step in steps { if let own = step.channel, !result.contains(own) { result.append(own) } }
        return result
    }

    /// The outcomes its transitions lead to, in `Outcome` order.
    public var outcomes: [Outcome] {
        let named = Set(steps.flatMap { $0.transitions.compactMap { transition -> Outcome? in
            if case let .outcome(outcome) = transition.destination { return outcome }
            return nil
        } })
        return Outcome.allCases.filter(named.contains)
    }
}

public struct Persona: Sendable {
    public let name: String
    public let handle: String
    public let mood: Mood
}

/// Where a conversation ends.
public enum Outcome: String, Sendable, CaseIterable, Codable {
    case resolved, escalated, lost
}

/// One post by a customer (several customers may post at once).
public struct Post: Sendable {
    public let name: String
    public let handle: String
    public let text: String
    /// How long the post has waited for an answer when the trainee sees it, in seconds
    /// (`waiting_minutes`): it counts towards the response time.
    public let waitingSeconds: Int

    public init(name: String, handle: String, text: String, waitingSeconds: Int = 0) {
        self.name = name
        self.handle = handle
        self.text = text
        self.waitingSeconds = waitingSeconds
    }
}

public struct Step: Sendable {
    public let id: String
    public let posts: [Post]
    /// Where this step happens, when not in the scenario's channel: a conversation moved to a
    /// DM (where a reply is a private message), or an e-mail.
    public let channel: Channel?
    /// The customer's mood at this step, unless a transition into it set another.
    public let mood: Mood?
    public let expectations: Expectations
    public let targetSeconds: Int?
    public let transitions: [Transition]
    /// The expectations as rules, scored by the same engine as the guide.
    public let rules: Guide
    /// The `must_mention` groups by the id of the rule that checks them (`content.nennen_<name>`).
    public let mentionRules: [String: String]
    /// Where `must_mention` groups name a guide rule (`{ rule: ID }`), for lint.
    public let guideRuleMarks: [(rule: String, line: Int, column: Int)]
    /// The group names, in file order.
    public var mentionGroups: [String] { expectations.mustMention.map(\.name) }
}

public struct Expectations: Sendable {
    /// Any-of groups, each named: the reply must mention one phrase of every group.
    public let mustMention: [(name: String, phrases: [String])]
    public let mustNot: [String]
    /// The right actions (default: a public reply).
    public let actions: [Action]
}

public struct Transition: Sendable {
    public enum Destination: Sendable, Equatable {
        case step(String)
        case outcome(Outcome)
    }

    public let condition: Condition?
    public let destination: Destination
    /// What the customer answers, by what the reply did.
    public let reaction: Reaction?
    /// The customer's mood from here on; nil: one step better after a reply that passed, one
    /// step worse after one that did not.
    public let mood: Mood?
    /// Where `go:` stands in the file, for diagnostics.
    public let line: Int
    public let column: Int
}

/// When a transition is taken; every given part must hold.
public struct Condition: Sendable {
    public var action: Action?
    public var minScore: Int?
    public var maxScore: Int?
    public var passed: Bool?
    /// Names of `must_mention` groups the reply must have met.
    public var mentions: [String] = []
    public var notMentions: [String] = []
    /// Guide rule ids that must have (or must not have) a finding in the reply.
    public var findings: [String] = []
    public var noFindings: [String] = []
    /// Where each rule id stands in the file, for lint.
    public var ruleMarks: [(rule: String, line: Int, column: Int)] = []

    public func holds(for action: Action, card: Scorecard, mentioned: Set<String>) -> Bool {
        if !findings.allSatisfy({ rule in card.findings.contains { $0.rule == rule } }) { return false }
        if noFindings.contains(where: { rule in card.findings.contains { $0.rule == rule } }) { return false }
        if let expected = self.action, expected != action { return false }
        if let minScore, card.score < minScore { return false }
        if let maxScore, card.score > maxScore { return false }
        if let passed, card.passed != passed { return false }
        if !mentions.allSatisfy(mentioned.contains) { return false }
        if notMentions.contains(where: mentioned.contains) { return false }
        return true
    }
}

/// One answer to a step: a reply text and the action taken.
public struct Answer: Sendable, Equatable {
    public var text: String
    public var action: Action
    public var seconds: Double?

    public init(text: String, action: Action = .reply, seconds: Double? = nil) {
        self.text = text
        self.action = action
        self.seconds = seconds
    }
}

/// Example answers, played by the tests: a good one reaches a success outcome, a bad one does not.
public struct ScenarioExample: Sendable {
    public let isGood: Bool
    public let answers: [Answer]
    public let line: Int
}

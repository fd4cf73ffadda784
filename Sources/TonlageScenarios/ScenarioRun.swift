import TonlageCore

/// What one answer led to.
public struct TurnResult: Sendable {
    public let stepID: String
    /// The answer as given: replaying it gives the same turn.
    public let answer: Answer
    /// The response time counted: the post's waiting time plus the typing time in scenario time.
    public let responseSeconds: Double?
    /// The guide's findings and the step's expectations, scored together.
    public let card: Scorecard
    /// The `must_mention` groups the reply met.
    public let mentioned: Set<String>
    public let reaction: String?
    /// The customer's mood after the reply.
    public let mood: Mood
    /// The next step, or nil when the conversation ended.
    public let nextStep: String?
    public let outcome: Outcome?
}

/// One play of a scenario: the current step and mood, and the turns so far.
///
/// Pure: the REPL, certification and the tests all walk scenarios through here, so a reply
/// leads to the same branch wherever it is given.
public struct ScenarioRun: Sendable {
    public let scenario: Scenario
    public private(set) var stepID: String?
    public private(set) var mood: Mood
    public private(set) var outcome: Outcome?
    public private(set) var turns: [TurnResult] = []
    /// The agent's earlier sentences, for the own-boilerplate hint (`ReplyContext.ownSentences`).
    public var ownSentences: [String: Int]?
    /// Chooses among a reaction's wordings: the same seed, the same words (`Reaction`).
    public let seed: UInt64
    /// The scenario's clock as the current step is shown, in seconds after midnight.
    public private(set) var clock: Int?
    private var previous: (stepID: String?, mood: Mood, outcome: Outcome?, clock: Int?)?

    public init(scenario: Scenario, seed: UInt64 = 0) {
        self.scenario = scenario
        self.seed = seed
        stepID = scenario.start
        mood = scenario.step(scenario.start)?.mood ?? scenario.customer.mood
        clock = scenario.clock
    }

    public var currentStep: Step? { stepID.flatMap(scenario.step) }
    public var isFinished: Bool { outcome != nil }

    /// Scores an answer to the current step and follows the first transition whose condition holds.
    public mutating func answer(_ given: Answer, scorer: Scorer) -> TurnResult? {
        guard let step = currentStep else { return nil }
        let channel = step.channel ?? scenario.channel
        // In a conversation already moved to a DM, a reply is a private message; the response
        // time counts from when the oldest post came in, and typing counts in scenario time.
        var answer = given
        if channel == .dm && answer.action == .reply { answer.action = .dm }
        let waiting = step.posts.map(\.waitingSeconds).max() ?? 0
        let typing = given.seconds.map { $0 * scenario.typingFactor }
        if waiting > 0 || typing != nil { answer.seconds = Double(waiting) + (typing ?? 0) }
        let card = Self.score(answer, step: step, channel: channel, mood: mood, scorer: scorer, ownSentences: ownSentences)
        let missing = Set(card.findings.compactMap { step.mentionRules[$0.rule] })
        let mentioned = Set(step.mentionGroups).subtracting(missing)
        // The loader guarantees the last transition has no condition.
        let transition = step.transitions.first { $0.condition?.holds(for: answer.action, card: card, mentioned: mentioned) ?? true }
            ?? step.transitions[step.transitions.count - 1]

        previous = (stepID, mood, outcome, clock)
        mood = transition.mood ?? (card.passed ? mood.better : mood.worse)
        switch transition.destination {
        case let .step(next):
            stepID = next
            if transition.mood == nil, let stepMood = scenario.step(next)?.mood { mood = stepMood }
        case let .outcome(end):
            stepID = nil
            outcome = end
        }
        if let now = clock { clock = (now + Int(typing ?? 0)) % 86_400 }
        let reaction = transition.reaction?.text(keys: Self.reactionKeys(card, step: step),
                                                  seed: seed &+ UInt64(turns.count))
        let result = TurnResult(stepID: step.id, answer: given, responseSeconds: answer.seconds, card: card, mentioned: mentioned,
                                reaction: reaction, mood: mood, nextStep: stepID, outcome: outcome)
        turns.append(result)
        return result
    }

    /// Back to the step just answered, to answer it again (the turn stays on record).
    public mutating func retry() {
        guard let previous else { return }
        (stepID, mood, outcome, clock) = previous
        self.previous = nil
    }

    /// The guide's rules in the situation of the step, plus the step's expectations.
    /// An escalation is an internal hand-over, not a public reply: its note is not held to the
    /// guide, only the step's expectations (the right action, the time) apply.
    public static func score(_ answer: Answer, step: Step, channel: Channel, mood: Mood, scorer: Scorer,
                             ownSentences: [String: Int]? = nil) -> Scorecard {
        let context = ReplyContext(channel: answer.action == .dm ? .dm : channel, mood: mood,
                                   action: answer.action, seconds: answer.seconds, ownSentences: ownSentences)
        var stepContext = context
        stepContext.ownSentences = nil     // found once, by the guide's scorer
        if step.rules.usesRecognition { stepContext.recognised = scorer.recognise(answer.text, context: context) }
        let expectations = Scorer(guide: step.rules).score(answer.text, context: stepContext)
        if answer.action == .escalate {
            return Scorecard.empty(context: context, passMark: scorer.guide.passMark).adding(expectations)
        }
        return scorer.score(answer.text, context: context).adding(expectations)
    }

    /// What a reply did, most telling first, for `Reaction`: each finding by severity and
    /// weight (the wrong action is an error at the reply's start, so it leads its rank) as its
    /// rule id, the `must_mention` group it missed and its family; then `passed` for a reply
    /// that passed, and `default`.
    public static func reactionKeys(_ card: Scorecard, step: Step) -> [String] {
        let ranked = card.findings.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if (x.severity == .error) != (y.severity == .error) { return x.severity == .error }
            if x.deduction != y.deduction { return x.deduction > y.deduction }
            return a.offset < b.offset
        }.map(\.element)
        var keys: [String] = []
        for finding in ranked {
            keys.append(finding.rule)
            if let group = step.mentionRules[finding.rule] { keys.append(group) }
            keys.append(finding.family.rawValue)
        }
        if card.passed { keys.append(Reaction.passed) }
        keys.append(Reaction.fallback)
        return keys
    }

    /// The mean of each step's first answer, or 0 without any: a retry does not raise the
    /// score, as in an exam (each answer stays on record in `turns`).
    public var averageScore: Int { Self.mean(attempts.map { $0.first! }) }

    /// The mean of each step's best answer: shown beside the score after retries.
    public var bestScore: Int { Self.mean(attempts.map { $0.max()! }) }

    /// Whether a step was answered more than once.
    public var hasRetries: Bool { attempts.contains { $0.count > 1 } }

    /// The scores of each step's answers, in the order the steps were first answered.
    private var attempts: [[Int]] {
        var order: [String] = []
        var scores: [String: [Int]] = [:]
        for turn in turns {
            if scores[turn.stepID] == nil { order.append(turn.stepID) }
            scores[turn.stepID, default: []].append(turn.card.score)
        }
        return order.map { scores[$0]! }
    }

    private static func mean(_ scores: [Int]) -> Int {
        scores.isEmpty ? 0 : Int((Double(scores.reduce(0, +)) / Double(scores.count)).rounded())
    }

    /// Plays a list of answers from the start; stops at the end or when answers run out.
    public static func play(_ scenario: Scenario, answers: [Answer], scorer: Scorer) -> ScenarioRun {
        var run = ScenarioRun(scenario: scenario)
        for answer in answers where !run.isFinished {
            _ = run.answer(answer, scorer: scorer)
        }
        return run
    }
}

extension Mood {
    /// One step towards happy, and towards angry: how a reply moves a customer when the
    /// scenario does not say.
    var better: Mood { self == .angry ? .neutral : .happy }
    var worse: Mood { self == .happy ? .neutral : .angry }
}

import Foundation
import TonlageCore
import TonlageScenarios
import TonlageStore

/// One scenario played by one agent: the run through the scenario (turns, retries), the hints
/// used, and its record in the store. The REPL, `certify`, `demo-data` and the bench all
/// record through here, in the one loop there is: `init` starts the run, `answer` (or
/// `replay`) records each turn as it is scored, `finish` ends the run.
///
/// Talks to no terminal: what a front end shows (the summary, a hint) comes back as data.
/// Store failures come back too; the recorder keeps such writes and tries them again.
public struct TrainingSession {
    public let scenario: Scenario
    public let guide: Guide
    public let scorer: Scorer
    public let agent: String
    public let mode: RunMode
    public private(set) var run: ScenarioRun
    /// Turns answered after `:hint`, and answers given again after `:retry`.
    public private(set) var hintsUsed = 0
    public private(set) var retries = 0
    /// Whether the step now being answered had a hint.
    public private(set) var hintUsedOnStep = false
    public let recorder: SessionRecorder
    private let storeRun: SessionRecorder.Run
    public let started: Date

    /// Starts the run and records it. With `ownSentences` (the agent's earlier sentences and
    /// their scenarios, as `ProgressStore.sentenceScenarios` gives them) replies are checked
    /// for the agent's own boilerplate.
    public init(scenario: Scenario, guide: Guide, scorer: Scorer, agent: String, mode: RunMode, recorder: SessionRecorder,
                ownSentences: [String: Set<String>]? = nil, at date: Date = Date()) {
        self.scenario = scenario
        self.guide = guide
        self.scorer = scorer
        self.agent = agent
        self.mode = mode
        self.recorder = recorder
        started = date
        run = ScenarioRun(scenario: scenario, seed: Reaction.seed(agent + "\u{0}" + scenario.id))
        run.ownSentences = ownSentences.map { earlier in
            earlier.mapValues { $0.subtracting([scenario.id]).count }.filter { $0.value > 0 }
        }
        (storeRun, startFailure) = recorder.startRun(RunStart(agent: agent, scenarioID: scenario.id, scenarioTitle: scenario.title,
                                                               scenarioHash: scenario.contentHash, guideHash: guide.contentHash,
                                                               mode: mode), at: date)
    }

    /// Why the run's start could not be written yet, if it could not.
    public let startFailure: StoreError?

    public var currentStep: Step? { run.currentStep }
    public var isFinished: Bool { run.isFinished }

    /// Scores the answer to the current step, follows the branch and records the turn; nil
    /// when the run is over.
    public mutating func answer(_ answer: Answer, at date: Date = Date()) -> (turn: TurnResult, failure: StoreError?)? {
        let step = run.currentStep
        guard let turn = run.answer(answer, scorer: scorer) else { return nil }
        let failure = record(turn, targetSeconds: step?.targetSeconds, at: date)
        return (turn, failure)
    }

    /// Records turns scored elsewhere (a certification plays its answer files itself):
    /// nothing is scored twice.
    public mutating func replay(_ played: ScenarioRun, at date: Date = Date()) -> StoreError? {
        run = played
        var failure: StoreError?
        for turn in played.turns {
            failure = record(turn, targetSeconds: played.scenario.step(turn.stepID)?.targetSeconds, at: date) ?? failure
        }
        return failure
    }

    private mutating func record(_ turn: TurnResult, targetSeconds: Int?, at date: Date) -> StoreError? {
        if hintUsedOnStep { hintsUsed += 1 }
        let stored = TrainingSession.record(turn, targetSeconds: targetSeconds, hintUsed: hintUsedOnStep, guide: guide)
        hintUsedOnStep = false
        return recorder.record(stored, run: storeRun, at: date)
    }

    /// A turn as the store keeps it: its findings, and its sentences for the own-boilerplate
    /// check (a public reply's or a private message's, not an escalation's internal note).
    static func record(_ turn: TurnResult, targetSeconds: Int?, hintUsed: Bool, guide: Guide) -> TurnRecord {
        let answer = turn.answer
        let sentences = answer.action == .escalate ? []
            : OwnSentences.sentences(of: answer.text, guide: guide).map { StoredSentence(key: $0.fingerprint, text: $0.text) }
        return TurnRecord(step: turn.stepID, reply: answer.text, action: turn.card.context.action.rawValue, seconds: turn.responseSeconds,
                          score: turn.card.score, passed: turn.card.passed, hintUsed: hintUsed, targetSeconds: targetSeconds,
                          findings: turn.card.findings.map {
                              StoredFinding(rule: $0.rule, family: $0.family.rawValue, severity: $0.severity.rawValue,
                                            deduction: $0.deduction, excerpt: $0.excerpt)
                          },
                          sentences: Array(Set(sentences)).sorted { $0.key < $1.key })
    }

    /// Back to the step just answered (the turn stays on record); false with nothing to retry.
    public mutating func retry() -> Bool {
        guard !run.turns.isEmpty else { return false }
        run.retry()
        retries += 1
        return true
    }

    /// The hint for the current step; its use is recorded with the step's answer.
    public mutating func hint() -> Hint? {
        guard let step = run.currentStep else { return nil }
        hintUsedOnStep = true
        let context = ReplyContext(channel: step.channel ?? scenario.channel, mood: run.mood)
        let applicable = guide.rules.filter { $0.applies(to: context) }
        // What this channel and mood ask for first (empathy for an angry customer, thanks for
        // praise, disclosure on a review site), then the errors that hold everywhere.
        let specific = applicable.filter { $0.channels != nil || $0.moods != nil }
        let general = applicable.filter { $0.channels == nil && $0.moods == nil && $0.severity == .error }
        let rules = (specific + general).prefix(8)
        // A public reply is what every step expects unless it says otherwise: not worth a line.
        let actions = step.expectations.actions == [.reply] ? [] : step.expectations.actions
        return Hint(mustMention: step.expectations.mustMention.map(\.name), actions: actions,
                    targetSeconds: step.targetSeconds, rules: rules.map { ($0.id, $0.suggestion ?? $0.rationale) })
    }

    /// Ends the run: with the engine's outcome, `abandoned` when left early, or the outcome
    /// given (a certificate's). Then the store's end-of-scenario moment, while the trainee
    /// reads the summary.
    public mutating func finish(outcome given: RunOutcome? = nil, at date: Date = Date()) -> (summary: Summary, failure: StoreError?) {
        let outcome = given ?? run.outcome.flatMap { RunOutcome(rawValue: $0.rawValue) } ?? .abandoned
        let failure = recorder.finishRun(storeRun, outcome: outcome, at: date)
        recorder.store.endOfScenario()
        return (summary(outcome: outcome, seconds: date.timeIntervalSince(started)), failure)
    }

    /// Outcome, score, time, and the three rules that cost the most points in this run.
    public func summary(outcome: RunOutcome, seconds: Double) -> Summary {
        var lost: [String: (points: Int, message: String)] = [:]
        for turn in run.turns {
            for finding in turn.card.findings where finding.deduction > 0 {
                lost[finding.rule, default: (0, finding.message)].points += finding.deduction
            }
        }
        let top = lost.sorted { ($0.value.points, $1.key) > ($1.value.points, $0.key) }.prefix(3).map { rule, entry in
            Summary.Practice(rule: rule, points: entry.points, advice: guide.rule(withID: rule)?.suggestion ?? entry.message)
        }
        return Summary(outcome: outcome, averageScore: run.averageScore, bestScore: run.hasRetries ? run.bestScore : nil,
                       seconds: seconds, hintsUsed: hintsUsed,
                       retries: retries, practise: top)
    }
}

/// The end of a scenario, for the trainee.
public struct Summary: Sendable, Equatable {
    public struct Practice: Sendable, Equatable {
        public let rule: String
        public let points: Int
        /// The rule's suggestion, else the finding's message.
        public let advice: String
    }

    public let outcome: RunOutcome
    /// The mean of each step's first answer.
    public let averageScore: Int
    /// The mean of each step's best answer, when a step was answered again.
    public let bestScore: Int?
    public let seconds: Double
    public let hintsUsed: Int
    public let retries: Int
    /// The three things to practise next: the rules that cost the most points, most first.
    public let practise: [Practice]
}

/// What `:hint` shows: the step's expectations and the guide's key rules in its situation.
public struct Hint: Sendable {
    public let mustMention: [String]
    /// The actions the step calls for, when not simply a public reply.
    public let actions: [Action]
    public let targetSeconds: Int?
    /// Error rules that apply here, with their suggestion (or rationale).
    public let rules: [(id: String, advice: String)]
}

/// Everything a trainee or trainer reads, in one catalogue per language: the REPL, scorecards
/// and the labels they share. One stored property per message, so every language must give
/// every message (the compiler checks it; `MessagesTests` checks they are non-empty and agree).
/// Chosen once from the guide's language with `Messages.for(language:)`. The command line
/// itself (`--help`, usage errors) stays English and is not here.
public struct Messages: Sendable {
    /// The language's code, as in HTML's `lang`.
    public let language: String

    // Scorecards and the guide.
    public let suggestion: String
    public let deduction: String
    public let dimensions: String
    public let result: String
    public let passed: String
    public let failed: String
    public let passMark: String
    public let errorsPresent: String
    public let length: String
    public let noFindings: String
    /// After the findings shown, before how many more there are.
    public let moreFindings: String
    /// Before the rules that gave up on the reply.
    public let skipped: String
    public let families: [Family: String]
    public let severities: [Severity: String]
    public let moods: [Mood: String]

    // The REPL.
    public let welcome: @Sendable (String) -> String
    public let chooseScenario: String
    /// The scenario proposed to practise next, and the weak families it trains (may be empty).
    public let proposal: @Sendable (String, String) -> String
    public let another: String
    public let unknownScenario: @Sendable (String) -> String
    public let briefing: String
    public let replyPrompt: String
    public let dmPrompt: String
    public let continuation: String
    public let help: String
    public let unknownCommand: @Sendable (String) -> String
    /// The response time, whether it met the target, and the target: spans from `span(_:)`.
    public let time: @Sendable (String, Bool, String?) -> String
    /// After `:dm` was left with an empty line: nothing was sent.
    public let dmCancelled: String
    public let outcome: String
    public let outcomes: [String: String]
    public let average: String
    /// Beside the score after retries: the mean of the best answers.
    public let bestAttempt: String
    public let duration: String
    public let practise: String
    public let nothingToPractise: String
    public let hintTitle: String
    public let mustMention: String
    public let action: String
    public let targetTime: @Sendable (String) -> String
    /// Units for `span(_:)`: second(s), minute(s), hour(s), each singular and plural.
    public let units: [String: String]
    /// Channel names as their feeds call themselves, by `Channel` raw value.
    public let channelNames: [String: String]
    /// How long a post has waited for an answer ("seit 25 Minuten unbeantwortet"), given as a span.
    public let unanswered: @Sendable (String) -> String
    /// Above a post that continues a public thread.
    public let inThread: String
    public let relevantRules: String
    public let retry: String
    public let nothingToRetry: String
    public let saved: String
    public let askName: String
    public let difficulty: [String: String]
    public let unknownRule: @Sendable (String) -> String
    /// A reply that is not valid UTF-8: not scored, not stored, asked for again.
    public let invalidUTF8: String
    /// A reply with a control character (given escaped, e.g. `U+0007`): asked for again.
    public let controlCharacter: @Sendable (String) -> String
    /// A write the store refused, and how many wait for the next one.
    public let notSaved: @Sendable (Int) -> String
    public let savedLater: @Sendable (Int) -> String
    public let notSavedAtEnd: @Sendable (Int) -> String
    public let spooled: @Sendable (String) -> String
    public let recovered: @Sendable (Int) -> String

    // Progress (`tonlage progress` and `:progress`).
    public let runsAndTurns: @Sendable (Int, Int) -> String
    public let readiness: [String: String]
    public let practiceTrack: String
    public let examTrack: String
    public let passedOf: @Sendable (Int, Int) -> String
    public let averageScore: String
    public let trend: String
    public let hintsUsed: @Sendable (Int, Int) -> String
    public let best: String
    public let last: String
    public let exam: String
    public let weakest: String
    public let ownBoilerplate: @Sendable (Int) -> String
    public let inScenarios: @Sendable (Int) -> String
    public let noRuns: String
    public let noRunsFor: @Sendable (String) -> String

    // The trainer dashboard (`tonlage report --html`).
    public let reportTitle: String
    public let reportHeading: String
    public let since: String
    public let agents: String
    public let runs: String
    public let replies: String
    public let averagePoints: String
    public let cohort: String
    public let cohortHeatmap: String
    public let topFindings: String
    public let hardestScenarios: String
    public let noData: String
    public let rule: String
    public let example: String
    public let scenarioChart: String
    public let scenarioAxis: String
    public let noTimeTargets: String
    public let withinTarget: String
    public let target: String
    public let hintsUsedLabel: String
    public let scoreOverTime: String
    public let wherePointsAreLost: String
    public let responseTimes: String
    public let outcomesPerScenario: String
    public let examsAndCertifications: String
    public let ownBoilerplateTitle: String
    public let noDeductions: String
    public let familyChart: String
    public let shareWithinTarget: String
    public let scenario: String
    public let lostShort: String

    // The findings of a scenario step's expectations; `{match}`, `{expected}`, `{action}`,
    // `{value}` and `{target}` are filled in by the rule that reports them.
    public let expectationMissing: @Sendable (String) -> String
    public let expectationMustNot: String
    public let expectationAction: String
    public let expectationTempo: String

    // Certificates (`tonlage certify`): reasons and the Markdown summary.
    public let certTooFewPassed: @Sendable (Int, Int, Int) -> String
    public let certNotAllPassed: @Sendable (Int, Int) -> String
    public let certAverageBelow: @Sendable (Int, Int) -> String
    public let certScenarioMissing: @Sendable (String) -> String
    public let certNoAnswer: @Sendable (String) -> String
    public let certCircles: @Sendable (Int) -> String
    public let certEndedWrong: @Sendable (String, String) -> String
    public let certScoreBelow: @Sendable (Int, Int) -> String
    public let certFamilyError: @Sendable (String, String, String) -> String
    public let certExamRequired: String
    public let certCertified: String
    public let certNotCertified: String
    public let certPlan: String
    public let certPassedScenarios: @Sendable (Int, Int) -> String
    public let certIssued: String
    public let certValidUntil: String
    public let certReasons: String
    public let certPoints: String
    public let certCheckedAgainst: String
    public let certExamSession: String

    // The supervised exam (`tonlage exam`).
    public let examWelcome: @Sendable (String, Int) -> String
    public let examRefused: @Sendable (String) -> String
    public let examHelp: String
    public let examAnswersWritten: @Sendable (String) -> String
    public let examEnded: @Sendable (Int, Int) -> String

    /// A time span in the largest unit that keeps it whole enough to read: "45 Sekunden",
    /// "30 Minuten", "24 Stunden" (never "86400 s").
    public func span(_ seconds: Int) -> String {
        func unit(_ count: Int, _ name: String) -> String { "\(count) " + (units[count == 1 ? name : name + "s"] ?? name) }
        if seconds < 120 { return unit(seconds, "second") }
        if seconds < 2 * 3600 || seconds % 3600 != 0 && seconds < 6 * 3600 { return unit((seconds + 30) / 60, "minute") }
        return unit((seconds + 1800) / 3600, "hour")
    }

    /// The catalogue for a guide's language ("de…" German, anything else English).
    public static func `for`(language: String) -> Messages {
        language.lowercased().hasPrefix("de") ? german : english
    }

    /// Every catalogue, for tests that compare them.
    public static let all: [(language: String, messages: Messages)] = [("de", german), ("en", english)]
}

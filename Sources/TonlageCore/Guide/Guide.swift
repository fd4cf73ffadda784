/// A compiled style guide: settings, and rules ready to run on replies. Immutable and
/// shareable across threads.
public struct Guide: Sendable {
    public let name: String
    /// BCP 47 language of messages and of the trainee's side of the program ("de").
    public let language: String
    /// A reply passes with at least this score and no `error` finding.
    public let passMark: Int
    /// How many findings of one rule deduct points; further ones are shown but free.
    public let maxRepeats: Int
    public let defaultChannel: Channel
    public let channels: [Channel: ChannelSettings]
    public let rules: [Rule]
    public let lexicon: Lexicon
    /// The file it was read from, for messages.
    public let file: String
    /// SHA-256 of the file's bytes, recorded with every scored run.
    public var contentHash: String = ""
    /// The YAML it was compiled from, so `replica()` can compile it again.
    var source: String = ""
    /// What the guide can find in a reply by type (`recognisers:`), for scenario steps.
    public internal(set) var recognisers: [Recogniser] = []
    /// Whether a rule asks for recognisers (`kind: recognised`): only then does scoring run them.
    public let usesRecognition: Bool
    /// What the scenario engine needs to know of the guide's language (`expectations:`).
    public internal(set) var scenarioLanguage: ScenarioLanguage
    /// Problems that did not stop the guide from loading (a rule left out for a missing dictionary).
    public internal(set) var warnings: [Diagnostic] = []
    /// For each rule, whether other rules read its hits (`coverage`, `defer_to`); the scorer keeps only those.
    let keepsHits: [Bool]
    /// What the scorer checks of each rule before running it, in the order of `rules`.
    let gates: [RuleGate]

    init(name: String, language: String, passMark: Int, maxRepeats: Int, defaultChannel: Channel,
         channels: [Channel: ChannelSettings], rules: [Rule], lexicon: Lexicon, file: String) {
        self.name = name
        self.language = language
        self.passMark = passMark
        self.maxRepeats = maxRepeats
        self.defaultChannel = defaultChannel
        self.channels = channels
        self.rules = rules
        self.lexicon = lexicon
        self.file = file
        scenarioLanguage = ScenarioLanguage(code: language)
        let referenced = Set(rules.flatMap { $0.checker.hitSources.map(\.rule) })
        keepsHits = rules.map { referenced.contains($0.id) }
        gates = rules.map(RuleGate.init)
        usesRecognition = rules.contains { $0.checker is RecognisedKind }
    }

    /// The same guide compiled again from its source: objects of its own, shared with no other
    /// thread. Two cores that score with one guide touch the same reference counts for every
    /// rule of every reply, and that cache line, passed back and forth, cost a fifth of the
    /// batch's CPU time (`perf`: `swift_retain` 6 % of the time on one core, 18 % on two).
    public func replica() -> Guide {
        guard var copy = GuideLoader.compile(yaml: source, file: file).0 else { return self }
        copy.contentHash = contentHash
        return copy
    }

    public func settings(for channel: Channel) -> ChannelSettings {
        channels[channel] ?? ChannelSettings()
    }

    public func rule(withID id: String) -> Rule? {
        rules.first { $0.id == id }
    }

}

/// One rule of a guide: what it checks (its kind and parameters), how much it costs, and
/// how it explains itself. A class: the scorer hands rules around for every reply, and a
/// reference is cheaper to pass than the rule's many fields.
public final class Rule: Sendable {
    public let id: String
    public let family: Family
    public let kind: String
    public let severity: Severity
    /// Points deducted per finding.
    public let weight: Int
    public let message: String
    public let rationale: String
    public let suggestion: String?
    /// Nil: every channel.
    public let channels: Set<Channel>?
    public let exceptChannels: Set<Channel>
    /// Nil: every mood.
    public let moods: Set<Mood>?
    /// Whether the rule sees words inside quotation marks (`quotations:` in the guide).
    public let quotations: Quotations
    public let examples: [RuleExample]
    public let line: Int
    let checker: any RuleKind
    /// `channels`, `except_channels` and `moods` as bit masks: checked for every rule and reply.
    let channelMask: UInt16
    let moodMask: UInt8

    init(id: String, family: Family, kind: String, severity: Severity, weight: Int, message: String,
         rationale: String, suggestion: String?, channels: Set<Channel>?, exceptChannels: Set<Channel>,
         moods: Set<Mood>?, quotations: Quotations, examples: [RuleExample], line: Int, checker: any RuleKind) {
        self.id = id
        self.family = family
        self.kind = kind
        self.severity = severity
        self.weight = weight
        self.message = message
        self.rationale = rationale
        self.suggestion = suggestion
        self.channels = channels
        self.exceptChannels = exceptChannels
        self.moods = moods
        self.quotations = quotations
        self.examples = examples
        self.line = line
        self.checker = checker
        let allowed = (channels ?? Set(Channel.allCases)).subtracting(exceptChannels)
        channelMask = allowed.reduce(0) { $0 | $1.bit }
        moodMask = (moods ?? Set(Mood.allCases)).reduce(0) { $0 | $1.bit }
    }

    /// An agent who quotes the customer's letter ("„Bitte rufen Sie mich zurück“") does not
    /// speak in that voice: address, tone and template rules skip the quotation. Personal data
    /// leaks from a quotation as much as from anywhere, so privacy rules check it.
    public enum Quotations: String, CaseIterable, Sendable {
        case skip, check

        static func `default`(for family: Family) -> Quotations {
            family == .privacy ? .check : .skip
        }
    }

    public func applies(to context: ReplyContext) -> Bool {
        channelMask & context.channel.bit != 0 && moodMask & context.mood.bit != 0
    }

    /// False when the rule gave up on this reply (see `RuleKind.checkWithinBounds`).
    func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) -> Bool {
        checker.checkWithinBounds(text, context: context, hits: &hits)
    }
}

/// A reply that shows a rule at work: a good example must not trigger it, a bad one must.
public struct RuleExample: Sendable {
    public let text: String
    public let isGood: Bool
    public let context: ReplyContext
    public let line: Int
    public let column: Int
}

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

    public func settings(for channel: Channel) -> ChannelSettings {
        channels[channel] ?? ChannelSettings()
    }

    public func rule(withID id: String) -> Rule? {
        rules.first { $0.id == id }
    }

    /// The families that have at least one rule, in contract order.
    public var families: [Family] {
        Family.allCases.filter { family in rules.contains { $0.family == family } }
    }
}

/// One rule of a guide: what it checks (its kind and parameters), how much it costs, and
/// how it explains itself.
public struct Rule: Sendable {
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
    public let examples: [RuleExample]
    public let line: Int
    let checker: any RuleKind

    public func applies(to context: ReplyContext) -> Bool {
        if let channels, !channels.contains(context.channel) { return false }
        if exceptChannels.contains(context.channel) { return false }
        if let moods, !moods.contains(context.mood) { return false }
        return true
    }

    func hits(in text: AnalyzedText, context: RuleContext) -> [Hit] {
        var hits: [Hit] = []
        checker.check(text, context: context, hits: &hits)
        return hits
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

/// The guide families, the channels and the moods: the fixed vocabulary of the `check`
/// contract that guides, scenarios and front ends share.

/// A value per family, inline: the scorer keeps tallies by family for every reply, and an array
/// would cost an allocation each. One place per family (`ScorerTests` keeps the two in step).
typealias PerFamily<Element> = InlineArray<9, Element>

/// What a rule is about; every family gets its own 0–100 score.
public enum Family: String, Sendable, CaseIterable, Comparable {
    case address, length, template, tone, privacy, disclosure, spelling, content, tempo

    /// `allCases` made once: the synthesised property makes a new array at every call, and the
    /// scorer lists the families for every reply.
    static let all = allCases
    static let count = allCases.count

    /// The family's place in `allCases`, for tables indexed by family.
    var index: Int {
        switch self {
        case .address: 0
        case .length: 1
        case .template: 2
        case .tone: 3
        case .privacy: 4
        case .disclosure: 5
        case .spelling: 6
        case .content: 7
        case .tempo: 8
        }
    }

    public static func < (lhs: Family, rhs: Family) -> Bool { lhs.index < rhs.index }
}

public enum Severity: String, Sendable, CaseIterable, Comparable {
    case error, warning, hint

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Where a reply is posted.
public enum Channel: String, Sendable, CaseIterable {
    case twitter, facebook, instagram, forum
    case reviewSite = "review-site"
    case dm, email

    /// A bit of its own, for the channel masks rules are checked against on every reply.
    var bit: UInt16 {
        switch self {
        case .twitter: 1 << 0
        case .facebook: 1 << 1
        case .instagram: 1 << 2
        case .forum: 1 << 3
        case .reviewSite: 1 << 4
        case .dm: 1 << 5
        case .email: 1 << 6
        }
    }
}

/// How the customer feels.
public enum Mood: String, Sendable, CaseIterable {
    case angry, neutral, happy

    var bit: UInt8 {
        switch self {
        case .angry: 1 << 0
        case .neutral: 1 << 1
        case .happy: 1 << 2
        }
    }
}

/// What the agent does with a customer's post.
public enum Action: String, Sendable, CaseIterable, Hashable {
    /// Answer in public, in the channel of the post.
    case reply
    /// Move to a private message.
    case dm
    /// Hand over to someone else (corporate communications, a specialist team).
    case escalate
}

/// The situation a reply is written in.
public struct ReplyContext: Sendable, Hashable {
    public var channel: Channel
    public var mood: Mood
    /// What the agent did; `check` always replies.
    public var action: Action
    /// How long the agent took, when known (in a scenario).
    public var seconds: Double?
    /// The agent's earlier sentences, by fingerprint (`OwnSentences`), with the number
    /// of other scenarios each was written in; given by a front end that has the history.
    public var ownSentences: [String: Int]?
    /// The guide's recognisers that found what they look for in the reply
    /// (`Scorer.recognise`), for a scenario step's `recognised` rules; nil when not yet asked.
    public var recognised: Set<String>?

    public init(channel: Channel, mood: Mood = .neutral, action: Action = .reply, seconds: Double? = nil,
                ownSentences: [String: Int]? = nil) {
        self.channel = channel
        self.mood = mood
        self.action = action
        self.seconds = seconds
        self.ownSentences = ownSentences
    }
}

/// How long a reply may be on one channel.
public struct ChannelSettings: Sendable {
    public var counting: LengthCounting
    /// Beyond this the reply is too long for the channel's readers (a warning in the default guide).
    public var recommended: Int?
    /// Beyond this the channel cuts or refuses the reply.
    public var limit: Int?

    public init(counting: LengthCounting = .graphemes, recommended: Int? = nil, limit: Int? = nil) {
        self.counting = counting
        self.recommended = recommended
        self.limit = limit
    }
}

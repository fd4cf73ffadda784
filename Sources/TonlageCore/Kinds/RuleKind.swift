/// Values for the `{placeholders}` of a rule's message and suggestion: a few pairs, looked up
/// one by one because hashing them would cost more than a hit's whole check. The first two
/// are kept inline: nearly every hit has one or two, and an array would cost an allocation per hit.
public struct Placeholders: Sendable, ExpressibleByDictionaryLiteral {
    private var first: (name: String, value: String)?
    private var second: (name: String, value: String)?
    private var more: [(name: String, value: String)] = []

    @inline(__always)
    public init(dictionaryLiteral elements: (String, String)...) {
        for (name, value) in elements {
            if first == nil {
                first = (name, value)
            } else if second == nil {
                second = (name, value)
            } else {
                more.append((name, value))
            }
        }
    }

    var isEmpty: Bool { first == nil }

    /// The first value whose name satisfies `matches`, in the order given.
    @inline(__always)
    private func value(where matches: (String) -> Bool) -> String? {
        if let first, matches(first.name) { return first.value }
        if let second, matches(second.name) { return second.value }
        return more.first { matches($0.name) }?.value
    }

    public subscript(name: String) -> String? {
        value { $0 == name }
    }

    /// Fills `{name}` placeholders in one pass over the bytes; unknown names stay as written.
    public func fill(_ template: String) -> String {
        guard !isEmpty, template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var out: [UInt8] = []
        out.reserveCapacity(template.utf8.count + 64)
        fill(template, into: &out) { piece, out in out.append(contentsOf: piece) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The filled template handed to `append` piece by piece (text between placeholders, and
    /// values), so a writer can escape each piece into its output without making the message first.
    func fill(_ template: String, into out: inout [UInt8],
              _ append: (UnsafeBufferPointer<UInt8>, inout [UInt8]) -> Void) {
        var source = template
        source.withUTF8 { bytes in
            guard !isEmpty else { return append(bytes, &out) }
            var literalStart = 0
            var i = 0
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "{"), let close = bytes[i...].firstIndex(of: UInt8(ascii: "}")),
                   var value = value(named: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<close])) {
                    append(UnsafeBufferPointer(rebasing: bytes[literalStart..<i]), &out)
                    value.withUTF8 { append($0, &out) }
                    i = close + 1
                    literalStart = i
                    continue
                }
                i += 1
            }
            append(UnsafeBufferPointer(rebasing: bytes[literalStart...]), &out)
        }
    }

    func value(named name: UnsafeBufferPointer<UInt8>) -> String? {
        value { $0.utf8.elementsEqual(name) }
    }
}

/// A place in the reply that a rule objects to, in UTF-8 byte offsets.
public struct Hit: Sendable {
    public var start: Int
    public var end: Int
    /// Values for the `{placeholders}` in the rule's message and suggestion.
    public var values: Placeholders
    /// A suggestion specific to this hit (a substitution's replacement), else the rule's.
    public var suggestion: String?

    public init(start: Int, end: Int, values: Placeholders = [:], suggestion: String? = nil) {
        self.start = start
        self.end = end
        self.values = values
        self.suggestion = suggestion
    }
}

/// What a rule sees besides the reply: the situation and the guide's channel settings.
public struct RuleContext: Sendable {
    public let reply: ReplyContext
    public let channel: ChannelSettings
    /// The reply's length on this channel, and where it passes the recommended length and the limit.
    public let length: LengthMeasure
    /// Hits of earlier rules that later rules read (`coverage`), by rule id.
    public var earlierHits: [String: [Hit]] = [:]
}

/// One kind of rule: the code behind every rule in a guide that names it in `kind:`.
///
/// A kind reads its own parameters from the rule's YAML (reporting problems with their
/// position), registers the words it looks for in the guide's lexicon, and then finds hits in
/// analysed replies. Rules are data; no rule has code of its own.
public protocol RuleKind: Sendable {
    /// The name a guide uses in `kind:`.
    static var name: String { get }
    /// The summary, parameters and example: the one source of the kind's documentation.
    static var description: KindDescription { get }
    /// Reads the parameters; problems go to `fields`' diagnostics (the rule is then dropped).
    init(_ fields: YAMLFields, lexicon: inout Lexicon)
    /// Reports every hit in the reply.
    func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit])
    /// `check`, or false when the rule gave up on this reply within its bound of work (a
    /// regular expression on a hostile reply): the reply is then listed as not checked by the
    /// rule, not as passing it.
    func checkWithinBounds(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) -> Bool
    /// False when the kind cannot run on this machine (a dictionary is not installed): the
    /// loader leaves the rule out, and the kind has said why in a warning.
    var isAvailable: Bool { get }
    /// A phrase matcher without whose phrases the kind finds nothing (an existence rule's
    /// phrases): a reply in which none of them can start passes the rule by without running it.
    var trigger: PhraseMatcher? { get }
    /// Earlier rules whose hits this one reads from `RuleContext.earlierHits`, each with the
    /// parameter that names it (for the loader's message when no such rule comes before).
    var hitSources: [(key: String, rule: String)] { get }
}

extension RuleKind {
    /// The kind's own keys, beside the keys every rule has; the loader reports any other key,
    /// so a key the description leaves out is rejected in every guide.
    public static var parameters: [String] { description.parameters.map(\.name) }

    public func checkWithinBounds(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) -> Bool {
        check(text, context: context, hits: &hits)
        return true
    }

    public var isAvailable: Bool { true }
    public var trigger: PhraseMatcher? { nil }
    public var hitSources: [(key: String, rule: String)] { [] }
}

/// Every rule kind a guide may use.
public enum RuleKinds {
    public static let all: [any RuleKind.Type] = [
        ExistenceKind.self,
        SubstitutionKind.self,
        RequirementKind.self,
        MentionKind.self,
        RecognisedKind.self,
        AddressKind.self,
        LengthKind.self,
        TemplateKind.self,
        ShoutingKind.self,
        PunctuationRunKind.self,
        EmojiCountKind.self,
        PersonalDataKind.self,
        PersonalDataShownKind.self,
        MinimumWordsKind.self,
        PatternKind.self,
        ResponseTimeKind.self,
        ActionKind.self,
        CoverageKind.self,
        HiddenCharactersKind.self,
        HashtagCountKind.self,
        DisclosureKind.self,
        CooccurrenceKind.self,
        SpecificityKind.self,
        LanguageKind.self,
        SpellingKind.self,
        OwnBoilerplateKind.self,
    ]

    public static func named(_ name: String) -> (any RuleKind.Type)? {
        all.first { $0.name == name }
    }
}

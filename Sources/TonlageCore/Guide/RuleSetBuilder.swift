/// Builds a small guide in code: how a scenario step's expectations ("must mention",
/// "must not say", the right action, the target time) become rules scored by the same engine
/// as every guide rule.
public struct RuleSetBuilder {
    private var lexicon = Lexicon()
    private var rules: [Rule] = []
    private let language: ScenarioLanguage

    public init(language: ScenarioLanguage) { self.language = language }

    public mutating func requirement(id: String, family: Family, severity: Severity, weight: Int,
                                     message: String, phrases: [String], gap: Int = 1) {
        let kind = RequirementKind(phrases: phrases, gap: gap, lexicon: &lexicon)
        add(id: id, family: family, kind: kind, severity: severity, weight: weight, message: message)
    }

    /// What a step expects mentioned (or forbids), read through the guide's language: any word
    /// order within a sentence, inflected forms, negations.
    public mutating func mention(id: String, family: Family, severity: Severity, weight: Int, message: String,
                                 phrases: [String], report: MentionKind.Report) {
        let kind = MentionKind(phrases: phrases, negations: report == .missing ? language.negations : [],
                               dictionary: language.dictionary.flatMap { HunspellDictionary.named($0) }, report: report)
        add(id: id, family: family, kind: kind, severity: severity, weight: weight, message: message)
    }

    /// A step's expectation met by one of the guide's recognisers (`{ recognise: zeitpunkt }`).
    public mutating func recognised(id: String, family: Family, severity: Severity, weight: Int, message: String,
                                    recogniser: String) {
        add(id: id, family: family, kind: RecognisedKind(recogniser: recogniser), severity: severity, weight: weight,
            message: message)
    }

    public mutating func existence(id: String, family: Family, severity: Severity, weight: Int,
                                   message: String, phrases: [String], gap: Int = 1) {
        let kind = ExistenceKind(phrases: phrases, gap: gap, lexicon: &lexicon)
        add(id: id, family: family, kind: kind, severity: severity, weight: weight, message: message)
    }

    public mutating func responseTime(id: String, severity: Severity, weight: Int, message: String, targetSeconds: Int) {
        add(id: id, family: .tempo, kind: ResponseTimeKind(targetSeconds: targetSeconds), severity: severity,
            weight: weight, message: message)
    }

    public mutating func action(id: String, severity: Severity, weight: Int, message: String, expected: [Action]) {
        add(id: id, family: .content, kind: ActionKind(expected: expected), severity: severity, weight: weight, message: message)
    }

    private mutating func add(id: String, family: Family, kind: some RuleKind, severity: Severity, weight: Int, message: String) {
        rules.append(Rule(id: id, family: family, kind: type(of: kind).name, severity: severity, weight: weight,
                          message: message, rationale: "", suggestion: nil, channels: nil, exceptChannels: [],
                          moods: nil, quotations: .skip, examples: [], line: 0, checker: kind))
    }

    public func build(file: String) -> Guide {
        var lexicon = lexicon
        lexicon.freeze()
        return Guide(name: file, language: language.code, passMark: 0, maxRepeats: 1, defaultChannel: .facebook,
                     channels: [:], rules: rules, lexicon: lexicon, file: file)
    }
}

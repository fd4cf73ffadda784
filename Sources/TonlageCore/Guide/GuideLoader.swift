import Foundation
import Yams

/// Reads a style guide from YAML and compiles it, reporting every problem with its place.
///
/// Never crashes on a broken file: a problem becomes a `Diagnostic`, and a guide with any
/// error is not returned.
public enum GuideLoader {
    static let topLevelKeys = ["name", "language", "description", "pass_mark", "max_repeats", "default_channel",
                               "channels", "expectations", "recognisers", "rules"]
    static let recogniserKeys = ["kind", "negations", "not_with", "met_by_action", "examples"]
    static let expectationKeys = ["dictionary", "negations", "stem_endings"]
    static let ruleKeys = ["id", "kind", "severity", "weight", "message", "rationale", "suggestion", "channels",
                           "except_channels", "moods", "quotations", "examples"]
    static let channelKeys = ["counting", "recommended", "limit"]
    static let exampleKeys = ["text", "channel", "mood", "earlier"]

    /// Loads a guide file; throws every diagnostic if it cannot be used.
    public static func load(path: String) throws(GuideLoadError) -> Guide {
        guard let data = FileContents.read(path) else {
            throw GuideLoadError(diagnostics: [Diagnostic(file: path, line: 1, column: 1,
                                                          message: "cannot read the guide file", code: .unreadable)])
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw GuideLoadError(diagnostics: [Diagnostic(file: path, line: 1, column: 1,
                                                          message: "the file is not valid UTF-8", code: .invalidUTF8)])
        }
        let (compiled, diagnostics) = compile(yaml: text, file: path)
        guard var guide = compiled, !diagnostics.contains(where: { $0.level == .error }) else {
            throw GuideLoadError(diagnostics: diagnostics)
        }
        guide.contentHash = Fingerprint.sha256(data)
        return guide
    }

    /// Compiles guide YAML; the guide is nil when there are errors.
    public static func compile(yaml: String, file: String) -> (Guide?, [Diagnostic]) {
        let sink = DiagnosticSink(file: file)
        guard let root = YAMLSource.compose(yaml, sink: sink),
              let fields = YAMLFields(root, sink: sink, what: "a guide") else {
            return (nil, sink.diagnostics)
        }
        fields.reportUnknownKeys(allowed: topLevelKeys, what: "the guide")
        let language = fields.string("language", required: true, what: "the guide") ?? "de"
        let passMark = fields.int("pass_mark", in: 0...100) ?? 70
        let maxRepeats = fields.int("max_repeats", in: 1...100) ?? 3
        let defaultChannel = fields.choice("default_channel", as: Channel.self) ?? .facebook
        let channels = readChannels(fields, sink: sink)

        var lexicon = Lexicon()
        var rules: [Rule] = []
        var firstLineOfID: [String: Int] = [:]
        if let node = fields.node("rules") {
            if case let .sequence(sequence) = node {
                for item in sequence {
                    guard let rule = readRule(item, defaultChannel: defaultChannel, lexicon: &lexicon, sink: sink) else { continue }
                    if let first = firstLineOfID[rule.id] {
                        sink.report("duplicate rule id `\(rule.id)` (first defined on line \(first))",
                                    code: .duplicateID, at: item.mark)
                        continue
                    }
                    // A rule that reads other rules' hits (coverage's `of`) reads rules that run before it.
                    let missing = rule.checker.hitSources.filter { firstLineOfID[$0.rule] == nil }
                    for source in missing {
                        sink.report("`\(source.key)` names `\(source.rule)`, which is not a rule above this one"
                                    + NameSuggestion.didYouMean(source.rule, in: rules.map(\.id)),
                                    code: .unknownRule, at: Self.valueMark(of: source.key, in: item) ?? item.mark)
                    }
                    if !missing.isEmpty { continue }
                    // Reported by the kind as a warning (a dictionary that is not installed).
                    if !rule.checker.isAvailable { continue }
                    firstLineOfID[rule.id] = rule.line
                    rules.append(rule)
                }
            } else {
                sink.report("`rules` must be a list of rules", code: .wrongType, at: node.mark)
            }
        } else {
            fields.missing("rules", what: "the guide")
        }
        let recognisers = readRecognisers(fields, lexicon: &lexicon, sink: sink)
        for rule in rules {
            guard let wanted = (rule.checker as? RecognisedKind)?.recogniser, !recognisers.contains(where: { $0.id == wanted }) else { continue }
            sink.report("the rule `\(rule.id)` names the recogniser `\(wanted)`, which the guide's `recognisers` lack"
                        + NameSuggestion.didYouMean(wanted, in: recognisers.map(\.id)), code: .unknownRule, line: rule.line, column: 1)
        }
        let scenarioLanguage = readScenarioLanguage(fields, language: language, recognisers: recognisers.map(\.id), sink: sink)
        if sink.hasErrors { return (nil, sink.diagnostics) }
        lexicon.freeze()
        var guide = Guide(name: fields.string("name") ?? file, language: language, passMark: passMark,
                          maxRepeats: maxRepeats, defaultChannel: defaultChannel, channels: channels,
                          rules: rules, lexicon: lexicon, file: file)
        guide.scenarioLanguage = scenarioLanguage
        guide.recognisers = recognisers
        guide.warnings = sink.diagnostics.filter { $0.level == .warning }
        guide.source = yaml
        return (guide, sink.diagnostics)
    }

    /// The `expectations:` block: how scenario steps read replies in this language.
    private static func readScenarioLanguage(_ fields: YAMLFields, language: String, recognisers: [String],
                                             sink: DiagnosticSink) -> ScenarioLanguage {
        guard let node = fields.node("expectations"), let block = YAMLFields(node, sink: sink, what: "`expectations`") else {
            return ScenarioLanguage(code: language, recognisers: recognisers)
        }
        block.reportUnknownKeys(allowed: expectationKeys, what: "`expectations`")
        let dictionary = block.dictionary(consequence: "expectations match words only as written")?.name
        return ScenarioLanguage(code: language, dictionary: dictionary, negations: block.strings("negations").map(\.text),
                                stemEndings: block.strings("stem_endings").map(\.text), recognisers: recognisers)
    }

    /// `recognisers:` maps a name to a rule kind's parameters, plus what drops a candidate
    /// (`negations`, `not_with`) and the action that meets it outright (`met_by_action`).
    private static func readRecognisers(_ fields: YAMLFields, lexicon: inout Lexicon, sink: DiagnosticSink) -> [Recogniser] {
        guard let node = fields.node("recognisers") else { return [] }
        guard case let .mapping(mapping) = node else {
            sink.report("`recognisers` maps names to a rule kind and its parameters", code: .wrongType, at: node.mark)
            return []
        }
        var result: [Recogniser] = []
        for (key, value) in mapping {
            let name = key.string ?? ""
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
                sink.report("a recogniser's name is a word (letters, digits, `_`, `-`), not `\(name)`", code: .badID, at: key.mark)
                continue
            }
            guard let entry = YAMLFields(value, sink: sink, what: "the recogniser `\(name)`") else { continue }
            let errorsBefore = sink.diagnostics.count
            guard let kindName = entry.string("kind", required: true, what: "the recogniser `\(name)`") else { continue }
            guard let kind = RuleKinds.named(kindName) else {
                entry.error("unknown rule kind `\(kindName)`" + NameSuggestion.didYouMean(kindName, in: RuleKinds.all.map { $0.name }),
                            code: .unknownKind, at: "kind")
                continue
            }
            entry.reportUnknownKeys(allowed: recogniserKeys + kind.parameters, what: "a recogniser of kind `\(kindName)`")
            let checker = kind.init(entry, lexicon: &lexicon)
            let negations = PhraseMatcher.read("negations", from: entry, required: false, what: "a recogniser", lexicon: &lexicon)
            let notWith = PhraseMatcher.read("not_with", from: entry, required: false, what: "a recogniser", gap: 1, lexicon: &lexicon)
            var examples: [(text: String, recognised: Bool, line: Int, column: Int)] = []
            if let examplesNode = entry.node("examples"), let list = YAMLFields(examplesNode, sink: sink, what: "`examples`") {
                list.reportUnknownKeys(allowed: ["recognised", "not_recognised"], what: "a recogniser's `examples`")
                for (exampleKey, recognised) in [("recognised", true), ("not_recognised", false)] {
                    for (text, mark) in list.strings(exampleKey) {
                        examples.append((text, recognised, mark?.line ?? 1, mark?.column ?? 1))
                    }
                }
            }
            guard sink.diagnostics[errorsBefore...].allSatisfy({ $0.level != .error }), checker.isAvailable else { continue }
            result.append(Recogniser(id: name, metByAction: entry.choice("met_by_action", as: Action.self), checker: checker,
                                     negations: negations, notWith: notWith, examples: examples, line: key.mark?.line ?? 1))
        }
        return result
    }

    /// Where the value of `key` stands in a mapping node.
    static func valueMark(of key: String, in node: Node) -> Mark? {
        guard case let .mapping(mapping) = node else { return nil }
        return mapping.first { $0.key.string == key }?.value.mark
    }

    private static func readChannels(_ fields: YAMLFields, sink: DiagnosticSink) -> [Channel: ChannelSettings] {
        var result: [Channel: ChannelSettings] = [:]
        guard let node = fields.node("channels") else { return result }
        guard case let .mapping(mapping) = node else {
            sink.report("`channels` must map channel names to settings", code: .wrongType, at: node.mark)
            return result
        }
        let names = Channel.allCases.map(\.rawValue)
        for (key, value) in mapping {
            guard let name = key.string, let channel = Channel(rawValue: name) else {
                sink.report("unknown channel `\(key.string ?? "")`" + NameSuggestion.didYouMean(key.string ?? "", in: names),
                            code: .unknownChannel, at: key.mark)
                continue
            }
            guard let settings = YAMLFields(value, sink: sink, what: "a channel's settings") else { continue }
            settings.reportUnknownKeys(allowed: channelKeys, what: "the settings of `\(name)`")
            let recommended = settings.int("recommended", in: 1...10_000_000)
            let limit = settings.int("limit", in: 1...10_000_000)
            if let recommended, let limit, recommended > limit {
                settings.error("`recommended` (\(recommended)) is above `limit` (\(limit))", code: .badValue, at: "recommended")
            }
            result[channel] = ChannelSettings(counting: settings.choice("counting", as: LengthCounting.self) ?? .graphemes,
                                              recommended: recommended, limit: limit)
        }
        return result
    }

    private static func readRule(_ node: Node, defaultChannel: Channel, lexicon: inout Lexicon, sink: DiagnosticSink) -> Rule? {
        guard let fields = YAMLFields(node, sink: sink, what: "a rule") else { return nil }
        let errorsBefore = sink.diagnostics.count
        let line = node.mark?.line ?? 1
        guard let id = fields.string("id", required: true, what: "a rule") else { return nil }
        let parts = id.split(separator: ".", maxSplits: 1).map(String.init)
        let familyNames = Family.allCases.map(\.rawValue)
        let family = parts.count == 2 && !parts[1].isEmpty ? Family(rawValue: parts[0]) : nil
        if family == nil {
            // Reported, and the rest of the rule is still checked.
            let hint = parts.count == 2 ? NameSuggestion.didYouMean(parts[0], in: familyNames) : ""
            fields.error("the rule id `\(id)` must be `family.name` with a family out of \(familyNames.joined(separator: ", "))" + hint,
                         code: .badID, at: "id")
        }
        guard let kindName = fields.string("kind", required: true, what: "the rule `\(id)`") else { return nil }
        guard let kind = RuleKinds.named(kindName) else {
            let names = RuleKinds.all.map { $0.name }
            fields.error("unknown rule kind `\(kindName)`" + NameSuggestion.didYouMean(kindName, in: names)
                         + " (kinds: \(names.joined(separator: ", ")))", code: .unknownKind, at: "kind")
            return nil
        }
        fields.reportUnknownKeys(allowed: ruleKeys + kind.parameters, what: "a rule of kind `\(kindName)`")
        let severity = fields.choice("severity", as: Severity.self)
        if fields.node("severity") == nil { fields.missing("severity", what: "the rule `\(id)`") }
        let weight = fields.int("weight", in: 0...100)
        if fields.node("weight") == nil { fields.missing("weight", what: "the rule `\(id)`") }
        let message = fields.string("message", required: true, what: "the rule `\(id)`")
        let rationale = fields.string("rationale", required: true, what: "the rule `\(id)`")
        let suggestion = fields.string("suggestion")
        let channels = fields.choices("channels", as: Channel.self).map(Set.init)
        let exceptChannels = Set(fields.choices("except_channels", as: Channel.self) ?? [])
        let moods = fields.choices("moods", as: Mood.self).map(Set.init)
        let quotations = fields.choice("quotations", as: Rule.Quotations.self)
        let checker = kind.init(fields, lexicon: &lexicon)

        // Examples are scored where the rule applies: on the guide's default channel if the rule
        // allows it, else on its first channel; in its first mood, else neutral.
        let allowed = { (channel: Channel) in (channels?.contains(channel) ?? true) && !exceptChannels.contains(channel) }
        let context = ReplyContext(
            channel: allowed(defaultChannel) ? defaultChannel : (Channel.allCases.first(where: allowed) ?? defaultChannel),
            mood: Mood.allCases.first { moods?.contains($0) ?? false } ?? .neutral)
        let examples = readExamples(fields, defaultContext: context, sink: sink)

        guard sink.diagnostics[errorsBefore...].allSatisfy({ $0.level != .error }),
              let family, let severity, let weight, let message, let rationale else { return nil }
        return Rule(id: id, family: family, kind: kindName, severity: severity, weight: weight, message: message,
                    rationale: rationale, suggestion: suggestion, channels: channels, exceptChannels: exceptChannels,
                    moods: moods, quotations: quotations ?? Rule.Quotations.default(for: family),
                    examples: examples, line: line, checker: checker)
    }

    /// `earlier:` in an example: replies the agent wrote in other scenarios, one scenario each.
    private static func ownSentences(_ replies: [String]) -> [String: Int] {
        var lexicon = Lexicon()
        lexicon.freeze()
        var counts: [String: Int] = [:]
        for reply in replies {
            for fingerprint in Set(OwnSentences.sentences(of: AnalyzedText(reply, lexicon: lexicon)).map(\.fingerprint)) {
                counts[fingerprint, default: 0] += 1
            }
        }
        return counts
    }

    private static func readExamples(_ fields: YAMLFields, defaultContext: ReplyContext, sink: DiagnosticSink) -> [RuleExample] {
        guard let node = fields.node("examples") else { return [] }
        guard let examples = YAMLFields(node, sink: sink, what: "`examples`") else { return [] }
        examples.reportUnknownKeys(allowed: ["good", "bad"], what: "`examples`")
        var result: [RuleExample] = []
        for (key, isGood) in [("good", true), ("bad", false)] {
            guard let list = examples.node(key) else { continue }
            guard case let .sequence(items) = list else {
                sink.report("`\(key)` must be a list of example replies", code: .wrongType, at: list.mark)
                continue
            }
            for item in items {
                let mark = item.mark
                if case let .scalar(scalar) = item {
                    result.append(RuleExample(text: scalar.string, isGood: isGood, context: defaultContext,
                                              line: mark?.line ?? 1, column: mark?.column ?? 1))
                    continue
                }
                guard let example = YAMLFields(item, sink: sink, what: "an example") else { continue }
                example.reportUnknownKeys(allowed: exampleKeys, what: "an example")
                guard let text = example.string("text", required: true, what: "an example") else { continue }
                var context = ReplyContext(channel: example.choice("channel", as: Channel.self) ?? defaultContext.channel,
                                           mood: example.choice("mood", as: Mood.self) ?? defaultContext.mood)
                let earlier = example.strings("earlier").map(\.text)
                if !earlier.isEmpty { context.ownSentences = ownSentences(earlier) }
                result.append(RuleExample(text: text, isGood: isGood, context: context,
                                          line: mark?.line ?? 1, column: mark?.column ?? 1))
            }
        }
        return result
    }
}

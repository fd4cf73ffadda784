import Foundation
import TonlageCore
import Yams

/// Reads scenario files, reporting every problem as `file:line:column: error: message [code]`.
/// A broken file never stops the others from loading.
public enum ScenarioLoader {
    static let topLevelKeys = ["id", "title", "channel", "brand", "difficulty", "track", "customer", "briefing", "success",
                               "start", "steps", "examples", "weights", "clock", "typing_factor"]
    static let stepKeys = ["id", "posts", "channel", "mood", "expect", "target_seconds", "next"]
    static let expectKeys = ["must_mention", "must_not", "action"]
    static let transitionKeys = ["if", "go", "reaction", "mood"]
    static let conditionKeys = ["action", "min_score", "max_score", "passed", "mentions", "not_mentions", "findings", "no_findings"]
    static let answerKeys = ["text", "action", "seconds"]

    /// Every `*.yaml` file directly in `directory`, in name order.
    public static func loadLibrary(directory: String, language: ScenarioLanguage) -> (scenarios: [Scenario], diagnostics: [Diagnostic]) {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        var scenarios: [Scenario] = []
        var diagnostics: [Diagnostic] = []
        var seen: [String: String] = [:]
        for name in files {
            let path = (directory as NSString).appendingPathComponent(name)
            let (scenario, problems) = load(path: path, language: language)
            diagnostics += problems
            guard let scenario else { continue }
            if let other = seen[scenario.id] {
                diagnostics.append(Diagnostic(file: path, line: 1, column: 1,
                                              message: "scenario id `\(scenario.id)` is already used by \(other)", code: .duplicateID))
                continue
            }
            seen[scenario.id] = path
            scenarios.append(scenario)
        }
        return (scenarios, diagnostics)
    }

    public static func load(path: String, language: ScenarioLanguage) -> (Scenario?, [Diagnostic]) {
        guard let data = FileContents.read(path) else {
            return (nil, [Diagnostic(file: path, line: 1, column: 1, message: "cannot read the scenario file", code: .unreadable)])
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            return (nil, [Diagnostic(file: path, line: 1, column: 1, message: "the file is not valid UTF-8", code: .invalidUTF8)])
        }
        return compile(yaml: text, file: path, language: language, contentHash: Fingerprint.sha256(data))
    }

    public static func compile(yaml: String, file: String, language: ScenarioLanguage, contentHash: String = "") -> (Scenario?, [Diagnostic]) {
        let sink = DiagnosticSink(file: file)
        guard let root = YAMLSource.compose(yaml, sink: sink), let fields = YAMLFields(root, sink: sink, what: "a scenario") else {
            return (nil, sink.diagnostics)
        }
        fields.reportUnknownKeys(allowed: topLevelKeys, what: "the scenario")
        let id = fields.string("id", required: true, what: "the scenario") ?? ""
        let title = fields.string("title", required: true, what: "the scenario") ?? ""
        let channel = fields.choice("channel", as: Channel.self)
        if fields.node("channel") == nil { fields.missing("channel", what: "the scenario") }
        let briefing = fields.string("briefing", required: true, what: "the scenario") ?? ""
        let difficulty = fields.choice("difficulty", as: Scenario.Difficulty.self) ?? .medium
        let track = fields.choice("track", as: Scenario.Track.self) ?? .fortgeschritten
        let persona = readPersona(fields, sink: sink)
        let success = fields.choices("success", as: Outcome.self) ?? [.resolved]
        let strings = Messages.for(language: language.code)
        let weights = readWeights(fields, sink: sink)

        var steps: [Step] = []
        var stepMarks: [String: Mark?] = [:]
        if let node = fields.node("steps"), case let .sequence(items) = node, !items.isEmpty {
            for item in items {
                guard let step = readStep(item, sink: sink, strings: strings, weights: weights, language: language, file: file)
                else { continue }
                if stepMarks[step.id] != nil {
                    sink.report("duplicate step id `\(step.id)`", code: .duplicateID, at: item.mark)
                    continue
                }
                stepMarks[step.id] = item.mark
                steps.append(step)
            }
        } else {
            fields.error("`steps` must be a non-empty list of steps", code: fields.node("steps") == nil ? .missingField : .wrongType,
                         at: "steps")
        }
        let start = fields.string("start") ?? steps.first?.id ?? ""
        if fields.node("start") != nil, stepMarks[start] == nil {
            fields.error("`start` names the unknown step `\(start)`" + NameSuggestion.didYouMean(start, in: steps.map(\.id)),
                         code: .unknownStep, at: "start")
        }
        checkTransitions(steps, stepMarks: stepMarks, start: start, sink: sink)
        checkVerdicts(steps, success: success, sink: sink)
        let examples = readExamples(fields, sink: sink)

        let clock = fields.string("clock").flatMap { text -> Int? in
            guard let seconds = Self.secondsAfterMidnight(text) else {
                fields.error("`clock` is a time of day on the 24-hour clock, such as \"22:30\"", code: .badValue, at: "clock")
                return nil
            }
            return seconds
        }
        let typingFactor = fields.double("typing_factor", in: 0.1...1000) ?? 1

        guard !sink.hasErrors, let channel, let persona else { return (nil, sink.diagnostics) }
        let scenario = Scenario(id: id, title: title, channel: channel, brand: fields.string("brand") ?? "",
                                customer: persona, difficulty: difficulty, track: track, briefing: briefing, success: success,
                                start: start, steps: steps, examples: examples, clock: clock, typingFactor: typingFactor,
                                file: file, contentHash: contentHash)
        return (scenario, sink.diagnostics)
    }

    private static func readPersona(_ fields: YAMLFields, sink: DiagnosticSink) -> Persona? {
        guard let node = fields.node("customer") else {
            fields.missing("customer", what: "the scenario")
            return nil
        }
        guard let customer = YAMLFields(node, sink: sink, what: "`customer`") else { return nil }
        customer.reportUnknownKeys(allowed: ["name", "handle", "mood"], what: "`customer`")
        guard let name = customer.string("name", required: true, what: "`customer`") else { return nil }
        return Persona(name: name, handle: customer.string("handle") ?? name,
                       mood: customer.choice("mood", as: Mood.self) ?? .neutral)
    }

    /// Points an unmet expectation costs, per kind of expectation, for the whole scenario.
    struct Weights {
        var mustMention = 15
        var mustNot = 25
        var action = 30
        var responseTime = 10
    }

    private static func readWeights(_ fields: YAMLFields, sink: DiagnosticSink) -> Weights {
        var weights = Weights()
        guard let node = fields.node("weights"), let table = YAMLFields(node, sink: sink, what: "`weights`") else { return weights }
        table.reportUnknownKeys(allowed: ["must_mention", "must_not", "action", "response_time"], what: "`weights`")
        weights.mustMention = table.int("must_mention", in: 0...100) ?? weights.mustMention
        weights.mustNot = table.int("must_not", in: 0...100) ?? weights.mustNot
        weights.action = table.int("action", in: 0...100) ?? weights.action
        weights.responseTime = table.int("response_time", in: 0...100) ?? weights.responseTime
        return weights
    }

    private static func readStep(_ node: Node, sink: DiagnosticSink, strings: Messages, weights: Weights,
                                 language: ScenarioLanguage, file: String) -> Step? {
        guard let fields = YAMLFields(node, sink: sink, what: "a step") else { return nil }
        fields.reportUnknownKeys(allowed: stepKeys, what: "a step")
        guard let id = fields.string("id", required: true, what: "a step") else { return nil }
        if Outcome(rawValue: id) != nil {
            fields.error("a step may not be called `\(id)`: that is an outcome", code: .badID, at: "id")
        }
        var posts: [Post] = []
        if let list = fields.node("posts"), case let .sequence(items) = list, !items.isEmpty {
            for item in items {
                if case let .scalar(scalar) = item {
                    posts.append(Post(name: "", handle: "", text: scalar.string))
                } else if let post = YAMLFields(item, sink: sink, what: "a post") {
                    post.reportUnknownKeys(allowed: ["name", "handle", "text", "waiting_minutes"], what: "a post")
                    guard let text = post.string("text", required: true, what: "a post") else { continue }
                    posts.append(Post(name: post.string("name") ?? "", handle: post.string("handle") ?? "", text: text,
                                      waitingSeconds: (post.int("waiting_minutes", in: 0...10_080) ?? 0) * 60))
                }
            }
        } else {
            fields.error("step `\(id)` needs `posts`: a list of what the customer writes", code: .missingField, at: "posts")
        }

        var mustMention: [(String, [String])] = []
        // Groups met by a guide rule's recogniser (`{ rule: content.empathie }`): the guide
        // already reports what is missing, so the scenario does not report it a second time.
        var guideRules: [String: String] = [:]
        var guideRuleMarks: [(rule: String, line: Int, column: Int)] = []
        // Groups met by one of the guide's recognisers (`{ recognise: zeitpunkt }`), by group name.
        var recognised: [String: String] = [:]
        var mustNot: [String] = []
        // In a step that happens in a DM, the expected reply is a private message.
        let stepChannel = fields.choice("channel", as: Channel.self)
        let defaultActions: [Action] = stepChannel == .dm ? [.dm] : [.reply]
        var actions = defaultActions
        if let expectNode = fields.node("expect"), let expect = YAMLFields(expectNode, sink: sink, what: "`expect`") {
            expect.reportUnknownKeys(allowed: expectKeys, what: "`expect`")
            if let groups = expect.node("must_mention") {
                if case let .mapping(mapping) = groups {
                    for (key, value) in mapping {
                        let phrases: [String]
                        switch value {
                        case let .scalar(scalar):
                            phrases = [scalar.string]
                            checkPhrase(scalar.string, at: value.mark, language: language, sink: sink)
                        case let .sequence(items):
                            phrases = items.compactMap(\.string)
                            for item in items { if let phrase = item.string { checkPhrase(phrase, at: item.mark, language: language, sink: sink) } }
                        case .mapping:
                            guard let reference = YAMLFields(value, sink: sink, what: "a `must_mention` group") else { continue }
                            reference.reportUnknownKeys(allowed: ["rule", "recognise"], what: "a `must_mention` group")
                            if let recogniser = reference.string("recognise") {
                                if language.recognisers.contains(recogniser) {
                                    recognised[key.string ?? ""] = recogniser
                                } else {
                                    reference.error("the guide has no recogniser `\(recogniser)`"
                                                    + NameSuggestion.didYouMean(recogniser, in: language.recognisers)
                                                    + " (recognisers: \(language.recognisers.joined(separator: ", ")))",
                                                    code: .unknownRule, at: "recognise")
                                }
                                mustMention.append((key.string ?? "", []))
                                continue
                            }
                            guard let rule = reference.string("rule", required: true, what: "a `must_mention` group") else { continue }
                            guideRules[rule] = key.string ?? ""
                            let mark = reference.node("rule")?.mark
                            guideRuleMarks.append((rule, mark?.line ?? 1, mark?.column ?? 1))
                            phrases = []
                        default:
                            sink.report("each `must_mention` group maps a name to a list of phrases, or to `{ rule: ID }` of the guide",
                                        code: .wrongType, at: value.mark)
                            continue
                        }
                        mustMention.append((key.string ?? "", phrases))
                    }
                } else {
                    sink.report("`must_mention` maps group names to phrases, any one of which counts", code: .wrongType, at: groups.mark)
                }
            }
            let forbidden = expect.strings("must_not")
            for (phrase, mark) in forbidden { checkPhrase(phrase, at: mark, language: language, sink: sink) }
            mustNot = forbidden.map(\.text)
            actions = expect.choices("action", as: Action.self) ?? defaultActions
        }
        let target = fields.int("target_seconds", in: 1...86_400)

        var transitions: [Transition] = []
        if let list = fields.node("next"), case let .sequence(items) = list, !items.isEmpty {
            for item in items {
                if let transition = readTransition(item, groups: mustMention.map(\.0), sink: sink) { transitions.append(transition) }
            }
        } else {
            fields.error("step `\(id)` needs `next`: where each kind of reply leads", code: .missingField, at: "next")
        }

        var builder = RuleSetBuilder(language: language)
        var mentionRules = guideRules
        for group in mustMention where !guideRules.values.contains(group.0) {
            // Named after the group, so the same expectation in several scenarios counts as one in reports.
            var id = "content.nennen_" + Self.slug(group.0)
            while mentionRules[id] != nil { id += "_" }
            mentionRules[id] = group.0
            // An error, not a warning: a reply that misses what the step needs has not answered
            // the customer, and must not pass while the customer reacts to what is missing.
            if let recogniser = recognised[group.0] {
                builder.recognised(id: id, family: .content, severity: .error, weight: weights.mustMention,
                                   message: strings.expectationMissing(group.0), recogniser: recogniser)
            } else {
                builder.mention(id: id, family: .content, severity: .error, weight: weights.mustMention,
                                message: strings.expectationMissing(group.0), phrases: group.1, report: .missing)
            }
        }
        if !mustNot.isEmpty {
            builder.mention(id: "content.tabu", family: .content, severity: .error, weight: weights.mustNot,
                            message: strings.expectationMustNot, phrases: mustNot, report: .present)
        }
        builder.action(id: "content.aktion", severity: .error, weight: weights.action, message: strings.expectationAction, expected: actions)
        if let target {
            builder.responseTime(id: "tempo.antwortzeit", severity: .warning, weight: weights.responseTime, message: strings.expectationTempo,
                                 targetSeconds: target)
        }
        return Step(id: id, posts: posts, channel: stepChannel, mood: fields.choice("mood", as: Mood.self),
                    expectations: Expectations(mustMention: mustMention, mustNot: mustNot, actions: actions),
                    targetSeconds: target, transitions: transitions, rules: builder.build(file: file),
                    mentionRules: mentionRules, guideRuleMarks: guideRuleMarks)
    }

    /// Warns of an expectation phrase that cannot work as its author meant: one that crosses a
    /// sentence end or holds no word (expectations are found within one sentence), and a word
    /// the dictionary knows only with an ending (`beruhig`: a stem, which without `*` matches
    /// only itself).
    static func checkPhrase(_ phrase: String, at mark: Mark?, language: ScenarioLanguage, sink: DiagnosticSink) {
        let words = MentionKind.words(of: phrase)
        let inner = phrase.trimmingCharacters(in: .whitespaces).dropLast()
        if words.isEmpty || inner.contains(where: { ".!?".contains($0) }) {
            sink.report("`\(phrase)` can never be found: " + (words.isEmpty ? "it holds no word"
                        : "an expectation is found within one sentence, and this phrase crosses a sentence end"),
                        code: .neverMatches, at: mark)
            return
        }
        guard let dictionary = language.dictionary.flatMap({ HunspellDictionary.named($0) }) else { return }
        for word in words where !word.contains("*") && word.count >= 3 && word.allSatisfy(\.isLetter) {
            let capitalized = word.prefix(1).uppercased() + word.dropFirst()
            guard !dictionary.spell(word), !dictionary.spell(capitalized) else { continue }
            if let ending = language.stemEndings.first(where: { dictionary.spell(word + $0) || dictionary.spell(capitalized + $0) }) {
                sink.report("`\(word)` looks like a word stem (the dictionary knows `\(word + ending)`): write `\(word)*` "
                            + "to match its forms; without `*` it matches only itself", code: .stemWithoutStar, at: mark)
            }
        }
    }

    /// "22:30" → 81,000; nil for anything but `H:MM` or `HH:MM` on the 24-hour clock.
    static func secondsAfterMidnight(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              let hours = Int(parts[0]), let minutes = Int(parts[1]), (0...23).contains(hours), (0...59).contains(minutes) else { return nil }
        return hours * 3600 + minutes * 60
    }

    /// "Verständnis zeigen" → "verständnis_zeigen".
    static func slug(_ name: String) -> String {
        let words = name.lowercased().split { !$0.isLetter && !$0.isNumber }
        return words.isEmpty ? "gruppe" : words.joined(separator: "_")
    }

    private static func readTransition(_ node: Node, groups: [String], sink: DiagnosticSink) -> Transition? {
        guard let fields = YAMLFields(node, sink: sink, what: "a transition") else { return nil }
        fields.reportUnknownKeys(allowed: transitionKeys, what: "a transition")
        guard let go = fields.string("go", required: true, what: "a transition") else { return nil }
        var condition: Condition?
        if let ifNode = fields.node("if"), let when = YAMLFields(ifNode, sink: sink, what: "`if`") {
            when.reportUnknownKeys(allowed: conditionKeys, what: "`if`")
            var parsed = Condition()
            parsed.action = when.choice("action", as: Action.self)
            parsed.minScore = when.int("min_score", in: 0...100)
            parsed.maxScore = when.int("max_score", in: 0...100)
            parsed.passed = when.node("passed")?.bool
            for (key, target) in [("mentions", \Condition.mentions), ("not_mentions", \Condition.notMentions)] {
                for (name, mark) in when.strings(key) {
                    if groups.contains(name) {
                        parsed[keyPath: target].append(name)
                    } else {
                        sink.report("`\(name)` is not a `must_mention` group of this step" + NameSuggestion.didYouMean(name, in: groups),
                                    code: .unknownGroup, at: mark)
                    }
                }
            }
            for (key, target) in [("findings", \Condition.findings), ("no_findings", \Condition.noFindings)] {
                for (rule, mark) in when.strings(key) {
                    parsed[keyPath: target].append(rule)
                    parsed.ruleMarks.append((rule, mark?.line ?? 1, mark?.column ?? 1))
                }
            }
            for name in parsed.mentions where parsed.notMentions.contains(name) {
                when.error("this condition can never hold: `\(name)` is in both `mentions` and `not_mentions`",
                           code: .impossibleCondition, at: "mentions")
            }
            for rule in parsed.findings where parsed.noFindings.contains(rule) {
                when.error("this condition can never hold: `\(rule)` is in both `findings` and `no_findings`",
                           code: .impossibleCondition, at: "findings")
            }
            if let min = parsed.minScore, let max = parsed.maxScore, min > max {
                when.error("this condition can never hold: `min_score` \(min) is above `max_score` \(max)", code: .impossibleCondition,
                           at: "min_score")
            }
            condition = parsed
        }
        let destination: Transition.Destination = Outcome(rawValue: go).map { .outcome($0) } ?? .step(go)
        let goMark = fields.node("go")?.mark
        return Transition(condition: condition, destination: destination,
                          reaction: readReaction(fields.node("reaction"), groups: groups, sink: sink),
                          mood: fields.choice("mood", as: Mood.self), line: goMark?.line ?? 1, column: goMark?.column ?? 1)
    }

    /// `reaction:` is one wording, a list of wordings, or a mapping from what the reply did
    /// (`passed`, a family such as `address`, a rule id, a `must_mention` group, `default`) to
    /// one wording or several.
    private static func readReaction(_ node: Node?, groups: [String], sink: DiagnosticSink) -> Reaction? {
        guard let node else { return nil }
        func wordings(_ value: Node) -> [String]? {
            switch value {
            case let .scalar(scalar): return [scalar.string]
            case let .sequence(items) where items.allSatisfy({ $0.string != nil }) && !items.isEmpty: return items.compactMap(\.string)
            default:
                sink.report("a reaction is a wording, or a list of wordings to choose from", code: .wrongType, at: value.mark)
                return nil
            }
        }
        guard case let .mapping(mapping) = node else { return wordings(node).map { Reaction(wordings: [Reaction.fallback: $0]) } }
        let known = [Reaction.passed, Reaction.fallback] + Family.allCases.map(\.rawValue) + groups
        var result: [String: [String]] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            // A rule id (`content.aktion`, a guide rule) has a dot; anything else must be known.
            if !name.contains("."), !known.contains(name) {
                sink.report("`\(name)` is not something a reply can do" + NameSuggestion.didYouMean(name, in: known)
                            + " (a reaction is keyed by `passed`, a family, a rule id, a `must_mention` group or `default`)",
                            code: .unknownKey, at: key.mark)
                continue
            }
            if let list = wordings(value) { result[name] = list }
        }
        return Reaction(wordings: result)
    }

    /// The customer's reaction must agree with the verdict on screen: a reply that failed the
    /// guide must not end the scenario in success ("85/100 – bestanden" beside "Kunde
    /// verloren" and its opposite), so a transition to a success outcome asks for `passed: true`,
    /// and a `passed` reaction on a transition that only failing replies take is never heard.
    private static func checkVerdicts(_ steps: [Step], success: [Outcome], sink: DiagnosticSink) {
        for step in steps {
            for transition in step.transitions {
                guard case let .outcome(outcome) = transition.destination else { continue }
                if success.contains(outcome), transition.condition?.passed != true, transition.condition?.action != .escalate {
                    sink.report("a reply that fails the guide can end the scenario as `\(outcome.rawValue)` here: add `passed: true` to `if`",
                                code: .verdictMismatch, line: transition.line, column: transition.column)
                }
                if transition.condition?.passed == false, transition.reaction?.wordings[Reaction.passed] != nil {
                    sink.report("only failing replies take this transition, so its `passed` reaction is never heard",
                                code: .verdictMismatch, line: transition.line, column: transition.column)
                }
            }
        }
    }

    /// Targets exist; every step ends with a transition without `if`; every step is reachable.
    private static func checkTransitions(_ steps: [Step], stepMarks: [String: Mark?], start: String, sink: DiagnosticSink) {
        let ids = steps.map(\.id)
        for step in steps {
            for transition in step.transitions {
                if case let .step(target) = transition.destination, !ids.contains(target) {
                    sink.report("transition to the unknown step `\(target)`"
                                + NameSuggestion.didYouMean(target, in: ids + Outcome.allCases.map(\.rawValue)),
                                code: .unknownStep, line: transition.line, column: transition.column)
                }
            }
            if let last = step.transitions.last, last.condition != nil {
                sink.report("step `\(step.id)` has no way out for a reply that meets no condition: end `next` with a transition without `if`",
                            code: .noWayOut, at: stepMarks[step.id] ?? nil)
            }
        }
        var reached: Set<String> = [start]
        var queue = [start]
        while let id = queue.popLast() {
            for transition in steps.first(where: { $0.id == id })?.transitions ?? [] {
                if case let .step(target) = transition.destination, reached.insert(target).inserted { queue.append(target) }
            }
        }
        for step in steps where !reached.contains(step.id) {
            sink.report("step `\(step.id)` can never be reached", code: .unreachableStep, at: stepMarks[step.id] ?? nil)
        }
    }

    private static func readExamples(_ fields: YAMLFields, sink: DiagnosticSink) -> [ScenarioExample] {
        guard let node = fields.node("examples") else { return [] }
        guard let examples = YAMLFields(node, sink: sink, what: "`examples`") else { return [] }
        examples.reportUnknownKeys(allowed: ["good", "bad"], what: "`examples`")
        var result: [ScenarioExample] = []
        for (key, isGood) in [("good", true), ("bad", false)] {
            guard let list = examples.node(key) else { continue }
            guard case let .sequence(plays) = list else {
                sink.report("`\(key)` must be a list of plays, each a list of answers", code: .wrongType, at: list.mark)
                continue
            }
            for play in plays {
                guard case let .sequence(items) = play else {
                    sink.report("a play is a list of answers, one per step", code: .wrongType, at: play.mark)
                    continue
                }
                var answers: [Answer] = []
                for item in items {
                    if case let .scalar(scalar) = item {
                        answers.append(Answer(text: scalar.string))
                    } else if let answer = YAMLFields(item, sink: sink, what: "an answer") {
                        answer.reportUnknownKeys(allowed: answerKeys, what: "an answer")
                        answers.append(Answer(text: answer.string("text") ?? "",
                                              action: answer.choice("action", as: Action.self) ?? .reply,
                                              seconds: answer.double("seconds", in: 0...86_400)))
                    }
                }
                result.append(ScenarioExample(isGood: isGood, answers: answers, line: play.mark?.line ?? 1))
            }
        }
        return result
    }
}

/// A problem in a guide or scenario file, at the place that caused it.
///
/// Rendered like a compiler's message, `file:line:column: error: message [code]`, so editors
/// and CI systems can jump to it. Codes are stable; the README lists them.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible, Error {
    public enum Level: String, Sendable { case error, warning }

    public let file: String
    public let line: Int
    public let column: Int
    public let level: Level
    public let message: String
    /// What went wrong, from the catalogue; its level is the diagnostic's.
    public let catalogued: DiagnosticCode
    /// The stable code printed in `[code]`.
    public var code: String { catalogued.rawValue }

    public init(file: String, line: Int, column: Int, message: String, code: DiagnosticCode) {
        self.file = file
        self.line = line
        self.column = column
        self.level = code.level
        self.message = message
        self.catalogued = code
    }

    public var description: String {
        "\(file):\(line):\(column): \(level.rawValue): \(message) [\(code)]"
    }
}

/// Thrown when a guide cannot be used; holds every problem found, not just the first.
public struct GuideLoadError: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Suggestions for a misspelt name: the closest known one, if it is close enough.
public enum NameSuggestion {
    public static func closest(to word: String, in candidates: [String]) -> String? {
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(word.lowercased(), candidate.lowercased())
            if distance <= max(2, candidate.count / 3), distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    public static func didYouMean(_ word: String, in candidates: [String]) -> String {
        closest(to: word, in: candidates).map { ", did you mean `\($0)`?" } ?? ""
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

/// Every code a diagnostic can carry, with its level and what it means, as Yarn Spinner keeps
/// its diagnostic descriptors: one place that says what exists, so a code cannot be misspelt
/// at the site that reports it, and the README's table is checked against this list.
///
/// The raw values are the stable codes printed in `[code]`; never rename one (editors and CI
/// scripts match on them).
public enum DiagnosticCode: String, CaseIterable, Sendable {
    case yamlSyntax = "yaml-syntax"
    case emptyFile = "empty-file"
    case invalidUTF8 = "invalid-utf8"
    case unreadable
    case wrongType = "wrong-type"
    case missingField = "missing-field"
    case badValue = "bad-value"
    case unknownKey = "unknown-key"
    case duplicateKey = "duplicate-key"
    case unknownKind = "unknown-kind"
    case unknownChannel = "unknown-channel"
    case badID = "bad-id"
    case duplicateID = "duplicate-id"
    case badRegex = "bad-regex"
    case exampleGoodTriggers = "example-good-triggers"
    case exampleBadSilent = "example-bad-silent"
    case exampleRecogniser = "example-recogniser"
    case unknownStep = "unknown-step"
    case unknownGroup = "unknown-group"
    case unknownRule = "unknown-rule"
    case unknownScenario = "unknown-scenario"
    case noWayOut = "no-way-out"
    case impossibleCondition = "impossible-condition"
    case neverSucceeds = "never-succeeds"
    case exampleGoodFails = "example-good-fails"
    case exampleBadSucceeds = "example-bad-succeeds"
    case unreachableStep = "unreachable-step"
    case todo
    case missingDictionary = "missing-dictionary"
    case exploreStepUnreached = "explore-step-unreached"
    case exploreOutcomeUnreached = "explore-outcome-unreached"
    case exploreDeadEnd = "explore-dead-end"
    case aliasLimit = "alias-limit"
    case catastrophicRegex = "catastrophic-regex"
    case stemWithoutStar = "stem-without-star"
    case neverMatches = "never-matches"
    case verdictMismatch = "verdict-mismatch"

    /// Errors stop a file from being used; warnings point at something probably unintended
    /// (and fail `lint --strict`).
    public var level: Diagnostic.Level {
        switch self {
        case .unreachableStep, .todo, .missingDictionary, .exploreStepUnreached, .exploreOutcomeUnreached, .exploreDeadEnd,
             .catastrophicRegex, .stemWithoutStar, .neverMatches, .verdictMismatch:
            .warning
        default:
            .error
        }
    }

    /// What the code means, in one line.
    public var summary: String {
        switch self {
        case .yamlSyntax: "the file is not valid YAML"
        case .emptyFile: "the file holds nothing"
        case .invalidUTF8: "the file is not valid UTF-8"
        case .unreadable: "the file cannot be read"
        case .wrongType: "a field of the wrong type"
        case .missingField: "a required field is missing"
        case .badValue: "a value out of range or not one of the allowed names"
        case .unknownKey: "a key the format does not have (with did-you-mean)"
        case .duplicateKey: "a key given twice"
        case .unknownKind: "a rule names a kind that does not exist"
        case .unknownChannel: "a rule names a channel that does not exist"
        case .badID: "a rule id is not `family.name`"
        case .duplicateID: "an id given to two rules or scenarios"
        case .badRegex: "a pattern rule's regular expression does not compile"
        case .exampleGoodTriggers: "a guide rule's good example triggers it"
        case .exampleBadSilent: "a guide rule's bad example does not trigger it"
        case .exampleRecogniser: "a recogniser does not find what its example says it finds"
        case .unknownStep: "a scenario names a step that does not exist"
        case .unknownGroup: "a scenario names a `must_mention` group that does not exist"
        case .unknownRule: "a scenario or rule names a guide rule that does not exist"
        case .unknownScenario: "a certification plan names a scenario the library lacks"
        case .noWayOut: "a step without an unconditional last transition"
        case .impossibleCondition: "a condition that can never hold"
        case .neverSucceeds: "a success outcome no path leads to"
        case .exampleGoodFails: "a scenario's good example play does not reach success"
        case .exampleBadSucceeds: "a scenario's bad example play reaches success"
        case .unreachableStep: "a step no transition leads to"
        case .todo: "a `TODO:` note"
        case .missingDictionary: "a Hunspell dictionary is not installed: the rule is left out, the guide still loads"
        case .exploreStepUnreached: "`--explore` never reached a step"
        case .exploreOutcomeUnreached: "`--explore` never reached an outcome"
        case .exploreDeadEnd: "`--explore` found plays that never end"
        case .aliasLimit: "a file that expands to too many YAML nodes through aliases (an alias bomb)"
        case .stemWithoutStar: "an expected or forbidden word that is a bare word stem without `*` (it matches only itself)"
        case .verdictMismatch: "a transition whose customer reaction can contradict the verdict (success after a failed reply)"
        case .neverMatches: "an expected phrase that can never be found (it crosses a sentence end, or holds no word)"
        case .catastrophicRegex: "a pattern that can backtrack catastrophically: the rule is left out"
        }
    }
}

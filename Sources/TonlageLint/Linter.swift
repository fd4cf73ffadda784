import Foundation
import TonlageCertify
import TonlageCore
import TonlageScenarios

/// Checks guides and scenario files with a compiler's quality of feedback: every problem at
/// its file, line and column, with a stable code and a fix hint where one is clear.
///
/// Beyond what the loaders report (syntax, schema, unknown names, broken links), lint runs the
/// examples: a guide rule's good example must not trigger it and its bad example must; a
/// scenario's good play must reach a success outcome and its bad play must not.
public struct Linter {
    public let guidePath: String
    /// The scenario library that answers files and plans name, when given; else the folder
    /// above theirs, else `defaultScenariosPath`.
    public let scenariosPath: String?
    public let defaultScenariosPath: String?

    public init(guidePath: String, scenariosPath: String? = nil, defaultScenariosPath: String? = nil) {
        self.guidePath = guidePath
        self.scenariosPath = scenariosPath
        self.defaultScenariosPath = defaultScenariosPath
    }

    public struct Report: Sendable {
        public var diagnostics: [Diagnostic] = []
        public var errors: Int { diagnostics.filter { $0.level == .error }.count }
        public var warnings: Int { diagnostics.filter { $0.level == .warning }.count }
    }

    /// Lints the given files and folders (a folder: every `*.yaml` in it); the guide is
    /// linted too when it is among them.
    public func lint(paths: [String]) -> Report {
        var report = Report()
        let files = paths.flatMap(Self.yamlFiles)
        // The guide the scenarios are scored against; its own problems are reported once.
        let (guide, guideProblems) = loadGuide()
        let guideIsLinted = files.contains { Self.samePath($0, guidePath) }
        // A guide that does not load is reported even when only scenarios are linted: their
        // examples and rule references cannot be checked without it.
        if guideIsLinted || guide == nil {
            report.diagnostics += guideProblems
            if let guide { report.diagnostics += checkExamples(of: guide) + checkRecogniserExamples(of: guide) }
        }
        for file in files where !Self.samePath(file, guidePath) {
            guard let data = FileContents.read(file) else {
                report.diagnostics.append(Diagnostic(file: file, line: 1, column: 1, message: "cannot read the file", code: .unreadable))
                continue
            }
            let text = String(decoding: data, as: UTF8.self)
            if Self.isGuide(text) {
                let (other, problems) = GuideLoader.compile(yaml: text, file: file)
                report.diagnostics += problems
                if let other { report.diagnostics += checkExamples(of: other) }
            } else if Self.hasTopLevelKey("answers", in: text) {
                report.diagnostics += lintAnswers(file: file, text: text, language: guide?.scenarioLanguage ?? ScenarioLanguage(code: "de"))
            } else if Self.hasTopLevelKey("pass", in: text) {
                report.diagnostics += lintPlan(file: file, language: guide?.scenarioLanguage ?? ScenarioLanguage(code: "de"))
            } else {
                report.diagnostics += lintScenario(file: file, guide: guide)
            }
            report.diagnostics += Self.todos(in: text, file: file)
        }
        if guideIsLinted, let data = FileContents.read(guidePath) {
            report.diagnostics += Self.todos(in: String(decoding: data, as: UTF8.self), file: guidePath)
        }
        report.diagnostics.sort { ($0.file, $0.line, $0.column, $0.code) < ($1.file, $1.line, $1.column, $1.code) }
        return report
    }

    private func loadGuide() -> (Guide?, [Diagnostic]) {
        do {
            let guide = try GuideLoader.load(path: guidePath)
            return (guide, guide.warnings)
        } catch {
            return (nil, error.diagnostics)
        }
    }

    /// Guides have `rules:` at the top level, answer files `answers:`, certification plans
    /// `pass:`; everything else is read as a scenario.
    static func isGuide(_ text: String) -> Bool { hasTopLevelKey("rules", in: text) }

    static func hasTopLevelKey(_ key: String, in text: String) -> Bool {
        text.split(separator: "\n").contains { $0.hasPrefix(key + ":") }
    }

    /// The scenarios a plan or answers file refers to: `scenariosPath`, else the library one
    /// folder up (`scenarios/certification/plan.yaml` names the scenarios in `scenarios/`),
    /// else `defaultScenariosPath`.
    func library(besides file: String, language: ScenarioLanguage) -> [Scenario] {
        if let scenariosPath { return ScenarioLoader.loadLibrary(directory: scenariosPath, language: language).scenarios }
        let above = ((file as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
        let found = ScenarioLoader.loadLibrary(directory: above, language: language).scenarios
        guard found.isEmpty, let defaultScenariosPath else { return found }
        return ScenarioLoader.loadLibrary(directory: defaultScenariosPath, language: language).scenarios
    }

    /// An answers file's own problems, and the scenario and step ids it gives that the library
    /// lacks (a misspelt step id would leave that step unanswered), each at its place.
    func lintAnswers(file: String, text: String, language: ScenarioLanguage) -> [Diagnostic] {
        let problems = CertificationLoader.loadAnswers(path: file).1
        guard !problems.contains(where: { $0.level == .error }) else { return problems }
        let scenarios = library(besides: file, language: language)
        let sink = DiagnosticSink(file: file)
        guard !scenarios.isEmpty, let root = YAMLSource.compose(text, sink: sink), case let .mapping(top) = root,
              let answers = top.first(where: { $0.key.string == "answers" })?.value, case let .mapping(byScenario) = answers
        else { return problems }
        for (scenarioKey, steps) in byScenario {
            let id = scenarioKey.string ?? ""
            guard let scenario = scenarios.first(where: { $0.id == id }) else {
                sink.report("no scenario `\(id)` in the library" + NameSuggestion.didYouMean(id, in: scenarios.map(\.id)),
                            code: .unknownScenario, at: scenarioKey.mark)
                continue
            }
            guard case let .mapping(byStep) = steps else { continue }
            let stepIDs = scenario.steps.map(\.id)
            for (stepKey, _) in byStep where !stepIDs.contains(stepKey.string ?? "") {
                let step = stepKey.string ?? ""
                sink.report("the scenario `\(id)` has no step `\(step)`" + NameSuggestion.didYouMean(step, in: stepIDs)
                            + " (steps: \(stepIDs.joined(separator: ", ")))", code: .unknownStep, at: stepKey.mark)
            }
        }
        return problems + sink.diagnostics
    }

    /// A plan's own problems, and scenarios it names that the library beside it lacks.
    func lintPlan(file: String, language: ScenarioLanguage) -> [Diagnostic] {
        let (plan, problems) = CertificationLoader.loadPlan(path: file)
        guard let plan else { return problems }
        let known = library(besides: file, language: language).map(\.id)
        return problems + plan.scenarios.filter { !known.contains($0) }.map { id in
            Diagnostic(file: file, line: 1, column: 1,
                       message: "the plan names the unknown scenario `\(id)`" + NameSuggestion.didYouMean(id, in: known),
                       code: .unknownScenario)
        }
    }

    public static func yamlFiles(_ path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            .map { (path as NSString).appendingPathComponent($0) }
    }

    static func samePath(_ a: String, _ b: String) -> Bool {
        URL(fileURLWithPath: a).standardizedFileURL.path == URL(fileURLWithPath: b).standardizedFileURL.path
    }

    /// `TODO:` notes, listed as warnings so they are not forgotten.
    static func todos(in text: String, file: String) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let range = line.range(of: "TODO:") else { continue }
            let column = line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: range.lowerBound) + 1
            let note = line[range.upperBound...].trimmingCharacters(in: .whitespaces)
            result.append(Diagnostic(file: file, line: index + 1, column: column,
                                     message: "TODO: \(note)", code: .todo))
        }
        return result
    }

    /// Each rule's good examples must not trigger it; its bad examples must.
    func checkExamples(of guide: Guide) -> [Diagnostic] {
        let scorer = Scorer(guide: guide)
        var result: [Diagnostic] = []
        for rule in guide.rules {
            for example in rule.examples {
                let hits = scorer.score(example.text, context: example.context).findings.filter { $0.rule == rule.id }
                if example.isGood, let hit = hits.first {
                    result.append(Diagnostic(file: guide.file, line: example.line, column: example.column,
                                             message: "good example triggers `\(rule.id)` at „\(hit.excerpt)“",
                                             code: .exampleGoodTriggers))
                } else if !example.isGood && hits.isEmpty {
                    result.append(Diagnostic(file: guide.file, line: example.line, column: example.column,
                                             message: "bad example does not trigger `\(rule.id)`", code: .exampleBadSilent))
                }
            }
        }
        return result
    }

    /// Each recogniser must recognise its `recognised` examples and none of its `not_recognised`.
    func checkRecogniserExamples(of guide: Guide) -> [Diagnostic] {
        let scorer = Scorer(guide: guide)
        var result: [Diagnostic] = []
        for recogniser in guide.recognisers {
            for example in recogniser.examples {
                let found = scorer.recognise(example.text, context: ReplyContext(channel: guide.defaultChannel))
                    .contains(recogniser.id)
                guard found != example.recognised else { continue }
                result.append(Diagnostic(file: guide.file, line: example.line, column: example.column,
                                         message: "the recogniser `\(recogniser.id)` " + (example.recognised ? "does not recognise" : "recognises")
                                            + " this example", code: .exampleRecogniser))
            }
        }
        return result
    }

    func lintScenario(file: String, guide: Guide?) -> [Diagnostic] {
        let (loaded, problems) = ScenarioLoader.load(path: file, language: guide?.scenarioLanguage ?? ScenarioLanguage(code: "de"))
        var result = problems
        guard let scenario = loaded else { return result }
        result += Self.unreachableOutcomes(scenario)
        guard let guide else { return result }
        let ruleIDs = guide.rules.map(\.id)
        for step in scenario.steps {
            for mark in step.guideRuleMarks where !ruleIDs.contains(mark.rule) {
                result.append(Diagnostic(file: file, line: mark.line, column: mark.column,
                                         message: "the guide has no rule `\(mark.rule)` to recognise this group"
                                             + NameSuggestion.didYouMean(mark.rule, in: ruleIDs),
                                         code: .unknownRule))
            }
            for transition in step.transitions {
                for mark in transition.condition?.ruleMarks ?? [] where !ruleIDs.contains(mark.rule) {
                    result.append(Diagnostic(file: file, line: mark.line, column: mark.column,
                                             message: "the guide has no rule `\(mark.rule)`" + NameSuggestion.didYouMean(mark.rule, in: ruleIDs),
                                             code: .unknownRule))
                }
            }
        }
        let scorer = Scorer(guide: guide)
        for example in scenario.examples {
            let run = ScenarioRun.play(scenario, answers: example.answers, scorer: scorer)
            let reached = run.outcome.map { scenario.success.contains($0) } ?? false
            let path = (run.turns.map(\.stepID) + [run.outcome?.rawValue ?? "unfinished"]).joined(separator: " → ")
            if example.isGood && !reached {
                result.append(Diagnostic(file: file, line: example.line, column: 7,
                                         message: "good example does not reach \(scenario.success.map(\.rawValue).joined(separator: " or ")): \(path)",
                                         code: .exampleGoodFails))
            } else if !example.isGood && reached {
                result.append(Diagnostic(file: file, line: example.line, column: 7,
                                         message: "bad example reaches \(run.outcome!.rawValue): \(path)", code: .exampleBadSucceeds))
            }
        }
        return result
    }

    /// A success outcome no path of transitions leads to.
    static func unreachableOutcomes(_ scenario: Scenario) -> [Diagnostic] {
        var reached: Set<String> = [scenario.start]
        var outcomes: Set<Outcome> = []
        var queue = [scenario.start]
        while let id = queue.popLast() {
            for transition in scenario.step(id)?.transitions ?? [] {
                switch transition.destination {
                case let .step(next): if reached.insert(next).inserted { queue.append(next) }
                case let .outcome(outcome): outcomes.insert(outcome)
                }
            }
        }
        return scenario.success.filter { !outcomes.contains($0) }.map { outcome in
            Diagnostic(file: scenario.file, line: 1, column: 1,
                       message: "the scenario can never reach `\(outcome.rawValue)`: no transition leads there", code: .neverSucceeds)
        }
    }
}

import ArgumentParser
import Foundation
import TonlageCore
import TonlageLint
import TonlageScenarios

/// `tonlage lint`: checks guides and scenarios like a compiler.
struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check guide and scenario files.",
        discussion: """
            Prints every problem as `file:line:column: error|warning: message [code]`. Checks YAML \
            syntax and schema (missing, unknown and misspelt keys, wrong types, unknown rule kinds, \
            channels and moods), duplicate ids, transitions to missing steps, unreachable steps, \
            steps with no way out, scenarios that can never succeed, conditions that can never hold, \
            regular expressions, rule ids a scenario names but the guide lacks, and runs the examples: \
            a rule's good example must not trigger it and its bad example must; a scenario's good play \
            must succeed and its bad play must not. `TODO:` notes are warnings.

            Exit codes: 0 clean, 1 warnings with --strict, 2 errors, 3 an I/O or internal error.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Files or folders to check. Default: the guide and the scenario folder.")
    var paths: [String] = []

    @Option(help: "Output: text or json.")
    var format: Format = .text

    @Flag(help: "Exit 1 when there are warnings.")
    var strict = false

    @Flag(help: "Also play every scenario many times with example answers and report what is never reached.")
    var explore = false

    @Option(help: "Seed for --explore; the same seed plays the same games.")
    var seed: UInt64 = 1

    @OptionGroup var library: LibraryOptions

    func run() throws {
        let guidePath = library.guideOptions.guidePath
        let scenarioFolder = library.scenarios ?? Paths.defaultScenarios
        let targets = paths.isEmpty ? [guidePath, scenarioFolder] : paths
        var report = Linter(guidePath: guidePath, scenariosPath: library.scenarios, defaultScenariosPath: Paths.defaultScenarios)
            .lint(paths: targets)
        var summaries: [Explorer.Summary] = []
        if explore, let guide = try? GuideLoader.load(path: guidePath) {
            let scenarios = targets.flatMap { path -> [Scenario] in
                Linter.yamlFiles(path).compactMap { ScenarioLoader.load(path: $0, language: guide.scenarioLanguage).0 }
            }
            let explored = Explorer(guide: guide).explore(scenarios, seed: seed)
            summaries = explored.summaries
            report.diagnostics += explored.diagnostics
        }
        let code = report.errors > 0 ? ExitStatus.badInput : (strict && report.warnings > 0 ? ExitStatus.failed : ExitStatus.passed)
        Output.earned(code)
        switch format {
        case .text:
            var out = report.diagnostics.map(\.description).joined(separator: "\n")
            if !out.isEmpty { out += "\n" }
            for summary in summaries {
                let outcomes = Outcome.allCases.map { "\($0.rawValue) \(summary.outcomes[$0] ?? 0)" }.joined(separator: ", ")
                out += "explored \(summary.scenario): \(summary.plays) plays – \(outcomes), unfinished \(summary.unfinished)\n"
            }
            out += "\(report.errors) error\(report.errors == 1 ? "" : "s"), \(report.warnings) warning\(report.warnings == 1 ? "" : "s")\n"
            // Messages quote the files, which may hold anything.
            Output.out(InputHygiene.visible(out, keepingLineBreaks: true))
        case .json:
            Output.out(Self.json(report.diagnostics))
        }
        throw ExitCode(code)
    }

    /// One JSON array of {file, line, column, severity, code, message}, for editors and CI.
    static func json(_ diagnostics: [Diagnostic]) -> String {
        let items = diagnostics.map { d in
            "{\"file\":\(ScorecardJSON.quoted(d.file)),\"line\":\(d.line),\"column\":\(d.column),"
                + "\"severity\":\"\(d.level.rawValue)\",\"code\":\(ScorecardJSON.quoted(d.code)),\"message\":\(ScorecardJSON.quoted(d.message))}"
        }
        return "[" + items.joined(separator: ",\n ") + "]\n"
    }
}

import Foundation
import Testing
@testable import TonlageCore
@testable import TonlageLint
@testable import TonlageScenarios

/// `Tests/Fixtures/broken/`: deliberately broken guides and scenarios, each beside a
/// `.expected` file with the exact diagnostics (`line:column: level [code]`) lint must give.
@Suite("lint")
struct LintFixtureTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/Fixtures/broken")
    static let guidePath = root.appendingPathComponent("guide/de-social.yaml").path

    static let cases: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? [])
        .filter { $0.hasSuffix(".yaml") }.sorted()

    @Test("the fixture folder covers guides and scenarios")
    func coverage() {
        #expect(Self.cases.filter { $0.hasPrefix("guide-") }.count >= 6)
        #expect(Self.cases.filter { $0.hasPrefix("scenario-") }.count >= 8)
    }

    @Test("each broken file gives exactly the expected diagnostics", arguments: cases)
    func fixture(name: String) throws {
        let file = Self.fixtures.appendingPathComponent(name).path
        let expected = try String(contentsOfFile: file.replacingOccurrences(of: ".yaml", with: ".expected"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let report = Linter(guidePath: Self.guidePath).lint(paths: [file])
        #expect(report.diagnostics.allSatisfy { $0.file == file })
        let actual = report.diagnostics.map { "\($0.line):\($0.column): \($0.level.rawValue) [\($0.code)]" }
        #expect(actual == expected, "\(report.diagnostics.map(\.description))")
        #expect(!expected.isEmpty)
    }

    @Test("the shipped guides and scenarios lint clean")
    func shipped() {
        let german = Linter(guidePath: Self.guidePath)
            .lint(paths: [Self.guidePath, Self.root.appendingPathComponent("scenarios").path])
        #expect(german.diagnostics.isEmpty, "\(german.diagnostics.map(\.description))")
        let englishPath = Self.root.appendingPathComponent("guide/en-social.yaml").path
        let english = Linter(guidePath: englishPath).lint(paths: [englishPath])
        #expect(english.diagnostics.isEmpty, "\(english.diagnostics.map(\.description))")
    }

    @Test("certification plans and answer files are checked as such")
    func certification() throws {
        let shipped = Linter(guidePath: Self.guidePath).lint(paths: [Self.root.appendingPathComponent("scenarios/certification").path])
        #expect(shipped.diagnostics.isEmpty, "\(shipped.diagnostics.map(\.description))")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lint-plan-\(UUID())")
        let plans = folder.appendingPathComponent("scenarios/certification")
        try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("scenarios/03-lob-mantel.yaml"),
                                         to: folder.appendingPathComponent("scenarios/03-lob-mantel.yaml"))
        let plan = plans.appendingPathComponent("typo.yaml")
        try "scenarios: [lob-mantle]\npass: { min_average: 80 }\n".write(to: plan, atomically: true, encoding: .utf8)
        let answers = plans.appendingPathComponent("answers.yaml")
        try "agent: Tom\nanswers:\n  lob-mantel:\n    lob: { txt: hallo }\n".write(to: answers, atomically: true, encoding: .utf8)
        let report = Linter(guidePath: Self.guidePath).lint(paths: [plans.path])
        #expect(report.diagnostics.map(\.code) == ["unknown-key", "unknown-scenario"])
        #expect(report.diagnostics.last?.message == "the plan names the unknown scenario `lob-mantle`, did you mean `lob-mantel`?")
    }

    @Test("an answers file's unknown scenario and step ids are errors at their place, with did-you-mean")
    func answersIDs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lint-answers-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let answers = folder.appendingPathComponent("answers.yaml")
        try """
            agent: Tom
            answers:
              lob-mantel:
                lop: "Danke dir, Tom!"
              paket-verspätet:
                beschwerde: "Hallo"
            """.write(to: answers, atomically: true, encoding: .utf8)
        let linter = Linter(guidePath: Self.guidePath, scenariosPath: Self.root.appendingPathComponent("scenarios").path)
        let report = linter.lint(paths: [answers.path])
        #expect(report.diagnostics.map(\.code) == ["unknown-step", "unknown-scenario"])
        #expect(report.diagnostics.map { "\($0.line):\($0.column)" } == ["4:5", "5:3"])
        #expect(report.diagnostics.first?.message.contains("did you mean `lob`?") == true)
        #expect(report.diagnostics.last?.message.contains("did you mean `paket-verspaetet`?") == true)
    }

    @Test("TODO notes are warnings with their column")
    func todos() {
        let diagnostics = Linter.todos(in: "a: 1\n  # TODO: später\nb: 2 # TODO: auch", file: "f.yaml")
        #expect(diagnostics.map { "\($0.line):\($0.column) \($0.message)" } == ["2:5 TODO: später", "3:8 TODO: auch"])
        #expect(diagnostics.allSatisfy { $0.level == .warning && $0.code == "todo" })
    }

    @Test("exploration finds a loop without a way out and the outcome behind it")
    func deadEnd() throws {
        let yaml = """
            id: schleife
            title: Schleife
            channel: facebook
            customer: { name: Nina, mood: neutral }
            briefing: Test
            steps:
              - id: a
                posts: ["Hallo?"]
                next:
                  - if: { min_score: 100, findings: [content.leer] }
                    go: resolved
                  - go: b
              - id: b
                posts: ["Und?"]
                next:
                  - go: a
            """
        let guide = try GuideLoader.load(path: Self.guidePath)
        let scenario = try #require(ScenarioLoader.compile(yaml: yaml, file: "schleife.yaml", language: guide.scenarioLanguage).0)
        var explorer = Explorer(guide: guide)
        explorer.plays = 10
        let (summaries, diagnostics) = explorer.explore([scenario], seed: 1)
        #expect(summaries.first?.unfinished == 10)
        #expect(diagnostics.map(\.code).sorted() == ["explore-dead-end", "explore-outcome-unreached"])
    }

    @Test("exploration is reproducible and reaches the library's outcomes")
    func exploration() throws {
        let guide = try GuideLoader.load(path: Self.guidePath)
        let scenarios = ScenarioLoader.loadLibrary(directory: Self.root.appendingPathComponent("scenarios").path,
                                                   language: guide.scenarioLanguage).scenarios
        var explorer = Explorer(guide: guide)
        explorer.plays = 40
        let first = explorer.explore(scenarios, seed: 42)
        let second = explorer.explore(scenarios, seed: 42)
        #expect(first.summaries.map(\.outcomes) == second.summaries.map(\.outcomes))
        #expect(first.diagnostics.map(\.description) == second.diagnostics.map(\.description))
        #expect(first.summaries.allSatisfy { $0.unfinished == 0 })
        #expect(first.summaries.contains { ($0.outcomes[.resolved] ?? 0) > 0 })
    }

    @Test("exploration agrees with the example plays: what an example reaches is never reported unreached")
    func explorationAgreesWithExamples() throws {
        let guide = try GuideLoader.load(path: Self.guidePath)
        let scenarios = ScenarioLoader.loadLibrary(directory: Self.root.appendingPathComponent("scenarios").path,
                                                   language: guide.scenarioLanguage).scenarios
        var explorer = Explorer(guide: guide)
        explorer.plays = 10
        let scorer = Scorer(guide: guide)
        let diagnostics = explorer.explore(scenarios, seed: 7).diagnostics.map(\.description)
        for scenario in scenarios {
            for example in scenario.examples {
                guard let outcome = ScenarioRun.play(scenario, answers: example.answers, scorer: scorer).outcome else { continue }
                #expect(!diagnostics.contains("\(scenario.file):1:1: warning: outcome `\(outcome.rawValue)` was never reached in 10 plays [explore-outcome-unreached]"),
                        "\(scenario.id)")
            }
        }
    }
}

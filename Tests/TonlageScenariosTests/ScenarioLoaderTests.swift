import Foundation
import Testing
@testable import TonlageCore
@testable import TonlageScenarios

/// Broken scenario files: `file:line:column` diagnostics, never a crash.
@Suite("scenario loader")
struct ScenarioLoaderTests {
    func codes(_ yaml: String) -> [String] {
        Fixtures.scenario(yaml).1.map(\.code)
    }

    let base = ScenarioEngineTests.yaml

    @Test("problems are found with their codes", arguments: [
        ("go: zwei", "go: zwie", "unknown-step"),
        ("mentions: [DM]", "mentions: [PN]", "unknown-group"),
        ("must_mention:", "must_mentoin:", "unknown-key"),
        ("channel: facebook", "channel: myspace", "bad-value"),
        ("      - go: lost\n        reaction: \"Tschüss.\"", "", "no-way-out"),
        ("min_score: 50", "min_score: 50, max_score: 10", "impossible-condition"),
        ("  - id: zwei", "  - id: eins", "duplicate-id"),
        ("  - id: zwei", "  - id: resolved", "bad-id"),
        ("briefing: Übung", "", "missing-field"),
        ("steps:", "steps: [\nx", "yaml-syntax"),
        ("briefing: Übung", "briefing: Übung\nweights: { must_mentoin: 20 }", "unknown-key"),
        ("briefing: Übung", "briefing: Übung\nweights: { action: 150 }", "bad-value"),
        ("briefing: Übung", "briefing: Übung\nweights: [15, 25]", "wrong-type"),
    ])
    func problems(original: String, replacement: String, code: String) {
        let yaml = base.replacingOccurrences(of: original, with: replacement)
        #expect(yaml != base)
        #expect(codes(yaml).contains(code), "\(Fixtures.scenario(yaml).1.map(\.description))")
    }

    @Test("a misspelt key gets a did-you-mean at its line and column")
    func didYouMean() throws {
        let (_, diagnostics) = Fixtures.scenario(base.replacingOccurrences(of: "must_mention:", with: "must_mentoin:"))
        let problem = try #require(diagnostics.first { $0.code == "unknown-key" })
        #expect(problem.message == "unknown key `must_mentoin` in `expect`, did you mean `must_mention`?")
        #expect(problem.line == 11)
        #expect(problem.column == 7)
        #expect(problem.description.hasPrefix("s.yaml:11:7: error: unknown key"))
    }

    @Test("an unreachable step is a warning, not an error")
    func unreachable() {
        let yaml = base.replacingOccurrences(of: "go: zwei", with: "go: escalated")
        let (scenario, diagnostics) = Fixtures.scenario(yaml)
        #expect(scenario != nil)
        #expect(diagnostics.map(\.code) == ["unreachable-step"])
        #expect(diagnostics.first?.level == .warning)
    }

    @Test("a broken file does not stop the others from loading")
    func library() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tonlage-scenarios-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try base.write(to: directory.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try "id: [broken".write(to: directory.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        try Data([0xFF, 0xFE]).write(to: directory.appendingPathComponent("c.yaml"))
        let (scenarios, diagnostics) = ScenarioLoader.loadLibrary(directory: directory.path, language: Fixtures.guide.scenarioLanguage)
        #expect(scenarios.map(\.id) == ["test"])
        #expect(diagnostics.map(\.code) == ["yaml-syntax", "invalid-utf8"])
    }
}

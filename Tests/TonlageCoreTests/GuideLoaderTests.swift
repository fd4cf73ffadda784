import Foundation
import Testing
@testable import TonlageCore

/// A broken guide gives `file:line:column` diagnostics, never a crash.
@Suite("guide loader")
struct GuideLoaderTests {
    func diagnostics(_ yaml: String) -> [Diagnostic] {
        GuideLoader.compile(yaml: yaml, file: "g.yaml").1
    }

    let rule = """
        language: de
        rules:
          - id: tone.slang
            kind: existence
            severity: error
            weight: 10
            message: "m"
            rationale: "r"
            phrases: [lol]
        """

    @Test("a valid guide compiles")
    func valid() throws {
        let (guide, problems) = GuideLoader.compile(yaml: rule, file: "g.yaml")
        #expect(problems.isEmpty)
        #expect(try #require(guide).rules.map(\.id) == ["tone.slang"])
    }

    @Test("YAML syntax errors carry line and column")
    func syntax() {
        let problems = diagnostics("language: de\nrules:\n  - id: [unclosed\n")
        #expect(problems.count == 1)
        #expect(problems.first?.code == "yaml-syntax")
        #expect(problems.first?.line == 4)
        #expect(problems.first?.description.hasPrefix("g.yaml:4:") == true)
    }

    @Test("an unknown rule kind is named with a suggestion")
    func unknownKind() {
        let problems = diagnostics(rule.replacingOccurrences(of: "kind: existence", with: "kind: existance"))
        #expect(problems.map(\.code) == ["unknown-kind"])
        #expect(problems.first?.message.contains("did you mean `existence`") == true)
        #expect(problems.first?.line == 4)
        #expect(problems.first?.column == 11)
    }

    @Test("an unknown key gets a did-you-mean")
    func unknownKey() {
        let problems = diagnostics(rule.replacingOccurrences(of: "phrases:", with: "phrase:"))
        #expect(problems.map(\.code).contains("unknown-key"))
        #expect(problems.contains { $0.message.contains("unknown key `phrase`") && $0.message.contains("did you mean `phrases`") && $0.line == 9 })
        #expect(problems.contains { $0.code == "missing-field" })
    }

    @Test("duplicate ids are reported at the second rule")
    func duplicateID() {
        let twice = rule + "\n" + rule.split(separator: "\n").dropFirst(2).joined(separator: "\n")
        let problems = diagnostics(twice)
        #expect(problems.map(\.code) == ["duplicate-id"])
        #expect(problems.first?.line == 10)
    }

    @Test("a regex that does not compile is reported at the pattern")
    func badRegex() {
        let yaml = rule.replacingOccurrences(of: "kind: existence", with: "kind: pattern")
            .replacingOccurrences(of: "phrases: [lol]", with: "pattern: \"(unclosed\"")
        let problems = diagnostics(yaml)
        #expect(problems.map(\.code) == ["bad-regex"])
        #expect(problems.first?.line == 9)
    }

    @Test("missing fields, wrong types and bad values", arguments: [
        ("severity: error", "severity: fatal", "bad-value"),
        ("weight: 10", "weight: heavy", "wrong-type"),
        ("weight: 10", "weight: 1000", "bad-value"),
        ("message: \"m\"", "", "missing-field"),
        ("id: tone.slang", "id: ton.slang", "bad-id"),
        ("language: de", "language: de\nchannels: {twiter: {limit: 5}}", "unknown-channel"),
        ("language: de", "language: de\nfoo: 1", "unknown-key"),
        ("phrases: [lol]", "phrases: [lol]\n    moods: [furious]", "bad-value"),
    ])
    func fieldProblems(original: String, replacement: String, code: String) {
        let problems = diagnostics(rule.replacingOccurrences(of: original, with: replacement))
        #expect(problems.map(\.code).contains(code), "\(problems)")
    }

    @Test("odd files never crash", arguments: ["", "---", "[1, 2]", "rules: 5", "language: de\nrules: [5, {}]", "\u{0}", "a: &x [*x]"])
    func oddFiles(yaml: String) {
        let (guide, problems) = GuideLoader.compile(yaml: yaml, file: "g.yaml")
        #expect(guide == nil)
        #expect(!problems.isEmpty)
    }

    @Test("a file that is not UTF-8 or does not exist is a clear error")
    func unreadable() throws {
        #expect(throws: GuideLoadError.self) { try GuideLoader.load(path: "/nonexistent/guide.yaml") }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tonlage-latin1.yaml").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data([0x6C, 0x61, 0x6E, 0x67, 0x3A, 0x20, 0xE4, 0x0A])))
        do {
            _ = try GuideLoader.load(path: path)
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.map(\.code) == ["invalid-utf8"])
        }
    }
}

import Foundation
import Testing

/// End-to-end tests of the trainer tools: `lint`, `guide`, `scenarios`.
@Suite("trainer commands")
struct TrainerCommandTests {
    static let broken = Binary.packageRoot.appendingPathComponent("Tests/Fixtures/broken")

    @Test("lint: clean library exits 0; errors exit 2; warnings exit 1 only with --strict")
    func lintExitCodes() throws {
        let clean = try Binary.run(["lint"])
        #expect(clean.status == 0, "\(clean.stdout)")
        #expect(clean.stdout == "0 errors, 0 warnings\n")
        let errors = try Binary.run(["lint", Self.broken.appendingPathComponent("scenario-misspelt-key.yaml").path])
        #expect(errors.status == 2)
        #expect(errors.stdout.contains("scenario-misspelt-key.yaml:10:7: error: unknown key `must_mentoin` in `expect`, did you mean `must_mention`? [unknown-key]"))
        let warnings = Self.broken.appendingPathComponent("scenario-unreachable.yaml").path
        #expect(try Binary.run(["lint", warnings]).status == 0)
        #expect(try Binary.run(["lint", "--strict", warnings]).status == 1)
    }

    @Test("a mistyped command is an error with did-you-mean, not a scenario for `play`")
    func mistypedCommand() throws {
        for (typed, meant) in [("chek", "check"), ("progres", "progress"), ("lnt", "lint")] {
            let result = try Binary.run([typed, "Hallo"], environment: Binary.environment())
            #expect(result.status == 2, "\(typed)")
            #expect(result.stderr == "tonlage: `\(typed)` is not a command; did you mean `\(meant)`? (`tonlage --help` lists them)\n")
            #expect(result.stdout.isEmpty)
        }
        // A scenario id still starts `play`, and a real command still runs.
        let check = try Binary.run(["check", "--format", "json", "Hallo Jana, dein Paket kommt morgen."], environment: Binary.environment())
        #expect(check.status == 0)
    }

    @Test("lint --format json gives the same findings for editors and CI")
    func lintJSON() throws {
        let result = try Binary.run(["lint", "--format", "json", Self.broken.path])
        #expect(result.status == 2)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let text = try Binary.run(["lint", Self.broken.path])
        #expect(items.count == text.stdout.split(separator: "\n").count - 1)
        #expect(items.contains { $0["code"] as? String == "unknown-kind" && $0["line"] as? Int == 4 && $0["column"] as? Int == 11 })
    }

    @Test("lint --explore reports what it played, the same for the same seed")
    func explore() throws {
        let first = try Binary.run(["lint", "--explore", "--seed", "3"])
        let second = try Binary.run(["lint", "--explore", "--seed", "3"])
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.contains("explored paket-verspaetet: 200 plays"))
    }

    @Test("guide: one rule in the terminal, the whole guide as Markdown")
    func guide() throws {
        let rule = try Binary.run(["guide", "tone.chatkuerzel"])
        #expect(rule.status == 0)
        #expect(rule.stdout.contains("tone.chatkuerzel"))
        #expect(rule.stdout.contains("✗ lol, das steht doch auf der Website"))
        let markdown = try Binary.run(["guide", "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("# Tonlage Social-Media-Styleguide (Deutsch)"))
        #expect(markdown.stdout.contains("## Anrede\n\n### `address.sie`"))
        let unknown = try Binary.run(["guide", "tone.chatkurzel"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean `tone.chatkuerzel`"))
        let english = try Binary.run(["guide", "--guide", "guide/en-social.yaml", "tone.slang"])
        #expect(english.stdout.contains("“{match}” is chat slang.") || english.stdout.contains("chat slang"))
    }

    @Test("guide --kinds: every kind with its parameters, as text, the README's table and JSON")
    func kinds() throws {
        let text = try Binary.run(["guide", "--kinds"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("existence\n  words or phrases that should not appear\n  - phrases (phrases, required):"))
        let markdown = try Binary.run(["guide", "--kinds", "--format", "markdown"])
        let readme = try String(contentsOf: Binary.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains(markdown.stdout))
        let json = try Binary.run(["guide", "--kinds", "--format", "json"])
        let kinds = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(kinds.count == markdown.stdout.split(separator: "\n").count - 2)
        #expect(kinds.contains { $0["kind"] as? String == "coverage" && ($0["example"] as? String)?.contains("of: template.example") == true })
        let wrong = try Binary.run(["guide", "--format", "json"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("only for --kinds"))
    }

    @Test("scenarios: the library one line each, a flowchart per scenario")
    func scenarios() throws {
        let list = try Binary.run(["scenarios"])
        #expect(list.status == 0)
        #expect(list.stdout.split(separator: "\n").count >= 15)
        #expect(list.stdout.contains("paket-verspaetet\tWaschmaschine seit zwei Wochen überfällig\tfacebook\tmedium\tfortgeschritten\t3 steps\tresolved,lost"))
        let json = try Binary.run(["scenarios", "--format", "json"])
        #expect(json.status == 0)
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(listed.count == list.stdout.split(separator: "\n").count)
        let first = try #require(listed.first { $0["id"] as? String == "paket-verspaetet" })
        #expect(Set(first.keys) == ["id", "title", "channels", "difficulty", "track", "steps", "outcomes"])
        #expect(first["steps"] as? Int == 3)
        #expect(first["outcomes"] as? [String] == ["resolved", "lost"])
        #expect(first["channels"] as? [String] == ["facebook"])
        let graph = try Binary.run(["scenarios", "paket-verspaetet", "--graph"])
        #expect(graph.stdout.hasPrefix("flowchart TD\n"))
        #expect(graph.stdout.contains("step_beschwerde -->|\"score ≥ 60 & mentions Bestellnummer privat erfragen\"| step_nummer"))
        #expect(graph.stdout.contains("step_nummer -->|\"otherwise\"| lost"))
    }
}

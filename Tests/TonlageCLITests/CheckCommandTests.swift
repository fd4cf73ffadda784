import Foundation
import Testing

/// End-to-end tests of the built `tonlage` binary: `check` in text, JSON and JSONL formats,
/// exit codes, and bad input.
@Suite("tonlage check")
struct CheckCommandTests {
    @Test("text output: the finding underlined at its words, the verdict, exit 1; no colour in a pipe")
    func textOutput() throws {
        let result = try Binary.run(["check", "Sehr geehrte Frau Meier, wir bitten um Ihr Verständnis."])
        #expect(result.status == 1)
        #expect(result.stdout.contains("[address.sie]"))
        #expect(result.stdout.contains("  | Sehr geehrte Frau Meier, wir bitten um Ihr Verständnis.\n  |                                        ^^^\n"))
        #expect(result.stdout.contains("Vorschlag:"))
        #expect(result.stdout.contains("nicht bestanden"))
        #expect(!result.stdout.contains("\u{1B}["))
    }

    @Test("colour on request, carets aligned after emoji and umlauts")
    func colourAndWidth() throws {
        let result = try Binary.run(["check", "--color", "always", "--channel", "twitter", "Grüße 😀 lol ^KH"])
        #expect(result.stdout.contains("\u{1B}[31m"))
        let plain = try Binary.run(["check", "--channel", "twitter", "Grüße 😀 lol ^KH"])
        #expect(plain.stdout.contains("  | Grüße 😀 lol ^KH\n  |          ^^^\n"))
    }

    @Test("a good reply passes with exit 0")
    func passing() throws {
        let result = try Binary.run(["check", "--channel", "twitter", "--mood", "angry",
                                     "Das tut mir echt leid, Lukas! Der RE 7 fällt aus, der nächste fährt um 17:42. ^SK"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("bestanden"))
    }

    @Test("json: one scorecard with the contract's fields")
    func json() throws {
        let result = try Binary.run(["check", "--format", "json", "--channel", "twitter", "lol ^KH"])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["channel"] as? String == "twitter")
        #expect(object["pass"] as? Bool == false)
        #expect((object["length"] as? [String: Any])?["limit"] as? Int == 280)
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.first?["rule"] as? String == "tone.chatkuerzel")
        #expect(findings.first?["excerpt"] as? String == "lol")
    }

    @Test("jsonl: a malformed line is answered in place, the rest scored, exit 2")
    func jsonlMalformed() throws {
        let input = """
            {"id": "a", "text": "Danke dir, Heike, das freut mich!", "mood": "happy"}
            {"id": broken
            {"id": "b", "text": "Sehr geehrte Frau Meier", "channel": "facebook"}

            """
        let result = try Binary.run(["check", "--format", "jsonl"], stdin: Data(input.utf8))
        #expect(result.status == 2)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix(#"{"id":"a","score":100,"pass":true"#))
        #expect(lines[1].hasPrefix(#"{"id":null,"line":2,"error":"#))
        #expect(lines[2].hasPrefix(#"{"id":"b""#))
        #expect(result.stderr.contains("line 2"))
    }

    @Test("jsonl: exit 1 when a reply fails, 0 when all pass")
    func jsonlExitCodes() throws {
        let failing = try Binary.run(["check", "--format", "jsonl"], stdin: Data(#"{"id": 1, "text": "lol"}"#.utf8))
        #expect(failing.status == 1)
        #expect(failing.stdout.hasPrefix(#"{"id":1,"#))
        let passing = try Binary.run(["check", "--format", "jsonl"], stdin: Data(#"{"id": 1, "text": "Danke dir, Heike!"}"#.utf8))
        #expect(passing.status == 0)
    }

    @Test("invalid UTF-8 on standard input is a clear error, exit 2")
    func invalidUTF8() throws {
        let result = try Binary.run(["check"], stdin: Data([0x48, 0x61, 0xFF, 0x6C]))
        #expect(result.status == 2)
        #expect(result.stderr.contains("not valid UTF-8"))
    }

    @Test("an empty reply and a 1 MB reply get an answer, not a crash")
    func emptyAndHuge() throws {
        let empty = try Binary.run(["check", "--format", "json"], stdin: Data())
        #expect(empty.status == 1)
        #expect(empty.stdout.contains(#""rule":"content.leer""#))
        let huge = String(repeating: "Das ist ein Satz mit Inhalt. ", count: 36_000)
        let result = try Binary.run(["check"], stdin: Data(huge.utf8))
        #expect(result.status == 1)
        #expect(result.stdout.contains("[length.limit]"))
        #expect(result.stdout.utf8.count < 20_000)
    }

    @Test("a broken guide: file:line:column errors and exit 2")
    func brokenGuide() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tonlage-broken-\(UUID()).yaml").path
        try "language: de\nrules:\n  - id: tone.x\n    kind: existance\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try Binary.run(["check", "--guide", path, "Hallo"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(path):4:11: error: unknown rule kind `existance`, did you mean `existence`?"))
    }

    @Test("bad usage exits 2", arguments: [["check", "--channel", "myspace", "x"], ["check", "--format", "xml", "x"], ["nonsense"]])
    func usage(arguments: [String]) throws {
        let result = try Binary.run(arguments)
        #expect(result.status == 2)
        #expect(!result.stderr.isEmpty)
    }

    @Test("--help explains the command")
    func help() throws {
        let result = try Binary.run(["check", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("--format"))
        #expect(result.stdout.contains("Exit codes"))
    }

    @Test("the shared contract checker passes (when ../shared is present)")
    func contract() throws {
        guard let tool = Binary.sharedTool("check-contract") else { return }
        let result = try Binary.runProcess("/usr/bin/env", ["python3", tool, Binary.path])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains(" 0 failed"))
    }

    @Test("agreement with the trainer-labelled dev set stays at 95 % or more (when ../shared is present)")
    func agreement() throws {
        guard let tool = Binary.sharedTool("agreement") else { return }
        let result = try Binary.runProcess("/usr/bin/env", ["python3", tool, Binary.path])
        let summary = try #require(result.stdout.split(separator: "\n").last { $0.hasPrefix("agreement") })
        // "agreement 54/54 = 100.0%; family recall 35/35 = 100.0%"
        let figures = summary.split(separator: " ").compactMap { part -> Double? in
            part.hasSuffix("%") || part.hasSuffix("%;") ? Double(part.trimmingCharacters(in: CharacterSet(charactersIn: "%;"))) : nil
        }
        #expect(figures.count == 2)
        #expect((figures.first ?? 0) >= 95, "\(result.stdout)")
        #expect((figures.last ?? 0) >= 90, "\(result.stdout)")
    }
}

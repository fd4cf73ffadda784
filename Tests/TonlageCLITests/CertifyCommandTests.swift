import Foundation
import Testing

/// End-to-end tests of `tonlage certify`: verdicts, outputs, reproducibility, --verify.
@Suite("tonlage certify")
struct CertifyCommandTests {
    static let example = Binary.packageRoot.appendingPathComponent("scenarios/certification/example-answers.yaml").path

    /// A folder with its own copy of the guide and the answers, to edit without touching the project.
    func workspace() throws -> (folder: URL, guide: String, answers: String) {
        let folder = Binary.sandbox.appendingPathComponent("certify-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let guide = folder.appendingPathComponent("guide.yaml").path
        let answers = folder.appendingPathComponent("anna.yaml").path
        try FileManager.default.copyItem(atPath: Binary.packageRoot.appendingPathComponent("guide/de-social.yaml").path, toPath: guide)
        try String(contentsOfFile: Self.example, encoding: .utf8).replacingOccurrences(of: "Beispiel Agentin", with: "Anna")
            .write(toFile: answers, atomically: true, encoding: .utf8)
        return (folder, guide, answers)
    }

    @Test("pass and fail: one line per agent, certificates and summaries, JUnit, exit 1 if someone failed")
    func verdicts() throws {
        let (folder, guide, answers) = try workspace()
        let failing = folder.appendingPathComponent("tom.yaml").path
        try "agent: Tom\nanswers:\n  lob-mantel:\n    lob: \"Ok.\"\n".write(toFile: failing, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out").path
        let junit = folder.appendingPathComponent("junit.xml").path
        let result = try Binary.run(["certify", "--guide", guide, answers, failing, "--out", out, "--junit", junit,
                                     "--issued-at", "2026-11-24T10:00:00Z", "--store", Binary.newStorePath()])
        #expect(result.status == 1, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("✓ certified     Anna: average 100, 5/5 scenarios passed"))
        #expect(lines[1].hasPrefix("✗ not certified Tom: average"))
        #expect(FileManager.default.fileExists(atPath: out + "/anna.json"))
        #expect(FileManager.default.fileExists(atPath: out + "/tom.md"))
        #expect(try String(contentsOfFile: junit, encoding: .utf8).contains("<testsuite name=\"Tom\" tests=\"5\" failures=\"5\">"))
    }

    @Test("the default plan's example answers pass, and the run is recorded in the store")
    func exampleAndStore() throws {
        let store = Binary.newStorePath()
        let out = Binary.sandbox.appendingPathComponent("out-\(UUID())").path
        let result = try Binary.run(["certify", Self.example, "--out", out, "--store", store])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let progress = try Binary.run(["progress", "--format", "csv", "--store", store])
        #expect(progress.stdout.contains("Beispiel Agentin,shitstorm-lieferverzug,1,100,100,escalated,100,assessment,"))
        #expect(progress.stdout.contains(",certified\n"), "the certificate's verdict is stored: \(progress.stdout)")
        // Every turn of the certificate is in the store, with the certificate's scores.
        let certificate = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: out + "/beispiel-agentin.json"))) as? [String: Any])
        let certified = ((certificate["scenarios"] as? [[String: Any]]) ?? []).flatMap { ($0["turns"] as? [[String: Any]]) ?? [] }
        let stored = try Binary.run(["progress", "--format", "json", "--store", store]).stdout
        let agent = try #require((try JSONSerialization.jsonObject(with: Data(stored.utf8)) as? [[String: Any]])?.first)
        #expect(!certified.isEmpty)
        #expect(agent["turns"] as? Int == certified.count)
    }

    @Test("with --issued-at fixed the outputs are byte-identical")
    func reproducible() throws {
        let (folder, guide, answers) = try workspace()
        var outputs: [[Data]] = []
        for run in 0..<2 {
            let out = folder.appendingPathComponent("out\(run)").path
            let junit = folder.appendingPathComponent("junit\(run).xml").path
            _ = try Binary.run(["certify", "--guide", guide, answers, "--out", out, "--junit", junit, "--no-store",
                                "--issued-at", "2026-11-24T10:00:00Z"])
            outputs.append(try [out + "/anna.json", out + "/anna.md", junit].map { try Data(contentsOf: URL(fileURLWithPath: $0)) })
        }
        #expect(outputs[0] == outputs[1])
        #expect(!outputs[0][0].isEmpty)
    }

    @Test("a malformed answers file: file:line:col on stderr, exit 2, the other files still processed")
    func malformed() throws {
        let (folder, guide, answers) = try workspace()
        let broken = folder.appendingPathComponent("broken.yaml").path
        try "agent: X\nanswers:\n  lob-mantel: [kaputt\n".write(toFile: broken, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out").path
        let result = try Binary.run(["certify", "--guide", guide, broken, answers, "--out", out, "--no-store"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(broken):4:1: error: YAML syntax"))
        #expect(result.stdout.contains("✓ certified     Anna"))
        #expect(FileManager.default.fileExists(atPath: out + "/anna.json"))
    }

    @Test("paths under the working directory are recorded relative to it: a copied checkout verifies")
    func relativePaths() throws {
        let original = Binary.sandbox.appendingPathComponent("checkout-\(UUID())")
        try FileManager.default.createDirectory(at: original, withIntermediateDirectories: true)
        for folder in ["guide", "scenarios"] {
            try FileManager.default.copyItem(at: Binary.packageRoot.appendingPathComponent(folder),
                                             to: original.appendingPathComponent(folder))
        }
        let result = try Binary.run(["certify", "scenarios/certification/example-answers.yaml", "--guide", "guide/de-social.yaml",
                                     "--scenarios", "scenarios", "--out", "out", "--no-store"], in: original)
        #expect(result.status == 0, "\(result.stderr)")
        let certificate = try String(contentsOf: original.appendingPathComponent("out/beispiel-agentin.json"), encoding: .utf8)
        #expect(certificate.contains("\"path\":\"guide/de-social.yaml\""))
        #expect(certificate.contains("\"path\":\"scenarios/01-paket-verspaetet.yaml\""))
        #expect(!certificate.contains(original.path))

        let copy = Binary.sandbox.appendingPathComponent("copy-\(UUID())")
        try FileManager.default.copyItem(at: original, to: copy)
        let keys = Binary.sandbox.appendingPathComponent("keys-\(UUID())").path
        #expect(try Binary.run(["keys", "generate", keys]).status == 0)
        #expect(try Binary.run(["certify", "scenarios/certification/example-answers.yaml", "--out", "out", "--no-store",
                                "--sign-key", keys + ".key"], in: copy).status == 0)
        let verified = try Binary.run(["certify", "--verify", "out/beispiel-agentin.json", "--trust", keys + ".pub"], in: copy)
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        #expect(verified.stdout.hasPrefix("✓ verified"))
    }

    @Test("--verify: a signed certificate verifies; an edited guide in the library is caught, the certificate's paths are not read")
    func verify() throws {
        let (folder, guide, answers) = try workspace()
        let out = folder.appendingPathComponent("out").path
        let keys = folder.appendingPathComponent("body").path
        #expect(try Binary.run(["keys", "generate", keys]).status == 0)
        _ = try Binary.run(["certify", "--guide", guide, answers, "--out", out, "--no-store", "--issued-at", "2026-11-24T10:00:00Z",
                            "--sign-key", keys + ".key"])
        let certificate = out + "/anna.json"
        let clean = try Binary.run(["certify", "--verify", certificate, "--guide", guide, "--trust", keys + ".pub"])
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stdout.contains("✓ verified: Anna, certified in the plan grundlagen, valid until 2027-11-24T10:00:00Z"))

        // The answers file is not read: the certificate carries the answers it was decided on.
        try FileManager.default.removeItem(atPath: answers)
        #expect(try Binary.run(["certify", "--verify", certificate, "--guide", guide, "--trust", keys + ".pub"]).status == 0)

        let guideText = try String(contentsOfFile: guide, encoding: .utf8)
        try guideText.replacingOccurrences(of: "pass_mark: 70", with: "pass_mark: 99").write(toFile: guide, atomically: true, encoding: .utf8)
        let editedGuide = try Binary.run(["certify", "--verify", certificate, "--guide", guide, "--trust", keys + ".pub"])
        #expect(editedGuide.status == 1)
        #expect(editedGuide.stdout.contains("no longer matches the library"))
        #expect(editedGuide.stdout.contains("the guide is not the library's"))
    }

    @Test("bad usage and a missing plan exit 2")
    func usage() throws {
        #expect(try Binary.run(["certify"]).status == 2)
        #expect(try Binary.run(["certify", Self.example, "--issued-at", "yesterday"]).status == 2)
        let missing = try Binary.run(["certify", Self.example, "--plan", "nope", "--no-store"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("certification/nope.yaml"))
    }
}

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// What `certify` writes: whole files or none, every agent it can, and text that names and
/// replies cannot break (XML, Markdown, CSV).
@Suite("certify output")
struct CertifyOutputTests {
    /// A folder with answers files: the example's answers under each of `agents`' names.
    func answers(_ agents: [String]) throws -> (folder: URL, files: [String]) {
        let folder = Binary.sandbox.appendingPathComponent("output-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let example = try String(contentsOfFile: CertifyCommandTests.example, encoding: .utf8)
        let files = try agents.enumerated().map { index, agent in
            let path = folder.appendingPathComponent("agent-\(index).yaml").path
            let quoted = "\"" + agent.unicodeScalars.map { $0.value < 0x20 ? String(format: "\\x%02x", $0.value)
                : $0 == "\"" || $0 == "\\" ? "\\" + String($0) : String($0) }.joined() + "\""
            try example.replacingOccurrences(of: "agent: Beispiel Agentin", with: "agent: \(quoted)")
                .write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        return (folder, files)
    }

    @Test("a name too long for a file name: that agent is reported, the others certified, JUnit and store complete, exit 3")
    func oneAgentFails() throws {
        let long = String(repeating: "Langername", count: 30)
        let (folder, files) = try answers([long, "Anna"])
        let store = Binary.newStorePath()
        let out = folder.appendingPathComponent("out").path
        let junit = folder.appendingPathComponent("junit.xml").path
        let result = try Binary.run(["certify"] + files + ["--out", out, "--junit", junit, "--store", store])
        #expect(result.status == 3, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("File name too long"))
        #expect(result.stdout.contains("✓ certified     Anna"))
        #expect(FileManager.default.fileExists(atPath: out + "/anna.json"))
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(xml.contains("<testsuite name=\"Anna\"") && xml.contains(long))
        let progress = try Binary.run(["progress", "--format", "csv", "--store", store]).stdout
        #expect(progress.contains("Anna,") && progress.contains(long + ","))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).allSatisfy { !$0.hasPrefix(".tonlage-") })
    }

    @Test("SIGTERM in the middle of a batch leaves no partial file: every certificate there is complete")
    func killed() throws {
        let (folder, files) = try answers((0..<400).map { "Agent \($0)" })
        let out = folder.appendingPathComponent("out")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = ["certify"] + files + ["--out", out.path, "--no-store"]
        process.currentDirectoryURL = Binary.packageRoot
        process.environment = Binary.environment()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Killed once it has begun to write; should it have finished first, what it left is checked all the same.
        while process.isRunning, ((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).count < 20 {
            Thread.sleep(forTimeInterval: 0.005)
        }
        process.terminate()
        process.waitUntilExit()
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(!names.isEmpty)
        #expect(names.allSatisfy { !$0.hasPrefix(".tonlage-") }, "no temporary file is left: \(names.filter { $0.hasPrefix(".") })")
        for name in names where name.hasSuffix(".json") {
            let data = try Data(contentsOf: out.appendingPathComponent(name))
            #expect(data.last == UInt8(ascii: "\n") && (try? JSONSerialization.jsonObject(with: data)) != nil, "\(name) is cut")
        }
        for name in names where name.hasSuffix(".md") {
            let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            #expect(text.contains("(SHA-256 ") && text.hasSuffix("\n"), "\(name) is cut")
        }
        // Ended by the signal, or (should it have finished before it came) with success.
        if process.terminationReason == .uncaughtSignal {
            #expect(process.terminationStatus == SIGTERM)
        } else {
            #expect(process.terminationStatus == 0, "a signal must not turn into a failed write")
        }
    }

    @Test("control characters, newlines and markup in names: JUnit stays XML 1.0, the Markdown keeps its lines")
    func escaping() throws {
        let hostile = "Eve\u{1}\u{B} <b>&\"\n# Zertifiziert: Mallory | x"
        let (folder, files) = try answers([hostile])
        let out = folder.appendingPathComponent("out").path
        let junit = folder.appendingPathComponent("junit.xml").path
        let result = try Binary.run(["certify"] + files + ["--out", out, "--junit", junit, "--no-store"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let parser = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: junit)))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        let markdownFile = try #require(try FileManager.default.contentsOfDirectory(atPath: out).first { $0.hasSuffix(".md") })
        let markdown = try String(contentsOfFile: out + "/" + markdownFile, encoding: .utf8)
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0].hasPrefix("# Zertifiziert: Eve"))
        #expect(lines[0].contains("\\# Zertifiziert: Mallory \\| x"))
        #expect(!lines.dropFirst().contains { $0.hasPrefix("# ") })
    }

    @Test("progress --format csv: formula names get a leading ', fields with quotes, commas or line breaks are quoted")
    func csv() throws {
        let (_, files) = try answers(["=cmd|' /C calc'!A0", "+SUM(1,2)", "@Anna \"Chefin\""])
        let store = Binary.newStorePath()
        _ = try Binary.run(["certify"] + files + ["--out", Binary.sandbox.appendingPathComponent("csv-\(UUID())").path, "--store", store])
        let csv = try Binary.run(["progress", "--format", "csv", "--store", store]).stdout
        #expect(csv.contains("\n'=cmd|' /C calc'!A0,"))
        #expect(csv.contains("\n\"'+SUM(1,2)\","))
        #expect(csv.contains("\n\"'@Anna \"\"Chefin\"\"\","))
        #expect(!csv.contains("\n=") && !csv.contains("\n+") && !csv.contains("\n@"))
    }
}

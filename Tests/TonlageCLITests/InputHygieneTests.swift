import Foundation
import Testing

/// Replies with NUL, other control characters or invalid UTF-8 are bad input on every path;
/// text from names, files and replies reaches the terminal shown, never interpreted.
@Suite("input hygiene")
struct InputHygieneTests {
    static let null = Spawn.Stream.file("/dev/null", O_WRONLY)

    @Test("check: invalid UTF-8 or a control character in TEXT is exit 2 with a clear message",
          arguments: [([0x48, 0x61, 0xFF, 0x6C, 0x6C, 0x6F], "is not valid UTF-8 (byte 3)"),
                      ([0x48, 0x61, 0xC3, 0x28], "is not valid UTF-8 (byte 3)"),
                      ([0x48, 0x61, 0x01, 0x6C], "contains the control character \\u{01} (character 3)"),
                      ([0x48, 0x1B, 0x5B, 0x32, 0x4A], "contains the control character \\u{1B} (character 2)")] as [([UInt8], String)])
    func textArgument(bytes: [UInt8], message: String) throws {
        for format in ["text", "json"] {
            let outcome = try Spawn.tonlage([Array("check".utf8), Array("--format".utf8), Array(format.utf8), bytes], output: Self.null)
            #expect(outcome.status == 2, "\(format): \(outcome.stderr)")
            #expect(outcome.stderr == "tonlage: the reply (TEXT) \(message); a reply must be UTF-8 text without control characters\n")
        }
    }

    @Test("check: a NUL byte on standard input is exit 2 (a command line cannot hold one), tab and CR/LF are fine")
    func standardInput() throws {
        let nul = try Binary.run(["check"], stdin: Data([0x48, 0x61, 0x00, 0x6C, 0x6C, 0x6F]))
        #expect(nul.status == 2)
        #expect(nul.stdout.isEmpty)
        #expect(nul.stderr.contains("the reply on standard input contains the control character \\u{00} (character 3)"))
        let bell = try Binary.run(["check", "--format", "json"], stdin: Data("Hallo\u{07}".utf8))
        #expect(bell.status == 2)
        let fine = try Binary.run(["check", "--format", "json"], stdin: Data("Danke dir,\tHeike!\r\nBis bald.\r\n".utf8))
        #expect(fine.status != 2, "\(fine.stderr)")
        #expect(fine.stdout.hasPrefix("{\"score\":"), "\(fine.stdout)")
    }

    @Test("play: a reply with a control character or invalid UTF-8 is refused, asked again, not stored")
    func play() throws {
        let store = Binary.newStorePath()
        var input = Data("Hallo Nina\u{1B}[2J, sorry!\n".utf8)
        input.append(contentsOf: [0x48, 0x61, 0xFF, 0x0A])
        input.append(Data("Hallo\u{00}Nina\n".utf8))
        input.append(Data((PlayCommandTests.goodFirst + "\n").utf8))
        let result = try Binary.run(["play", "paket-verspaetet", "--agent", "Rein", "--store", store], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Diese Antwort enthält das Steuerzeichen \\u{1B} und wird nicht gewertet."))
        #expect(result.stdout.contains("Diese Antwort ist kein gültiges UTF-8 und wird nicht gewertet."))
        #expect(result.stdout.contains("Diese Antwort enthält das Steuerzeichen \\u{00} und wird nicht gewertet."))
        #expect(result.stdout.components(separatedBy: "Ergebnis:").count - 1 == 1, "only the good reply is scored")
        #expect(!result.stdout.contains("\u{1B}"))
        let csv = try Binary.run(["progress", "--format", "csv", "--store", store])
        #expect(csv.stdout.contains("Rein,paket-verspaetet,1,100,100,"), "one turn stored: \(csv.stdout)")
    }

    @Test("escape sequences in an agent name are shown visibly in progress, in text and CSV")
    func agentName() throws {
        let store = Binary.newStorePath()
        let name = "\u{1B}[31mEvil\u{1B}]0;owned\u{07}\u{9B}2J"
        let played = try Binary.run(["play", "paket-verspaetet", "--agent", name, "--store", store],
                                    stdin: Data((PlayCommandTests.goodFirst + "\n").utf8))
        #expect(played.status == 0, "\(played.stderr)")
        #expect(!played.stdout.contains("\u{1B}") && !played.stdout.contains("\u{9B}"))
        let text = try Binary.run(["progress", "--store", store])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("\\u{1B}[31mEvil\\u{1B}]0;owned\\u{07}\\u{9B}2J · 1 Durchläufe · 1 Antworten"), "\(text.stdout)")
        #expect(!text.stdout.contains("\u{1B}") && !text.stdout.contains("\u{07}") && !text.stdout.contains("\u{9B}"))
        let colour = try Binary.run(["progress", "--color", "always", "--store", store])
        #expect(colour.stdout.hasPrefix("\u{1B}[1m\\u{1B}[31mEvil"), "only the program's own styles are escape sequences")
        let csv = try Binary.run(["progress", "--format", "csv", "--store", store])
        #expect(csv.stdout.contains("\n\\u{1B}[31mEvil\\u{1B}]0;owned\\u{07}\\u{9B}2J,paket-verspaetet,"), "\(csv.stdout)")
        let json = try Binary.run(["progress", "--format", "json", "--store", store])
        let agents = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(agents.first?["agent"] as? String == name, "JSON keeps the name exactly, escaped the JSON way")
    }

    @Test("check's text output shows C1 controls and bidirectional overrides in a reply visibly")
    func checkText() throws {
        let result = try Binary.run(["check", "lol \u{9B}31m ok \u{202E}dlrow"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("  | lol \\u{9B}31m ok \\u{202E}dlrow\n  | ^^^\n"), "\(result.stdout)")
        #expect(!result.stdout.contains("\u{9B}") && !result.stdout.contains("\u{202E}"))
    }

    @Test("certify's verdict line shows an agent name with escape sequences visibly")
    func certify() throws {
        let folder = Binary.sandbox.appendingPathComponent("hygiene-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let original = try String(contentsOfFile: CertifyCommandTests.example, encoding: .utf8)
        let agentLine = try #require(original.split(separator: "\n").first { $0.hasPrefix("agent:") })
        let answers = folder.appendingPathComponent("evil.yaml").path
        try original.replacingOccurrences(of: String(agentLine), with: #"agent: "\e[2JMallory""#)
            .write(toFile: answers, atomically: true, encoding: .utf8)
        let result = try Binary.run(["certify", answers, "--out", folder.appendingPathComponent("out").path, "--no-store"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("✓ certified     \\u{1B}[2JMallory: average"), "\(result.stdout)")
        #expect(!result.stdout.contains("\u{1B}"))
    }
}

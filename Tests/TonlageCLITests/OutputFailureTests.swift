import Foundation
import Testing

/// Standard output closed (`>&-`), on a full disk (`>/dev/full`) or a pipe whose reader has
/// gone: never a crash, a full disk is one line and exit 3, a closed output is no error.
@Suite("output that cannot be written")
struct OutputFailureTests {
    static let full = Spawn.Stream.file("/dev/full", O_WRONLY)

    /// A store with one played turn, for `progress`.
    static func playedStore() throws -> String {
        let store = Binary.newStorePath()
        let played = try Binary.run(["play", "paket-verspaetet", "--agent", "Anna", "--store", store],
                                    stdin: Data((PlayCommandTests.goodFirst + "\n").utf8))
        #expect(played.status == 0, "\(played.stderr)")
        return store
    }

    static func play(_ store: String) -> (arguments: [String], input: Data) {
        (["play", "paket-verspaetet", "--agent", "Anna", "--store", store], Data((PlayCommandTests.goodFirst + "\n").utf8))
    }

    /// One line on standard error that names the cause, and exit 3.
    func expectDiskFull(_ outcome: Spawn.Outcome, _ command: String) {
        #expect(outcome.status == 3, "\(command): exit \(outcome.status), \(outcome.stderr)")
        #expect(outcome.stderr == "tonlage: cannot write to standard output: No space left on device\n", "\(command)")
    }

    @Test("check: a closed standard output is no error, the verdict still decides the exit code")
    func checkClosed() throws {
        let passing = try Spawn.tonlage(["check", "--channel", "twitter", "--mood", "angry",
                                         "Das tut mir echt leid, Lukas! Der RE 7 fällt aus, der nächste fährt um 17:42. ^SK"],
                                        output: .closed)
        #expect(passing.status == 0, "\(passing.stderr)")
        #expect(passing.stderr.isEmpty)
        let failing = try Spawn.tonlage(["check", "lol"], output: .closed)
        #expect(failing.status == 1, "\(failing.stderr)")
        for format in ["json", "jsonl"] {
            let input = format == "jsonl" ? Data(#"{"id": 1, "text": "lol"}"#.utf8) : Data("lol".utf8)
            let outcome = try Spawn.tonlage(["check", "--format", format], input: input, output: .closed)
            #expect(outcome.status == 1, "\(format): \(outcome.stderr)")
        }
    }

    @Test("check: a full disk is one line on standard error and exit 3, in every format")
    func checkFull() throws {
        expectDiskFull(try Spawn.tonlage(["check", "lol"], output: Self.full), "check")
        expectDiskFull(try Spawn.tonlage(["check", "--format", "json", "lol"], output: Self.full), "check --format json")
        expectDiskFull(try Spawn.tonlage(["check", "--format", "jsonl"], input: Data(#"{"id": 1, "text": "lol"}"#.utf8),
                                         output: Self.full), "check --format jsonl")
        expectDiskFull(try Spawn.tonlage(["check", "--help"], output: Self.full), "check --help")
    }

    @Test("check: a reader that has gone ends the command quietly with the verdict, not SIGPIPE")
    func checkBrokenPipe() throws {
        let failing = try Spawn.tonlage(["check", "lol"], output: .brokenPipe)
        #expect(failing.status == 1, "\(failing.stderr)")
        #expect(failing.stderr.isEmpty)
        let lines = String(repeating: #"{"id": 1, "text": "Danke dir, Heike!"}"# + "\n", count: 3)
        let batch = try Spawn.tonlage(["check", "--format", "jsonl"], input: Data(lines.utf8), output: .brokenPipe)
        #expect(batch.status == 0, "\(batch.stderr)")
        #expect(batch.stderr.isEmpty)
    }

    @Test("progress: closed output exits 0, a full disk exits 3 with one line, a gone reader is quiet")
    func progress() throws {
        let store = try Self.playedStore()
        let closed = try Spawn.tonlage(["progress", "--store", store], output: .closed)
        #expect(closed.status == 0, "\(closed.stderr)")
        #expect(closed.stderr.isEmpty)
        for format in ["text", "json", "csv"] {
            expectDiskFull(try Spawn.tonlage(["progress", "--format", format, "--store", store], output: Self.full), "progress \(format)")
        }
        let gone = try Spawn.tonlage(["progress", "--store", store], output: .brokenPipe)
        #expect(gone.status == 0, "\(gone.stderr)")
        #expect(gone.stderr.isEmpty)
    }

    @Test("play: with output closed the session still runs and stores its turn; a full disk exits 3 at once")
    func play() throws {
        let store = Binary.newStorePath()
        let (arguments, input) = Self.play(store)
        let closed = try Spawn.tonlage(arguments, input: input, output: .closed)
        #expect(closed.status == 0, "\(closed.stderr)")
        #expect(closed.stderr.isEmpty)
        let csv = try Binary.run(["progress", "--format", "csv", "--store", store])
        #expect(csv.stdout.contains("Anna,paket-verspaetet,1,100,100,"), "\(csv.stdout)")

        expectDiskFull(try Spawn.tonlage(arguments, input: input, output: Self.full), "play")
        let gone = try Spawn.tonlage(arguments, input: input, output: .brokenPipe)
        #expect(gone.status == 0, "\(gone.stderr)")
        #expect(gone.stderr.isEmpty)
    }

    @Test("the other commands: a full disk is exit 3, a closed output no crash",
          arguments: [["guide"], ["scenarios"], ["lint"], ["scenarios", "paket-verspaetet", "--graph"], ["guide", "--format", "markdown"]])
    func others(arguments: [String]) throws {
        expectDiskFull(try Spawn.tonlage(arguments, output: Self.full), arguments.joined(separator: " "))
        let closed = try Spawn.tonlage(arguments, output: .closed)
        #expect(closed.status == 0, "\(arguments): \(closed.stderr)")
    }

    @Test("report and certify: a full disk is exit 3; a file name too long is an I/O error, exit 3")
    func reportAndCertify() throws {
        let store = try Self.playedStore()
        expectDiskFull(try Spawn.tonlage(["report", "--store", store], output: Self.full), "report")
        let tooLong = Binary.sandbox.appendingPathComponent(String(repeating: "x", count: 300) + ".html").path
        let report = try Binary.run(["report", "--html", tooLong, "--store", store])
        #expect(report.status == 3, "\(report.stderr)")
        #expect(report.stderr.hasPrefix("tonlage: cannot write \(tooLong): File name too long"), "\(report.stderr)")
        let longStore = try Binary.run(["progress", "--store", tooLong])
        #expect(longStore.status == 2, "a store that is not there is bad input: \(longStore.stderr)")
        let playLong = try Binary.run(["play", "paket-verspaetet", "--agent", "A", "--store", tooLong], stdin: Data())
        #expect(playLong.status == 3, "\(playLong.stderr)")
        #expect(playLong.stderr.contains("File name too long"), "\(playLong.stderr)")

        let out = Binary.sandbox.appendingPathComponent("certificates-\(UUID())").path
        let certify = try Spawn.tonlage(["certify", CertifyCommandTests.example, "--out", out,
                                         "--no-store", "--issued-at", "2026-11-24T10:00:00Z"], output: Self.full)
        #expect(certify.status == 3, "\(certify.stderr)")
    }
}

import Foundation
import Testing
@testable import TonlageStore

/// Losing the server: the turn waits in the spool and is written when the server is back.
/// The server is cut by a TCP relay in front of it (python3), stopped and started again.
@Suite("PostgreSQL connection loss", .enabled(if: StoreFixtures.postgresURL != nil))
struct PostgresConnectionTests {
    /// A relay from a local port to the test server, in its own process.
    final class Relay {
        let port: Int
        let target: Int
        private var process: Process?

        init(to target: Int) throws {
            self.target = target
            let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) } }
            _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
            port = Int(UInt16(bigEndian: address.sin_port))
            close(socket)
            try start()
        }

        static let script = """
            import socket, sys, threading
            listen = socket.socket(); listen.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listen.bind(("127.0.0.1", int(sys.argv[1]))); listen.listen(16); print("ready", flush=True)
            def pipe(a, b):
                try:
                    while True:
                        data = a.recv(65536)
                        if not data: break
                        b.sendall(data)
                except OSError: pass
                for s in (a, b):
                    try: s.shutdown(socket.SHUT_RDWR)
                    except OSError: pass
            while True:
                client, _ = listen.accept()
                server = socket.create_connection(("127.0.0.1", int(sys.argv[2])))
                threading.Thread(target=pipe, args=(client, server), daemon=True).start()
                threading.Thread(target=pipe, args=(server, client), daemon=True).start()
            """

        func start() throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", Self.script, String(port), String(target)]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            _ = output.fileHandleForReading.availableData      // "ready": listening
            self.process = process
        }

        /// The server is gone: the relay and every connection through it.
        func cut() {
            guard let process else { return }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            self.process = nil
        }

        deinit { cut() }
    }

    @Test("the REPL's writes wait in the spool while the server is away, and are written when it is back")
    func lostAndBack() throws {
        let direct = try StoreFixtures.freshPostgresDatabase()
        let relay = try Relay(to: direct.port)
        var address = direct
        address.host = "127.0.0.1"
        address.port = relay.port
        address.sslMode = .disable
        let spool = FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID())").path
        let recorder = SessionRecorder(store: try PostgresStore(address: address), spoolDirectory: spool)
        let (run, started) = recorder.startRun(RunStart(agent: "Anna", scenarioID: "s", scenarioHash: "", guideHash: "", mode: .practice))
        #expect(started == nil)
        #expect(recorder.record(StoreFixtures.turn("erste"), run: run) == nil)

        relay.cut()
        let lost = try #require(recorder.record(StoreFixtures.turn("zweite"), run: run))
        #expect(lost.kind == .unavailable, "\(lost)")
        #expect(!lost.isBadInput)
        #expect(recorder.pending == 1)
        let file = try #require(recorder.spoolFile)
        #expect(FileManager.default.fileExists(atPath: file))
        #expect(recorder.record(StoreFixtures.turn("dritte"), run: run)?.kind == .unavailable)

        try relay.start()
        #expect(recorder.record(StoreFixtures.turn("vierte"), run: run) == nil, "the server is back: all written")
        #expect(recorder.finishRun(run, outcome: .resolved) == nil)
        #expect(recorder.pending == 0)
        #expect(!FileManager.default.fileExists(atPath: file))
        let stored = try PostgresStore(address: direct, readOnly: true)
        #expect(try stored.turns().map(\.reply) == ["erste", "zweite", "dritte", "vierte"])
        #expect(try stored.progress().first?.scenarios.first?.lastOutcome == "resolved")
    }

    @Test("a server that cannot be reached at all is an I/O error, named without the password")
    func unreachable() throws {
        let relay = try Relay(to: 1)
        relay.cut()
        let address = StoreLocation.PostgresAddress(host: "127.0.0.1", port: relay.port, user: "tonlage", password: "geheim",
                                                    database: "x", sslMode: .disable)
        do {
            _ = try PostgresStore(address: address)
            Issue.record("opened a store on a closed port")
        } catch let error as StoreError {
            #expect(error.kind == .unavailable, "\(error)")
            #expect(!error.description.contains("geheim"))
            #expect(error.description.contains("postgres://tonlage:***@127.0.0.1:\(relay.port)/x"), "\(error)")
        }
    }
}

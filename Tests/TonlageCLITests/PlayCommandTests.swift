import Foundation
import Testing

/// End-to-end tests of the REPL: scripted through a pipe, under a real terminal (tmux), and
/// killed with SIGKILL mid-scenario.
@Suite("tonlage play")
struct PlayCommandTests {
    static let goodFirst = "Hallo Nina, das ist wirklich ärgerlich, sorry! Schick mir bitte per Privatnachricht deine Bestellnummer, dann finde ich heraus, wo die Waschmaschine hängt. Viele Grüße, Paul"
    static let goodSecond = "Danke, Nina! Die Waschmaschine kommt am Freitag, die Spedition meldet sich morgen mit der Uhrzeit. ^PL"

    func progress(_ store: String) throws -> [[String: Any]] {
        let result = try Binary.run(["progress", "--format", "json", "--store", store])
        guard result.status == 0 else { return [] }
        return (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]) ?? []
    }

    @Test("scripted through a pipe: no prompts, scorecards, reactions, outcome, and the turns stored")
    func scripted() throws {
        let store = Binary.newStorePath()
        let input = [Self.goodFirst, ":hint", Self.goodSecond].joined(separator: "\n") + "\n"
        let result = try Binary.run(["play", "paket-verspaetet", "--agent", "Pipe", "--store", store], stdin: Data(input.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("Deine Antwort>"))
        #expect(result.stdout.contains("Ergebnis: 100/100 – bestanden"))
        #expect(result.stdout.contains("↳ Nina Berger: Okay, hab euch die Bestellnummer per PN geschickt."))
        #expect(result.stdout.contains("Tipp für diesen Schritt"))
        #expect(result.stdout.contains("Ausgang: gelöst"))
        let agent = try #require(try progress(store).first)
        #expect(agent["turns"] as? Int == 2)
        let turns = try Binary.run(["progress", "--format", "csv", "--store", store])
        #expect(turns.stdout == "agent,scenario,attempts,best_score,last_score,last_outcome,recent_scores,track,title,hints_used,readiness\n"
                + "Pipe,paket-verspaetet,1,100,100,resolved,100,practice,Waschmaschine seit zwei Wochen überfällig,1,needs-practice\n")
    }

    @Test(":dm without text asks for the private message; the public-to-private scenario resolves")
    func privateMessage() throws {
        let input = ":dm\nHi Marco, danke für deine Frage! Schick mir hier bitte deine Kundennummer, dann schaue ich nach. ^JB\n"
            + ":dm Danke! Der Wechsel klappt ab dem 1. März, ich stelle ihn gleich um. ^JB\n"
        let result = try Binary.run(["play", "oeffentlich-zu-privat", "--agent", "DM", "--store", Binary.newStorePath()],
                                    stdin: Data(input.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("dm · neutral"))
        #expect(result.stdout.contains("Ausgang: gelöst"), "\(result.stdout)")
    }

    @Test("the scenario list, a pick by number, and the three things to practise")
    func listAndSummary() throws {
        let store = Binary.newStorePath()
        let input = "99\n1\nPoste hier bitte deine Bestellnummer und Anschrift.\n\n"
        let result = try Binary.run(["play", "--store", store], stdin: Data(input.utf8), environment: ["TONLAGE_AGENT": "Liste"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("  1  paket-verspaetet  Waschmaschine seit zwei Wochen überfällig"))
        #expect(result.stdout.contains("Kein Szenario „99“"))
        #expect(result.stdout.contains("Ausgang: Kunde verloren"))
        #expect(result.stdout.contains("Als Nächstes üben:\n  • privacy.daten_oeffentlich"))
    }

    @Test("an unknown scenario and a missing name are input errors, exit 2")
    func badInput() throws {
        let unknown = try Binary.run(["play", "paket-verspätet", "--agent", "X", "--store", Binary.newStorePath()])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean `paket-verspaetet`"))
        let nameless = try Binary.run(["play", "paket-verspaetet", "--store", Binary.newStorePath()], stdin: Data())
        #expect(nameless.status == 2)
    }

    @Test("SIGKILL after two answered steps loses no turn, and the store opens cleanly")
    func killed() throws {
        let store = Binary.newStorePath()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = ["play", "paket-verspaetet", "--agent", "Kill", "--store", store]
        process.currentDirectoryURL = Binary.packageRoot
        process.environment = Binary.environment()
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Two answered turns (the first step, answered again after :retry); the session then
        // waits mid-scenario for the answer to the second step.
        input.fileHandleForWriting.write(Data((Self.goodFirst + "\n:retry\n" + Self.goodFirst + "\n").utf8))
        var turns = 0
        for _ in 0..<200 where turns < 2 {
            Thread.sleep(forTimeInterval: 0.05)
            turns = (try? progress(store).first?["turns"] as? Int) ?? 0
        }
        #expect(process.isRunning)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(try progress(store).first?["turns"] as? Int == 2)
        let reopened = try Binary.run(["progress", "--store", store])
        #expect(reopened.status == 0)
        #expect(reopened.stdout.contains("Kill · 1 Durchläufe · 2 Antworten"))
    }

    @Test("under a real terminal: readline, umlauts, Tab completion, Ctrl-C, the customer's reaction",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")))
    func terminal() throws {
        let store = Binary.newStorePath()
        let terminal = Terminal()
        let environment = Binary.environment().filter { ["PATH", "HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"].contains($0.key) }
        let exports = environment.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        let command = "cd '\(Binary.packageRoot.path)' && env \(exports) LANG=C.UTF-8 '\(Binary.path)' play --agent Terminal --store '\(store)'; sleep 30"
        // `sleep` keeps the pane (and what the program printed last) after it exits.
        try terminal.tmux(["new-session", "-d", "-s", "play", "-x", "200", "-y", "60", command])
        defer { terminal.close() }
        #expect(terminal.waitFor("Szenario (Nummer oder ID):"))
        try terminal.tmux(["send-keys", "-t", "play", "-l", "paket-v"])
        try terminal.tmux(["send-keys", "-t", "play", "Tab", "Enter"])
        #expect(terminal.waitFor("Deine Antwort>"))
        try terminal.tmux(["send-keys", "-t", "play", "-l", "verwerfen"])
        try terminal.tmux(["send-keys", "-t", "play", "C-c"])
        try terminal.tmux(["send-keys", "-t", "play", "-l", "Hallo Nina, das ist ärgerlich, sorry! Schick mir bitte per Privatnachricht deine Bestellnummer. Grüße, Jörg"])
        try terminal.tmux(["send-keys", "-t", "play", "Enter"])
        #expect(terminal.waitFor("Okay, hab euch die Bestellnummer per PN geschickt."))
        let screen = try terminal.capture()
        #expect(screen.contains("Ergebnis: 100/100"))
        try terminal.tmux(["send-keys", "-t", "play", "C-d"])
        #expect(terminal.waitFor("Gespeichert. Bis bald!"))
        let result = try Binary.run(["progress", "--format", "json", "--store", store])
        #expect(result.stdout.contains("\"turns\" : 1"))
        let turns = try Binary.run(["progress", "--store", store])
        #expect(!turns.stdout.contains("verwerfen"))
    }
}

/// Two REPL processes writing to one store at once.
@Suite("tonlage play, two at once")
struct ConcurrentPlayTests {
    @Test("two scripted sessions on one store lose no turn")
    func twoSessions() async throws {
        let store = Binary.newStorePath()
        let input = Data((PlayCommandTests.goodFirst + "\n:retry\n" + PlayCommandTests.goodFirst + "\n" + PlayCommandTests.goodSecond + "\n").utf8)
        async let first = Task.detached { try Binary.run(["play", "paket-verspaetet", "--agent", "Eins", "--store", store], stdin: input) }.value
        async let second = Task.detached { try Binary.run(["play", "paket-verspaetet", "--agent", "Zwei", "--store", store], stdin: input) }.value
        let results = try await [first, second]
        #expect(results.allSatisfy { $0.status == 0 }, "\(results.map(\.stderr))")
        let csv = try Binary.run(["progress", "--format", "csv", "--store", store]).stdout
        #expect(csv.contains("Eins,paket-verspaetet,1,100,100,resolved"))
        #expect(csv.contains("Zwei,paket-verspaetet,1,100,100,resolved"))
        let json = try Binary.run(["progress", "--format", "json", "--store", store]).stdout
        #expect(json.components(separatedBy: "\"turns\" : 3").count - 1 == 2)
    }
}

import Foundation
import Testing

/// A conversation played under a real terminal: three customer steps, the middle one in a DM,
/// a scenario clock with a post that has waited, reactions to what the reply did.
@Suite("a conversation in the REPL")
struct ConversationPlayTests {
    static let scenario = """
        id: drei-schritte
        title: Paket weg, dann per DM, dann Dank
        channel: facebook
        brand: Nordhaus Versand
        clock: "22:30"
        customer: { name: Nina, handle: "@nina", mood: angry }
        briefing: Nina wartet seit einer halben Stunde auf eine Antwort.
        steps:
          - id: oeffentlich
            posts:
              - { text: "Mein Paket ist seit einer Woche weg!", waiting_minutes: 25 }
            target_seconds: 1800
            expect:
              must_mention:
                privat: { recognise: privatnachricht }
            next:
              - if: { mentions: [privat], passed: true }
                go: dm
                reaction: { passed: "Okay, ich schreib euch privat." }
              - go: lost
                reaction: { default: "Dann eben nicht." }
          - id: dm
            channel: dm
            posts: ["Meine Bestellnummer ist 4711-2233."]
            expect:
              must_mention:
                Termin: { recognise: zeitpunkt }
            next:
              - if: { mentions: [Termin], passed: true }
                go: dank
                reaction: { passed: "Super, danke für die schnelle Info!" }
              - go: lost
                reaction: { Termin: "Und wann kommt es jetzt?" }
          - id: dank
            mood: happy
            posts: ["Paket ist da – danke an das Team! 👍"]
            expect:
              must_mention:
                danken: { rule: content.dank_bei_lob }
            next:
              - if: { passed: true }
                go: resolved
                reaction: "❤️"
              - go: lost
        examples:
          good:
            - - "Hallo Nina, das ist ärgerlich, sorry! Schick mir bitte eine Privatnachricht mit deiner Bestellnummer. ^PL"
              - "Danke, Nina! Dein Paket kommt am Freitag bis 12 Uhr. ^PL"
              - "Danke dir, Nina, schön, dass alles geklappt hat! ^PL"
          bad:
            - - "Senden Sie uns Ihre Bestellnummer."
        """

    @Test("three steps with a DM step, from the first post to the end, under tmux",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")))
    func threeSteps() throws {
        let folder = Binary.sandbox.appendingPathComponent("conversation-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.scenario.write(to: folder.appendingPathComponent("drei.yaml"), atomically: true, encoding: .utf8)
        let store = Binary.newStorePath()
        let terminal = Terminal()
        let environment = Binary.environment().filter { ["PATH", "HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"].contains($0.key) }
        let exports = environment.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        let command = "cd '\(Binary.packageRoot.path)' && env \(exports) LANG=C.UTF-8 '\(Binary.path)' play drei-schritte "
            + "--agent Terminal --store '\(store)' --scenarios '\(folder.path)'; sleep 30"
        try terminal.tmux(["new-session", "-d", "-s", "play", "-x", "200", "-y", "100", command])
        defer { terminal.close() }

        // The public post, on the scenario's clock, with how long it has waited.
        #expect(terminal.waitFor("Deine Antwort>"))
        var screen = try terminal.capture()
        #expect(screen.contains("Facebook · Nordhaus Versand · 22:05 · seit 25 Minuten unbeantwortet"))
        // `:dm` left with an empty line sends nothing.
        try terminal.tmux(["send-keys", "-t", "play", "-l", ":dm"])
        try terminal.tmux(["send-keys", "-t", "play", "Enter"])
        #expect(terminal.waitFor("Privatnachricht>"))
        try terminal.tmux(["send-keys", "-t", "play", "Enter"])
        #expect(terminal.waitFor("Keine Privatnachricht gesendet"))
        // So does Ctrl-C, with whatever was typed there.
        try terminal.tmux(["send-keys", "-t", "play", "-l", ":dm"])
        try terminal.tmux(["send-keys", "-t", "play", "Enter"])
        #expect(terminal.waitFor("Privatnachricht> "))
        try terminal.tmux(["send-keys", "-t", "play", "-l", "doch nicht"])
        try terminal.tmux(["send-keys", "-t", "play", "C-c"])
        #expect(terminal.waitFor("Keine Privatnachricht gesendet – deine Antwort bitte.\n"))
        #expect(try terminal.capture().components(separatedBy: "Keine Privatnachricht gesendet").count == 3)
        try send(terminal, "Hallo Nina, das ist ärgerlich, sorry! Schick mir bitte eine Privatnachricht mit deiner Bestellnummer. ^PL")
        #expect(terminal.waitFor("Okay, ich schreib euch privat."))

        // The DM, drawn as a private chat; a plain reply there is a private message.
        #expect(terminal.waitFor("Direktnachricht · Nina"))
        try send(terminal, "Danke, Nina! Dein Paket kommt am Freitag bis 12 Uhr. ^PL")
        #expect(terminal.waitFor("Super, danke für die schnelle Info!"))

        // Back in the public thread, where Nina thanks the team.
        #expect(terminal.waitFor("Antwort im Thread"))
        try send(terminal, "Danke dir, Nina, schön, dass alles geklappt hat! ^PL")
        #expect(terminal.waitFor("Ausgang: gelöst"))
        screen = try terminal.capture()
        #expect(!screen.contains("content.aktion"))

        let progress = try Binary.run(["progress", "--format", "json", "--store", store])
        #expect(progress.stdout.contains("\"turns\" : 3"))
    }

    private func send(_ terminal: Terminal, _ text: String) throws {
        try terminal.tmux(["send-keys", "-t", "play", "-l", text])
        try terminal.tmux(["send-keys", "-t", "play", "Enter"])
    }
}

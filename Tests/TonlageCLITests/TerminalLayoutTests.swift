import Foundation
import Testing

/// Output in a narrow terminal: long lines are broken between words and items, so no line
/// runs past the edge and the carets stay under their words.
@Suite("output in a narrow terminal")
struct NarrowTerminalTests {
    @Test("check at 60 columns: every line fits", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")))
    func narrow() throws {
        let terminal = Terminal()
        let reply = "Sehr geehrte Frau Meier, wir bitten um Ihr Verständnis und melden uns in Kürze bei Ihnen. lol"
        let command = "cd '\(Binary.packageRoot.path)' && LANG=C.UTF-8 '\(Binary.path)' check --color never '\(reply)'; sleep 30"
        try terminal.tmux(["new-session", "-d", "-s", "play", "-x", "60", "-y", "80", command])
        defer { terminal.close() }
        #expect(terminal.waitFor("Bestehensgrenze"))
        // With -J a line the terminal had to wrap comes back whole, longer than the screen.
        let screen = try terminal.capture()
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains { $0.hasPrefix("Bereiche: ") })
        #expect(lines.contains { $0.hasPrefix("          ") && $0.contains("Inhalt 100") }, "\(screen)")
        #expect(lines.contains { $0 == "  Formelle Anrede „Ihr“: In der Community wird geduzt." }, "\(screen)")
        #expect(lines.allSatisfy { $0.count <= 60 }, "\(screen)")
    }

    @Test("the guide at 60 columns: rationale and examples broken between words",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")))
    func narrowGuide() throws {
        let terminal = Terminal()
        let command = "cd '\(Binary.packageRoot.path)' && LANG=C.UTF-8 '\(Binary.path)' guide address.sie --color never; sleep 30"
        try terminal.tmux(["new-session", "-d", "-s", "play", "-x", "60", "-y", "80", command])
        defer { terminal.close() }
        #expect(terminal.waitFor("Hi Jonas"))
        let screen = try terminal.capture()
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains { $0.hasPrefix("      ") && !$0.hasPrefix("       ") }, "an example goes on under its text: \(screen)")
        #expect(lines.allSatisfy { $0.count <= 60 }, "\(screen)")
    }
}

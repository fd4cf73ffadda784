import Foundation
import Testing

/// Output in a narrow terminal: long lines are broken between words and items, so no line
/// runs past the edge and the carets stay under their words.
@Suite("output in a narrow terminal", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")))
struct NarrowTerminalTests {
    static let columns = 60

    /// The screen lines of `tonlage ARGUMENTS` in a terminal `columns` wide, once `text` shows.
    /// Captured with -J: a line the terminal had to wrap comes back whole, longer than the screen.
    func screen(_ arguments: String, showing text: String) throws -> [Substring] {
        let terminal = Terminal()
        let command = "cd '\(Binary.packageRoot.path)' && LANG=C.UTF-8 '\(Binary.path)' \(arguments) --color never; sleep 30"
        try terminal.tmux(["new-session", "-d", "-s", "play", "-x", "\(Self.columns)", "-y", "80", command])
        defer { terminal.close() }
        #expect(terminal.waitFor(text))
        return try terminal.capture().split(separator: "\n", omittingEmptySubsequences: false)
    }

    @Test("check: messages, suggestions and the dimension scores fit")
    func check() throws {
        let lines = try screen("check 'Sehr geehrte Frau Meier, wir bitten um Ihr Verständnis und melden uns in Kürze bei Ihnen. lol'",
                               showing: "Bestehensgrenze")
        #expect(lines.contains { $0.hasPrefix("Bereiche: ") })
        #expect(lines.contains { $0.hasPrefix("          ") && $0.contains("Inhalt 100") }, "\(lines)")
        #expect(lines.contains { $0 == "  Formelle Anrede „Ihr“: In der Community wird geduzt." }, "\(lines)")
        #expect(lines.allSatisfy { $0.count <= Self.columns }, "\(lines)")
    }

    @Test("guide: rationale and examples broken between words")
    func guide() throws {
        let lines = try screen("guide address.sie", showing: "Hi Jonas")
        #expect(lines.contains { $0.hasPrefix("      ") && !$0.hasPrefix("       ") }, "an example goes on under its text: \(lines)")
        #expect(lines.allSatisfy { $0.count <= Self.columns }, "\(lines)")
    }
}

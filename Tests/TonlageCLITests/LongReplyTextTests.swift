import Foundation
import Testing

/// Very long replies in the text format and the REPL: rendered in time linear in the reply,
/// each finding shown in a window of its line, and only so many findings in full.
@Suite("long replies in text")
struct LongReplyTextTests {
    /// One line of about a megabyte with findings all along it (address, slang, shouting, data).
    static let megabyteLine: String = {
        let parts = ["Hallo Nina, lol das ist ja krass!!! ", "Sehr geehrte Frau Meier, wir bitten um Ihr Verständnis. ",
                     "Das Paket ist unterwegs. ", "Schick mir deine IBAN DE89370400440532013000 per Mail an a@b.de. "]
        var text = ""
        var k = 0
        while text.utf8.count < 1_000_000 { text += parts[k % parts.count]; k += 1 }
        return text
    }()

    @Test("a 1 MB one-line reply with thousands of findings renders, shortened around its findings")
    func megabyte() throws {
        let result = try Binary.run(["check"], stdin: Data(Self.megabyteLine.utf8))
        #expect(result.status == 1)
        #expect(result.stdout.contains("weitere Beanstandungen"))
        #expect(result.stdout.contains("Ergebnis: 0/100"))
        #expect(result.stdout.utf8.count < 60_000)
        // Every excerpt line is a window of the reply, not the reply.
        for line in result.stdout.split(separator: "\n") where line.hasPrefix("  | ") { #expect(line.count < 120) }
    }

    @Test("on a long line the carets stand under the finding's words")
    func caretsInWindow() throws {
        let reply = String(repeating: "Das ist ein Satz mit Inhalt. ", count: 400) + "Das ist lol gewesen. " + String(repeating: "Noch ein Satz. ", count: 400)
        let result = try Binary.run(["check", reply])
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let at = try #require(lines.firstIndex { $0.contains("[tone.chatkuerzel]") })
        let shown = try #require(lines[(at + 1)...].first { $0.hasPrefix("  | ") && $0.contains("lol") })
        let carets = try #require(lines[(at + 1)...].first { $0.hasPrefix("  | ") && $0.contains("^") })
        #expect(shown.hasPrefix("  | …") && shown.hasSuffix("…"))
        let column = try #require(shown.range(of: "lol")).lowerBound
        #expect(carets.distance(from: carets.startIndex, to: try #require(carets.firstIndex(of: "^"))) == shown.distance(from: shown.startIndex, to: column))
        #expect(carets.hasSuffix("^^^"))
    }

    @Test("the REPL scores a 200 KB reply and shows its scorecard")
    func playLongReply() throws {
        let reply = String(Self.megabyteLine.prefix(200_000))
        let result = try Binary.run(["play", "paket-verspaetet", "--agent", "Lang", "--store", Binary.newStorePath()],
                                    stdin: Data((reply + "\n").utf8))
        #expect(result.stdout.contains("weitere Beanstandungen"))
        #expect(result.stdout.contains("Ergebnis: 0/100"))
    }
}

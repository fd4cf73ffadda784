import Foundation
import TonlageCore

/// Checks every scorecard must pass, whatever the reply.
enum Invariants {
    static func check(_ card: Scorecard, reply: String) throws(FuzzFailure) {
        let scalars = Array(reply.unicodeScalars)
        let bytes = Array(reply.utf8)
        guard (0...100).contains(card.score) else { throw FuzzFailure("score \(card.score) out of range") }
        var previous: (Int, Int) = (0, 0)
        for finding in card.findings {
            guard 0 <= finding.start, finding.start <= finding.end, finding.end <= scalars.count else {
                throw FuzzFailure("finding \(finding.rule) at \(finding.start)..<\(finding.end) outside \(scalars.count) scalars")
            }
            guard String(String.UnicodeScalarView(scalars[finding.start..<finding.end])).unicodeScalars.elementsEqual(finding.excerpt.unicodeScalars) else {
                throw FuzzFailure("finding \(finding.rule): excerpt is not text[start:end]")
            }
            guard 0 <= finding.byteStart, finding.byteStart <= finding.byteEnd, finding.byteEnd <= bytes.count,
                  finding.byteStart == bytes.count || bytes[finding.byteStart] & 0xC0 != 0x80,
                  finding.byteEnd == bytes.count || bytes[finding.byteEnd] & 0xC0 != 0x80 else {
                throw FuzzFailure("finding \(finding.rule): byte range \(finding.byteStart)..<\(finding.byteEnd) not on scalar boundaries")
            }
            guard (finding.start, finding.end) >= previous || finding.start > previous.0 else {
                throw FuzzFailure("findings out of order at \(finding.rule)")
            }
            previous = (finding.start, finding.end)
        }
        guard card.passed == (card.score >= card.passMark && !card.findings.contains { $0.severity == .error }) else {
            throw FuzzFailure("verdict does not follow from score and findings")
        }
        let line = ScorecardJSON.line(card, idJSON: "1")
        guard !line.utf8.contains(0x0A), !line.utf8.contains(0x0D) else { throw FuzzFailure("a scorecard spans lines") }
    }

    /// A JSON text that Foundation must read.
    static func parsesAsJSON(_ text: some Collection<UInt8>) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(text), options: [.fragmentsAllowed])
    }
}

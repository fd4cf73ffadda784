import Foundation
import Testing
@testable import TonlageCore

/// The literal every match of a pattern starts with, and the pattern kind's search that tries
/// the expression only where it stands: the same hits, at the same byte offsets, as a scan of
/// the whole reply.
struct PatternLeadingLiteralTests {
    @Test("the literal after zero-width assertions is found", arguments: [
        ("das(?=\\s)", true, "das"),
        ("(?<=, )das", true, "das"),
        ("(?:(?<=\\b[a-z]{1,20},\\s{1,3})|(?<=^[A-Z][a-z]{1,20},\\s))das(?=\\s+(?:du|ich)\\b)", true, "das"),
        ("^\\bFoo bar\\b", true, "Foo bar"),
        ("Größe", true, "Größe"),
        ("\\[(?:name|datum)\\]", false, "["),
        ("\\{\\{?x", false, "{"),
        (" ,x", false, " ,"),
        ("abcd?", true, "abc"),
        ("ab+", true, "a"),
    ])
    func found(pattern: String, caseSensitive: Bool, literal: String) {
        #expect(PatternLeadingLiteral.of(pattern, caseSensitive: caseSensitive) == Array(literal.utf8))
    }

    @Test("no literal where a match need not start with one", arguments: [
        ("a|b", true),
        ("\\bseid\\b", false), // letters compared without case: `ſ` matches `s`
        ("(?i)das", true),
        ("\\Qdas\\E", true),
        ("[Ss]eid", true),
        ("\\w+das", true),
        ("(?=a)?das", true),
        ("(?:(?<=a)|b)das", true),
        ("a?das", true),
        ("(?#note)das", true),
        ("\\d", true),
        ("", true),
    ])
    func none(pattern: String, caseSensitive: Bool) {
        #expect(PatternLeadingLiteral.of(pattern, caseSensitive: caseSensitive) == nil)
    }

    /// The German guide's `spelling.dass`, with and without a literal to start from.
    static func guide(pattern: String) -> Guide {
        Fixtures.kindGuide("""
              - id: spelling.dass_test
                kind: pattern
                severity: error
                weight: 10
                message: "„{match}“"
                rationale: "x"
                case_sensitive: true
                pattern: "\(pattern)"
                prefilter: [", das"]
            """)
    }

    static let dass = "(?:(?<=\\\\b[a-zäöüß]{1,20},\\\\s{1,3})|(?<=(?:^|[.!?:]\\\\s{1,3})[A-ZÄÖÜ][a-zäöüß]{1,20},\\\\s{1,3}))das(?=\\\\s+(?:du|ich|wir)\\\\b)"

    @Test("hits and byte offsets equal a whole-text scan's, with umlauts, emoji and hidden characters before them", arguments: [
        "Schön, das du fragst.",
        "Gut, das du da bist 😊 und schön,  das wir uns sehen, klar, das ich komme.",
        "Größe 👨‍👩‍👧 passt? Schön, das du fragst! Ärgerlich,\u{00A0}das wir warten.",
        "Da\u{200B}s ist gut, das du fragst. Sch\u{00F6}n, dasdas ich",
        "Das Paket, das du bestellt hast, kommt. Klar, das\tdu",
        "𝐇𝐚𝐥𝐥𝐨 und schön, das du da bist, 🇩🇪 toll, das wir",
    ])
    func sameAsWholeScan(text: String) {
        let withLiteral = Self.guide(pattern: Self.dass)
        // `[d]` means `d` but hides the literal from the reader: the whole text is scanned.
        let wholeScan = Self.guide(pattern: Self.dass.replacingOccurrences(of: "das(?=", with: "[d]as(?="))
        guard let kind = withLiteral.rules[0].checker as? PatternKind,
              let other = wholeScan.rules[0].checker as? PatternKind else {
            Issue.record("not a pattern rule")
            return
        }
        #expect(kind.leadingLiteral == Array("das".utf8))
        #expect(other.leadingLiteral == nil)
        let found = Fixtures.findings(text, rule: "spelling.dass_test", in: withLiteral)
        let expected = Fixtures.findings(text, rule: "spelling.dass_test", in: wholeScan)
        #expect(!expected.isEmpty)
        #expect(found.map { [$0.byteStart, $0.byteEnd, $0.start, $0.end] } == expected.map { [$0.byteStart, $0.byteEnd, $0.start, $0.end] })
        #expect(found.map(\.excerpt) == expected.map(\.excerpt))
        for finding in found {
            #expect(Array(text.utf8)[finding.byteStart..<finding.byteEnd].elementsEqual("das".utf8))
        }
    }

    @Test("UTF-16 and UTF-8 counts convert both ways across astral scalars")
    func unitCounts() {
        let bytes = Array("aä€😊b".utf8)
        #expect(UTF8Scanning.utf16Count(bytes, from: 0, to: bytes.count) == 6)
        #expect(UTF8Scanning.utf8Count(bytes, from: 0, units: 6) == bytes.count)
        #expect(UTF8Scanning.utf8Count(bytes, from: 1, units: 2) == 5)
        #expect(UTF8Scanning.utf8Count(bytes, from: 6, units: 2) == 4)
    }
}

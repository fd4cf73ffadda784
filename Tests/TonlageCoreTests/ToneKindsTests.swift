import Testing
@testable import TonlageCore

/// The tone signals: shouting, punctuation runs, emoji, and the phrase kinds behind slang,
/// officialese, blaming and missing empathy or thanks.
@Suite("tone kinds")
struct ToneKindsTests {
    @Test("shouting: capitals that are not acronyms, one hit per run")
    func shouting() {
        #expect(Fixtures.excerpts("ACHTUNG: WIR KÖNNEN NUR HELFEN, WENN DU UNS DIE DATEN SCHICKST!", rule: "tone.gebruell")
                == ["ACHTUNG", "WIR KÖNNEN NUR HELFEN, WENN DU UNS DIE DATEN SCHICKST"])
        #expect(Fixtures.excerpts("Der ICE fährt, die DB informiert per LED-Anzeige und FAQ. OTTO und IKEA auch.", rule: "tone.gebruell").isEmpty)
        #expect(Fixtures.excerpts("@DB_BAHN danke ^KH /je", rule: "tone.gebruell").isEmpty)
        #expect(Fixtures.excerpts("Das ist NICHT unser Fehler.", rule: "tone.gebruell") == ["NICHT"])
    }

    @Test("punctuation runs of three or more")
    func punctuation() {
        #expect(Fixtures.excerpts("Wirklich?!?! Ja!!!", rule: "tone.satzzeichen") == ["?!?!", "!!!"])
        #expect(Fixtures.excerpts("Wirklich?! Ja! Na ja...", rule: "tone.satzzeichen").isEmpty)
    }

    @Test("emoji: a joined sequence counts once; the excess is flagged")
    func emoji() {
        #expect(Fixtures.excerpts("Danke 👨‍👩‍👧‍👦👍🏽🇩🇪", rule: "tone.emoji").isEmpty)
        #expect(Fixtures.excerpts("klar 🙈🙈🙈🙈🙈", rule: "tone.emoji") == ["🙈🙈"])
        #expect(Fixtures.excerpts("Danke :) :-) ;)", rule: "tone.emoji").isEmpty)
    }

    @Test("slang is matched as whole words, emoticons are not slang")
    func slang() {
        #expect(Fixtures.excerpts("lol, omg xD", rule: "tone.chatkuerzel") == ["lol", "omg", "xD"])
        #expect(Fixtures.excerpts("Die Lollipops sind da :-) ^^", rule: "tone.chatkuerzel").isEmpty)
    }

    @Test("substitution: prefixes catch inflected forms and the suggestion is the replacement")
    func substitution() {
        let findings = Fixtures.findings("Zwecks Klärung der diesbezüglichen Fragen", rule: "tone.amtsdeutsch")
        #expect(findings.map(\.excerpt) == ["Zwecks", "diesbezüglichen"])
        #expect(findings.map(\.suggestion) == ["für, um … zu", "dazu"])
    }

    @Test("gaps let a phrase span inserted words, but not a sentence boundary")
    func gaps() {
        #expect(Fixtures.excerpts("Da können wir leider nichts machen.", rule: "tone.abwimmeln") == ["Da können wir leider nichts machen"])
        #expect(Fixtures.excerpts("Da können wir. Nichts machen.", rule: "tone.abwimmeln").isEmpty)
        #expect(Fixtures.excerpts("Reg dich nicht so auf.", rule: "tone.herablassend") == ["Reg dich nicht so auf"])
    }

    @Test("requirement: empathy only when the customer is angry, thanks only on praise")
    func requirement() {
        #expect(Fixtures.excerpts("Deine Bestellung ist unterwegs.", rule: "content.empathie", mood: .angry)
                == ["Deine Bestellung ist unterwegs."])
        #expect(Fixtures.excerpts("Deine Bestellung ist unterwegs.", rule: "content.empathie", mood: .neutral).isEmpty)
        #expect(Fixtures.excerpts("Das tut mir echt leid! Sie ist unterwegs.", rule: "content.empathie", mood: .angry).isEmpty)
        #expect(Fixtures.excerpts("Ok.", rule: "content.dank_bei_lob", mood: .happy) == ["Ok."])
        #expect(Fixtures.excerpts("", rule: "content.dank_bei_lob", mood: .happy) == [""])
    }

    @Test("minimum words: punctuation alone says nothing")
    func minimumWords() {
        #expect(Fixtures.excerpts("...", rule: "content.leer") == ["..."])
        #expect(Fixtures.excerpts("?", rule: "content.leer") == ["?"])
        #expect(Fixtures.excerpts("", rule: "content.leer") == [""])
        #expect(Fixtures.excerpts("Gern geschehen!", rule: "content.leer").isEmpty)
    }

    @Test("pattern: matches on the text as written, with offsets after emoji")
    func pattern() {
        let findings = Fixtures.findings("😀 Hallo [Name], dein Paket kommt.", rule: "content.platzhalter")
        #expect(findings.map(\.excerpt) == ["[Name]"])
        #expect(findings.first?.start == 8)
    }

    @Test("a prefilter skips replies without its texts; `#` stands for a digit")
    func prefilter() {
        let filter = Prefilter([Array("DE##".utf8), Array("nummer".utf8)], caseSensitive: false)
        #expect(filter.occurs(in: Array("an DE89 3704".utf8)))
        #expect(filter.occurs(in: Array("die Kundennummer".utf8)))
        #expect(filter.occurs(in: Array("de12".utf8)))
        #expect(!filter.occurs(in: Array("DEINE Daten, DE 89".utf8)))
        #expect(!filter.occurs(in: Array("nummer".utf8.dropLast())))
        let exact = Prefilter([Array("#x".utf8)], caseSensitive: true)
        #expect(exact.occurs(in: Array("0x1F".utf8)))
        #expect(!exact.occurs(in: Array("0X1F #x".utf8)))
    }

    @Test("the prefilter agrees with a plain search on 20,000 seeded texts")
    func prefilterAgainstPlainSearch() {
        let alphabet = Array("aAdDeE1 ,#ü".utf8)
        var random = SeededRandom(seed: 11)
        func text(_ length: Int) -> [UInt8] { (0..<length).map { _ in random.pick(alphabet) } }
        for _ in 0..<2_000 {
            let needles = (0..<(1 + Int(random.next() % 3))).map { _ in text(1 + Int(random.next() % 3)) }
            let caseSensitive = random.next() % 2 == 0
            let filter = Prefilter(needles, caseSensitive: caseSensitive)
            func same(_ a: UInt8, _ b: UInt8) -> Bool {
                if b == UInt8(ascii: "#") { return (0x30...0x39).contains(a) }
                func lower(_ x: UInt8) -> UInt8 { (0x41...0x5A).contains(x) ? x | 0x20 : x }
                return caseSensitive ? a == b : lower(a) == lower(b)
            }
            for _ in 0..<10 {
                let haystack = text(Int(random.next() % 12))
                let plain = needles.contains { needle in
                    haystack.count >= needle.count && (0...(haystack.count - needle.count)).contains { start in
                        needle.indices.allSatisfy { same(haystack[start + $0], needle[$0]) }
                    }
                }
                #expect(filter.occurs(in: haystack) == plain, "\(needles) in \(haystack), case sensitive: \(caseSensitive)")
            }
        }
    }
}

/// Parameters added to general kinds: `negations` of `requirement`, `not_after` of
/// `existence`, `factor` of `length`.
@Suite("kind parameters")
struct KindParameterTests {
    static let guide: Guide = Fixtures.kindGuide("""
            - id: content.verstaendnis
              kind: requirement
              severity: error
              weight: 25
              message: "x"
              rationale: "x"
              phrases: [schlimm, ärgerlich]
              negations: [nicht, kein]
            - id: tone.slang
              kind: existence
              severity: error
              weight: 25
              message: "{match}"
              rationale: "x"
              phrases: [lol]
              not_after: [bei, "spiel*"]
            - id: length.viel
              kind: length
              bound: recommended
              factor: 2
              severity: error
              weight: 20
              message: "{value}/{limit}"
              rationale: "x"
            """, channels: "channels:\n  facebook: { recommended: 10, limit: 100 }")

    @Test("a negated phrase does not satisfy a requirement")
    func negations() {
        #expect(Fixtures.findings("Das ist schlimm.", rule: "content.verstaendnis", in: Self.guide).isEmpty)
        #expect(Fixtures.findings("Das ist nicht schlimm.", rule: "content.verstaendnis", in: Self.guide).count == 1)
        #expect(Fixtures.findings("„Das ist ärgerlich“, schreibst du.", rule: "content.verstaendnis", in: Self.guide).count == 1)
    }

    @Test("`not_after` words turn a phrase into something else")
    func notAfter() {
        #expect(Fixtures.excerpts("lol, klar", rule: "tone.slang", in: Self.guide) == ["lol"])
        #expect(Fixtures.excerpts("Dein Ping bei LoL ist hoch. Ich spiele LoL.", rule: "tone.slang", in: Self.guide).isEmpty)
    }

    @Test("`factor` fires only beyond that multiple of the bound")
    func factor() {
        #expect(Fixtures.findings("Zwölf Zeichen", rule: "length.viel", in: Self.guide).isEmpty)
        #expect(Fixtures.findings("Einundzwanzig Zeichen", rule: "length.viel", in: Self.guide).first?.message == "21/10")
    }
}

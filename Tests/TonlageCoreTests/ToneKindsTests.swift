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

import Testing
@testable import TonlageCore

/// The scorer: deductions, dimensions, verdict, offsets and determinism.
@Suite("scorer")
struct ScorerTests {
    let scorer = Fixtures.germanScorer

    @Test("excerpt == text[start:end] in Unicode scalars, with emoji and combining accents", arguments: [
        "Cafe\u{301} 👨‍👩‍👧 und Gru\u{308}ße: Sie können gern Ihre Daten hier posten!!!",
        "😍👍🏽 lol 🇩🇪 Sehr geehrte Frau Meier, bezüglich Ihrer Anfrage",
        "故人西辞 LOL 👩🏽‍💻 Ihnen e\u{301}e\u{301} hiermit ^KH",
        "Zeile eins\nZeile zwei: Sie haben 😀😀😀😀😀 Emoji???",
    ])
    func offsets(text: String) {
        let scalars = Array(text.unicodeScalars)
        let card = scorer.score(text, context: ReplyContext(channel: .twitter, mood: .angry))
        #expect(!card.findings.isEmpty)
        for finding in card.findings {
            var excerpt = String.UnicodeScalarView()
            excerpt.append(contentsOf: scalars[finding.start..<finding.end])
            #expect(String(excerpt) == finding.excerpt, "\(finding.rule)")
        }
    }

    @Test("the same input gives byte-identical JSON")
    func determinism() {
        let text = "Sehr geehrte Frau Meier, bezüglich Ihrer Anfrage: lol!!! 😀😀😀😀 Schick hier deine IBAN."
        let context = ReplyContext(channel: .facebook, mood: .angry)
        let first = ScorecardJSON.line(scorer.score(text, context: context), idJSON: "\"a\"")
        for _ in 0..<20 {
            #expect(ScorecardJSON.line(Scorer(guide: Fixtures.germanGuide).score(text, context: context), idJSON: "\"a\"") == first)
        }
    }

    @Test("the scorer's inline tallies have one place per family")
    func perFamilyPlaces() {
        #expect(PerFamily<Int>(repeating: 0).count == Family.allCases.count)
        #expect(Family.allCases.map(\.index) == Array(0..<Family.allCases.count))
    }

    @Test("a phrase rule is passed over where none of its phrases can start, and only there")
    func gates() throws {
        let guide = Fixtures.germanGuide
        let index = try #require(guide.rules.firstIndex { $0.id == "tone.chatkuerzel" })
        let plain = AnalyzedText("Hallo Jana, dein Paket kommt morgen.", lexicon: guide.lexicon)
        let slang = AnalyzedText("Hallo Jana, lol, dein Paket kommt morgen.", lexicon: guide.lexicon)
        #expect(!guide.gates[index].mayFind(in: plain))
        #expect(guide.gates[index].mayFind(in: slang))
        #expect(Fixtures.excerpts("Hallo Jana, lol, dein Paket kommt morgen.", rule: "tone.chatkuerzel") == ["lol"])
        // Kinds without a trigger always run.
        let spelling = try #require(guide.rules.firstIndex { $0.kind == "spelling" })
        #expect(guide.gates[spelling].mayFind(in: plain))
    }

    @Test("score is 100 less the deductions; each family is scored on its own")
    func arithmetic() throws {
        let card = scorer.score("Hi Tom, bezüglich deiner Frage: Der Gutschein gilt bis Mai.", context: ReplyContext(channel: .facebook))
        #expect(card.findings.map(\.rule) == ["tone.amtsdeutsch"])
        #expect(card.score == 88)
        #expect(card.passed)
        let tone = try #require(card.dimensions.first { $0.family == .tone })
        #expect(tone.score == 88)
        #expect(card.dimensions.filter { $0.family != .tone }.allSatisfy { $0.score == 100 })
    }

    @Test("one error fails the reply even above the pass mark")
    func errorFails() {
        let card = scorer.score("Danke für den Hinweis, Tom! Der Zug kommt um 9.", context: ReplyContext(channel: .facebook, mood: .angry))
        #expect(card.score >= card.passMark)
        #expect(card.findings.contains { $0.severity == .error })
        #expect(!card.passed)
    }

    @Test("a rule deducts at most max_repeats times; further findings are shown for free")
    func repeatCap() {
        let card = scorer.score(String(repeating: "lol ", count: 5), context: ReplyContext(channel: .twitter))
        let slang = card.findings.filter { $0.rule == "tone.chatkuerzel" }
        #expect(slang.count == 5)
        #expect(slang.map(\.deduction) == [25, 25, 25, 0, 0])
        #expect(card.score == 25)
    }

    @Test("rules apply only on their channels and moods")
    func applicability() {
        let forum = scorer.score("Probier mal, den Cache zu leeren.", context: ReplyContext(channel: .forum))
        let facebook = scorer.score("Probier mal, den Cache zu leeren.", context: ReplyContext(channel: .facebook))
        #expect(forum.findings.map(\.rule) == ["disclosure.mitarbeiter"])
        #expect(facebook.findings.isEmpty)
        #expect(forum.dimensions.contains { $0.family == .disclosure })
        #expect(!facebook.dimensions.contains { $0.family == .disclosure })
    }

    @Test("empty, gigantic and odd replies get an answer")
    func edgeCases() {
        let empty = scorer.score("", context: ReplyContext(channel: .twitter))
        #expect(!empty.passed)
        #expect(empty.findings.map(\.rule) == ["content.leer"])

        let huge = String(repeating: "Das ist ein Satz mit Inhalt. ", count: 36_000) // about 1 MB
        let card = scorer.score(huge, context: ReplyContext(channel: .facebook))
        #expect(card.length == huge.count)
        #expect(card.findings.contains { $0.rule == "length.limit" })
        #expect(!card.passed)

        let controls = scorer.score("\u{0}\u{7}\u{FEFF}\u{200B}Hallo\u{202E}du", context: ReplyContext(channel: .twitter))
        #expect(controls.score >= 0)
    }
}

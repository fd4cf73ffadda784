import Foundation
import Testing
@testable import TonlageCore

/// `kind: mention`: what a reply must (or must not) mention, read as German is written.
@Suite("mention kind")
struct MentionKindTests {
    static let hasGermanDictionary = HunspellDictionary.named("de_DE") != nil

    static func guide(_ phrases: String, report: String = "missing", dictionary: Bool = true) -> Guide {
        Fixtures.kindGuide("""
            - id: content.schritt
              kind: mention
              severity: warning
              weight: 10
              message: "Nenne den ersten Schritt."
              rationale: "Wer fragt, will wissen, was er tun kann."
              phrases: \(phrases)
              negations: [nicht, "kein*", nie]
              report: \(report)
            \(dictionary ? "  dictionary: de_DE" : "")
            """)
    }

    static func isMentioned(_ reply: String, in guide: Guide) -> Bool {
        Fixtures.findings(reply, rule: "content.schritt", in: guide).isEmpty
    }

    @Test("a phrase's words in any order within one sentence: a separable verb")
    func anyOrder() {
        let guide = Self.guide("[neu starten]", dictionary: false)
        #expect(Self.isMentioned("Kannst du den Router bitte neu starten?", in: guide))
        #expect(Self.isMentioned("Starten bitte danach einmal den Router neu.", in: guide))
        #expect(!Self.isMentioned("Starte den Router. Dann ist alles neu.", in: guide), "two sentences")
        #expect(!Self.isMentioned("Der Router ist neu.", in: guide))
    }

    @Test("inflected forms match through the dictionary's stems", .enabled(if: hasGermanDictionary))
    func stems() {
        let guide = Self.guide("[neu starten, empfehlen]")
        #expect(Self.isMentioned("Startet bitte danach einmal den Router neu.", in: guide))
        #expect(Self.isMentioned("Ich empfehle dir die 40.", in: guide))
        #expect(!Self.isMentioned("Ich weiß es leider nicht.", in: guide))
        // Without the dictionary the same words must stand as written.
        #expect(!Self.isMentioned("Ich empfehle dir die 40.", in: Self.guide("[empfehlen]", dictionary: false)))
    }

    @Test("a mention after a negation does not count")
    func negation() {
        let guide = Self.guide("[morgen, termin]", dictionary: false)
        #expect(Self.isMentioned("Das Paket kommt morgen.", in: guide))
        #expect(!Self.isMentioned("Das Paket kommt leider nicht morgen.", in: guide))
        #expect(!Self.isMentioned("Es gibt noch keinen Termin.", in: guide))
        #expect(Self.isMentioned("Nicht verzagen: der Termin steht.", in: guide), "the negation is two words further")
    }

    @Test("a phrase that holds a negation word keeps its meaning")
    func negationInsidePhrase() {
        let guide = Self.guide("[keine kosten]", dictionary: false)
        #expect(Self.isMentioned("Für dich entstehen keine Kosten.", in: guide))
    }

    @Test("words in quotation marks are someone else's")
    func quoted() {
        let guide = Self.guide("[morgen]", dictionary: false)
        #expect(!Self.isMentioned("Du schreibst „morgen“ – wir prüfen das.", in: guide))
    }

    @Test("report present: every mention is a hit, a negation excuses nothing", .enabled(if: hasGermanDictionary))
    func present() {
        let guide = Self.guide("[beruhigen, \"lol\"]", report: "present")
        #expect(Fixtures.excerpts("Bitte beruhige dich erst einmal.", rule: "content.schritt", in: guide) == ["beruhige"])
        #expect(Fixtures.excerpts("Du musst dich nicht beruhigen, lol.", rule: "content.schritt", in: guide) == ["beruhigen", "lol"])
        #expect(Fixtures.excerpts("Alles gut, danke dir!", rule: "content.schritt", in: guide).isEmpty)
    }

    @Test("prefixes and suffixes as in every phrase list")
    func wildcards() {
        let guide = Self.guide("[\"router*\", \"*nummer\"]", dictionary: false)
        #expect(Self.isMentioned("Die Routereinstellungen findest du online.", in: guide))
        #expect(Self.isMentioned("Schick mir die Kundennummer per DM.", in: guide))
        #expect(!Self.isMentioned("Schick mir eine DM.", in: guide))
    }

    @Test("a dictionary that is not installed is a warning, and words match as written")
    func missingDictionary() throws {
        let (guide, diagnostics) = GuideLoader.compile(yaml: """
            language: de
            rules:
              - id: content.schritt
                kind: mention
                severity: warning
                weight: 10
                message: "m"
                rationale: "r"
                phrases: [morgen]
                dictionary: xx_NOPE
            """, file: "test.yaml")
        #expect(diagnostics.map(\.code) == ["missing-dictionary"])
        #expect(Self.isMentioned("Es kommt morgen.", in: try #require(guide)))
    }
}

import Testing
@testable import TonlageCore

/// `kind: hashtag-count`: a row of hashtags.
@Suite("hashtag-count kind")
struct HashtagCountKindTests {
    static let guide: Guide = Fixtures.kindGuide("""
            - id: tone.hashtags
              kind: hashtag-count
              severity: warning
              weight: 15
              max: 2
              message: "{value} Hashtags, höchstens {max}."
              rationale: "Kein Werbepost."
            """)

    @Test("the hashtags beyond the allowance are the hit; the message counts them all")
    func count() throws {
        let finding = try #require(Fixtures.findings("Danke! #eins #zwei #drei #vier", rule: "tone.hashtags", in: Self.guide).first)
        #expect(finding.excerpt == "#drei #vier")
        #expect(finding.message == "4 Hashtags, höchstens 2.")
        #expect(Fixtures.findings("Danke! #eins #zwei", rule: "tone.hashtags", in: Self.guide).isEmpty)
        #expect(Fixtures.findings("Ruf die 030 # 123 an, Zimmer #4", rule: "tone.hashtags", in: Self.guide).isEmpty)
    }
}

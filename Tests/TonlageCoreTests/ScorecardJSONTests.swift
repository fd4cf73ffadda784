import Foundation
import Testing
@testable import TonlageCore

/// The hand-written JSON of scorecards: what any JSON reader reads back, one line per scorecard.
@Suite("scorecard JSON")
struct ScorecardJSONTests {
    static let awkward = ["plain", "\"quoted\" \\ back", "tab\tnew\nline\rcr", "\u{0}\u{1F}\u{7F}", "Grüße 😊 👨‍👩‍👧",
                          "next\u{85}line", "line\u{2028}separator", "para\u{2029}graph", "a\u{2027}b\u{202A}c", ""]

    @Test("strings read back as written, and no line break of any kind is left raw", arguments: awkward)
    func roundTrip(_ text: String) throws {
        let quoted = ScorecardJSON.quoted(text)
        let decoded = try JSONDecoder().decode(String.self, from: Data(quoted.utf8))
        #expect(decoded == text)
        #expect(quoted.split(whereSeparator: \.isNewline).count == 1)
        #expect(quoted.unicodeScalars.allSatisfy { !["\u{85}", "\u{2028}", "\u{2029}", "\n", "\r"].contains($0) })
    }

    @Test("integers are written as Swift writes them, small ones and large, negative and extreme", arguments: [
        0, 7, 9, 10, 42, 99, 100, 101, 999, 1000, 12_345, -1, -999, -1000, Int.max, Int.min,
    ])
    func integers(value: Int) {
        var out: [UInt8] = []
        ScorecardJSON.int(value, &out)
        #expect(String(decoding: out, as: UTF8.self) == String(value))
    }

    @Test("every channel, mood and family is named in a line by its raw value")
    func names() throws {
        for channel in Channel.allCases {
            for mood in Mood.allCases {
                let card = Fixtures.germanScorer.score("Hallo Jule, danke dir!", context: ReplyContext(channel: channel, mood: mood))
                let object = try #require(try JSONSerialization.jsonObject(with: Data(ScorecardJSON.line(card).utf8)) as? [String: Any])
                #expect(object["channel"] as? String == channel.rawValue)
                #expect(object["mood"] as? String == mood.rawValue)
                let dimensions = try #require(object["dimensions"] as? [String: Int])
                #expect(Set(dimensions.keys) == Set(card.dimensions.map(\.family.rawValue)))
            }
        }
    }

    @Test("a scorecard with findings in awkward text is one line that Python-style line splitting keeps whole")
    func oneLine() {
        let card = Fixtures.germanScorer.score("Sehr geehrte\u{2028}Frau Meier,\u{85}wir bitten um Ihr Verständnis.\u{2029}lol",
                                                context: ReplyContext(channel: .facebook))
        #expect(!card.findings.isEmpty)
        let line = ScorecardJSON.line(card, idJSON: "1")
        #expect(line.split(whereSeparator: \.isNewline).count == 1)
        #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil)
    }
}

import Foundation
import Testing
import Yams
@testable import TonlageCore

/// X's weighted length against twitter-text's own conformance cases (`../shared/conformance/twitter-text`).
///
/// The v3 sections are the ones the reference implementations run with configuration v3 (the
/// one Tonlage follows: discounted emoji, 280 weighted characters, URLs 23): see SOURCE.txt there.
@Suite("twitter-text conformance")
struct TwitterTextConformanceTests {
    static let v3Sections = ["WeightedTweetsWithDiscountedEmojiCounterTest", "UnicodeDirectionalMarkerCounterTest"]

    struct Case {
        let section: String
        let description: String
        let text: String
        let weightedLength: Int
        let valid: Bool?
    }

    static func v3Cases(in shared: URL) throws -> [Case] {
        let url = shared.appendingPathComponent("conformance/twitter-text/validate.yml")
        let yaml = try String(contentsOf: url, encoding: .utf8)
        let root = try #require(try Yams.load(yaml: yaml) as? [String: Any])
        let tests = try #require(root["tests"] as? [String: Any])
        var cases: [Case] = []
        for section in v3Sections {
            let entries = try #require(tests[section] as? [[String: Any]], "section \(section) missing")
            for entry in entries {
                let description = try #require(entry["description"] as? String)
                let expected = try #require(entry["expected"] as? [String: Any], "\(description): no expected values")
                cases.append(Case(section: section, description: description,
                                  text: try #require(entry["text"] as? String, "\(description): no text"),
                                  weightedLength: try #require(expected["weightedLength"] as? Int, "\(description): no weightedLength"),
                                  valid: expected["valid"] as? Bool))
            }
        }
        return cases
    }

    @Test("every v3 weighted-length case: the length and whether X accepts the text",
          .enabled(if: Fixtures.shared != nil, "needs ../shared/conformance/twitter-text"))
    func v3WeightedLength() throws {
        let cases = try Self.v3Cases(in: try #require(Fixtures.shared))
        #expect(cases.count == 24)
        let lexicon = Lexicon()
        for testCase in cases {
            let text = AnalyzedText(testCase.text, lexicon: lexicon)
            let measure = ChannelLength.measure(text, counting: .weighted, limit: ChannelLength.xLimit)
            #expect(measure.value == testCase.weightedLength, "\(testCase.section): \(testCase.description)")
            if let valid = testCase.valid {
                #expect(ChannelLength.acceptedByX(measure) == valid, "\(testCase.section): \(testCase.description)")
            }
        }
    }
}

import Foundation
import Testing
@testable import TonlageCore

/// Replies labelled by trainers who never saw the rules (`Tests/Fixtures/judgement/`): the
/// verdicts must keep agreeing with theirs, so a change that fits one kind of reply cannot
/// quietly break another.
@Suite("judgement on labelled replies")
struct JudgementTests {
    struct Case: Decodable {
        let id: String
        let channel: String
        let mood: String
        let label: String
        let text: String
    }

    static let files = ["fresh-a.jsonl", "fresh-b.jsonl", "fresh-c.jsonl"]

    @Test("verdict agreement of at least 95 %", arguments: files)
    func agreement(file: String) throws {
        let url = Fixtures.packageRoot.appendingPathComponent("Tests/Fixtures/judgement").appendingPathComponent(file)
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        let cases = try lines.map { try JSONDecoder().decode(Case.self, from: Data($0.utf8)) }
        var disagreements: [String] = []
        for item in cases {
            let context = ReplyContext(channel: try #require(Channel(rawValue: item.channel)), mood: try #require(Mood(rawValue: item.mood)))
            let card = Fixtures.germanScorer.score(item.text, context: context)
            if (card.passed ? "pass" : "fail") != item.label { disagreements.append("\(item.id) (\(item.label))") }
        }
        let agreement = Double(cases.count - disagreements.count) / Double(cases.count)
        #expect(cases.count >= 60)
        #expect(agreement >= 0.95, "\(file): \(disagreements.joined(separator: ", "))")
    }
}

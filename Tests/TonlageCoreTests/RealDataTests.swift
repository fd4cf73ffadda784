import Foundation
import Testing
@testable import TonlageCore

/// Real company replies (../shared/realdata) get sane verdicts; skipped when ../shared is absent.
@Suite("real replies")
struct RealDataTests {
    /// The `reply_text` column of a realdata TSV (UTF-8, tab-separated, no quoting).
    static func replies(_ file: String) -> [(company: String, text: String)] {
        guard let shared = Fixtures.shared,
              let content = try? String(contentsOf: shared.appendingPathComponent("realdata/\(file)"), encoding: .utf8) else {
            return []
        }
        let rows = content.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        guard let header = rows.first, let column = header.firstIndex(of: "reply_text"),
              let company = header.firstIndex(of: "company") else { return [] }
        return rows.dropFirst().filter { $0.count > column }.map { (String($0[company]), String($0[column])) }
    }

    @Test("every German reply is scored, and what is not prose raises nothing")
    func germanReplies() {
        let replies = Self.replies("replies_de.tsv")
        guard !replies.isEmpty else { return }
        #expect(replies.count >= 100)
        for reply in replies {
            let channel: Channel = reply.company.contains("Twitter") ? .twitter : .facebook
            let card = Fixtures.germanScorer.score(reply.text, context: ReplyContext(channel: channel))
            #expect((0...100).contains(card.score))
            // @mentions, agent initials and URLs are never findings; acronyms are never shouting.
            let noise = card.findings.filter { finding in
                let excerpt = finding.excerpt
                let markup = ["@", "#", "^", "/"].contains { excerpt.hasPrefix($0) } || excerpt.contains("://")
                let acronym = finding.rule == "tone.gebruell" && excerpt.split(separator: " ").allSatisfy { $0.count <= 3 }
                return markup || acronym || finding.rule == "content.leer"
            }
            #expect(noise.isEmpty, "\(reply.text): \(noise.map(\.excerpt))")
        }
    }

    @Test("every English reply is scored by the English guide, and what is not prose raises nothing")
    func englishReplies() throws {
        let replies = Self.replies("replies_en.tsv")
        guard !replies.isEmpty else { return }
        let guide = try GuideLoader.load(path: Fixtures.packageRoot.appendingPathComponent("guide/en-social.yaml").path)
        let scorer = Scorer(guide: guide)
        var passed = 0
        for reply in replies {
            let card = scorer.score(reply.text, context: ReplyContext(channel: .twitter))
            if card.passed { passed += 1 }
            // A length finding covers whatever passes the limit, links included; the others must not.
            let markup = card.findings.filter { finding in
                finding.family != .length
                    && (["@", "#", "^", "/"].contains { finding.excerpt.hasPrefix($0) } || finding.excerpt.contains("://"))
            }
            #expect(markup.isEmpty, "\(reply.text): \(markup.map(\.excerpt))")
        }
        // Real company replies on X mostly keep to a relaxed, professional tone.
        #expect(Double(passed) >= Double(replies.count) * 0.6, "\(passed) of \(replies.count) pass")
    }

    @Test("replies that use the informal du and no boilerplate mostly pass")
    func informalRepliesPass() {
        let informal = Self.replies("replies_de.tsv").filter { reply in
            let words = Set(reply.text.lowercased().split { !$0.isLetter }.map(String.init))
            return !words.isDisjoint(with: ["du", "dir", "dich", "dein", "deine"])
                && words.isDisjoint(with: ["sie", "ihnen", "ihr", "ihre"])
        }
        guard informal.count >= 5 else { return }
        let passed = informal.filter { Fixtures.germanScorer.score($0.text, context: ReplyContext(channel: .facebook)).passed }
        #expect(Double(passed.count) >= Double(informal.count) * 0.6, "\(informal.count - passed.count) of \(informal.count) fail")
    }
}

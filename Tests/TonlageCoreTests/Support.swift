import Foundation
import Testing
@testable import TonlageCore

/// Paths and helpers shared by the core tests.
enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the checkout, when it is there (tests that use it skip otherwise).
    static let shared: URL? = {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()

    static let germanGuidePath = packageRoot.appendingPathComponent("guide/de-social.yaml").path

    /// The default German guide, compiled once.
    static let germanGuide: Guide = {
        do { return try GuideLoader.load(path: germanGuidePath) } catch { fatalError("\(error)") }
    }()

    static let germanScorer = Scorer(guide: germanGuide)

    /// The small English guide, compiled once.
    static let englishGuide: Guide = {
        do { return try GuideLoader.load(path: packageRoot.appendingPathComponent("guide/en-social.yaml").path) } catch { fatalError("\(error)") }
    }()

    /// A guide made of the given rules (YAML list items), for testing one kind at a time.
    static func guide(rules: String, channels: String = "") throws -> Guide {
        let yaml = """
            language: de
            pass_mark: 70
            \(channels)
            rules:
            \(rules)
            """
        let (guide, diagnostics) = GuideLoader.compile(yaml: yaml, file: "test.yaml")
        guard let guide else { throw GuideLoadError(diagnostics: diagnostics) }
        return guide
    }

    /// `guide(rules:)` for a test's own guide, which is meant to compile: a failure stops the run with every diagnostic.
    static func kindGuide(_ rules: String, channels: String = "") -> Guide {
        do { return try guide(rules: rules, channels: channels) } catch { fatalError("the test's guide does not compile: \(error)") }
    }

    /// The findings of `rule` for a reply.
    static func findings(_ text: String, rule: String, in guide: Guide = germanGuide,
                         channel: Channel = .facebook, mood: Mood = .neutral) -> [Finding] {
        Scorer(guide: guide).score(text, context: ReplyContext(channel: channel, mood: mood))
            .findings.filter { $0.rule == rule }
    }

    /// The excerpts `rule` flags in a reply.
    static func excerpts(_ text: String, rule: String, in guide: Guide = germanGuide,
                         channel: Channel = .facebook, mood: Mood = .neutral) -> [String] {
        findings(text, rule: rule, in: guide, channel: channel, mood: mood).map(\.excerpt)
    }
}

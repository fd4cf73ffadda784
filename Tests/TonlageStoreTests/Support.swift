import Foundation
@testable import TonlageCore

/// A two-rule guide and temporary stores for the store tests.
enum StoreFixtures {
    static let guide: Guide = {
        let yaml = """
            language: de
            rules:
              - { id: tone.slang, kind: existence, severity: error, weight: 30, message: m, rationale: r, phrases: [lol] }
              - { id: address.sie, kind: existence, severity: error, weight: 20, message: m, rationale: r, phrases: [Sie] }
            """
        return GuideLoader.compile(yaml: yaml, file: "g.yaml").0!
    }()

    /// The scorecard of a reply under that guide.
    static func card(_ text: String) -> Scorecard {
        Scorer(guide: guide).score(text, context: ReplyContext(channel: .facebook))
    }

    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("tonlage-store-\(UUID())/progress.sqlite").path
    }
}

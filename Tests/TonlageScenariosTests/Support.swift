import Foundation
@testable import TonlageCore
@testable import TonlageScenarios

enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let guide: Guide = {
        do { return try GuideLoader.load(path: packageRoot.appendingPathComponent("guide/de-social.yaml").path) } catch { fatalError("\(error)") }
    }()

    static let scorer = Scorer(guide: guide)

    static let library = ScenarioLoader.loadLibrary(directory: packageRoot.appendingPathComponent("scenarios").path,
                                                    language: guide.scenarioLanguage)

    static func scenario(_ yaml: String) -> (Scenario?, [Diagnostic]) {
        ScenarioLoader.compile(yaml: yaml, file: "s.yaml", language: guide.scenarioLanguage)
    }
}

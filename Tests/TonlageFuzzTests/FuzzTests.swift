import Foundation
import Testing
import TonlageCore
import TonlageFuzzing

/// The fuzz targets, briefly, on every test run: the same seeds as the long run of
/// `tonlage-fuzz` (a million inputs per target), and every input it ever kept.
@Suite("fuzzing")
struct FuzzTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let scorer: Scorer = {
        do { return Scorer(guide: try GuideLoader.load(path: root.appendingPathComponent("guide/de-social.yaml").path)) } catch {
            fatalError("\(error)")
        }
    }()

    func target(_ name: String) -> any FuzzTarget {
        switch name {
        case "jsonl": return JSONLTarget(scorer: Self.scorer)
        case "guide": return GuideTarget(packageRoot: Self.root)
        case "scenario": return ScenarioTarget(packageRoot: Self.root, scorer: Self.scorer)
        default: return ScorerTarget(scorer: Self.scorer, packageRoot: Self.root)
        }
    }

    @Test("a few seconds of each target: no crash, no broken invariant", arguments: [
        ("jsonl", 3000), ("guide", 1500), ("scenario", 600), ("scorer", 1500),
    ])
    func brief(name: String, count: Int) {
        let target = target(name)
        #expect(!target.seeds.isEmpty)
        var failures: [String] = []
        let stats = FuzzDriver.run(target, seed: 20261124, count: count) { input, failure in
            failures.append("\(failure): \(String(decoding: input.prefix(200), as: UTF8.self))")
        }
        #expect(stats.inputs == count)
        #expect(failures.isEmpty, "\(failures.prefix(3))")
    }

    static let kept: [String] = {
        let folder = root.appendingPathComponent("Tests/Fixtures/fuzz")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".bin") }.sorted()
    }()

    @Test("every input the long runs kept passes now", arguments: kept)
    func replay(file: String) throws {
        // `crash-scorer-….bin`: the target is the second part of the name.
        let name = String(file.split(separator: "-")[1])
        let input = Array(try Data(contentsOf: Self.root.appendingPathComponent("Tests/Fixtures/fuzz/\(file)")))
        #expect(throws: Never.self) { try target(name).run(input) }
    }
}

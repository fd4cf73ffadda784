// Fuzzes Tonlage's input paths with seeded, mutated inputs:
//
//   swift run -c release tonlage-fuzz [--target jsonl|guide|scenario|scorer] [--runs N] [--seed S]
//                                     [--replay FILE...]
//
// Without --target every target runs in turn; --runs is per target (default 1,000,000). An
// input that crashes the process is written to Tests/Fixtures/fuzz/crash-<target>-<seed>.bin
// before the process dies, one that runs for 10 s as hang-<target>-<seed>.bin (and the run
// stops with status 3); an input that breaks an invariant is written beside it as
// failure-<target>-<seed>-<n>.bin. The same seed gives the same inputs. Fixtures kept
// under Tests/Fixtures/fuzz are replayed by the test suite (`TonlageFuzzTests`).
import Foundation
import TonlageCore
import TonlageFuzzing

var targetNames = ["jsonl", "guide", "scenario", "scorer"]
var runs = 1_000_000
var seed: UInt64 = 1
var replay: [String] = []
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--target": targetNames = [arguments.next() ?? ""]
    case "--runs": runs = Int(arguments.next() ?? "") ?? runs
    case "--seed": seed = UInt64(arguments.next() ?? "") ?? seed
    case "--replay": while let file = arguments.next() { replay.append(file) }
    default:
        FileHandle.standardError.write(Data("usage: tonlage-fuzz [--target jsonl|guide|scenario|scorer] [--runs N] [--seed S] [--replay FILE...]\n".utf8))
        exit(2)
    }
}

let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
let guide: Guide
do {
    guide = try GuideLoader.load(path: root.appendingPathComponent("guide/de-social.yaml").path)
} catch {
    FileHandle.standardError.write(Data("run from the package folder: \(error)\n".utf8))
    exit(2)
}
let scorer = Scorer(guide: guide)
let fixtures = root.appendingPathComponent("Tests/Fixtures/fuzz")
try? FileManager.default.createDirectory(at: fixtures, withIntermediateDirectories: true)

func target(named name: String) -> any FuzzTarget {
    switch name {
    case "jsonl": return JSONLTarget(scorer: scorer)
    case "guide": return GuideTarget(packageRoot: root)
    case "scenario": return ScenarioTarget(packageRoot: root, scorer: scorer)
    case "scorer": return ScorerTarget(scorer: scorer, packageRoot: root)
    default:
        FileHandle.standardError.write(Data("unknown target `\(name)`\n".utf8))
        exit(2)
    }
}

if !replay.isEmpty {
    // A kept input run once more, by the target its name begins with.
    var failed = false
    for file in replay {
        let name = URL(fileURLWithPath: file).lastPathComponent.split(separator: "-").dropFirst().first.map(String.init) ?? ""
        let input = Array(FileManager.default.contents(atPath: file) ?? Data())
        do {
            try target(named: name).run(input)
            print("\(file): ok")
        } catch {
            print("\(file): \(error)")
            failed = true
        }
    }
    exit(failed ? 1 : 0)
}

for name in targetNames {
    let target = target(named: name)
    CrashKeeper.install(crashFile: fixtures.appendingPathComponent("crash-\(name)-\(seed).bin").path)
    CrashKeeper.watch(hangFile: fixtures.appendingPathComponent("hang-\(name)-\(seed).bin").path, seconds: 10)
    var failures = 0
    let clock = ContinuousClock()
    let start = clock.now
    let stats = FuzzDriver.run(target, seed: seed, count: runs, willRun: CrashKeeper.keep) { input, failure in
        failures += 1
        if failures <= 20 {
            let file = fixtures.appendingPathComponent("failure-\(name)-\(seed)-\(failures).bin")
            try? Data(input).write(to: file)
            print("\(name): \(failure) (kept as \(file.lastPathComponent))")
        }
    }
    let elapsed = clock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    print(String(format: "%@: %d inputs (%.1f MB) in %.0f s, %.0f inputs/s, %d seeds, %d invariant failures, no crash",
                 name, stats.inputs, Double(stats.bytes) / 1e6, seconds, Double(stats.inputs) / seconds, target.seeds.count, stats.failures))
}

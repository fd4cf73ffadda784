// Throughput of the scoring engine on the `check --format jsonl` path.
//
//   swift run -c release tonlage-bench [--replies N] [--guide PATH] [--scenarios DIR] [--stages] [--kinds] [--rules]
//                                      [--write FILE]
//
// Generates N varied replies (default 200,000; seeded, so every run scores the same corpus),
// encodes them as JSON Lines and scores them through `BatchChecker`, exactly as
// `tonlage check --format jsonl` does, on all cores and then on one. Prints replies per second,
// by the wall clock and per CPU second. `--write FILE` writes the corpus instead, to time the
// whole process on it.
// Then plays REPL turns (the scenario's example answers) through `ScenarioRun` and commits each
// to a fresh progress store, as `tonlage play` does, and prints the time per turn. Last, it
// writes 10,000 answer files (`--answer-files N`) and certifies them against the default plan
// as `tonlage certify` does, and prints answer files per second.
import Foundation
import TonlageCertify
import TonlageCore
import TonlageScenarios
import TonlageStore
import TonlageTraining

struct Options {
    var replies = 200_000
    var guidePath = "guide/de-social.yaml"
    var scenariosPath = "scenarios"
    var answerFiles = 10_000
    /// Where to write the corpus as a JSONL file instead of measuring, for timing the whole
    /// `tonlage check --format jsonl` process on it.
    var writePath: String?

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--replies": replies = Int(iterator.next() ?? "") ?? replies
            case "--guide": guidePath = iterator.next() ?? guidePath
            case "--scenarios": scenariosPath = iterator.next() ?? scenariosPath
            case "--answer-files": answerFiles = Int(iterator.next() ?? "") ?? answerFiles
            case "--write": writePath = iterator.next()
            case "--stages", "--kinds", "--rules": break
            default:
                FileHandle.standardError.write(Data("usage: tonlage-bench [--replies N] [--guide PATH] [--scenarios DIR] [--answer-files N] [--stages] [--kinds] [--rules] [--write FILE]\n".utf8))
                exit(2)
            }
        }
    }
}

/// Replies assembled from parts that exercise every rule family: good and bad address,
/// boilerplate, slang, shouting, emoji, personal data, URLs, signatures, long replies.
enum Corpus {
    static let openings = ["Hallo Nina,", "Hi Lukas!", "Sehr geehrte Frau Meier,", "Hey Ayşe,", "Liebe Kundin,", "@jule_b",
                           "Oh nein, Sven,", "Das tut mir echt leid, Heiko!", "Danke für die Blumen, Jule!", "", "Moin Chris,"]
    static let bodies = [
        "dein Paket ist unterwegs und kommt morgen an.",
        "Ihre Rücksendung ist bei uns angekommen, die Gutschrift sehen Sie in 2–3 Tagen.",
        "schick mir bitte deine Bestellnummer per DM, dann schaue ich nach.",
        "poste hier einfach deine Kundennummer und Anschrift.",
        "der RE 7 fällt wegen einer Weichenstörung aus, der nächste fährt um 17:42.",
        "wir bitten um dein Verständnis und melden uns in Kürze bei dir.",
        "lol, das steht doch auf der Website 😂😂😂😂",
        "ACHTUNG: WIR KÖNNEN NUR HELFEN, WENN DU UNS DIE DATEN SCHICKST!!!",
        "bezüglich deiner Anfrage teilen wir dir hiermit mit, dass der Sachverhalt geprüft wird.",
        "die Größentabelle findest du direkt unter dem Produktbild: https://www.example.de/groessen?id=42",
        "Das Paket ist unterwegs. Sie kommt morgen an.",
        "da können wir leider nichts machen, das liegt am Paketdienst.",
        "ich bin Jens aus dem Telekom-Service. Schaut bitte einmal in die Routeroberfläche.",
        "der Cafe\u{301} im ICE hat wieder geöffnet 👨‍👩‍👧 und die Gru\u{308}ße gehen raus.",
        "Vielen Dank für Ihre Nachricht. Ihr Anliegen wurde an die zuständige Fachabteilung weitergeleitet.",
        "die Erstattung ist angewiesen und in 3 Werktagen auf deinem Konto.",
    ]
    static let closings = ["^KH", "Viele Grüße, Anna", "/je", "Mit freundlichen Grüßen", "😊", "", "Liebe Grüße, Sophie"]
    static let channels = ["twitter", "facebook", "instagram", "forum", "review-site", "dm", "email"]
    static let moods = ["angry", "neutral", "happy"]

    static func jsonl(count: Int) -> [UInt8] {
        var random = SeededRandom(seed: 42)
        var out: [UInt8] = []
        out.reserveCapacity(count * 220)
        for index in 0..<count {
            var parts = [random.pick(openings), random.pick(bodies)]
            // Every tenth reply is long: several bodies, to pass channel limits.
            if random.next() % 10 == 0 { for _ in 0..<4 { parts.append(random.pick(bodies)) } }
            parts.append(random.pick(closings))
            let text = parts.filter { !$0.isEmpty }.joined(separator: " ")
            let line = "{\"id\":\"r\(index)\",\"text\":\(ScorecardJSON.quoted(text)),"
                + "\"channel\":\"\(random.pick(channels))\",\"mood\":\"\(random.pick(moods))\"}\n"
            out += line.utf8
        }
        return out
    }
}

let options = Options(CommandLine.arguments)
let guide: Guide
do {
    guide = try GuideLoader.load(path: options.guidePath)
} catch {
    FileHandle.standardError.write(Data((error.description + "\n").utf8))
    exit(2)
}
let input = Corpus.jsonl(count: options.replies)
if let path = options.writePath {
    guard FileManager.default.createFile(atPath: path, contents: Data(input)) else {
        FileHandle.standardError.write(Data("cannot write \(path)\n".utf8))
        exit(1)
    }
    exit(0)
}
let checker = BatchChecker(scorer: Scorer(guide: guide), defaultContext: ReplyContext(channel: .facebook))
print("corpus: \(options.replies) replies, \(input.count / 1_000_000) MB of JSON Lines; guide: \(guide.rules.count) rules")

/// CPU time of the whole process (user and system, every thread): on a machine shared with
/// other work, wall-clock rates say how busy the machine was; CPU time says what the work cost.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

func measure(_ label: String, parallel: Bool) {
    var outputBytes = 0
    let clock = ContinuousClock()
    let cpuBefore = cpuSeconds()
    let elapsed = clock.measure {
        if parallel {
            // As `check --format jsonl` reads standard input: blocks of lines, each scored on every core.
            _ = try? checker.stream(bytes: input) { block in outputBytes += block.byteCount }
        } else {
            // One core: the same per-line path, in order, without the worker pool.
            input.withUnsafeBufferPointer { buffer in
                var start = 0, number = 1
                var block = BatchChecker.Block()
                for i in 0..<buffer.count where buffer[i] == 0x0A {
                    block.json.removeAll(keepingCapacity: true)
                    checker.answer(line: UnsafeBufferPointer(rebasing: buffer[start..<i]), number: number, into: &block)
                    outputBytes += block.json.count
                    start = i + 1
                    number += 1
                }
            }
        }
    }
    let cpu = cpuSeconds() - cpuBefore
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let rate = Double(options.replies) / seconds
    print(String(format: "%@: %.2f s, %.0f replies/s, %.1f MB/s in, %.0f MB out; %.2f s CPU, %.0f replies per CPU second",
                 label, seconds, rate, Double(input.count) / seconds / 1e6, Double(outputBytes) / 1e6,
                 cpu, Double(options.replies) / cpu))
}

measure("all cores (\(ProcessInfo.processInfo.activeProcessorCount))", parallel: true)
measure("one core", parallel: false)

/// Where one core's time goes: each stage is the path up to it, so the differences are the
/// stages' own costs (µs per reply).
func measureStages() {
    let lines: [Range<Int>] = {
        var result: [Range<Int>] = [], start = 0
        for (i, byte) in input.enumerated() where byte == 0x0A { result.append(start..<i); start = i + 1 }
        return result
    }()
    let scorer = checker.scorer
    func perReply(_ body: (UnsafeBufferPointer<UInt8>) -> Int) -> (Double, Int) {
        var sink = 0
        let elapsed = input.withUnsafeBufferPointer { buffer in
            ContinuousClock().measure { for line in lines { sink &+= body(UnsafeBufferPointer(rebasing: buffer[line])) } }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (seconds / Double(lines.count) * 1e6, sink)
    }
    let (parse, _) = perReply { (try? JSONLineRequest.parse($0))?.text.utf8.count ?? 0 }
    let (analyze, _) = perReply { line in
        guard let request = try? JSONLineRequest.parse(line) else { return 0 }
        return AnalyzedText(request.text, lexicon: scorer.guide.lexicon).tokens.count
    }
    let (score, findings) = perReply { line in
        guard let request = try? JSONLineRequest.parse(line) else { return 0 }
        return scorer.score(request.text, context: ReplyContext(channel: request.channel ?? .facebook, mood: request.mood ?? .neutral)).findings.count
    }
    var block = BatchChecker.Block()
    let (whole, _) = perReply { line in
        block.json.removeAll(keepingCapacity: true)
        checker.answer(line: line, number: 1, into: &block)
        return block.json.count
    }
    // The batch path writes its line straight from the hits, without the scorecard's findings:
    // "line" is the whole of what `check --format jsonl` does per line, on one core.
    print(String(format: "one core, µs per reply: parse %.2f, analyse %.2f, rules and findings (as a scorecard) %.2f; the whole JSON line %.2f (%.1f findings per reply)",
                 parse, analyze - parse, score - analyze, whole, Double(findings) / Double(lines.count)))
}
if CommandLine.arguments.contains("--stages") { measureStages() }

/// What each rule kind costs: the corpus scored on one core with the guide whole and with
/// that kind's rules left out (and the rules that read their hits), in µs per reply.
func measureKinds() {
    guard let text = try? String(contentsOfFile: options.guidePath, encoding: .utf8),
          let rulesStart = text.range(of: "\nrules:\n") else { return }
    let header = String(text[..<rulesStart.upperBound])
    let chunks = text[rulesStart.upperBound...].components(separatedBy: "\n  - id: ").enumerated()
        .map { $0.offset == 0 ? $0.element : "  - id: " + $0.element }
        .map { $0.hasSuffix("\n") ? $0 : $0 + "\n" }
    let requests: [JSONLineRequest] = input.withUnsafeBufferPointer { buffer in
        var result: [JSONLineRequest] = [], start = 0
        for i in 0..<buffer.count where buffer[i] == 0x0A {
            if let request = try? JSONLineRequest.parse(UnsafeBufferPointer(rebasing: buffer[start..<i])) { result.append(request) }
            start = i + 1
        }
        return Array(result.prefix(50_000))
    }
    func cost(_ guide: Guide) -> Double {
        let scorer = Scorer(guide: guide)
        var sink = 0
        let elapsed = ContinuousClock().measure {
            for request in requests {
                sink &+= scorer.score(request.text, context: ReplyContext(channel: request.channel ?? .facebook, mood: request.mood ?? .neutral)).score
            }
        }
        precondition(sink >= 0)
        return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18) / Double(requests.count) * 1e6
    }
    let whole = cost(guide)
    var rows: [(kind: String, rules: Int, cost: Double)] = []
    let byRule = CommandLine.arguments.contains("--rules")
    let groups = byRule ? guide.rules.map { ($0.kind + " " + $0.id, Set([$0.id])) }
        : Set(guide.rules.map(\.kind)).sorted().map { kind in (kind, Set(guide.rules.filter { $0.kind == kind }.map(\.id))) }
    for (kind, ids) in groups {
        let kept = chunks.filter { chunk in !ids.contains { chunk.hasPrefix("  - id: \($0)\n") } && !ids.contains { chunk.contains("of: \($0)") } }
        guard let without = GuideLoader.compile(yaml: header + kept.joined(), file: options.guidePath).0 else { continue }
        rows.append((kind, ids.count, whole - cost(without)))
    }
    print(String(format: "one core, µs per reply by rule kind (whole guide %.2f):", whole))
    for row in rows.sorted(by: { $0.cost > $1.cost }) {
        print(String(format: "  %-40@ %2d rules  %6.2f", row.kind as NSString, row.rules, row.cost))
    }
}
if CommandLine.arguments.contains("--kinds") || CommandLine.arguments.contains("--rules") { measureKinds() }

/// REPL turns: score a scenario answer (guide and step expectations) and commit it to the store.
func measureTurns() throws {
    let scenarios = ScenarioLoader.loadLibrary(directory: options.scenariosPath, language: guide.scenarioLanguage).scenarios
    let plays = scenarios.flatMap { scenario in scenario.examples.map { (scenario, $0.answers) } }
    guard !plays.isEmpty else { return print("turns: no scenarios in \(options.scenariosPath)") }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tonlage-bench-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let recorder = SessionRecorder(store: try SQLiteStore(path: folder.appendingPathComponent("progress.sqlite").path))
    let scorer = Scorer(guide: guide)
    var durations: [Duration] = []
    var endings: [Duration] = []
    let clock = ContinuousClock()
    for round in 0..<20 {
        for (scenario, answers) in plays {
            // As the REPL plays: the run started, each answer scored and committed, the run finished.
            var session = TrainingSession(scenario: scenario, guide: guide, scorer: scorer, agent: "bench", mode: .practice,
                                          recorder: recorder)
            for var answer in answers where !session.isFinished {
                answer.seconds = Double(round)
                durations.append(try clock.measure {
                    if let failure = session.answer(answer)?.failure { throw failure }
                })
            }
            // The outcome, then the store's end of scenario (SQLite: the log checkpointed during the summary).
            endings.append(try clock.measure {
                if let failure = session.finish().failure { throw failure }
            })
        }
    }
    func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
    func mean(_ values: [Duration]) -> Double { values.map(milliseconds).reduce(0, +) / Double(values.count) }
    let slowest = durations.max().map(milliseconds) ?? 0
    durations.sort()
    print(String(format: "REPL turns (score + commit to SQLite/WAL): %d turns, %.2f ms per turn on average, 99th percentile %.2f ms, slowest %.2f ms; "
                 + "scenario end (outcome + checkpoint): %.2f ms on average",
                 durations.count, mean(durations), milliseconds(durations[durations.count * 99 / 100]), slowest, mean(endings)))
}

/// Certification: answer files made from the plan's example answers, every third one spoiled.
func measureCertification() throws {
    let (plan, _) = CertificationLoader.loadPlan(path: options.scenariosPath + "/certification/grundlagen.yaml")
    let example = options.scenariosPath + "/certification/example-answers.yaml"
    guard let plan, let template = try? String(contentsOfFile: example, encoding: .utf8) else {
        return print("certify: no default plan or example answers in \(options.scenariosPath)/certification")
    }
    let scenarios = ScenarioLoader.loadLibrary(directory: options.scenariosPath, language: guide.scenarioLanguage).scenarios
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tonlage-certify-bench-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var files: [String] = []
    for index in 0..<options.answerFiles {
        var text = template.replacingOccurrences(of: "Beispiel Agentin", with: "Agent \(index)")
        if index % 3 == 0 { text = text.replacingOccurrences(of: "Danke für die Blumen, Jule!", with: "Ok.") }
        let path = folder.appendingPathComponent("agent-\(index).yaml").path
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        files.append(path)
    }
    let certifier = Certifier(guide: guide, guideFile: options.guidePath, scenarios: scenarios, plan: plan, tool: "bench")
    var certified = 0
    let elapsed = ContinuousClock().measure {
        for result in certifier.certify(files: files, issuedAt: "2026-11-24T10:00:00Z") {
            if case let .success(certification) = result {
                _ = certification.certificate.json()
                if certification.certificate.certified { certified += 1 }
            }
        }
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    print(String(format: "certify: %d answer files (%d certified) in %.2f s, %.0f answer files/s on %d cores",
                 files.count, certified, seconds, Double(files.count) / seconds, ProcessInfo.processInfo.activeProcessorCount))
}

do {
    try measureTurns()
    try measureCertification()
} catch {
    FileHandle.standardError.write(Data("turns: \(error)\n".utf8))
    exit(1)
}

import ArgumentParser
import Foundation
import TonlageCore
import TonlageScenarios
import TonlageStore
import TonlageTraining

/// `tonlage demo-data`: a realistic cohort in a store, played through the real engine.
struct DemoData: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-data",
        abstract: "Fill a store with a realistic training cohort, to try the dashboard.",
        discussion: """
            Plays the scenario library with varied replies through the real engine: agents start in \
            weekly waves, practise a few scenarios each week and get better over time; their replies \
            come from the scenarios' and the guide's good and bad examples. The same --seed gives the \
            same store. The runs are marked as made up; a store that already holds real runs (played \
            or certified) is refused unless --force, so that fake training never mixes in unnoticed.
            """)

    @Option(help: "How many agents.")
    var agents = 25

    @Option(help: "How many weeks of training.")
    var weeks = 6

    @Option(help: "The first day (YYYY-MM-DD).")
    var start = "2026-10-05"

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    @Flag(help: "Add the demo runs even to a store that holds real runs.")
    var force = false

    @OptionGroup var library: LibraryOptions

    func validate() throws {
        guard library.store != nil else { throw ValidationError("--store PATH|URL is required: the store to fill (created if missing).") }
        guard (1...500).contains(agents), (1...52).contains(weeks) else { throw ValidationError("--agents 1…500, --weeks 1…52.") }
        guard (try? Date(start + "T08:00:00Z", strategy: .iso8601)) != nil else { throw ValidationError("--start takes YYYY-MM-DD.") }
    }

    func run() throws {
        let guide = library.guideOptions.loadGuide()
        let scenarios = library.loadScenarios(language: guide.scenarioLanguage)
        let storeHandle = try library.openStore()
        let store = storeHandle.location.description
        let real = try storeHandle.realRuns()
        if real > 0 && !force {
            InputError(description: "the progress store \(store) already holds \(real) real run\(real == 1 ? "" : "s"); "
                       + "demo data would mix with them. Pass another --store, or --force to add it all the same").exit()
        }
        let generator = CohortGenerator(guide: guide, scenarios: scenarios, seed: seed)
        let first = try Date(start + "T08:00:00Z", strategy: .iso8601)
        let (runs, turns) = try generator.generate(into: storeHandle, agents: agents, weeks: weeks, start: first)
        Output.out(InputHygiene.visible("\(agents) agents, \(runs) runs, \(turns) turns → \(store)") + "\n")
    }
}

/// Makes the cohort: who trains when, and which reply each one gives.
struct CohortGenerator {
    let guide: Guide
    let scenarios: [Scenario]
    let seed: UInt64

    static let names = ["Anna", "Ben", "Carla", "Deniz", "Elif", "Finn", "Greta", "Hakan", "Ida", "Jonas", "Kim", "Lea", "Mats",
                        "Nora", "Omar", "Paula", "Quentin", "Rosa", "Sami", "Tara", "Umut", "Vera", "Wim", "Xenia", "Yusuf", "Zoe"]

    /// Good and bad answers per scenario and step, collected by playing the examples.
    func answerBank() -> [String: (good: [String: [Answer]], bad: [String: [Answer]])] {
        let scorer = Scorer(guide: guide)
        var bank: [String: (good: [String: [Answer]], bad: [String: [Answer]])] = [:]
        for scenario in scenarios {
            var good: [String: [Answer]] = [:], bad: [String: [Answer]] = [:]
            for example in scenario.examples {
                var run = ScenarioRun(scenario: scenario)
                for answer in example.answers {
                    guard let step = run.stepID else { break }
                    if example.isGood { good[step, default: []].append(answer) } else { bad[step, default: []].append(answer) }
                    _ = run.answer(answer, scorer: scorer)
                }
            }
            bank[scenario.id] = (good, bad)
        }
        return bank
    }

    /// Plays the cohort into the store, a transaction per run.
    func generate(into store: any ProgressStore, agents count: Int, weeks: Int, start: Date) throws -> (runs: Int, turns: Int) {
        var random = SeededRandom(seed: seed)
        let scorer = Scorer(guide: guide)
        let bank = answerBank()
        let slips = guide.rules.flatMap { rule in rule.examples.filter { !$0.isGood }.map(\.text) }
        let recorder = SessionRecorder(store: store)
        recorder.deferWrites = true
        var runs = 0, turns = 0
        for index in 0..<count {
            let name = Self.names[index % Self.names.count] + (index >= Self.names.count ? " \(index / Self.names.count + 1)" : "")
                + " " + String(Self.names[(index * 7 + 3) % Self.names.count].prefix(1)) + "."
            let wave = index % max(1, min(5, weeks))          // waves start a week apart
            var skill = 0.25 + random.unit() * 0.35
            for week in wave..<weeks {
                for _ in 0..<(2 + Int(random.next() % 3)) {
                    let scenario = random.pick(scenarios)
                    let day = Double(week * 7 + Int(random.next() % 5)) * 86_400 + Double(random.next() % 28_800)
                    var clock = start.addingTimeInterval(day)
                    var session = TrainingSession(scenario: scenario, guide: guide, scorer: scorer, agent: name, mode: .demo,
                                                  recorder: recorder, at: clock)
                    while let step = session.currentStep, session.run.turns.count < 6 {
                        var answer = choose(step: step.id, scenario: scenario.id, bank: bank, slips: slips, skill: skill, random: &random)
                        let target = Double(step.targetSeconds ?? 600)
                        answer.seconds = (target * (0.2 + random.unit() * (1.6 - skill))).rounded()
                        clock = clock.addingTimeInterval(answer.seconds ?? 60)
                        if random.unit() < 0.15 * (1 - skill) { _ = session.hint() }
                        guard session.answer(answer, at: clock) != nil else { break }
                        turns += 1
                    }
                    _ = session.finish(at: clock)
                    if let failure = recorder.flush() { throw failure }
                    runs += 1
                }
                skill = min(0.95, skill + 0.06 + random.unit() * 0.06)
            }
        }
        return (runs, turns)
    }

    private func choose(step: String, scenario: String, bank: [String: (good: [String: [Answer]], bad: [String: [Answer]])],
                        slips: [String], skill: Double, random: inout SeededRandom) -> Answer {
        let good = bank[scenario]?.good[step] ?? []
        let bad = bank[scenario]?.bad[step] ?? []
        if random.unit() < skill, !good.isEmpty { return random.pick(good) }
        if random.unit() < 0.6, !bad.isEmpty { return random.pick(bad) }
        return Answer(text: random.pick(slips))
    }
}

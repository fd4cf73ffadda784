import Foundation
import TonlageCore
import TonlageScenarios
import TonlageStore

/// The REPL: picks a scenario, shows the customer's posts, scores each reply at once, records
/// it, lets the customer react and sums up at the end. Scoring and branching happen in
/// `ScenarioRun`; this type only talks to the trainee and the store.
struct PlaySession {
    let guide: Guide
    let scorer: Scorer
    let scenarios: [Scenario]
    let store: ProgressStore
    let agent: String
    let agentID: Int64
    var reader: any LineReader
    let style: TerminalStyle
    let labels: Labels
    let strings: ReplStrings

    static let metaCommands = [":help", ":hint", ":guide", ":retry", ":dm", ":escalate", ":skip", ":progress", ":quit"]

    private func say(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Runs scenarios until the trainee quits; `first` starts one directly.
    mutating func run(first: Scenario?) throws {
        reader.setCompletions(Self.metaCommands + scenarios.map(\.id) + guide.rules.map(\.id))
        if let first {
            guard try play(first) else { return say(strings.saved + "\n") }
            return
        }
        say(strings.welcome(agent) + "\n\n" + scenarioList() + "\n")
        var prompt = strings.chooseScenario
        while let choice = reader.readLine(prompt: prompt)?.trimmingCharacters(in: .whitespaces) {
            if choice.isEmpty {
                if prompt == strings.another { break }
                continue
            }
            if choice == ":quit" || choice == ":q" { break }
            if choice == ":progress" { say(progressText()); continue }
            if choice == ":help" { say(strings.help + "\n"); continue }
            guard let scenario = pick(choice) else {
                say(strings.unknownScenario(choice) + "\n")
                continue
            }
            guard try play(scenario) else { break }
            say("\n" + scenarioList() + "\n")
            prompt = strings.another
        }
        say(strings.saved + "\n")
    }

    func scenarioList() -> String {
        scenarios.enumerated().map { index, scenario in
            let number = String(index + 1).leftPadded(to: 3)
            return "\(number)  \(style.bold(scenario.id))  \(scenario.title) "
                + style.dim("(\(FeedRenderer.channelNames[scenario.channel] ?? ""), \(strings.difficulty[scenario.difficulty.rawValue] ?? ""))")
        }.joined(separator: "\n")
    }

    func pick(_ choice: String) -> Scenario? {
        if let number = Int(choice), number >= 1, number <= scenarios.count { return scenarios[number - 1] }
        return scenarios.first { $0.id == choice }
    }

    /// Plays one scenario; false when the trainee quit the program (Ctrl-D or `:quit`).
    mutating func play(_ scenario: Scenario) throws -> Bool {
        let feed = FeedRenderer(style: style)
        let runID = try store.startRun(agent: agentID, scenarioID: scenario.id, scenarioHash: scenario.contentHash,
                                       guideHash: guide.contentHash, mode: .play)
        var run = ScenarioRun(scenario: scenario)
        let started = Date()
        let briefing = strings.briefing + ": " + scenario.briefing
        let wrapped = TerminalSize.columns().map { TerminalSize.wrap(briefing, width: $0, indent: "") } ?? briefing
        say("\n" + style.bold(scenario.title) + "\n" + style.dim(strings.briefing + ":") + wrapped.dropFirst(strings.briefing.count + 1) + "\n\n")
        var showPosts = true
        var hintUsed = false
        var shownAt = Date()
        while let step = run.currentStep {
            if showPosts {
                say(feed.render(posts: step.posts, scenario: scenario, channel: scenario.channel))
                shownAt = Date()
                hintUsed = false
                showPosts = false
            }
            guard let input = reader.readReply(prompt: strings.replyPrompt, continuation: strings.continuation) else {
                try store.finishRun(runID, outcome: "abandoned")
                say("\n")
                return false
            }
            let trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            var answer = Answer(text: input)
            if trimmed.hasPrefix(":") {
                let (command, argument) = Self.split(trimmed)
                switch command {
                case ":help": say(strings.help + "\n"); continue
                case ":hint": hintUsed = true; say(hint(for: step, scenario: scenario, mood: run.mood)); continue
                case ":guide": say(guideText(argument)); continue
                case ":progress": say(progressText()); continue
                case ":quit", ":q":
                    try store.finishRun(runID, outcome: "abandoned")
                    return false
                case ":skip":
                    try store.finishRun(runID, outcome: "abandoned")
                    say(style.dim("\(strings.outcome): \(strings.outcomes["abandoned"]!)") + "\n")
                    return true
                case ":retry":
                    guard !run.turns.isEmpty else { say(strings.nothingToRetry + "\n"); continue }
                    run.retry()
                    say(strings.retry + "\n")
                    showPosts = true
                    continue
                case ":dm":
                    // Without text, the private message is asked for on its own line.
                    var text = argument
                    if text.isEmpty, let typed = reader.readReply(prompt: strings.dmPrompt, continuation: strings.continuation) {
                        text = typed
                    }
                    answer = Answer(text: text, action: .dm)
                case ":escalate": answer = Answer(text: argument, action: .escalate)
                default: say(strings.unknownCommand(command) + "\n"); continue
                }
            }
            answer.seconds = Date().timeIntervalSince(shownAt)
            guard let turn = run.answer(answer, scorer: scorer) else { break }
            // Committed before anything else is shown: a killed session keeps every scored turn.
            try store.record(.init(step: turn.stepID, reply: answer.text, action: answer.action, seconds: answer.seconds,
                                   card: turn.card, hintUsed: hintUsed, targetSeconds: step.targetSeconds), run: runID)
            say("\n" + ScorecardText(style: style, labels: labels).render(turn.card, reply: answer.text))
            say(style.dim(strings.time(Int((answer.seconds ?? 0).rounded()), step.targetSeconds)) + "\n\n")
            if let reaction = turn.reaction { say(feed.reaction(reaction, scenario: scenario) + "\n") }
            showPosts = turn.nextStep != nil
        }
        let outcome = run.outcome?.rawValue ?? "abandoned"
        try store.finishRun(runID, outcome: outcome)
        say(summary(run, outcome: outcome, seconds: Date().timeIntervalSince(started)))
        store.checkpoint()
        return true
    }

    static func split(_ command: String) -> (String, String) {
        guard let space = command.firstIndex(where: { $0 == " " || $0 == "\n" }) else { return (command, "") }
        return (String(command[..<space]), command[space...].trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Outcome, score, time, and the three things that cost the most points in this run.
    func summary(_ run: ScenarioRun, outcome: String, seconds: Double) -> String {
        var lost: [String: (points: Int, message: String)] = [:]
        for turn in run.turns {
            for finding in turn.card.findings where finding.deduction > 0 {
                lost[finding.rule, default: (0, finding.message)].points += finding.deduction
            }
        }
        let top = lost.sorted { ($0.value.points, $1.key) > ($1.value.points, $0.key) }.prefix(3)
        var out = style.bold("\(strings.outcome): \(strings.outcomes[outcome] ?? outcome)") + " · "
            + "\(strings.average) \(run.averageScore)/100 · \(strings.duration) \(Int(seconds.rounded())) s\n"
        if top.isEmpty {
            out += strings.nothingToPractise + "\n"
        } else {
            out += style.bold(strings.practise) + ":\n"
            for (rule, entry) in top {
                let text = guide.rule(withID: rule)?.suggestion ?? entry.message
                out += "  • \(rule): \(text)\n"
            }
        }
        return out
    }

    func hint(for step: Step, scenario: Scenario, mood: Mood) -> String {
        var out = style.bold(strings.hintTitle) + "\n"
        if !step.expectations.mustMention.isEmpty {
            out += "  \(strings.mustMention): " + step.expectations.mustMention.map(\.name).joined(separator: "; ") + "\n"
        }
        out += "  \(strings.action): " + step.expectations.actions.map(\.rawValue).joined(separator: ", ") + "\n"
        if let target = step.targetSeconds { out += "  " + strings.targetTime(target) + "\n" }
        let context = ReplyContext(channel: scenario.channel, mood: mood)
        let relevant = guide.rules.filter { $0.applies(to: context) && $0.severity == .error }
        out += "  \(strings.relevantRules):\n"
        for rule in relevant.prefix(8) { out += "   - \(rule.id): \(rule.suggestion ?? rule.rationale)\n" }
        return out
    }

    func guideText(_ ruleID: String) -> String {
        if !ruleID.isEmpty {
            guard let rule = guide.rule(withID: ruleID) else { return strings.unknownRule(ruleID) + "\n" }
            var out = style.bold(rule.id) + " (\(rule.severity.rawValue), \(rule.weight))\n" + rule.rationale + "\n"
            if let suggestion = rule.suggestion { out += "\(labels.suggestion): \(suggestion)\n" }
            for example in rule.examples { out += (example.isGood ? "  ✓ " : "  ✗ ") + example.text + "\n" }
            return out
        }
        return guide.rules.map { "\($0.id.padding(toLength: 30, withPad: " ", startingAt: 0)) \($0.severity.rawValue)" }
            .joined(separator: "\n") + "\n"
    }

    func progressText() -> String {
        ((try? store.progress(agent: agent)) ?? []).map { ProgressText(style: style).render($0) }.joined(separator: "\n")
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

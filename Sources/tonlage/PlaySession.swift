import Foundation
import TonlageCore
import TonlageScenarios
import TonlageStore
import TonlageTraining

/// The REPL: picks a scenario, shows the customer's posts, lets the trainee answer, shows each
/// scorecard, the customer's reaction and the summary at the end. Scoring, branching, hints,
/// the summary and the recording happen in `TrainingSession`; this type only talks to the
/// trainee. A store that fails does not end the session: the trainee is told, the write waits
/// in the spool and is written with the next one.
struct PlaySession {
    let guide: Guide
    let scorer: Scorer
    let scenarios: [Scenario]
    let recorder: SessionRecorder
    let agent: String
    var reader: any LineReader
    let style: TerminalStyle
    let labels: Messages
    let strings: Messages
    /// A supervised exam (`tonlage exam`): no `:hint`, `:guide` or `:retry`, runs in mode `exam`.
    var exam = false
    /// Every scenario played in this session, as it ended (an exam's answers are taken from here).
    private(set) var played: [ScenarioRun] = []

    static let metaCommands = [":help", ":hint", ":guide", ":retry", ":dm", ":escalate", ":skip", ":progress", ":quit"]

    private func say(_ text: String) {
        Output.out(text)
    }

    /// Runs scenarios until the trainee quits; `first` starts one directly. Returns the store's
    /// failure when writes are still waiting at the end.
    mutating func run(first: Scenario?) -> StoreError? {
        reader.setCompletions(Self.metaCommands + scenarios.map(\.id) + guide.rules.map(\.id))
        let (recovered, failure) = recorder.recoverSpool()
        if recovered > 0 {
            if let failure { saved(failure, waitingBefore: 0) } else { say(style.dim(strings.recovered(recovered)) + "\n") }
        }
        if let first {
            guard play(first) else { return goodbye() }
            return goodbye(quietly: true)
        }
        say(strings.welcome(InputHygiene.visible(agent)) + "\n\n" + scenarioList() + "\n")
        // Without a choice, the next scenario for this agent's weak spots is one Enter away.
        let progress = (try? recorder.store.progress(agent: agent, passMark: guide.passMark))?.first
        var proposal = NextScenario.propose(scenarios, progress: progress, scorer: scorer)
        if let proposal { say(proposalText(proposal) + "\n") }
        var prompt = strings.chooseScenario
        // `:retry` after a scenario's end plays it again from the start, as a new run.
        var lastPlayed: Scenario?
        while let choice = reader.readLine(prompt: prompt)?.trimmingCharacters(in: .whitespaces) {
            if choice.isEmpty {
                if let next = proposal, prompt == strings.chooseScenario {
                    proposal = nil
                    lastPlayed = next.scenario
                    guard play(next.scenario) else { break }
                    say("\n" + scenarioList() + "\n")
                    prompt = strings.another
                    continue
                }
                if prompt == strings.another { break }
                continue
            }
            if choice == ":quit" || choice == ":q" { break }
            if choice == ":progress" { say(progressText()); continue }
            if choice == ":help" { say(strings.help + "\n"); continue }
            let picked = choice == ":retry" ? lastPlayed : pick(choice)
            if choice == ":retry" && picked == nil { say(strings.nothingToRetry + "\n"); continue }
            guard let scenario = picked else {
                say(strings.unknownScenario(InputHygiene.visible(choice)) + "\n")
                continue
            }
            lastPlayed = scenario
            guard play(scenario) else { break }
            say("\n" + scenarioList() + "\n")
            prompt = strings.another
        }
        return goodbye()
    }

    /// A supervised exam: the plan's scenarios in order, one attempt each, until the last or
    /// until the trainee quits. Returns the store's failure when writes are still waiting.
    mutating func runExam(plan: String, scenarios planned: [Scenario]) -> StoreError? {
        exam = true
        reader.setCompletions([":help", ":dm", ":escalate", ":skip", ":quit"])
        say(strings.examWelcome(InputHygiene.visible(plan), planned.count) + "\n")
        for scenario in planned {
            guard play(scenario) else { break }
        }
        say(strings.examEnded(played.count, planned.count) + "\n")
        return goodbye()
    }

    /// The last try to write what waits, and the last word: saved, or how much is not.
    private func goodbye(quietly: Bool = false) -> StoreError? {
        let waiting = recorder.pending
        if let failure = recorder.flush() {
            say(style.red(strings.notSavedAtEnd(waiting)) + "\n")
            if let spool = recorder.spoolFile { say(strings.spooled(InputHygiene.visible(spool)) + "\n") }
            return failure
        }
        if !quietly { say(strings.saved + "\n") }
        return nil
    }

    /// Tells the trainee whether the last write reached the store.
    private func saved(_ failure: StoreError?, waitingBefore: Int) {
        if let failure {
            say(style.red(strings.notSaved(recorder.pending)) + style.dim(" (\(InputHygiene.visible(failure.description)))") + "\n")
        } else if waitingBefore > 0 {
            say(style.dim(strings.savedLater(waitingBefore)) + "\n")
        }
    }

    /// A store write through the recorder, and what the trainee is told about it.
    private func store(_ write: () -> StoreError?) {
        let waiting = recorder.pending
        saved(write(), waitingBefore: waiting)
    }

    func scenarioList() -> String {
        scenarios.enumerated().map { index, scenario in
            let number = String(index + 1).leftPadded(to: 3)
            return "\(number)  \(style.bold(InputHygiene.visible(scenario.id)))  \(InputHygiene.visible(scenario.title)) "
                + style.dim("(\(strings.channelNames[scenario.channel.rawValue] ?? ""), \(strings.difficulty[scenario.difficulty.rawValue] ?? ""))")
        }.joined(separator: "\n")
    }

    func proposalText(_ proposal: NextScenario.Proposal) -> String {
        let number = (scenarios.firstIndex { $0.id == proposal.scenario.id } ?? 0) + 1
        let label = "\(number) " + style.bold(InputHygiene.visible(proposal.scenario.id)) + " (\(InputHygiene.visible(proposal.scenario.title)))"
        return strings.proposal(label, proposal.trains.map { labels.families[$0] ?? $0.rawValue }.joined(separator: ", "))
    }

    func pick(_ choice: String) -> Scenario? {
        if let number = Int(choice), number >= 1, number <= scenarios.count { return scenarios[number - 1] }
        return scenarios.first { $0.id == choice }
    }

    /// Plays one scenario; false when the trainee quit the program (Ctrl-D or `:quit`).
    mutating func play(_ scenario: Scenario) -> Bool {
        let feed = FeedRenderer(style: style, strings: strings)
        let waiting = recorder.pending
        // The agent's earlier sentences, for the own-boilerplate hint; none when the store cannot say.
        let earlier = try? recorder.store.sentenceScenarios(agent: agent)
        var session = TrainingSession(scenario: scenario, guide: guide, scorer: scorer, agent: agent, mode: exam ? .exam : .practice,
                                      recorder: recorder, ownSentences: earlier)
        defer { played.append(session.run) }
        saved(session.startFailure, waitingBefore: waiting)
        let briefing = strings.briefing + ": " + InputHygiene.visible(scenario.briefing, keepingLineBreaks: true)
        let wrapped = TerminalSize.columns().map { TerminalSize.wrap(briefing, width: $0, indent: "") } ?? briefing
        say("\n" + style.bold(InputHygiene.visible(scenario.title)) + "\n" + style.dim(strings.briefing + ":")
            + wrapped.dropFirst(strings.briefing.count + 1) + "\n\n")
        var showPosts = true
        var shownAt = Date()
        while let step = session.currentStep {
            if showPosts {
                let channel = step.channel ?? scenario.channel
                say(feed.render(posts: step.posts, scenario: scenario, channel: channel, clock: session.run.clock,
                                thread: !session.run.turns.isEmpty && step.channel == nil))
                shownAt = Date()
                showPosts = false
            }
            guard let read = reader.readReply(prompt: strings.replyPrompt, continuation: strings.continuation) else {
                store { session.finish(outcome: .abandoned).failure }
                say("\n")
                return false
            }
            // A refused reply is neither scored nor stored: the trainee is asked again.
            guard case let .success(input) = read else {
                if case let .failure(problem) = read { say(style.red(strings.refused(problem)) + "\n") }
                continue
            }
            let trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            var answer = Answer(text: input)
            if trimmed.hasPrefix(":") {
                let (command, argument) = Self.split(trimmed)
                if exam && [":hint", ":guide", ":retry"].contains(command) {
                    say(strings.examRefused(command) + "\n")
                    continue
                }
                switch command {
                case ":help": say((exam ? strings.examHelp : strings.help) + "\n"); continue
                case ":hint": session.hint().map { say(hintText($0)) }; continue
                case ":guide": say(guideText(argument)); continue
                case ":progress": say(progressText()); continue
                case ":quit", ":q":
                    store { session.finish(outcome: .abandoned).failure }
                    return false
                case ":skip":
                    store { session.finish(outcome: .abandoned).failure }
                    say(style.dim("\(strings.outcome): \(strings.outcomes["abandoned"]!)") + "\n")
                    return true
                case ":retry":
                    guard session.retry() else { say(strings.nothingToRetry + "\n"); continue }
                    say(strings.retry + "\n")
                    showPosts = true
                    continue
                case ":dm":
                    // Without text, the private message is asked for on its own line; an empty
                    // line or Ctrl-C there goes back to the public reply, nothing sent.
                    var text = argument
                    asking: while text.isEmpty {
                        reader.leaveOnInterrupt(true)
                        let read = reader.readReply(prompt: strings.dmPrompt, continuation: strings.continuation)
                        reader.leaveOnInterrupt(false)
                        guard let typed = read else { break }
                        switch typed {
                        case let .success(typed):
                            text = typed.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? "" : typed
                            break asking
                        case let .failure(problem):
                            say(style.red(strings.refused(problem)) + "\n")
                        }
                    }
                    if text.isEmpty { say(style.dim(strings.dmCancelled) + "\n"); continue }
                    answer = Answer(text: text, action: .dm)
                case ":escalate": answer = Answer(text: argument, action: .escalate)
                default: say(strings.unknownCommand(InputHygiene.visible(command)) + "\n"); continue
                }
            }
            answer.seconds = Date().timeIntervalSince(shownAt)
            // Committed before anything else is shown: a killed session keeps every scored turn.
            var answered: TurnResult?
            store {
                let result = session.answer(answer)
                answered = result?.turn
                return result?.failure
            }
            guard let turn = answered else { break }
            say("\n" + ScorecardText(style: style, labels: labels).render(turn.card, reply: answer.text))
            say(style.dim(strings.time(strings.span(Int((turn.responseSeconds ?? 0).rounded())),
                                       (turn.responseSeconds ?? 0) <= Double(step.targetSeconds ?? .max),
                                       step.targetSeconds.map(strings.span))) + "\n\n")
            if let reaction = turn.reaction { say(feed.reaction(reaction, scenario: scenario) + "\n") }
            showPosts = turn.nextStep != nil
        }
        var summary: Summary?
        store {
            let (ended, failure) = session.finish()
            summary = ended
            return failure
        }
        if let summary { say(summaryText(summary)) }
        return true
    }

    static func split(_ command: String) -> (String, String) {
        guard let space = command.firstIndex(where: { $0 == " " || $0 == "\n" }) else { return (command, "") }
        return (String(command[..<space]), command[space...].trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Outcome, score, time, and the three things that cost the most points in this run.
    func summaryText(_ summary: Summary) -> String {
        var out = style.bold("\(strings.outcome): \(strings.outcomes[summary.outcome.rawValue] ?? summary.outcome.rawValue)") + " · "
            + "\(strings.average) \(summary.averageScore)/100"
            + (summary.bestScore.map { " (\(strings.bestAttempt) \($0)/100)" } ?? "")
            + " · \(strings.duration) \(strings.span(Int(summary.seconds.rounded())))\n"
        if summary.practise.isEmpty {
            out += strings.nothingToPractise + "\n"
        } else {
            out += style.bold(strings.practise) + ":\n"
            for item in summary.practise {
                out += "  • \(InputHygiene.visible(item.rule)): \(InputHygiene.visible(item.advice))\n"
            }
        }
        return out
    }

    func hintText(_ hint: Hint) -> String {
        var out = style.bold(strings.hintTitle) + "\n"
        if !hint.mustMention.isEmpty {
            out += "  \(strings.mustMention): " + InputHygiene.visible(hint.mustMention.joined(separator: "; ")) + "\n"
        }
        if !hint.actions.isEmpty { out += "  \(strings.action): " + hint.actions.map(\.rawValue).joined(separator: ", ") + "\n" }
        if let target = hint.targetSeconds { out += "  " + strings.targetTime(strings.span(target)) + "\n" }
        out += "  \(strings.relevantRules):\n"
        for rule in hint.rules {
            out += "   - \(InputHygiene.visible(rule.id)): \(InputHygiene.visible(rule.advice, keepingLineBreaks: true))\n"
        }
        return out
    }

    func guideText(_ ruleID: String) -> String {
        if !ruleID.isEmpty {
            guard let rule = guide.rule(withID: ruleID) else { return strings.unknownRule(InputHygiene.visible(ruleID)) + "\n" }
            var out = style.bold(InputHygiene.visible(rule.id)) + " (\(rule.severity.rawValue), \(rule.weight))\n"
                + InputHygiene.visible(rule.rationale, keepingLineBreaks: true) + "\n"
            if let suggestion = rule.suggestion { out += "\(labels.suggestion): \(InputHygiene.visible(suggestion, keepingLineBreaks: true))\n" }
            for example in rule.examples {
                out += (example.isGood ? "  ✓ " : "  ✗ ") + InputHygiene.visible(example.text, keepingLineBreaks: true) + "\n"
            }
            return out
        }
        return guide.rules.map { "\(InputHygiene.visible($0.id).padding(toLength: 30, withPad: " ", startingAt: 0)) \($0.severity.rawValue)" }
            .joined(separator: "\n") + "\n"
    }

    func progressText() -> String {
        ((try? recorder.store.progress(agent: agent, passMark: guide.passMark)) ?? [])
            .map { ProgressText(style: style, messages: strings).render($0) }.joined(separator: "\n")
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

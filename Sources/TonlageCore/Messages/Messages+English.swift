extension Messages {
    public static let english = Messages(
        language: "en",
        suggestion: "Suggestion", deduction: "points", dimensions: "Dimensions", result: "Result",
        passed: "passed", failed: "failed", passMark: "pass mark",
        errorsPresent: "a reply with an error cannot pass", length: "Length",
        noFindings: "No findings.", moreFindings: "more findings, counted in the dimensions",
        skipped: "Not checked (the rule gave up on this reply at its work limit)",
        families: [.address: "address", .length: "length", .template: "templates", .tone: "tone",
                   .privacy: "privacy", .disclosure: "disclosure", .spelling: "spelling",
                   .content: "content", .tempo: "tempo"],
        severities: [.error: "error", .warning: "warning", .hint: "hint"],
        moods: [.angry: "angry", .neutral: "neutral", .happy: "happy"],
        welcome: { "Hello \($0)! Pick a scenario. :help lists the commands." },
        chooseScenario: "Scenario (number or id): ",
        another: "Another scenario? Number or id, Enter to quit: ",
        unknownScenario: { "No scenario “\($0)”. Use a number or id from the list; Tab completes." },
        briefing: "Briefing",
        replyPrompt: "Your reply> ",
        dmPrompt: "Private message> ",
        continuation: "…> ",
        help: """
            Type your reply and press Enter; a line ending in \\ continues the reply.
              :hint           this step's expectations and the relevant rules (recorded)
              :guide [rule]   show the style guide, or one rule
              :retry          answer the last step again
              :dm [text]      answer by private message instead of in public (asked for if omitted)
              :escalate [txt] hand over to colleagues or corporate communications
              :skip           abandon this scenario
              :progress       show your progress
              :quit           quit (also Ctrl-D); Ctrl-C clears the line
            """,
        unknownCommand: { "Unknown command “\($0)” – :help lists them." },
        time: { seconds, target in
            "Response time: \(seconds) s" + (target.map { seconds <= $0 ? " (target \($0) s ✓)" : " (target \($0) s exceeded)" } ?? "")
        },
        outcome: "Outcome",
        outcomes: ["resolved": "resolved", "escalated": "escalated", "lost": "customer lost", "abandoned": "abandoned", "unfinished": "open"],
        average: "Average", duration: "Time",
        practise: "Practise next",
        nothingToPractise: "Nothing to fault – keep it up!",
        hintTitle: "Hint for this step",
        mustMention: "Address",
        action: "Right action",
        targetTime: { "Answer within \($0) s." },
        relevantRules: "Key rules here",
        retry: "Again:",
        nothingToRetry: "There is no step to answer again yet.",
        saved: "Saved. See you!",
        askName: "What is your name? (remembered) ",
        difficulty: ["easy": "easy", "medium": "medium", "hard": "hard"],
        unknownRule: { "The guide has no rule “\($0)” – :guide lists them all." },
        invalidUTF8: "This reply is not valid UTF-8 and is not scored. Please type it again.",
        controlCharacter: { "This reply contains the control character \($0) and is not scored. Please type it again." },
        notSaved: { "Not saved – your progress is written with your next answer (\($0) waiting)." },
        savedLater: { "Caught up: \($0) waiting entries are saved now." },
        notSavedAtEnd: { "\($0) entries could not be saved." },
        spooled: { "They are safe in \($0) and will be written at the next start." },
        recovered: { "Caught up: \($0) entries of an earlier session are saved now." },
        runsAndTurns: { "\($0) runs · \($1) turns" },
        readiness: ["certified": "certified", "ready": "ready for certification", "needs-practice": "needs practice"],
        practiceTrack: "practice", examTrack: "exams",
        passedOf: { "\($0)/\($1) passed" },
        averageScore: "average", trend: "trend",
        hintsUsed: { "hints used: \($0) of \($1) turns" },
        best: "best", last: "last", exam: "exam",
        weakest: "weakest:",
        ownBoilerplate: { "your own boilerplate (the same sentence in \($0)+ scenarios):" },
        inScenarios: { "\($0) scenarios" },
        noRuns: "No runs recorded.",
        noRunsFor: { "No runs recorded for \($0)." },
        reportTitle: "Tonlage – training report", reportHeading: "Training report", since: "since",
        agents: "agents", runs: "runs", replies: "replies", averagePoints: "avg. score",
        cohort: "Cohort", cohortHeatmap: "Points lost per reply: agents × families",
        topFindings: "Most frequent findings", hardestScenarios: "Hardest scenarios", noData: "No data.",
        rule: "Rule", example: "Example", scenarioChart: "average score per scenario", scenarioAxis: "avg. score · success rate",
        noTimeTargets: "no time targets", withinTarget: "within target", target: "target",
        hintsUsedLabel: "hints used", scoreOverTime: "Score over time", wherePointsAreLost: "Where points are lost",
        responseTimes: "Response times", outcomesPerScenario: "Outcomes per scenario",
        examsAndCertifications: "Exam/certification", ownBoilerplateTitle: "Own boilerplate",
        noDeductions: "No deductions.", familyChart: "points lost per family",
        shareWithinTarget: "share within target", scenario: "Scenario", lostShort: "lost",
        expectationMissing: { "Missing: \($0)." },
        expectationMustNot: "“{match}” does not belong in this reply.",
        expectationAction: "“{expected}” was the right move here, not “{action}”.",
        expectationTempo: "{value} s to answer; the target is {target} s.",
        certTooFewPassed: { "\($0) of \($1) scenarios passed, \($2) needed" },
        certNotAllPassed: { "\($0) of \($1) scenarios not passed" },
        certAverageBelow: { "average \($0) is below \($1)" },
        certScenarioMissing: { "the scenario “\($0)” is not in the library" },
        certNoAnswer: { "no answer for step “\($0)”" },
        certCircles: { "more than \($0) turns: the answers go round in circles" },
        certEndedWrong: { "ended \($0), not \($1)" },
        certScoreBelow: { "score \($0) is below \($1)" },
        certFamilyError: { "\($0) error: \($1) at “\($2)”" },
        certExamRequired: "the plan requires a supervised exam (tonlage exam)",
        certCertified: "Certified", certNotCertified: "Not certified", certPlan: "Certification plan",
        certPassedScenarios: { "scenarios passed: **\($0) of \($1)**" },
        certIssued: "issued", certValidUntil: "valid until", certReasons: "Reasons", certPoints: "Points",
        certCheckedAgainst: "Checked against", certExamSession: "Exam session",
        examWelcome: { "Exam “\($0)”: \($1) scenarios, one attempt each. :hint, :guide and :retry are not available." },
        examRefused: { "“\($0)” is not allowed in the exam." },
        examHelp: """
            Type your reply and press Enter; a line ending in \\ continues the reply.
              :dm [text]      answer by private message instead of in public
              :escalate [txt] hand over to colleagues or corporate communications
              :skip           give up this scenario (it counts as not passed)
              :quit           end the exam (also Ctrl-D)
            """,
        examAnswersWritten: { "Your answers are in \($0); hand the file to your trainer." },
        examEnded: { "Exam over: \($0) of \($1) scenarios played." })
}

import ArgumentParser
import Foundation
import TonlageCertify
import TonlageCore
import TonlageScenarios
import TonlageStore

/// `tonlage exam`: a supervised exam in the REPL, whose answers file `certify` accepts.
struct Exam: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Take a supervised exam: the plan's scenarios in the REPL, one attempt each.",
        discussion: """
            Plays the scenarios of the certification plan PLAN (a name in \
            scenarios/certification/) in order, under exam rules: no :hint, :guide or :retry, one \
            attempt per scenario, every answer's time recorded. The runs are stored in mode exam, \
            and the exam itself (its session id, the plan, the times and a digest of the answers) \
            is recorded in the progress store. At the end the answers file is written (JSON, with \
            the session's id and times); the trainer hands it to `tonlage certify`, which checks \
            it against the store. A plan with `requires: exam` accepts no other answers. With \
            standard input from a pipe, every line is read as typed.

            Exit codes: 0 the exam ended and its answers file is written, 2 bad usage or bad input \
            (an unknown plan, no name, an answers file that is already there), 3 an I/O or \
            internal error (the answers file or the store cannot be written).
            """)

    @Argument(help: "The certification plan, by name (scenarios/certification/PLAN.yaml).")
    var plan: String

    @Option(help: "Your name; default: $TONLAGE_AGENT, else asked once and remembered.")
    var agent: String?

    @Option(help: ArgumentHelp("Where to write the answers file; default: NAME-PLAN-exam.json.", valueName: "file"))
    var out: String?

    @OptionGroup var paths: LibraryOptions

    @Option(help: "Colour: auto (only on a terminal, unless NO_COLOR is set), always, never.")
    var color: ColorMode = .auto

    func validate() throws {
        guard !plan.isEmpty, plan.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw ValidationError("PLAN is the name of a plan in scenarios/certification/, not a path: \(plan)")
        }
    }

    func run() throws {
        let guide = paths.guideOptions.loadGuide()
        let scenarios = paths.loadScenarios(language: guide.scenarioLanguage)
        let planPath = Certify.libraryPlanPath(plan, library: paths)
        let (loadedPlan, problems) = CertificationLoader.loadPlan(path: planPath)
        Certify.report(problems)
        guard let loadedPlan else { throw ExitCode(ExitStatus.badInput) }
        let planned = try loadedPlan.scenarios.map { id in
            guard let scenario = scenarios.first(where: { $0.id == id }) else {
                throw InputError(description: "\(planPath): the plan names the unknown scenario `\(id)`")
            }
            return scenario
        }
        let interactive = isatty(STDIN_FILENO) == 1
        var reader: any LineReader = interactive ? ReadlineReader(historyPath: Paths.history) : PlainLineReader()
        let strings = Messages.for(language: guide.language)
        guard let name = AgentName.resolve(flag: agent, reader: &reader, prompt: strings.askName, interactive: interactive) else {
            throw ExitCode(ExitStatus.badInput)
        }
        let answersPath = out ?? "\(CertificateReports.slug(name))-\(loadedPlan.name)-exam.json"
        // Refused now rather than after the exam: the trainee's work must have somewhere to go.
        if FileManager.default.fileExists(atPath: answersPath) {
            throw InputError(description: "\(answersPath) is already there; pass --out for another file")
        }
        let recorder = SessionRecorder(store: try paths.openStore(), spoolDirectory: Paths.spoolDirectory)
        var session = PlaySession(guide: guide, scorer: Scorer(guide: guide), scenarios: scenarios, recorder: recorder,
                                  agent: name, reader: reader,
                                  style: TerminalStyle(mode: color, isTerminal: isatty(STDOUT_FILENO) == 1),
                                  labels: strings, strings: strings)
        let started = Date()
        let storeFailure = session.runExam(plan: loadedPlan.name, scenarios: planned)
        let finished = Date()
        let answers = ExamAnswers.answers(of: session.played)
        let reference = ExamReference(session: UUID().uuidString.lowercased(), plan: loadedPlan.name,
                                      started: started.formatted(.iso8601), finished: finished.formatted(.iso8601))
        let digest = AnswersFile(agent: name, answers: answers, exam: reference, file: answersPath, contentHash: "").answersDigest
        let examFailure = recorder.exam(ExamRecord(agent: name, plan: loadedPlan.name, answersDigest: digest,
                                                   started: started, finished: finished), session: reference.session)
        try AtomicFile.write(ExamAnswers.file(agent: name, exam: reference, answers: answers), to: answersPath)
        Output.out(strings.examAnswersWritten(InputHygiene.visible(answersPath)) + "\n")
        if let failure = examFailure ?? storeFailure {
            Output.message(failure.description)
            throw ExitCode(ExitStatus.ioError)
        }
    }
}

import ArgumentParser
import Foundation
import TonlageCore
import TonlageScenarios
import TonlageStore
import TonlageTraining

/// `tonlage play`: the training REPL (the default command).
struct Play: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Practise on scripted customers (the default command).",
        discussion: """
            Lists the scenarios and lets you pick one by number or id (Tab completes), or starts \
            SCENARIO directly. Each reply is scored at once, stored, and answered by the customer. \
            Type :help inside for the commands. With standard input from a pipe, nothing is \
            prompted and every line is read as typed, so sessions can be scripted. A reply that is \
            not UTF-8 or holds a control character is refused and asked for again. If the store \
            cannot be written, the session goes on and the write is retried with the next one.

            Exit codes: 0 the session ended normally, 2 bad usage or bad input (an unknown \
            scenario, no name, a store from a newer Tonlage), 3 an I/O or internal error (writes \
            that still could not be saved at the end).
            """)

    @Argument(help: "The scenario to start, by id or number.")
    var scenario: String?

    @Option(help: "Your name; default: $TONLAGE_AGENT, else asked once and remembered.")
    var agent: String?

    @OptionGroup var paths: LibraryOptions

    @Option(help: "Colour: auto (only on a terminal, unless NO_COLOR is set), always, never.")
    var color: ColorMode = .auto

    func run() throws {
        let guide = paths.guideOptions.loadGuide()
        let scenarios = paths.loadScenarios(language: guide.scenarioLanguage)
        let interactive = isatty(STDIN_FILENO) == 1
        var reader: any LineReader = interactive ? ReadlineReader(historyPath: Paths.history) : PlainLineReader()
        let strings = Messages.for(language: guide.language)
        guard let name = AgentName.resolve(flag: agent, reader: &reader, prompt: strings.askName, interactive: interactive) else {
            throw ExitCode(2)
        }
        let first: Scenario?
        if let choice = scenario {
            guard let found = scenarios.first(where: { $0.id == choice })
                    ?? Int(choice).flatMap({ $0 >= 1 && $0 <= scenarios.count ? scenarios[$0 - 1] : nil }) else {
                InputError(description: "no scenario `\(choice)`"
                           + NameSuggestion.didYouMean(choice, in: scenarios.map(\.id)) + "; `tonlage play` lists them").exit()
            }
            first = found
        } else {
            first = nil
        }
        let store = try paths.openStore()
        var session = PlaySession(guide: guide, scorer: Scorer(guide: guide), scenarios: scenarios,
                                  recorder: SessionRecorder(store: store, spoolDirectory: Paths.spoolDirectory),
                                  agent: name, reader: reader,
                                  style: TerminalStyle(mode: color, isTerminal: isatty(STDOUT_FILENO) == 1),
                                  labels: Messages.for(language: guide.language), strings: strings)
        if let failure = session.run(first: first) {
            // Told in the session already; here for the script or log that ran it.
            Output.message(failure.description)
            throw ExitCode(ExitStatus.ioError)
        }
    }
}

/// `--guide`, `--scenarios` and `--store`, shared by the commands that play or report.
struct LibraryOptions: ParsableArguments {
    @OptionGroup var guideOptions: GuideOptions

    @Option(help: ArgumentHelp("The scenario folder.", discussion: "Default: scenarios/ under $TONLAGE_HOME, else under the current directory.",
                               valueName: "dir"))
    var scenarios: String?

    @Option(help: StoreOption.help)
    var store: String?

    /// The scenarios; a broken file is reported on standard error and left out, none at all exits 2.
    func loadScenarios(language: ScenarioLanguage) -> [Scenario] {
        let directory = scenarios ?? Paths.defaultScenarios
        let (loaded, diagnostics) = ScenarioLoader.loadLibrary(directory: directory, language: language)
        for diagnostic in diagnostics {
            Output.err(diagnostic.description + "\n")
        }
        if loaded.isEmpty {
            InputError(description: "no scenarios in \(directory); run from the project folder, set TONLAGE_HOME or pass --scenarios").exit()
        }
        return loaded
    }

    /// The store to write to; a failure is a `StoreError` (exit 2 for a store that cannot be
    /// used, 3 when the system fails).
    func openStore() throws -> any ProgressStore {
        try ProgressStores.open(try StoreOption.location(store))
    }
}

/// The trainee's name: the flag, `$TONLAGE_AGENT`, the remembered name, or asked once.
enum AgentName {
    /// Asks only on a terminal: a script's first line is an answer, not a name.
    static func resolve(flag: String?, reader: inout any LineReader, prompt: String, interactive: Bool) -> String? {
        if let flag, !flag.isEmpty { return flag }
        if let name = Paths.environment["TONLAGE_AGENT"], !name.isEmpty { return name }
        if let saved = try? String(contentsOfFile: Paths.agentFile, encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines), !saved.isEmpty {
            return saved
        }
        guard interactive, let typed = reader.readLine(prompt: prompt)?.trimmingCharacters(in: .whitespaces), !typed.isEmpty else {
            Output.message("a name is needed: pass --agent NAME or set TONLAGE_AGENT")
            return nil
        }
        try? FileManager.default.createDirectory(atPath: Paths.configDirectory, withIntermediateDirectories: true)
        try? (typed + "\n").write(toFile: Paths.agentFile, atomically: true, encoding: .utf8)
        return typed
    }
}

/// `--store PATH|URL`, else `$TONLAGE_STORE`, else the SQLite file in the user's data folder.
enum StoreOption {
    static let help = ArgumentHelp(
        "The progress store: an SQLite file (PATH or sqlite:PATH) or a PostgreSQL database (postgres://user:password@host:port/db?sslmode=disable|prefer|require|verify-full).",
        discussion: "Default: $TONLAGE_STORE, else progress.sqlite in $XDG_DATA_HOME/tonlage or ~/.local/share/tonlage.",
        valueName: "path|url")

    static func location(_ flag: String?) throws -> StoreLocation {
        let given = flag ?? Paths.environment["TONLAGE_STORE"].flatMap { $0.isEmpty ? nil : $0 }
        return try StoreLocation(parsing: given ?? Paths.defaultStore)
    }

    /// The store to read, read-only; a missing SQLite file is bad input with a hint (exit 2).
    static func openForReading(_ flag: String?, missing hint: (String) -> String) throws -> any ProgressStore {
        let location = try location(flag)
        if case let .sqlite(path) = location, !FileManager.default.fileExists(atPath: path) {
            InputError(description: hint(path)).exit()
        }
        return try ProgressStores.open(location, readOnly: true)
    }
}

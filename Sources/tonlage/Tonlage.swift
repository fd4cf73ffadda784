import ArgumentParser
import Foundation
import TonlageStore

/// `tonlage`: trains and certifies social-media customer-service agents.
struct Tonlage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tonlage",
        abstract: "Train and certify social-media customer-service agents.",
        discussion: """
            Tonlage trains social-media customer-service agents. `tonlage` (or `tonlage play`) opens \
            the training REPL: a scripted customer posts, you reply, and the reply is scored at once \
            against a style guide (German by default: informal "du", no template phrases, no slang, \
            channel lengths, personal data only by private message), with every deduction explained \
            at the words that caused it. `tonlage check` scores a single reply or a batch.

            \(ExitStatus.help)
            """,
        version: TonlageVersion.current,
        subcommands: [Play.self, Check.self, Exam.self, Certify.self, Keys.self, Progress.self, Report.self, DemoData.self, Lint.self,
                      GuideCommand.self, ScenariosCommand.self],
        defaultSubcommand: Play.self
    )

    /// Runs the command line. Every ending goes through `Output`, with the contract's codes:
    /// ArgumentParser's own would be 64 for bad usage and 1 for any error a command throws,
    /// which reads as "failed the guide".
    static func runMain() -> Never {
        Output.prepare()
        if let mistake = CommandSuggestion.mistake(in: Array(CommandLine.arguments.dropFirst()),
                                                   commands: configuration.subcommands.map { $0._commandName }) {
            InputError(description: mistake).exit()
        }
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            end(with: error, usage: true)
        }
        do {
            try command.run()
        } catch {
            end(with: error, usage: false)
        }
        Output.exit(ExitStatus.passed)
    }

    private static func end(with error: any Error, usage: Bool) -> Never {
        switch error {
        case let code as ExitCode:
            Output.exit(code == .validationFailure ? ExitStatus.badInput : code.rawValue)
        case let error as InputError:
            error.exit()
        case let error as SystemError:
            error.exit()
        case let error as StoreError:
            Output.message(error.description)
            Output.exit(error.isBadInput ? ExitStatus.badInput : ExitStatus.ioError)
        default:
            break
        }
        let code = exitCode(for: error)
        let message = fullMessage(for: error)
        if code == .success {
            // --help, --version: asked for, so standard output.
            Output.out(message.isEmpty ? "" : message + "\n")
            Output.exit(ExitStatus.passed)
        }
        if usage || code == .validationFailure {
            Output.err(message + "\n")
            Output.exit(ExitStatus.badInput)
        }
        if let error = StoreError(error) {
            Output.message(error.description)
            Output.exit(error.isBadInput ? ExitStatus.badInput : ExitStatus.ioError)
        }
        SystemError("internal error", error).exit()
    }
}

enum TonlageVersion {
    static let current = "0.1.0"
}

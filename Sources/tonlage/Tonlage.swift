import ArgumentParser
import Foundation

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

            Exit codes: 0 all passed, 1 something failed the guide, 2 bad usage or bad input.
            """,
        version: TonlageVersion.current,
        subcommands: [Play.self, Check.self, Certify.self, Progress.self, Report.self, DemoData.self, Lint.self,
                      GuideCommand.self, ScenariosCommand.self],
        defaultSubcommand: Play.self
    )

    /// Runs the command line; usage errors exit 2 as the contract says, not ArgumentParser's 64.
    static func runMain() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

enum TonlageVersion {
    static let current = "0.1.0"
}

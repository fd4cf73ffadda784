import ArgumentParser
import Foundation

/// `tonlage`: trains and certifies social-media customer-service agents.
struct Tonlage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tonlage",
        abstract: "Score customer-service replies against a social-media style guide.",
        discussion: """
            Tonlage scores a reply against a style guide (German by default: informal "du", \
            no template phrases, no slang, channel lengths, personal data only by private message) \
            and explains every deduction at the words that caused it.

            Exit codes: 0 all passed, 1 something failed the guide, 2 bad usage or bad input.
            """,
        version: TonlageVersion.current,
        subcommands: [Check.self]
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

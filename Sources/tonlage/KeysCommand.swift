import ArgumentParser
import Foundation
import TonlageCertify

/// `tonlage keys`: the signing keys of a certification body.
struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the keys that sign certificates.",
        subcommands: [Generate.self])

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a new Ed25519 key pair: NAME.key (private) and NAME.pub (public).",
            discussion: """
                NAME.key signs certificates (`certify --sign-key NAME.key`); it is created with \
                mode 0600, readable by its owner only, and belongs to the certification body \
                alone: whoever has it can issue certificates. NAME.pub is handed to everyone who \
                verifies certificates (`certify --verify CERT --trust NAME.pub`). Existing files \
                are never replaced unless --force is given.

                Exit codes: 0 written, 2 bad usage or a key file already there, 3 an I/O error.
                """)

        @Argument(help: "The key pair's name, optionally with a folder (e.g. keys/akademie-2026).")
        var name: String

        @Flag(help: "Replace NAME.key and NAME.pub if they exist.")
        var force = false

        func run() throws {
            AtomicFile.removeTemporaryFilesOnSignals()
            let privatePath = name + ".key", publicPath = name + ".pub"
            if !force, let existing = [privatePath, publicPath].first(where: { FileManager.default.fileExists(atPath: $0) }) {
                throw InputError(description: "\(existing) is already there; pass --force to replace the key pair")
            }
            let (privateFile, publicFile) = SigningKeys.generate()
            // Created with mode 0600 before a byte of the key is in it.
            if let failure = write(privateFile, to: privatePath, mode: 0o600)
                ?? write(publicFile, to: publicPath, mode: 0o644) {
                if failure.code == EEXIST { throw InputError(description: failure.description + "; pass --force to replace the key pair") }
                throw failure
            }
            Output.out("wrote \(InputHygiene.visible(privatePath)) (keep it private) and \(InputHygiene.visible(publicPath))\n")
        }

        private func write(_ text: String, to path: String, mode: mode_t) -> SystemError? {
            do throws(SystemError) {
                try AtomicFile.write(Data(text.utf8), to: path, mode: mode, replacing: force)
                return nil
            } catch {
                return error
            }
        }
    }
}

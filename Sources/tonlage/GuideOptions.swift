import ArgumentParser
import Foundation
import TonlageCore

/// `--guide PATH`, shared by every command that scores.
struct GuideOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The style guide to score against.",
        discussion: "Default: guide/de-social.yaml under $TONLAGE_HOME, else under the current directory.",
        valueName: "path"))
    var guide: String?

    /// The guide path: the flag, else `$TONLAGE_HOME/guide/de-social.yaml`, else `./guide/de-social.yaml`.
    var guidePath: String {
        if let guide { return guide }
        let home = ProcessInfo.processInfo.environment["TONLAGE_HOME"] ?? FileManager.default.currentDirectoryPath
        return (home as NSString).appendingPathComponent("guide/de-social.yaml")
    }

    /// Loads the guide or exits 2 with every problem, one `file:line:column` line each; warnings
    /// (a rule left out) go to standard error and the guide is used.
    func loadGuide() -> Guide {
        do {
            let guide = try GuideLoader.load(path: guidePath)
            for warning in guide.warnings {
                FileHandle.standardError.write(Data((warning.description + "\n").utf8))
            }
            return guide
        } catch {
            for diagnostic in error.diagnostics {
                Output.err(diagnostic.description + "\n")
            }
            if !FileManager.default.fileExists(atPath: guidePath) && guide == nil {
                InputError(description: "no guide at \(guidePath); run from the project folder, set TONLAGE_HOME or pass --guide").exit()
            }
            Output.exit(ExitStatus.badInput)
        }
    }
}

extension Channel: ExpressibleByArgument {}
extension Mood: ExpressibleByArgument {}

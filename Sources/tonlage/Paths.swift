import Foundation

/// Where Tonlage keeps its files: the project's guide and scenarios, and the user's store,
/// history and settings (XDG base directories).
enum Paths {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// `$HOME`, else the account's home directory.
    static var home: String {
        environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    }

    /// `$TONLAGE_HOME`, else the current directory: where `guide/` and `scenarios/` are.
    static var projectHome: String {
        environment["TONLAGE_HOME"] ?? FileManager.default.currentDirectoryPath
    }

    static var defaultScenarios: String { (projectHome as NSString).appendingPathComponent("scenarios") }

    /// `$XDG_DATA_HOME/tonlage`, else `~/.local/share/tonlage`.
    static var dataDirectory: String {
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (home as NSString).appendingPathComponent(".local/share")
        return (base as NSString).appendingPathComponent("tonlage")
    }

    /// `$XDG_CONFIG_HOME/tonlage`, else `~/.config/tonlage`.
    static var configDirectory: String {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (home as NSString).appendingPathComponent(".config")
        return (base as NSString).appendingPathComponent("tonlage")
    }

    static var defaultStore: String { (dataDirectory as NSString).appendingPathComponent("progress.sqlite") }
    /// Writes that could not reach the store yet, one file per session (see `SessionRecorder`).
    static var spoolDirectory: String { (dataDirectory as NSString).appendingPathComponent("spool") }
    static var history: String { (dataDirectory as NSString).appendingPathComponent("history") }
    static var agentFile: String { (configDirectory as NSString).appendingPathComponent("agent") }
}

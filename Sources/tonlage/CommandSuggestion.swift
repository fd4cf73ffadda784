import TonlageCore

/// A mistyped command (`tonlage chek …`) would otherwise fall into `play`, the default command,
/// and be taken for a scenario. A first word close to a command's name, but not one, is
/// therefore an error with a did-you-mean before anything is parsed. Scenario ids are long
/// and hyphenated, so none is that close to a command's short name.
enum CommandSuggestion {
    /// The message for a mistyped command, or nil when the first word is fine.
    static func mistake(in arguments: [String], commands: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), Int(first) == nil, !commands.contains(first),
              let command = NameSuggestion.closest(to: first, in: commands) else { return nil }
        return "`\(InputHygiene.visible(first))` is not a command; did you mean `\(command)`? (`tonlage --help` lists them)"
    }
}

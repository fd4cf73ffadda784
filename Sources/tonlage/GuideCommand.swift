import ArgumentParser
import Foundation
import TonlageCore

/// `tonlage guide`: the style guide, readable in the terminal or as a Markdown handout.
struct GuideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guide",
        abstract: "Show the style guide, grouped by family, or one rule; or, with --kinds, the rule kinds a guide may use.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json }

    @Argument(help: "One rule id (e.g. tone.chatkuerzel).")
    var rule: String?

    @Option(help: "Output: text (terminal) or markdown (a document to hand out); json only with --kinds.")
    var format: Format = .text

    @Flag(help: "List the rule kinds with their parameters and an example, for writing a guide (markdown: the README's table).")
    var kinds = false

    @Option(help: "Colour: auto, always, never.")
    var color: ColorMode = .auto

    @OptionGroup var guideOptions: GuideOptions

    func run() throws {
        if kinds {
            // The kinds are the program's, not the guide's: no guide is loaded for them.
            guard rule == nil else { InputError(description: "--kinds lists every kind; it takes no rule id").exit() }
            switch format {
            case .text: Output.out(KindCatalogue.text())
            case .markdown: Output.out(KindCatalogue.markdownTable())
            case .json: Output.out(try KindCatalogue.json() + "\n")
            }
            return
        }
        guard format != .json else { InputError(description: "--format json is only for --kinds").exit() }
        let guide = guideOptions.loadGuide()
        var rules = guide.rules
        if let rule {
            guard let found = guide.rule(withID: rule) else {
                InputError(description: "the guide has no rule `\(rule)`" + NameSuggestion.didYouMean(rule, in: guide.rules.map(\.id))).exit()
            }
            rules = [found]
        }
        let labels = Messages.for(language: guide.language)
        let text = format == .markdown
            ? InputHygiene.visible(GuideText.markdown(guide, rules: rules, labels: labels), keepingLineBreaks: true)
            : GuideText(style: TerminalStyle(mode: color, isTerminal: isatty(STDOUT_FILENO) == 1), labels: labels).render(rules)
        Output.out(text)
    }
}

/// The guide for people: per family each rule's message, rationale, suggestion and examples,
/// the guide file's words shown through `InputHygiene.visible`.
struct GuideText {
    let style: TerminalStyle
    let labels: Messages
    /// The terminal's width, to break long lines between words; nil (a pipe): as written.
    var width: Int? = TerminalSize.columns()

    /// `text` with `indent` before its first line and under it for the lines it is broken into.
    private func block(_ raw: String, indent: String, first: String? = nil) -> String {
        let text = InputHygiene.visible(raw, keepingLineBreaks: true)
        guard let width else { return (first ?? indent) + text }
        let wrapped = TerminalSize.wrap(text, width: width, indent: indent)
        return first.map { $0 + wrapped.dropFirst(indent.count) } ?? wrapped
    }

    func render(_ rules: [Rule]) -> String {
        var out = ""
        for family in Family.allCases {
            let members = rules.filter { $0.family == family }
            guard !members.isEmpty else { continue }
            out += style.bold(labels.families[family]!.uppercased()) + "\n\n"
            for rule in members {
                out += style.severity(rule.severity, style.bold(InputHygiene.visible(rule.id)))
                    + style.dim("  \(labels.severities[rule.severity]!), −\(rule.weight) · \(InputHygiene.visible(rule.kind))\(Self.scope(rule))") + "\n"
                out += block(rule.message, indent: "  ") + "\n"
                out += style.dim(block(rule.rationale.trimmingCharacters(in: .whitespacesAndNewlines), indent: "  ")) + "\n"
                if let suggestion = rule.suggestion { out += block("\(labels.suggestion): \(suggestion)", indent: "  ") + "\n" }
                for example in rule.examples {
                    let mark = example.isGood ? style.green("✓ ") : style.red("✗ ")
                    out += block(example.text, indent: "      ", first: "    " + mark) + "\n"
                }
                out += "\n"
            }
        }
        return out
    }

    static func scope(_ rule: Rule) -> String {
        var parts: [String] = []
        if let channels = rule.channels { parts.append(Channel.allCases.filter(channels.contains).map(\.rawValue).joined(separator: ", ")) }
        if !rule.exceptChannels.isEmpty { parts.append("not " + Channel.allCases.filter(rule.exceptChannels.contains).map(\.rawValue).joined(separator: ", ")) }
        if let moods = rule.moods { parts.append(Mood.allCases.filter(moods.contains).map(\.rawValue).joined(separator: ", ")) }
        return parts.isEmpty ? "" : " · " + parts.joined(separator: "; ")
    }

    static func markdown(_ guide: Guide, rules: [Rule], labels: Messages) -> String {
        var out = "# \(guide.name)\n\n"
        out += "\(labels.passMark): \(guide.passMark)\n\n"
        for family in Family.allCases {
            let members = rules.filter { $0.family == family }
            guard !members.isEmpty else { continue }
            out += "## \(labels.families[family]!)\n\n"
            for rule in members {
                out += "### `\(rule.id)`\n\n"
                out += "*\(labels.severities[rule.severity]!), −\(rule.weight)\(scope(rule))*\n\n"
                out += "**\(rule.message)**\n\n"
                out += rule.rationale.trimmingCharacters(in: .whitespacesAndNewlines) + "\n\n"
                if let suggestion = rule.suggestion { out += "\(labels.suggestion): \(suggestion)\n\n" }
                for example in rule.examples { out += "- \(example.isGood ? "✓" : "✗") \(example.text)\n" }
                out += "\n"
            }
        }
        return out
    }
}

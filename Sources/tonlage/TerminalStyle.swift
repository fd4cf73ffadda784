import ArgumentParser
import Foundation
import TonlageCore

enum ColorMode: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// ANSI colours when writing to a terminal, plain text in a pipe (and when NO_COLOR is set).
struct TerminalStyle {
    let enabled: Bool

    init(mode: ColorMode, isTerminal: Bool) {
        switch mode {
        case .always: enabled = true
        case .never: enabled = false
        case .auto:
            let env = ProcessInfo.processInfo.environment
            enabled = isTerminal && env["NO_COLOR"] == nil && env["TERM"] != "dumb"
        }
    }

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func red(_ text: String) -> String { wrap(text, "31") }
    func green(_ text: String) -> String { wrap(text, "32") }
    func yellow(_ text: String) -> String { wrap(text, "33") }
    func cyan(_ text: String) -> String { wrap(text, "36") }

    func severity(_ severity: Severity, _ text: String) -> String {
        switch severity {
        case .error: return red(text)
        case .warning: return yellow(text)
        case .hint: return cyan(text)
        }
    }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

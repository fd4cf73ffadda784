import Foundation
import TonlageCore
import TonlageScenarios

/// Shows customer posts the way the channel would: a public post with channel, source and
/// time; a reply further down a public thread, indented under it; a DM as a message in a
/// private chat; an e-mail with its sender. Times are the scenario's clock on the 24-hour
/// dial (the post's own time, and how long it has waited), else the real time. What the
/// scenario file says is shown through `InputHygiene.visible`.
struct FeedRenderer {
    let style: TerminalStyle
    let strings: Messages
    /// The terminal's width, to break long posts between words; nil (a pipe): as written.
    var width: Int? = TerminalSize.columns()

    init(style: TerminalStyle, strings: Messages, width: Int? = TerminalSize.columns()) {
        self.style = style
        self.strings = strings
        self.width = width
    }

    /// `clock`: the scenario's time as the posts are shown, in seconds after midnight.
    /// `thread`: the posts continue a public conversation already under way.
    func render(posts: [Post], scenario: Scenario, channel: Channel, clock: Int?, thread: Bool = false,
                now: Date = Date()) -> String {
        var out = ""
        let indent = thread && channel != .dm && channel != .email ? "  " : ""
        for post in posts {
            let name = InputHygiene.visible(post.name.isEmpty ? scenario.customer.name : post.name)
            let handle = InputHygiene.visible(post.handle.isEmpty ? scenario.customer.handle : post.handle)
            let source = InputHygiene.visible(scenario.brand.isEmpty ? scenario.title : scenario.brand)
            let posted = clock.map { Self.clockTime(($0 - post.waitingSeconds + 86_400) % 86_400) } ?? Self.clockTime(now)
            var header = (strings.channelNames[channel.rawValue] ?? channel.rawValue)
            header += channel == .dm ? " · \(name)" : " · \(source)"
            header += " · \(posted)"
            if post.waitingSeconds > 0 { header += " · " + strings.unanswered(strings.span(post.waitingSeconds)) }
            let (top, rule, bottom) = channel == .dm ? ("╭ ", "│ ", "╰") : channel == .email ? ("✉ ", "│ ", "└") : ("┌ ", "│ ", "└")
            if !indent.isEmpty { out += style.dim(indent + "↳ " + strings.inThread) + "\n" }
            out += style.dim(indent + top + header) + "\n"
            if channel != .dm { out += style.dim(indent + rule) + style.bold(name) + (handle == name ? "" : style.dim(" \(handle)")) + "\n" }
            for line in InputHygiene.visible(post.text, keepingLineBreaks: true).split(separator: "\n", omittingEmptySubsequences: false) {
                // Long posts are broken between words, so the left rule runs down every line.
                let lines = width.map { TerminalSize.wrap(String(line), width: $0 - 2 - indent.count, indent: "").components(separatedBy: "\n") }
                    ?? [String(line)]
                for part in lines { out += style.dim(indent + rule) + part + "\n" }
            }
            out += style.dim(indent + bottom) + "\n"
        }
        return out
    }

    /// "18:12", never "06:12": the 24-hour clock, whatever the locale.
    static func clockTime(_ secondsAfterMidnight: Int) -> String {
        String(format: "%02d:%02d", secondsAfterMidnight / 3600 % 24, secondsAfterMidnight / 60 % 60)
    }

    static func clockTime(_ date: Date) -> String {
        let parts = Calendar.current.dateComponents([.hour, .minute], from: date)
        return clockTime((parts.hour ?? 0) * 3600 + (parts.minute ?? 0) * 60)
    }

    /// The customer's answer to the agent's reply.
    func reaction(_ text: String, scenario: Scenario) -> String {
        style.dim("↳ ") + style.bold(InputHygiene.visible(scenario.customer.name)) + ": "
            + InputHygiene.visible(text, keepingLineBreaks: true) + "\n"
    }
}

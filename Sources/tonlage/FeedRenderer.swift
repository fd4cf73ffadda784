import Foundation
import TonlageCore
import TonlageScenarios

/// Shows customer posts the way the channel's feed would: channel, name, handle, time. What
/// the scenario file says is shown through `InputHygiene.visible`.
struct FeedRenderer {
    let style: TerminalStyle
    /// The terminal's width, to break long posts between words; nil (a pipe): as written.
    var width: Int? = TerminalSize.columns()

    static let channelNames: [Channel: String] = [
        .twitter: "X", .facebook: "Facebook", .instagram: "Instagram", .forum: "Community-Forum",
        .reviewSite: "Bewertungsportal", .dm: "Direktnachricht", .email: "E-Mail",
    ]

    func render(posts: [Post], scenario: Scenario, channel: Channel, at date: Date = Date()) -> String {
        let time = date.formatted(.dateTime.hour(.twoDigits(amPM: .omitted)).minute(.twoDigits))
        var out = ""
        for post in posts {
            let name = InputHygiene.visible(post.name.isEmpty ? scenario.customer.name : post.name)
            let handle = InputHygiene.visible(post.handle.isEmpty ? scenario.customer.handle : post.handle)
            let source = InputHygiene.visible(scenario.brand.isEmpty ? scenario.title : scenario.brand)
            let header = "\(Self.channelNames[channel] ?? channel.rawValue) · \(source) · \(time)"
            out += style.dim("┌ " + header) + "\n"
            out += style.dim("│ ") + style.bold(name) + (handle == name ? "" : style.dim(" \(handle)")) + "\n"
            for line in InputHygiene.visible(post.text, keepingLineBreaks: true).split(separator: "\n", omittingEmptySubsequences: false) {
                // Long posts are broken between words, so the feed's left rule runs down every line.
                let lines = width.map { TerminalSize.wrap(String(line), width: $0 - 2, indent: "").components(separatedBy: "\n") }
                    ?? [String(line)]
                for part in lines { out += style.dim("│ ") + part + "\n" }
            }
            out += style.dim("└") + "\n"
        }
        return out
    }

    /// The customer's answer to the agent's reply.
    func reaction(_ text: String, scenario: Scenario) -> String {
        style.dim("↳ ") + style.bold(InputHygiene.visible(scenario.customer.name)) + ": "
            + InputHygiene.visible(text, keepingLineBreaks: true) + "\n"
    }
}

import TonlageCore

/// Renders a scorecard for people: each finding with the reply's line and carets under the
/// exact words, its message and suggestion; then the dimension scores and the verdict. The
/// reply and what the guide says about it are shown through `InputHygiene.visible`.
struct ScorecardText {
    let style: TerminalStyle
    let labels: Messages
    /// Columns of context shown around a span on a long line.
    var window = 100
    /// The terminal's width, to wrap the dimension scores between items; nil (a pipe): one line.
    var width: Int? = TerminalSize.columns()

    func render(_ card: Scorecard, reply: String) -> String {
        var out = style.dim("\(card.context.channel.rawValue) · \(labels.moods[card.context.mood]!) · "
                            + "\(labels.length) \(card.length)" + (card.lengthLimit.map { "/\($0)" } ?? "")) + "\n\n"
        if card.findings.isEmpty {
            out += "  " + labels.noFindings + "\n\n"
        }
        let lines = ReplyLines(reply)
        // The reply's line, its two ellipses and the "  | " gutter must fit in the terminal.
        let window = width.map { min(self.window, max(20, $0 - 7)) } ?? self.window
        for finding in card.findings {
            let severity = labels.severities[finding.severity]!
            let cost = finding.deduction > 0 ? "  −\(finding.deduction) \(labels.deduction)" : ""
            let head = "\(severity) [\(InputHygiene.visible(finding.rule))]"
            let message = InputHygiene.visible(finding.message)
            out += style.severity(finding.severity, style.bold(head)) + style.dim(cost)
            if let width, head.count + cost.count + 2 + message.count > width {
                // Too long for one line: the message below, wrapped between words.
                out += "\n" + TerminalSize.wrap(message, width: width, indent: "  ") + "\n"
            } else {
                out += "  " + message + "\n"
            }
            for (text, carets) in lines.underline(byteStart: finding.byteStart, byteEnd: finding.byteEnd, window: window) {
                out += style.dim("  | ") + text + "\n"
                out += style.dim("  | ") + style.severity(finding.severity, carets) + "\n"
            }
            if let suggestion = finding.suggestion {
                let text = "\(labels.suggestion): \(InputHygiene.visible(suggestion))"
                let wrapped = width.map { TerminalSize.wrap(text, width: $0, indent: "    ").dropFirst(4) } ?? Substring(text)
                out += style.dim("  = ") + wrapped + "\n"
            }
            out += "\n"
        }
        let dimensions = card.dimensions.map { dimension -> (plain: String, shown: String) in
            let text = "\(labels.families[dimension.family]!) \(dimension.score)"
            return (text, dimension.score == 100 ? text : (dimension.score >= card.passMark ? style.yellow(text) : style.red(text)))
        }
        let lead = labels.dimensions + ": "
        out += style.bold(labels.dimensions) + ": "
        var column = lead.count
        for (k, item) in dimensions.enumerated() {
            if k > 0 {
                // Break between items, never inside one, and go on under the first item.
                if let width, column + 3 + item.plain.count > width {
                    out += "\n" + String(repeating: " ", count: lead.count)
                    column = lead.count
                } else {
                    out += " · "
                    column += 3
                }
            }
            out += item.shown
            column += item.plain.count
        }
        out += "\n"
        let verdict = card.passed ? style.green(style.bold(labels.passed)) : style.red(style.bold(labels.failed))
        var reason = "\(labels.passMark) \(card.passMark)"
        if !card.passed && card.score >= card.passMark { reason += "; " + labels.errorsPresent }
        out += style.bold(labels.result) + ": \(card.score)/100 – " + verdict + style.dim(" (\(reason))") + "\n"
        return out
    }
}

/// The reply cut into lines, for showing a span in its line with carets below it.
struct ReplyLines {
    private let bytes: [UInt8]

    init(_ reply: String) { bytes = Array(reply.utf8) }

    /// For each line the span touches: the visible text (cut to a window on long lines) and
    /// a caret line under the span, both measured in terminal columns.
    func underline(byteStart: Int, byteEnd: Int, window: Int) -> [(String, String)] {
        var result: [(String, String)] = []
        var lineStart = 0
        for lineEnd in bytes.indices.filter({ bytes[$0] == 0x0A }) + [bytes.count] {
            // A span touches a line when they overlap; an empty span marks the line it stands in.
            let touches = byteStart == byteEnd ? (lineStart...lineEnd).contains(byteStart)
                                                : byteStart < max(lineEnd, lineStart + 1) && byteEnd > lineStart
            if touches {
                result.append(render(line: lineStart..<lineEnd, spanStart: max(byteStart, lineStart),
                                     spanEnd: min(byteEnd, lineEnd), window: window))
                // Three lines are enough to show where a long span is.
                if result.count == 3 || byteStart == byteEnd { break }
            }
            lineStart = lineEnd + 1
        }
        return result
    }

    private func render(line: Range<Int>, spanStart: Int, spanEnd: Int, window: Int) -> (String, String) {
        var cells: [(text: String, width: Int, start: Int)] = []
        var offset = line.lowerBound
        let text = String(decoding: bytes[line], as: UTF8.self)
        for character in text {
            let length = character.utf8.count
            let shown = character == "\t" || character == "\r" ? " " : InputHygiene.visible(String(character))
            cells.append((shown, shown.unicodeScalars.count > character.unicodeScalars.count ? shown.count : Self.width(of: character),
                          offset))
            offset += length
        }
        let first = cells.firstIndex { $0.start >= spanStart } ?? cells.count
        let last = cells.lastIndex { $0.start < spanEnd } ?? (first - 1)
        // Keep the window around the span on long lines.
        var from = 0, to = cells.count
        if cells.count > window {
            from = max(0, first - window / 3)
            to = min(cells.count, from + window)
        }
        var shown = from > 0 ? "…" : ""
        var carets = from > 0 ? " " : ""
        for k in from..<to {
            shown += cells[k].text
            let mark = k >= first && k <= last ? "^" : " "
            carets += String(repeating: mark, count: cells[k].width)
        }
        if to < cells.count { shown += "…" }
        if first > last || cells.isEmpty { carets += "^" }
        while carets.hasSuffix(" ") { carets.removeLast() }
        return (shown, carets)
    }

    /// Terminal columns: wide East Asian characters and emoji take two.
    static func width(of character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        let value = scalar.value
        if value < 0x1100 { return 1 }
        if scalar.properties.isEmojiPresentation || character.unicodeScalars.count > 1 && scalar.properties.isEmoji { return 2 }
        switch value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}

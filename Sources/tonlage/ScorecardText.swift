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
    /// Findings shown in full; a very long reply may have thousands, which no one reads on a
    /// terminal (the scores still count them all, and `--format json` lists them).
    var maxFindings = 50

    func render(_ card: Scorecard, reply: String) -> String {
        var out = style.dim("\(card.context.channel.rawValue) · \(labels.moods[card.context.mood]!) · "
                            + "\(labels.length) \(card.length)" + (card.lengthLimit.map { "/\($0)" } ?? "")) + "\n\n"
        if card.findings.isEmpty {
            out += "  " + labels.noFindings + "\n\n"
        }
        let lines = ReplyLines(reply)
        // The reply's line, its two ellipses and the "  | " gutter must fit in the terminal.
        let window = width.map { min(self.window, max(20, $0 - 7)) } ?? self.window
        for finding in card.findings.prefix(maxFindings) {
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
        if !card.skipped.isEmpty {
            out += style.dim("\(labels.skipped): \(card.skipped.joined(separator: ", "))") + "\n\n"
        }
        if card.findings.count > maxFindings {
            out += style.dim("… \(card.findings.count - maxFindings) \(labels.moreFindings)") + "\n\n"
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
///
/// A reply may be one line of a megabyte with thousands of findings: each finding looks up
/// its line by binary search and decodes only a window's worth of characters around its
/// span, so rendering stays linear in the reply and the number of findings.
struct ReplyLines {
    private let bytes: [UInt8]
    /// Where each line starts; a line ends one byte before the next starts, the last at the end.
    private let starts: [Int]

    /// A line longer than this many bytes per column of the window is cut around the span
    /// without decoding it whole.
    private static let bytesPerColumn = 4
    /// The most bytes one shown character is assumed to take when cutting out a window
    /// (a long grapheme cluster beyond it is cut).
    private static let maxCharacterBytes = 32

    init(_ reply: String) {
        bytes = Array(reply.utf8)
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == 0x0A { starts.append(index + 1) }
        self.starts = starts
    }

    private func line(_ k: Int) -> Range<Int> {
        starts[k]..<(k + 1 < starts.count ? starts[k + 1] - 1 : bytes.count)
    }

    /// For each line the span touches: the visible text (cut to a window on long lines) and
    /// a caret line under the span, both measured in terminal columns.
    func underline(byteStart: Int, byteEnd: Int, window: Int) -> [(String, String)] {
        var result: [(String, String)] = []
        // The last line starting at or before the span: no earlier line can touch it.
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= byteStart { low = middle } else { high = middle - 1 }
        }
        for k in low..<starts.count {
            let line = line(k)
            // A span touches a line when they overlap; an empty span marks the line it stands in.
            let touches = byteStart == byteEnd ? (line.lowerBound...line.upperBound).contains(byteStart)
                                                : byteStart < max(line.upperBound, line.lowerBound + 1) && byteEnd > line.lowerBound
            if touches {
                result.append(render(line: line, spanStart: max(byteStart, line.lowerBound),
                                     spanEnd: min(byteEnd, line.upperBound), window: window))
                // Three lines are enough to show where a long span is.
                if result.count == 3 || byteStart == byteEnd { break }
            } else if line.lowerBound >= byteEnd {
                break
            }
        }
        return result
    }

    private typealias Cell = (text: String, width: Int, start: Int)

    private func render(line: Range<Int>, spanStart: Int, spanEnd: Int, window: Int) -> (String, String) {
        var cells: [Cell]
        // Cells dropped before and after the window.
        var cutBefore = false, cutAfter = false
        if line.count <= window * Self.bytesPerColumn {
            cells = decode(line)
            let first = cells.firstIndex { $0.start >= spanStart } ?? cells.count
            // Keep the window around the span on long lines.
            if cells.count > window {
                let from = max(0, first - window / 3)
                let to = min(cells.count, from + window)
                cutBefore = from > 0
                cutAfter = to < cells.count
                cells = Array(cells[from..<to])
            }
        } else {
            // A third of the window before the span, the rest from the span on.
            let before = window / 3
            let leftStart = scalarStart(max(line.lowerBound, spanStart - before * Self.maxCharacterBytes), forward: true)
            var left = decode(leftStart..<max(leftStart, spanStart))
            cutBefore = leftStart > line.lowerBound || left.count > before
            left = Array(left.suffix(before))
            let rightEnd = scalarStart(min(line.upperBound, spanStart + window * Self.maxCharacterBytes), forward: false)
            var right = decode(spanStart..<max(spanStart, rightEnd))
            cutAfter = rightEnd < line.upperBound || right.count > window - left.count
            right = Array(right.prefix(window - left.count))
            cells = left + right
        }
        let first = cells.firstIndex { $0.start >= spanStart } ?? cells.count
        let last = cells.lastIndex { $0.start < spanEnd } ?? (first - 1)
        var shown = cutBefore ? "…" : ""
        var carets = cutBefore ? " " : ""
        for (k, cell) in cells.enumerated() {
            shown += cell.text
            let mark = k >= first && k <= last ? "^" : " "
            carets += String(repeating: mark, count: cell.width)
        }
        if cutAfter { shown += "…" }
        if first > last || cells.isEmpty { carets += "^" }
        while carets.hasSuffix(" ") { carets.removeLast() }
        return (shown, carets)
    }

    /// The characters of a byte range as terminal cells.
    private func decode(_ range: Range<Int>) -> [Cell] {
        var cells: [Cell] = []
        var offset = range.lowerBound
        let text = String(decoding: bytes[range], as: UTF8.self)
        for character in text {
            let length = character.utf8.count
            let shown = character == "\t" || character == "\r" ? " " : InputHygiene.visible(String(character))
            cells.append((shown, shown.unicodeScalars.count > character.unicodeScalars.count ? shown.count : Self.width(of: character),
                          offset))
            offset += length
        }
        return cells
    }

    /// `offset` moved to the start of a Unicode scalar, forward or back.
    private func scalarStart(_ offset: Int, forward: Bool) -> Int {
        var offset = offset
        while offset > 0 && offset < bytes.count && bytes[offset] & 0xC0 == 0x80 { offset += forward ? 1 : -1 }
        return offset
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

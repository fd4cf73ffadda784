/// Digit groups written as one number: "0176 48213907", "+49 (0) 171 1234567", "12.05.1985",
/// "73920-4418", "DE89 3704 0044 0532 0130 00".
///
/// The tokenizer cuts numbers at every space, hyphen and full stop; recognisers of phone
/// numbers, dates or account numbers need the groups back together. A run is made of tokens
/// that hold a digit, joined by at most four bytes of spaces, hyphens, slashes, full stops or
/// brackets, so "14 und 16" stays two runs and "17:42" or "59,90" stay apart.
struct NumberRun: Sendable {
    /// The tokens of the run, first to last.
    var first: Int
    var last: Int
    /// Bytes of the run, with a leading "+" or "(" that belongs to the number.
    var start: Int
    var end: Int
    var digits: Int
    /// A group holds letters as well (a code such as "XK7P2M", an IBAN).
    var hasLetters: Bool
    /// Groups joined by a full stop: a date, a time or a decimal, never a phone number.
    var hasDot: Bool
    /// Written with a leading "+": an international phone number.
    var leadingPlus: Bool

    var isSingleToken: Bool { first == last }
}

extension AnalyzedText {
    /// How many ASCII digits token `index` holds.
    func digitCount(ofToken index: Int) -> Int {
        let token = tokens[index]
        if token.flags.contains(.number) { return token.end - token.start }
        // A word of letters only has as many letters as bytes when it is ASCII: nothing to count.
        if token.letterCount == token.end - token.start { return 0 }
        var count = 0
        for i in token.start..<token.end where bytes[i] >= 0x30 && bytes[i] <= 0x39 { count += 1 }
        return count
    }

    /// Every run of number groups, in reading order. Costs one look at each token.
    func numberRuns() -> [NumberRun] {
        var runs: [NumberRun] = []
        var index = 0
        while index < tokens.count {
            let digits = digitCount(ofToken: index)
            guard digits > 0 else { index += 1; continue }
            var run = NumberRun(first: index, last: index, start: tokens[index].start, end: tokens[index].end,
                                digits: digits, hasLetters: tokens[index].letterCount > 0, hasDot: false, leadingPlus: false)
            if run.start > 0 {
                let before = bytes[run.start - 1]
                if before == UInt8(ascii: "+") || before == UInt8(ascii: "(") {
                    run.start -= 1
                    run.leadingPlus = before == UInt8(ascii: "+")
                    // "+49 (0) 171": the "(" before a group belongs to it, the "+" to the run.
                    if before == UInt8(ascii: "("), run.start > 0, bytes[run.start - 1] == UInt8(ascii: "+") {
                        run.start -= 1
                        run.leadingPlus = true
                    }
                }
            }
            var next = index + 1
            while next < tokens.count, let dot = joinsNumberGroups(before: next) {
                let more = digitCount(ofToken: next)
                guard more > 0 else { break }
                run.last = next
                run.end = tokens[next].end
                run.digits += more
                run.hasLetters = run.hasLetters || tokens[next].letterCount > 0
                run.hasDot = run.hasDot || dot
                next += 1
            }
            runs.append(run)
            index = next
        }
        return runs
    }

    /// Whether the bytes before token `index` can join two groups of one number; if so,
    /// whether a full stop is among them.
    private func joinsNumberGroups(before index: Int) -> Bool? {
        let gap = gap(before: index)
        guard gap.count >= 1 && gap.count <= 4 else { return nil }
        var dot = false
        var i = gap.lowerBound
        while i < gap.upperBound {
            switch bytes[i] {
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "("), UInt8(ascii: ")"):
                i += 1
            case UInt8(ascii: "."):
                dot = true
                i += 1
            case 0xC2 where i + 1 < gap.upperBound && bytes[i + 1] == 0xA0: // no-break space
                i += 2
            case 0xE2 where i + 2 < gap.upperBound && bytes[i + 1] == 0x80 && bytes[i + 2] == 0xAF: // narrow no-break space
                i += 3
            default:
                return nil
            }
        }
        return dot
    }
}

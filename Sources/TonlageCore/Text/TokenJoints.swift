/// How neighbouring tokens are joined: by a hyphen into one compound ("E-Mail-Adresse"), or
/// across a clause boundary (a comma, a dash, a colon). Read from the bytes between two tokens,
/// so no rule needs a second tokenisation.
extension AnalyzedText {
    /// The bytes between token `index - 1` and token `index`.
    @inline(__always)
    func gap(before index: Int) -> Range<Int> {
        tokens[index - 1].end..<tokens[index].start
    }

    /// Whether tokens `index - 1` and `index` are parts of one hyphenated word: nothing but a
    /// hyphen (ASCII or U+2011) between them.
    func isHyphenJoined(before index: Int) -> Bool {
        guard index > 0 else { return false }
        let gap = gap(before: index)
        if gap.count == 1 { return bytes[gap.lowerBound] == UInt8(ascii: "-") }
        // U+2011 NON-BREAKING HYPHEN: E2 80 91.
        return gap.count == 3 && bytes[gap.lowerBound] == 0xE2 && bytes[gap.lowerBound + 1] == 0x80 && bytes[gap.lowerBound + 2] == 0x91
    }

    /// The whole hyphenated word around the tokens `range`: "E-Mail-Adresse" around "Adresse".
    func compound(around range: ClosedRange<Int>) -> ClosedRange<Int> {
        var first = range.lowerBound, last = range.upperBound
        while isHyphenJoined(before: first) { first -= 1 }
        while last + 1 < tokens.count, isHyphenJoined(before: last + 1) { last += 1 }
        return first...last
    }

    /// Whether a clause ends between token `index - 1` and token `index`: a new sentence, or a
    /// comma, semicolon, colon, bracket or dash between them. A hyphen inside a word is no
    /// boundary, a hyphen standing alone (" - ") is.
    func isClauseBoundary(before index: Int) -> Bool {
        guard index > 0 else { return true }
        if tokens[index].sentence != tokens[index - 1].sentence { return true }
        let gap = gap(before: index)
        var i = gap.lowerBound
        while i < gap.upperBound {
            switch bytes[i] {
            case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"):
                return true
            case UInt8(ascii: "-"):
                if i > gap.lowerBound && bytes[i - 1] == UInt8(ascii: " ") { return true }
            case 0xE2:
                // En and em dash: E2 80 93, E2 80 94.
                if i + 2 < gap.upperBound, bytes[i + 1] == 0x80, bytes[i + 2] == 0x93 || bytes[i + 2] == 0x94 { return true }
            default:
                break
            }
            i += 1
        }
        return false
    }

    /// The tokens of the clause that holds token `index`, within its sentence.
    func clause(around index: Int) -> Range<Int> {
        var first = index, end = index + 1
        while !isClauseBoundary(before: first) { first -= 1 }
        while end < tokens.count, !isClauseBoundary(before: end) { end += 1 }
        return first..<end
    }
}

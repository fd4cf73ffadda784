/// The text every match of a regular expression starts with, read from the pattern's text.
///
/// A pattern that opens with look-behinds (`(?<=…)das`) defeats ICU's own search for where a
/// match can start: it then evaluates the look-behinds at every position of the reply, which
/// made one such rule cost more than all other rules together. Knowing that every match
/// starts with `das`, `PatternKind` tries the expression only where `das` stands, and finds
/// exactly the matches a scan of the whole reply finds.
///
/// Conservative: skips what matches no text (`^`, `\b`, `\B`, `\A`, look-arounds, and
/// non-capturing groups made only of them), then takes plain characters up to the first
/// metacharacter, escape class or quantified character. Gives up (nil) on alternation at
/// the top, inline flags, `\Q…\E`, and whatever else it does not read plainly. Without case,
/// only ASCII characters that are not letters count: case folding lets other scripts'
/// letters match ASCII ones (`ſ` matches `s`), which a comparison of bytes would miss.
enum PatternLeadingLiteral {
    static func of(_ pattern: String, caseSensitive: Bool) -> [UInt8]? {
        let scalars = Array(pattern.unicodeScalars)
        let reader = Reader(scalars: scalars)
        guard reader.isPlainlyReadable(), !reader.hasTopLevelAlternation() else { return nil }
        var i = reader.skipZeroWidth(from: 0, to: scalars.count)
        var literal = String.UnicodeScalarView()
        while i < scalars.count {
            var scalar = scalars[i]
            var next = i + 1
            if scalar == "\\" {
                guard next < scalars.count, scalars[next].isASCII,
                      !scalars[next].properties.isAlphabetic, !("0"..."9").contains(scalars[next]) else { break }
                scalar = scalars[next]
                next += 1
            } else if Reader.metacharacters.contains(scalar) {
                break
            }
            // A quantified character may be absent or repeated: the literal ends before it.
            if next < scalars.count, "?*+{".unicodeScalars.contains(scalars[next]) { break }
            if !caseSensitive && !(scalar.isASCII && !scalar.properties.isAlphabetic) { break }
            literal.append(scalar)
            i = next
        }
        return literal.isEmpty ? nil : Array(String(literal).utf8)
    }
}

private struct Reader {
    let scalars: [Unicode.Scalar]

    static let metacharacters = Set("\\^$.|?*+()[]{}".unicodeScalars)

    /// No `\Q…\E`, no inline flags or comments (`(?i)`, `(?#…)`), no class that starts with `]`.
    func isPlainlyReadable() -> Bool {
        var i = 0
        while i < scalars.count {
            switch scalars[i] {
            case "\\":
                if i + 1 < scalars.count, scalars[i + 1] == "Q" { return false }
                i += 2
            case "[":
                guard let end = afterBracket(opening: i) else { return false }
                i = end
            case "(":
                if i + 1 < scalars.count, scalars[i + 1] == "?" {
                    guard i + 2 < scalars.count else { return false }
                    switch scalars[i + 2] {
                    case ":", "=", "!", ">": break
                    case "<":
                        guard i + 3 < scalars.count, scalars[i + 3] == "=" || scalars[i + 3] == "!" else { return false }
                    default: return false
                    }
                }
                i += 1
            default:
                i += 1
            }
        }
        return true
    }

    func hasTopLevelAlternation() -> Bool {
        var i = 0, depth = 0
        while i < scalars.count {
            switch scalars[i] {
            case "\\": i += 2; continue
            case "[": i = afterBracket(opening: i) ?? scalars.count; continue
            case "(": depth += 1
            case ")": depth -= 1
            case "|": if depth == 0 { return true }
            default: break
            }
            i += 1
        }
        return false
    }

    /// The index after the bracket opened at `start` closes: a class `[…]` (classes nest in
    /// ICU, `[a-z[0-9]]`) or a group `(…)`, whose classes are skipped whole (a `)` in a class
    /// closes nothing).
    func afterBracket(opening start: Int) -> Int? {
        let open = scalars[start]
        let close: Unicode.Scalar = open == "[" ? "]" : ")"
        var i = start + 1
        if open == "[" {
            if i < scalars.count, scalars[i] == "^" { i += 1 }
            if i < scalars.count, scalars[i] == "]" { return nil }
        }
        var depth = 1
        while i < scalars.count {
            let scalar = scalars[i]
            if scalar == "\\" {
                i += 2
                continue
            }
            if open == "(" && scalar == "[" {
                guard let after = afterBracket(opening: i) else { return nil }
                i = after
                continue
            }
            if scalar == open {
                depth += 1
            } else if scalar == close {
                depth -= 1
                if depth == 0 { return i + 1 }
            }
            i += 1
        }
        return nil
    }

    func startsWith(_ text: String, at i: Int) -> Bool {
        var k = i
        for scalar in text.unicodeScalars {
            guard k < scalars.count, scalars[k] == scalar else { return false }
            k += 1
        }
        return true
    }

    func isQuantifier(at i: Int) -> Bool {
        i < scalars.count && "?*+{".unicodeScalars.contains(scalars[i])
    }

    /// The index of the first item from `start` that can consume text (`end` if none).
    func skipZeroWidth(from start: Int, to end: Int) -> Int {
        var i = start
        while i < end {
            if scalars[i] == "^" {
                i += 1
            } else if scalars[i] == "\\", i + 1 < end, "bBA".unicodeScalars.contains(scalars[i + 1]) {
                i += 2
            } else if startsWith("(?=", at: i) || startsWith("(?!", at: i) || startsWith("(?<=", at: i) || startsWith("(?<!", at: i) {
                guard let after = afterBracket(opening: i), after <= end, !isQuantifier(at: after) else { return i }
                i = after
            } else if startsWith("(?:", at: i) {
                guard let after = afterBracket(opening: i), after <= end, !isQuantifier(at: after),
                      isZeroWidth(from: i + 3, to: after - 1) else { return i }
                i = after
            } else {
                return i
            }
        }
        return i
    }

    /// Whether every alternative in `start..<end` matches no text.
    func isZeroWidth(from start: Int, to end: Int) -> Bool {
        var alternativeStart = start
        var i = start, depth = 0
        while i < end {
            switch scalars[i] {
            case "\\": i += 2; continue
            case "[": i = afterBracket(opening: i) ?? end; continue
            case "(": depth += 1
            case ")": depth -= 1
            case "|" where depth == 0:
                guard skipZeroWidth(from: alternativeStart, to: i) == i else { return false }
                alternativeStart = i + 1
            default: break
            }
            i += 1
        }
        return skipZeroWidth(from: alternativeStart, to: end) == end
    }
}

/// Finds the shapes of regular expression that make a backtracking engine (ICU's, behind
/// NSRegularExpression) take exponential time: a repeated group that holds a repetition of
/// its own, `(a+)+`, `(a*)*`, `(\w+\s?)*`, or whose alternatives can match the same text,
/// `(a|a)*`, `(\w|\d)+`. On a reply that almost matches, the engine tries every way to split
/// the text between the two loops: `(a+)+$` takes 40 s on 100 characters.
///
/// A structural check of the pattern's text, not a proof: possessive quantifiers (`a++`) and
/// atomic groups (`(?>…)`) do not backtrack and are accepted. What it misses (polynomial
/// shapes like `\w*\w*\w*$`) is bounded when matching (see `PatternKind`).
public enum PatternSafety {
    /// The part of `pattern` that can backtrack catastrophically, or nil if none is found.
    public static func catastrophicPart(of pattern: String) -> String? {
        var scanner = Scanner(Array(pattern.unicodeScalars))
        return scanner.run()
    }
}

private struct Scanner {
    let scalars: [Unicode.Scalar]
    var index = 0

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    /// What an alternative starts with, to tell whether two alternatives can match the same text.
    enum First: Equatable {
        case literal(Unicode.Scalar)
        /// A class, `.` or an escape like `\w`: could overlap with anything.
        case wide
    }

    /// An open group, or the whole pattern at the bottom of the stack.
    struct Frame {
        var start: Int
        /// `(?>…)`, or a lookaround: the engine does not backtrack into it once it matched.
        var atomic = false
        /// A repetition of variable length inside (not possessive, not inside an atomic group).
        var repeats = false
        var firsts: [First] = []
        /// Whether the current alternative has had its first atom yet.
        var alternativeStarted = false
    }

    var frames: [Frame] = [Frame(start: 0)]
    var found: String?

    var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    mutating func run() -> String? {
        while index < scalars.count, found == nil {
            let atomStart = index
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "\\":
                let first = escape()
                atom(first, from: atomStart)
            case "[":
                skipClass()
                atom(.wide, from: atomStart)
            case ".":
                atom(.wide, from: atomStart)
            case "(":
                openGroup(at: atomStart)
            case ")":
                closeGroup()
            case "|":
                frames[frames.count - 1].alternativeStarted = false
            case "^", "$":
                break
            default:
                // Compared without case: a pattern may be matched so.
                atom(.literal(scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar), from: atomStart)
            }
        }
        return found
    }

    /// After `\`: the escape's extent; `\Q…\E` is a run of literals.
    mutating func escape() -> First {
        guard let next = peek else { return .wide }
        index += 1
        switch next {
        case "Q":
            let start = index
            while index + 1 < scalars.count, !(scalars[index] == "\\" && scalars[index + 1] == "E") { index += 1 }
            let first: First = index > start ? .literal(scalars[start]) : .wide
            index = min(scalars.count, index + 2)
            return first
        case "p", "P", "N", "x":
            if peek == "{" {
                while let end = peek, end != "}" { index += 1 }
                index += 1
            } else if next == "x" {
                index = min(scalars.count, index + 2)
            }
            return .wide
        case "u":
            index = min(scalars.count, index + 4)
            return .wide
        case "U":
            index = min(scalars.count, index + 8)
            return .wide
        case "b", "B", "A", "z", "Z", "G":
            return .wide
        default:
            return next.properties.isAlphabetic || ("0"..."9").contains(next) ? .wide : .literal(next)
        }
    }

    /// Skips a character class, nested classes (ICU's set operations) and escapes included.
    mutating func skipClass() {
        var depth = 1
        if peek == "^" { index += 1 }
        if peek == "]" { index += 1 }
        while index < scalars.count, depth > 0 {
            switch scalars[index] {
            case "\\": index += 1
            case "[": depth += 1
            case "]": depth -= 1
            default: break
            }
            index += 1
        }
    }

    mutating func openGroup(at start: Int) {
        var frame = Frame(start: start)
        if peek == "?" {
            index += 1
            switch peek {
            case "#":
                // A comment.
                while let end = peek, end != ")" { index += 1 }
                index += 1
                return
            case ">", "=", "!":
                frame.atomic = true
                index += 1
            case "<":
                index += 1
                if peek == "=" || peek == "!" {
                    frame.atomic = true
                    index += 1
                } else {
                    while let end = peek, end != ">" { index += 1 }
                    index += 1
                }
            case ":":
                index += 1
            default:
                // Flags: `(?i)` sets them for the rest, `(?i:…)` opens a group.
                while let flag = peek, flag != ")" && flag != ":" { index += 1 }
                if peek == ")" { index += 1; return }
                index += 1
            }
        }
        frames.append(frame)
    }

    mutating func closeGroup() {
        guard frames.count > 1 else { return }
        let group = frames.removeLast()
        let ambiguous = Self.overlaps(group.firsts)
        let quantifier = self.quantifier()
        if quantifier.repeats && !quantifier.possessive && !group.atomic && (group.repeats || ambiguous) {
            found = String(String.UnicodeScalarView(scalars[group.start..<index]))
            return
        }
        // As an atom of the enclosing group.
        noteFirst(group.firsts.count == 1 ? group.firsts[0] : .wide)
        if (quantifier.variable && !quantifier.possessive) || (group.repeats && !group.atomic) {
            frames[frames.count - 1].repeats = true
        }
    }

    mutating func atom(_ first: First, from start: Int) {
        noteFirst(first)
        let quantifier = self.quantifier()
        if quantifier.variable && !quantifier.possessive { frames[frames.count - 1].repeats = true }
    }

    mutating func noteFirst(_ first: First) {
        guard !frames[frames.count - 1].alternativeStarted else { return }
        frames[frames.count - 1].alternativeStarted = true
        frames[frames.count - 1].firsts.append(first)
    }

    /// Two alternatives that can begin alike.
    static func overlaps(_ firsts: [First]) -> Bool {
        guard firsts.count > 1 else { return false }
        if firsts.contains(.wide) { return true }
        for (k, first) in firsts.enumerated() where firsts[(k + 1)...].contains(first) { return true }
        return false
    }

    /// The quantifier after an atom, if any: whether it repeats (more than once), whether its
    /// length varies, and whether it is possessive.
    mutating func quantifier() -> (repeats: Bool, variable: Bool, possessive: Bool) {
        var repeats = false, variable = false
        switch peek {
        case "*", "+":
            repeats = true
            variable = true
            index += 1
        case "?":
            index += 1
        case "{":
            // `{n}`, `{n,}` or `{n,m}`; anything else is not a quantifier.
            var k = index + 1
            var low = "", high: String?
            while k < scalars.count, ("0"..."9").contains(scalars[k]) { low.unicodeScalars.append(scalars[k]); k += 1 }
            if k < scalars.count, scalars[k] == "," {
                k += 1
                var digits = ""
                while k < scalars.count, ("0"..."9").contains(scalars[k]) { digits.unicodeScalars.append(scalars[k]); k += 1 }
                high = digits
            }
            guard !low.isEmpty, k < scalars.count, scalars[k] == "}" else { return (false, false, false) }
            index = k + 1
            let lower = Int(low) ?? 0
            if let high {
                let upper = high.isEmpty ? Int.max : (Int(high) ?? Int.max)
                repeats = upper > 1
                variable = upper > lower
            } else {
                repeats = lower > 1
            }
        default:
            return (false, false, false)
        }
        var possessive = false
        if peek == "?" {
            index += 1
        } else if peek == "+" {
            possessive = true
            index += 1
        }
        return (repeats, variable, possessive)
    }
}

import Foundation

/// `kind: pattern` — a regular expression over the reply as a reader sees it (see
/// `NormalizedView`), for what words cannot express (a space before a comma, a date format).
///
/// Parameters: `pattern` (ICU regular expression, required), `case_sensitive` (default false),
/// and `prefilter`: texts of which every match contains at least one (ASCII letters compared
/// without case unless `case_sensitive`; `#` stands for any digit, so `DE##` asks for a country
/// code followed by two digits). Replies holding none of them skip the regular expression, which is by far
/// the most expensive check a guide can ask for; the rule's examples test that it is right.
/// A pattern that does not compile is reported at its line and column; one that can backtrack
/// catastrophically (`PatternSafety`) is left out with a warning. Matching is bounded: a
/// pattern that needs more than a few million engine steps beyond a plain scan of a reply is
/// stopped, and the scorecard lists the rule under `skipped` for that reply.
public struct PatternKind: RuleKind, @unchecked Sendable {
    // NSRegularExpression is immutable after creation and documented as safe to share across threads.
    public static let name = "pattern"
    public static let description = KindDescription(
        summary: "a regular expression over the text as a reader sees it (hidden characters and look-alikes undone; offsets on the text as written); replies without one of the `prefilter` texts (`#` = any digit) skip it",
        parameters: [
            .required("pattern", "text", "an ICU regular expression"),
            .optional("case_sensitive", "boolean", "false", "compare letters with their case"),
            .optional("prefilter", "phrases", "none", "texts of which every match holds one; `#` is any digit"),
        ],
        example: """
            pattern: " ,"
            prefilter: [" ,"]
            """)

    let expression: NSRegularExpression?
    /// The prefilter as the reply's group in the lexicon's needles (found while the reply is
    /// analysed), and on its own for the rare reply matched through its normalised view.
    let prefilter: (group: Int, own: NeedleSet)?
    /// What every match starts with, when the pattern tells (`PatternLeadingLiteral`): the
    /// expression is then tried only where it stands.
    let leadingLiteral: [UInt8]?
    /// False when the pattern can backtrack catastrophically: the rule is left out of the guide.
    public let isAvailable: Bool

    /// Progress reports ICU may make per match beyond one per position tried: it reports about
    /// every 10,000 steps of its engine, so this lets a pattern work through a few million
    /// steps more than a plain scan of the reply needs before it is stopped. Counted, not
    /// timed, so the same reply is skipped on every run and every machine.
    static let extraProgressReports = 200

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {
        let caseSensitive = fields.node("case_sensitive")?.bool ?? false
        let needles = fields.strings("prefilter").map { Array($0.text.utf8) }.filter { !$0.isEmpty }
        if needles.isEmpty {
            prefilter = nil
        } else {
            var own = NeedleSet()
            own.add(needles, caseSensitive: caseSensitive)
            prefilter = (lexicon.needleGroup(needles, caseSensitive: caseSensitive), own)
        }
        guard let pattern = fields.string("pattern", required: true, what: "a pattern rule") else {
            expression = nil
            leadingLiteral = nil
            isAvailable = true
            return
        }
        if let part = PatternSafety.catastrophicPart(of: pattern) {
            fields.sink.report("the pattern can backtrack catastrophically at `\(part)` (a repeated group that repeats inside, "
                               + "or whose alternatives can match alike): a near miss would take seconds to minutes; the rule "
                               + "is left out. Make the inner repetition possessive (`a++`) or the group atomic (`(?>…)`)",
                               code: .catastrophicRegex, at: fields.node("pattern")?.mark)
            expression = nil
            leadingLiteral = nil
            isAvailable = false
            return
        }
        isAvailable = true
        leadingLiteral = PatternLeadingLiteral.of(pattern, caseSensitive: caseSensitive)
        do {
            expression = try NSRegularExpression(pattern: pattern, options: caseSensitive ? [] : [.caseInsensitive])
        } catch {
            fields.error("the pattern `\(pattern)` is not a valid regular expression", code: .badRegex, at: "pattern")
            expression = nil
        }
    }

    public func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) {
        _ = checkWithinBounds(text, context: context, hits: &hits)
    }

    public func checkWithinBounds(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) -> Bool {
        // Hidden characters and look-alikes would break a pattern: match what a reader sees,
        // and report the place in the text as written.
        let view = text.needsNormalizedView ? NormalizedView(text) : nil
        let bytes = view.map { Array($0.text.utf8) } ?? text.bytes
        // Most replies hold none of the prefilter's texts: they leave before the expression is touched.
        if let prefilter {
            let present = view == nil ? text.needleGroups.contains(prefilter.group)
                : bytes.withUnsafeBufferPointer { prefilter.own.groups(in: $0).contains(0) }
            guard present else { return true }
        }
        guard let expression else { return true }
        let string = view?.text ?? text.text
        // Offsets in UTF-16 units, as ICU counts, taken from the bytes: asking the `String`
        // built an index of its UTF-16 offsets (breadcrumbs) for each reply beyond ASCII.
        let units = view == nil && text.isASCII ? bytes.count : UTF8Scanning.utf16Count(bytes, from: 0, to: bytes.count)
        let whole = NSRange(location: 0, length: units)
        // One progress report per position tried, and a few for the work within a match.
        let budget = whole.length + 1 + Self.extraProgressReports + whole.length / 100
        var reports = 0
        var ranges: [NSRange] = []
        if let leadingLiteral {
            // Only where a match can start, one anchored try each, in order and never inside
            // the previous match: the matches a scan of the whole text finds. Transparent
            // bounds let look-behinds and `\b` see the text before the try's start.
            var unit = 0, unitByte = 0, next = 0
            for start in Self.occurrences(of: leadingLiteral, in: bytes) where start >= next {
                unit += UTF8Scanning.utf16Count(bytes, from: unitByte, to: start)
                unitByte = start
                var found: NSRange?
                expression.enumerateMatches(in: string, options: [.reportProgress, .anchored, .withTransparentBounds, .withoutAnchoringBounds],
                                            range: NSRange(location: unit, length: whole.length - unit)) { match, _, stop in
                    guard let match else {
                        reports += 1
                        if reports > budget { stop.pointee = true }
                        return
                    }
                    found = match.range
                    stop.pointee = true
                }
                guard reports <= budget else { return false }
                guard let found, found.length > 0 else { continue }
                ranges.append(found)
                let end = found.location + found.length
                next = start + UTF8Scanning.utf8Count(bytes, from: start, units: end - unit)
            }
        } else {
            expression.enumerateMatches(in: string, options: [.reportProgress], range: whole) { match, _, stop in
                guard let match else {
                    reports += 1
                    if reports > budget { stop.pointee = true }
                    return
                }
                if match.range.length > 0 { ranges.append(match.range) }
            }
        }
        guard reports <= budget else { return false }
        // Matches come in order: each conversion goes on from where the previous one stopped.
        var (unit, byte) = (0, 0)
        for match in ranges {
            var start = byte + UTF8Scanning.utf8Count(bytes, from: byte, units: match.location - unit)
            var end = start + UTF8Scanning.utf8Count(bytes, from: start, units: match.length)
            (unit, byte) = (match.location, start)
            if let view { (start, end) = (view.originalOffset[start], view.originalOffset[end]) }
            hits.append(Hit(start: start, end: end, values: ["match": text.visibleExcerpt(start..<end)]))
        }
        return true
    }
}

extension PatternKind {
    /// Where `needle` starts in `haystack`, overlaps included, in order.
    static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        var starts: [Int] = []
        guard let first = needle.first, needle.count <= haystack.count else { return starts }
        haystack.withUnsafeBufferPointer { bytes in
            needle.withUnsafeBufferPointer { needle in
                for i in 0...(bytes.count - needle.count) where bytes[i] == first {
                    var j = 1
                    while j < needle.count, bytes[i + j] == needle[j] { j += 1 }
                    if j == needle.count { starts.append(i) }
                }
            }
        }
        return starts
    }
}

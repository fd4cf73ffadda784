import Foundation

/// `kind: pattern` — a regular expression over the reply as written, for what words cannot
/// express (a space before a comma, a date format).
///
/// Parameters: `pattern` (ICU regular expression, required), `case_sensitive` (default false),
/// and `prefilter`: texts of which every match contains at least one (ASCII letters compared
/// without case). Replies holding none of them skip the regular expression, which is by far
/// the most expensive check a guide can ask for; the rule's examples test that it is right.
/// A pattern that does not compile is reported at its line and column.
public struct PatternKind: RuleKind, @unchecked Sendable {
    // NSRegularExpression is immutable after creation and documented as safe to share across threads.
    public static let name = "pattern"
    public static let parameters = ["pattern", "case_sensitive", "prefilter"]

    let expression: NSRegularExpression?
    let prefilter: [[UInt8]]

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {
        let caseSensitive = fields.node("case_sensitive")?.bool ?? false
        prefilter = fields.strings("prefilter").map { Array($0.text.utf8) }.filter { !$0.isEmpty }
        guard let pattern = fields.string("pattern", required: true, what: "a pattern rule") else {
            expression = nil
            return
        }
        do {
            expression = try NSRegularExpression(pattern: pattern, options: caseSensitive ? [] : [.caseInsensitive])
        } catch {
            fields.error("the pattern `\(pattern)` is not a valid regular expression", code: "bad-regex", at: "pattern")
            expression = nil
        }
    }

    public func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) {
        guard let expression, prefilter.isEmpty || prefilter.contains(where: { Self.occurs($0, in: text.bytes) }) else { return }
        let string = text.text
        let whole = NSRange(string.startIndex..<string.endIndex, in: string)
        for match in expression.matches(in: string, range: whole) where match.range.length > 0 {
            guard let range = Range(match.range, in: string) else { continue }
            let start = string.utf8.distance(from: string.startIndex, to: range.lowerBound)
            let end = start + string.utf8.distance(from: range.lowerBound, to: range.upperBound)
            hits.append(Hit(start: start, end: end, values: ["match": String(string[range])]))
        }
    }

    /// Whether `needle` occurs in `haystack`, ASCII letters compared without case.
    static func occurs(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        let first = needle[0] | 0x20
        let isLetter = first >= 0x61 && first <= 0x7A
        for start in 0...(haystack.count - needle.count) {
            let byte = haystack[start]
            guard isLetter ? byte | 0x20 == first : byte == needle[0] else { continue }
            var k = 1
            while k < needle.count {
                let a = haystack[start + k], b = needle[k]
                if a != b && !(a | 0x20 == b | 0x20 && (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) { break }
                k += 1
            }
            if k == needle.count { return true }
        }
        return false
    }
}

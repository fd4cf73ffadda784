import Foundation

/// `kind: pattern` — a regular expression over the reply as written, for what words cannot
/// express (a space before a comma, a date format).
///
/// Parameters: `pattern` (ICU regular expression, required), `case_sensitive` (default false).
/// A pattern that does not compile is reported at its line and column.
public struct PatternKind: RuleKind, @unchecked Sendable {
    // NSRegularExpression is immutable after creation and documented as safe to share across threads.
    public static let name = "pattern"
    public static let parameters = ["pattern", "case_sensitive"]

    let expression: NSRegularExpression?

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {
        let caseSensitive = fields.node("case_sensitive")?.bool ?? false
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
        guard let expression else { return }
        let string = text.text
        let whole = NSRange(string.startIndex..<string.endIndex, in: string)
        for match in expression.matches(in: string, range: whole) where match.range.length > 0 {
            guard let range = Range(match.range, in: string) else { continue }
            let start = string.utf8.distance(from: string.startIndex, to: range.lowerBound)
            let end = start + string.utf8.distance(from: range.lowerBound, to: range.upperBound)
            hits.append(Hit(start: start, end: end, values: ["match": String(string[range])]))
        }
    }
}

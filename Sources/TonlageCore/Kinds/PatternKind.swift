import Foundation

/// `kind: pattern` — a regular expression over the reply as a reader sees it (see
/// `NormalizedView`), for what words cannot express (a space before a comma, a date format).
///
/// Parameters: `pattern` (ICU regular expression, required), `case_sensitive` (default false),
/// and `prefilter`: texts of which every match contains at least one (ASCII letters compared
/// without case unless `case_sensitive`; `#` stands for any digit, so `DE##` asks for a country
/// code followed by two digits). Replies holding none of them skip the regular expression, which is by far
/// the most expensive check a guide can ask for; the rule's examples test that it is right.
/// A pattern that does not compile is reported at its line and column.
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
    let prefilter: Prefilter?

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {
        let caseSensitive = fields.node("case_sensitive")?.bool ?? false
        let needles = fields.strings("prefilter").map { Array($0.text.utf8) }.filter { !$0.isEmpty }
        prefilter = needles.isEmpty ? nil : Prefilter(needles, caseSensitive: caseSensitive)
        guard let pattern = fields.string("pattern", required: true, what: "a pattern rule") else {
            expression = nil
            return
        }
        do {
            expression = try NSRegularExpression(pattern: pattern, options: caseSensitive ? [] : [.caseInsensitive])
        } catch {
            fields.error("the pattern `\(pattern)` is not a valid regular expression", code: .badRegex, at: "pattern")
            expression = nil
        }
    }

    public func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) {
        guard let expression else { return }
        // Hidden characters and look-alikes would break a pattern: match what a reader sees,
        // and report the place in the text as written.
        let view = text.needsNormalizedView ? NormalizedView(text) : nil
        let string = view?.text ?? text.text
        if let prefilter, !prefilter.occurs(in: view.map { Array($0.text.utf8) } ?? text.bytes) { return }
        let whole = NSRange(string.startIndex..<string.endIndex, in: string)
        for match in expression.matches(in: string, range: whole) where match.range.length > 0 {
            guard let range = Range(match.range, in: string) else { continue }
            var start = string.utf8.distance(from: string.startIndex, to: range.lowerBound)
            var end = start + string.utf8.distance(from: range.lowerBound, to: range.upperBound)
            if let view { (start, end) = (view.originalOffset[start], view.originalOffset[end]) }
            hits.append(Hit(start: start, end: end, values: ["match": text.visibleExcerpt(start..<end)]))
        }
    }
}

/// Literal texts, at least one of which must occur; ASCII letters compare without case
/// unless asked to, and `#` matches any digit. One pass over the reply, looking at a needle
/// only where its first byte stands.
struct Prefilter: Sendable {
    private let needles: [[UInt8]]
    /// Indexed by byte: the needles that can start with it (`needles[first[b]..<first[b + 1]]`
    /// of `byStart`), so a capital letter in a German reply looks at its own needles only.
    private let first: [Int32]
    private let byStart: [Int32]
    private let caseSensitive: Bool

    init(_ needles: [[UInt8]], caseSensitive: Bool) {
        self.caseSensitive = caseSensitive
        self.needles = caseSensitive ? needles : needles.map { $0.map(Self.lowercased) }
        var lists = [[Int32]](repeating: [], count: 256)
        for (index, needle) in self.needles.enumerated() {
            var starts: Set<UInt8> = needle[0] == Self.digit ? Set(UInt8(ascii: "0")...UInt8(ascii: "9")) : [needle[0]]
            if !caseSensitive && needle[0] >= 0x61 && needle[0] <= 0x7A { starts.insert(needle[0] - 0x20) }
            for byte in starts { lists[Int(byte)].append(Int32(index)) }
        }
        var first: [Int32] = [0]
        for list in lists { first.append(first[first.count - 1] + Int32(list.count)) }
        self.first = first
        self.byStart = lists.flatMap { $0 }
    }

    /// `#` in a needle: any digit.
    private static let digit = UInt8(ascii: "#")

    @inline(__always)
    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    @inline(__always)
    private func matches(_ byte: UInt8, _ expected: UInt8) -> Bool {
        if expected == Self.digit { return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        return (caseSensitive ? byte : Self.lowercased(byte)) == expected
    }

    func occurs(in haystack: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { bytes in
            first.withUnsafeBufferPointer { first in
                for start in bytes.indices {
                    let byte = Int(bytes[start])
                    var k = Int(first[byte])
                    let end = Int(first[byte + 1])
                    while k < end {
                        let needle = needles[Int(byStart[k])]
                        k += 1
                        guard needle.count <= bytes.count - start else { continue }
                        var j = 1
                        while j < needle.count, matches(bytes[start + j], needle[j]) { j += 1 }
                        if j == needle.count { return true }
                    }
                }
                return false
            }
        }
    }
}

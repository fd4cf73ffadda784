import Foundation

/// The engine: a compiled guide and a reply go in, a scorecard comes out.
///
/// Pure and thread-safe; the REPL, `check` and `certify` all score through here.
public struct Scorer: Sendable {
    public let guide: Guide

    public init(guide: Guide) { self.guide = guide }

    public func score(_ text: String, context: ReplyContext) -> Scorecard {
        let analyzed = AnalyzedText(text, lexicon: guide.lexicon)
        let settings = guide.settings(for: context.channel)
        let length = ChannelLength.measure(analyzed, counting: settings.counting,
                                           limits: [settings.recommended ?? .max, settings.limit ?? .max])
        let ruleContext = RuleContext(reply: context, channel: settings, length: length)
        let offsets = ScalarOffsets(analyzed)

        var findings: [Finding] = []
        var deductions: [Family: Int] = [:]
        var families: [Family] = []
        for rule in guide.rules where rule.applies(to: context) {
            if !families.contains(rule.family) { families.append(rule.family) }
            var repeats = 0
            for hit in rule.hits(in: analyzed, context: ruleContext) {
                repeats += 1
                let deduction = repeats <= guide.maxRepeats ? rule.weight : 0
                deductions[rule.family, default: 0] += deduction
                findings.append(Finding(
                    rule: rule.id, family: rule.family, severity: rule.severity,
                    start: offsets.scalarOffset(ofByte: hit.start), end: offsets.scalarOffset(ofByte: hit.end),
                    excerpt: analyzed.excerpt(hit.start..<hit.end),
                    message: Self.fill(rule.message, hit.values),
                    suggestion: (hit.suggestion ?? rule.suggestion).map { Self.fill($0, hit.values) },
                    deduction: deduction, byteStart: hit.start, byteEnd: hit.end))
            }
        }
        // Stable order: by place in the reply, then by the rule's place in the guide.
        let order = Dictionary(uniqueKeysWithValues: guide.rules.enumerated().map { ($1.id, $0) })
        findings.sort { ($0.start, $0.end, order[$0.rule]!) < ($1.start, $1.end, order[$1.rule]!) }

        let total = deductions.values.reduce(0, +)
        let score = max(0, 100 - total)
        let dimensions = families.sorted().map { Dimension(family: $0, score: max(0, 100 - deductions[$0, default: 0])) }
        let passed = score >= guide.passMark && !findings.contains { $0.severity == .error }
        return Scorecard(context: context, score: score, passed: passed, passMark: guide.passMark,
                         length: length.value, lengthLimit: settings.limit, dimensions: dimensions, findings: findings)
    }

    /// Fills `{name}` placeholders.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        guard !values.isEmpty, template.contains("{") else { return template }
        var result = template
        for (key, value) in values { result = result.replacingOccurrences(of: "{\(key)}", with: value) }
        return result
    }
}

/// Converts UTF-8 offsets into Unicode scalar offsets, as the `check` contract reports them.
struct ScalarOffsets {
    private let table: [Int32]?

    init(_ text: AnalyzedText) {
        guard !text.isASCII else { table = nil; return }
        var table = [Int32](repeating: 0, count: text.bytes.count + 1)
        var scalars: Int32 = 0
        for (i, byte) in text.bytes.enumerated() {
            table[i] = scalars
            if byte & 0xC0 != 0x80 { scalars += 1 }
        }
        table[text.bytes.count] = scalars
        self.table = table
    }

    func scalarOffset(ofByte offset: Int) -> Int {
        guard let table else { return offset }
        return Int(table[offset])
    }
}

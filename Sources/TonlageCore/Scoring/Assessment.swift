/// What scoring a reply came to, before any text is made of it: the verdict, and each hit
/// with its rule and deduction. `scorecard(guide:)` turns it into findings with messages;
/// `ScorecardJSON` writes it out directly, filling the same messages into the output.
struct Assessment {
    struct Entry {
        let hit: Hit
        /// The rule's index in `Guide.rules`.
        let rule: Int
        let deduction: Int
    }

    let text: AnalyzedText
    let context: ReplyContext
    let score: Int
    let passed: Bool
    let length: Int
    let lengthLimit: Int?
    let dimensions: [Dimension]
    /// In the order of the reply: by start, end, then the rule's place in the guide.
    let entries: [Entry]
    /// UTF-8 offsets of the entries as the scalar offsets the contract reports.
    let offsets: ScalarOffsets
    let skipped: [String]

    func scorecard(guide: Guide) -> Scorecard {
        let findings = entries.map { entry -> Finding in
            let rule = guide.rules[entry.rule]
            let hit = entry.hit
            return Finding(
                rule: rule.id, family: rule.family, severity: rule.severity,
                start: offsets[hit.start], end: offsets[hit.end],
                excerpt: text.excerpt(hit.start..<hit.end),
                message: hit.values.fill(rule.message),
                suggestion: (hit.suggestion ?? rule.suggestion).map { hit.values.fill($0) },
                deduction: entry.deduction, byteStart: hit.start, byteEnd: hit.end)
        }
        return Scorecard(context: context, score: score, passed: passed, passMark: guide.passMark,
                         length: length, lengthLimit: lengthLimit, dimensions: dimensions, findings: findings,
                         skipped: skipped)
    }
}

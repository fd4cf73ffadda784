/// `kind: coverage` — a reply made mostly of what another rule objects to: a reply that is
/// nothing but boilerplate, not one stock phrase in a personal answer.
///
/// Parameters: `of` (the id of an earlier rule, required) and `share` (default 0.6): the rule
/// fires when that rule's hits cover at least this share of the reply's words. The hit spans
/// the covered words; `{value}` is the share in percent. It reads the other rule's hits from
/// the same scoring, so nothing is matched twice.
public struct CoverageKind: RuleKind {
    public static let name = "coverage"
    public static let description = KindDescription(
        summary: "a reply made mostly of another rule's findings (nothing but boilerplate)",
        parameters: [
            .required("of", "rule id", "the id of an earlier rule whose hits count"),
            .optional("share", "number", "0.6", "share of the reply's words those hits must cover"),
        ],
        example: """
            of: template.example
            share: 0.6
            """,
        exampleNeeds: """
            - id: template.example
              kind: template
              severity: warning
              weight: 5
              message: "Textbaustein."
              rationale: "Die Regel, deren Treffer das Beispiel liest."
              phrases: ["Vielen Dank für Ihre Nachricht"]

            """)

    /// The rule whose hits are measured.
    public let of: String
    let share: Double

    public var hitSources: [(key: String, rule: String)] { [("of", of)] }

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {
        of = fields.string("of", required: true, what: "a coverage rule") ?? ""
        share = fields.double("share", in: 0.05...1) ?? 0.6
    }

    public func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) {
        let covered = context.earlierHits[of] ?? []
        let words = text.wordCount
        guard words > 0, let first = covered.first else { return }
        var coveredWords = 0
        var start = first.start, end = first.end
        for token in text.tokens where token.letterCount > 0 {
            if covered.contains(where: { $0.start <= token.start && token.end <= $0.end }) { coveredWords += 1 }
        }
        for hit in covered {
            start = min(start, hit.start)
            end = max(end, hit.end)
        }
        let ratio = Double(coveredWords) / Double(words)
        guard ratio >= share else { return }
        hits.append(Hit(start: start, end: end, values: ["value": String(Int((ratio * 100).rounded())) + " %"]))
    }
}

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
        guard words > 0, !covered.isEmpty else { return }
        // One sweep of the tokens and the hits sorted by start: a word is covered when a hit
        // starting at or before it ends at or after it. A long reply may have thousands of
        // hits, and testing each word against each would be quadratic.
        let spans = covered.map { ($0.start, $0.end) }.sorted { $0.0 < $1.0 }
        var coveredWords = 0
        var next = 0
        var reach = Int.min
        for token in text.tokens where token.letterCount > 0 {
            while next < spans.count && spans[next].0 <= token.start {
                reach = max(reach, spans[next].1)
                next += 1
            }
            if reach >= token.end { coveredWords += 1 }
        }
        let start = spans[0].0, end = spans.reduce(Int.min) { max($0, $1.1) }
        let ratio = Double(coveredWords) / Double(words)
        guard ratio >= share else { return }
        hits.append(Hit(start: start, end: end, values: ["value": String(Int((ratio * 100).rounded())) + " %"]))
    }
}

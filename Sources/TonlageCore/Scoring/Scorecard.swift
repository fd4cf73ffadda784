/// One deduction, at the words that caused it.
public struct Finding: Sendable, Hashable {
    public let rule: String
    public let family: Family
    public let severity: Severity
    /// Offsets in Unicode scalars of the reply as given, end exclusive.
    public let start: Int
    public let end: Int
    public let excerpt: String
    public let message: String
    public let suggestion: String?
    /// Points this finding cost (0 once a rule has cost its `max_repeats`).
    public let deduction: Int
    /// UTF-8 offsets of the same span, for front ends that underline it.
    public let byteStart: Int
    public let byteEnd: Int
}

/// A family's score: 100 less the deductions of its findings, never below 0.
public struct Dimension: Sendable, Hashable {
    public let family: Family
    public let score: Int
}

/// The verdict on one reply, with everything needed to explain it.
public struct Scorecard: Sendable, Hashable {
    public let context: ReplyContext
    /// 100 less all deductions, never below 0.
    public let score: Int
    /// Score at least the guide's pass mark and no `error` finding.
    public let passed: Bool
    public let passMark: Int
    /// The length as the channel counts it, and its hard limit.
    public let length: Int
    public let lengthLimit: Int?
    public let dimensions: [Dimension]
    /// In the order they occur in the reply.
    public let findings: [Finding]
    /// Rules that gave up on this reply within their bound of work (a regular expression on a
    /// hostile reply), in guide order: the reply was not checked against them.
    public var skipped: [String] = []
}

extension Scorecard {
    /// This scorecard with another's findings added (a scenario step's expectations scored on
    /// the same reply): deductions add up per family, the verdict is taken again.
    public func adding(_ other: Scorecard) -> Scorecard {
        let merged = (findings + other.findings).enumerated()
            .sorted { ($0.element.start, $0.element.end, $0.offset) < ($1.element.start, $1.element.end, $1.offset) }
            .map(\.element)
        let families = Set(dimensions.map(\.family)).union(other.dimensions.map(\.family))
        let dimensions = families.sorted().map { family in
            Dimension(family: family, score: max(0, 100 - merged.filter { $0.family == family }.reduce(0) { $0 + $1.deduction }))
        }
        let score = max(0, 100 - merged.reduce(0) { $0 + $1.deduction })
        return Scorecard(context: context, score: score,
                         passed: score >= passMark && !merged.contains { $0.severity == .error },
                         passMark: passMark, length: length, lengthLimit: lengthLimit,
                         dimensions: dimensions, findings: merged, skipped: skipped + other.skipped)
    }
}

extension Scorecard {
    /// A scorecard for no text, to which other findings can be added (an escalation without a reply).
    public static func empty(context: ReplyContext, passMark: Int) -> Scorecard {
        Scorecard(context: context, score: 100, passed: true, passMark: passMark, length: 0, lengthLimit: nil,
                  dimensions: [], findings: [])
    }
}

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
}

/// The engine: a compiled guide and a reply go in, a scorecard comes out.
///
/// Pure and thread-safe; the REPL, `check` and `certify` all score through here.
public struct Scorer: Sendable {
    public let guide: Guide

    public init(guide: Guide) { self.guide = guide }

    public func score(_ text: String, context: ReplyContext) -> Scorecard {
        assess(text, context: context).scorecard(guide: guide)
    }

    /// Everything `score` finds, before any text is made of it: the batch path writes this
    /// straight into JSON, filling messages and excerpts there, instead of building findings.
    func assess(_ text: String, context: ReplyContext) -> Assessment {
        let analyzed = AnalyzedText(text, lexicon: guide.lexicon)
        var ruleContext = self.ruleContext(analyzed, context)
        if guide.usesRecognition && context.recognised == nil {
            ruleContext = RuleContext(reply: context.recognising(recognised(in: analyzed, context: ruleContext)),
                                      channel: ruleContext.channel, length: ruleContext.length)
        }
        let (settings, length) = (ruleContext.channel, ruleContext.length)

        var entries: [Assessment.Entry] = []
        var deductions = PerFamily<Int>(repeating: 0)
        var applies = PerFamily<Bool>(repeating: false)
        var hits: [Hit] = []
        var skipped: [String] = []
        let gates = guide.gates
        for index in gates.indices where gates[index].applies(to: context) {
            applies[gates[index].family] = true
            guard gates[index].mayFind(in: analyzed) else { continue }
            let rule = guide.rules[index]
            // Guarded: emptying an empty array this way allocates, and most rules find nothing.
            if !hits.isEmpty { hits.removeAll(keepingCapacity: true) }
            guard rule.check(analyzed, context: ruleContext, hits: &hits) else {
                skipped.append(rule.id)
                continue
            }
            if rule.quotations == .skip && !analyzed.quotations.isEmpty {
                hits.removeAll { hit in analyzed.isQuoted(hit.start..<hit.end) }
            }
            // Kept only when there is something to read: storing an empty list would cost every reply.
            if guide.keepsHits[index] && !hits.isEmpty { ruleContext.earlierHits[rule.id] = hits }
            for (repeats, hit) in hits.enumerated() {
                let deduction = repeats < guide.maxRepeats ? rule.weight : 0
                deductions[rule.family.index] += deduction
                entries.append(Assessment.Entry(hit: hit, rule: index, deduction: deduction))
            }
        }
        // Stable order: by place in the reply, then by the rule's place in the guide.
        entries.sort { ($0.hit.start, $0.hit.end, $0.rule) < ($1.hit.start, $1.hit.end, $1.rule) }
        // Made before the text moves into the assessment, so the text is not copied for it.
        let offsets = ScalarOffsets(analyzed, upTo: entries.reduce(0) { max($0, $1.hit.end) })
        var deducted = 0
        for family in deductions.indices { deducted += deductions[family] }
        let score = max(0, 100 - deducted)
        var dimensions: [Dimension] = []
        dimensions.reserveCapacity(Family.count)
        for family in Family.all where applies[family.index] {
            dimensions.append(Dimension(family: family, score: max(0, 100 - deductions[family.index])))
        }
        return Assessment(text: analyzed, context: context, score: score,
                          passed: score >= guide.passMark && !entries.contains { guide.rules[$0.rule].severity == .error },
                          length: length.value, lengthLimit: settings.limit, dimensions: dimensions,
                          entries: entries, offsets: offsets, skipped: skipped)
    }
}

extension Scorer {
    /// The guide's recognisers that find what they look for in a reply: what a scenario step
    /// hands its `recognised` rules in `ReplyContext.recognised`.
    public func recognise(_ text: String, context: ReplyContext) -> Set<String> {
        guard !guide.recognisers.isEmpty else { return [] }
        let analyzed = AnalyzedText(text, lexicon: guide.lexicon)
        return recognised(in: analyzed, context: ruleContext(analyzed, context))
    }

    /// What every rule sees of the reply's situation: the channel's settings and the length there.
    func ruleContext(_ analyzed: AnalyzedText, _ context: ReplyContext) -> RuleContext {
        let settings = guide.settings(for: context.channel)
        let length = ChannelLength.measure(analyzed, counting: settings.counting,
                                           recommended: settings.recommended, limit: settings.limit)
        return RuleContext(reply: context, channel: settings, length: length)
    }

    func recognised(in text: AnalyzedText, context: RuleContext) -> Set<String> {
        Set(guide.recognisers.filter { $0.recognises(text, context: context) }.map(\.id))
    }
}

extension ReplyContext {
    func recognising(_ recognised: Set<String>) -> ReplyContext {
        var context = self
        context.recognised = recognised
        return context
    }
}

/// Converts the UTF-8 offsets of findings into Unicode scalar offsets, as the `check`
/// contract reports them: one sweep over the text up to the last finding, no hashing.
struct ScalarOffsets {
    /// `scalarsBefore[b]`: how many scalars begin before byte `b`; empty for ASCII text.
    private var scalarsBefore: [Int32] = []
    private let isASCII: Bool

    init(_ text: borrowing AnalyzedText, upTo last: Int) {
        isASCII = text.isASCII
        guard !isASCII else { return }
        scalarsBefore.reserveCapacity(last + 1)
        var scalars: Int32 = 0
        text.bytes.withUnsafeBufferPointer { bytes in
            for position in 0..<last {
                scalarsBefore.append(scalars)
                if bytes[position] & 0xC0 != 0x80 { scalars += 1 }
            }
        }
        scalarsBefore.append(scalars)
    }

    subscript(byte: Int) -> Int {
        isASCII ? byte : Int(scalarsBefore[byte])
    }
}

/// What the scorer must know of a rule before running it, as plain values side by side with
/// the other rules' (`Guide.gates`): whether it applies to the reply's channel and mood, its
/// family, and the phrase matcher without whose phrases it finds nothing. Reading these touches
/// no reference count, and a rule that cannot find anything in a reply is passed over without
/// retaining, calling or releasing it.
struct RuleGate: Sendable {
    /// `channels`, `except_channels` and `moods` as bit masks.
    let channelMask: UInt16
    let moodMask: UInt8
    /// `Family.index` of the rule's family.
    let family: Int
    /// The `PhraseMatcher` number of the kind's `trigger`; -1 when the rule always runs.
    let trigger: Int32

    init(_ rule: Rule) {
        channelMask = rule.channelMask
        moodMask = rule.moodMask
        family = rule.family.index
        trigger = rule.checker.trigger?.id ?? -1
    }

    @inline(__always)
    func applies(to context: ReplyContext) -> Bool {
        channelMask & context.channel.bit != 0 && moodMask & context.mood.bit != 0
    }

    /// False when the rule's trigger has nowhere to start in the reply, so it cannot find anything.
    @inline(__always)
    func mayFind(in text: AnalyzedText) -> Bool {
        guard trigger >= 0, let starts = text.phraseStarts.tokens(of: trigger) else { return true }
        return !starts.isEmpty
    }
}

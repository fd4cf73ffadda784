import TonlageCore

/// What the customer answers, keyed by what the reply did, each key with several wordings.
///
/// A reply is described by keys, most telling first (`ScenarioRun.reactionKeys`): the wrong
/// action, then each finding by weight (its rule id, the `must_mention` group it missed, its
/// family: `address`, `template`, `length`, `privacy`, `tempo`, …), then `passed` for a reply
/// that passed, and last `default`. The first key the author gave a wording for decides, so a
/// reply in "Sie" gets the customer's word on "Sie", not a line written for a slow answer.
/// Among several wordings one is chosen from the run's seed: the same run, replayed or
/// certified, hears the same words.
public struct Reaction: Sendable {
    public static let passed = "passed"
    public static let fallback = "default"

    public let wordings: [String: [String]]

    public init(wordings: [String: [String]]) { self.wordings = wordings }

    /// One wording for the first of `keys` that has any, or nil.
    public func text(keys: [String], seed: UInt64) -> String? {
        guard let key = keys.first(where: { !(wordings[$0] ?? []).isEmpty }), let choices = wordings[key] else { return nil }
        return choices[Int(Self.mix(seed, key) % UInt64(choices.count))]
    }

    /// A run's seed from what identifies it (the agent and the scenario): the same trainee
    /// replaying a scenario hears the same words, another trainee other ones.
    public static func seed(_ identity: String) -> UInt64 { mix(0, identity) }

    /// FNV-1a over the key, started from the seed: stable across runs and machines, unlike
    /// Swift's `Hasher`, which is seeded per process.
    static func mix(_ seed: UInt64, _ key: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }
}

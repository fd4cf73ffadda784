import TonlageCore

/// An invariant that did not hold for an input (a crash needs no reporting: it ends the run).
public struct FuzzFailure: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}

/// One entry point fed with generated inputs: its seeds, the tokens its format is made of,
/// and the checks that must hold for every input beyond not crashing.
public protocol FuzzTarget {
    var name: String { get }
    var seeds: [[UInt8]] { get }
    var tokens: [String] { get }
    var maxBytes: Int { get }
    func run(_ input: [UInt8]) throws(FuzzFailure)
}

/// Feeds a target with mutants of its seeds and of recent inputs, from one seed.
public struct FuzzDriver {
    public struct Stats: Sendable {
        public var inputs = 0
        public var failures = 0
        public var bytes = 0
    }

    /// Runs `count` inputs. `willRun` sees each input first (to keep it should the process
    /// crash on it); `failed` hears of every broken invariant.
    public static func run(_ target: some FuzzTarget, seed: UInt64, count: Int,
                           willRun: ([UInt8]) -> Void = { _ in },
                           failed: ([UInt8], FuzzFailure) -> Void) -> Stats {
        var mutator = Mutator(seed: seed, tokens: target.tokens, maxBytes: target.maxBytes)
        let seeds = target.seeds.isEmpty ? [[]] : target.seeds
        // Recent inputs, so mutations build on each other for a while before starting afresh.
        var pool: [[UInt8]] = []
        var stats = Stats()
        for _ in 0..<count {
            let base = pool.isEmpty || mutator.below(3) == 0 ? seeds[mutator.below(seeds.count)] : pool[mutator.below(pool.count)]
            let input = mutator.below(20) == 0 ? base : mutator.mutate(base, other: seeds[mutator.below(seeds.count)])
            willRun(input)
            do {
                try target.run(input)
            } catch {
                stats.failures += 1
                failed(input, error)
            }
            stats.inputs += 1
            stats.bytes += input.count
            if pool.count < 64 { pool.append(input) } else { pool[mutator.below(pool.count)] = input }
        }
        return stats
    }
}

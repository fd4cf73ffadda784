/// Per phrase matcher of the lexicon, the tokens of a reply where one of its phrases can start
/// (the token stands for a term some phrase of the matcher starts with), in order.
///
/// Made once per reply in one walk over its terms, last token first, each matcher's tokens a
/// list threaded through one array. A guide has dozens of matchers, and most of them find
/// nothing to start from in a given reply; each then costs one look-up instead of a walk over
/// every token.
struct PhraseStarts: Sendable {
    /// `storage[m]`: the first entry of matcher `m`'s list (-1: none); entry `e` is the token
    /// `storage[matchers + 2e]` and the next entry `storage[matchers + 2e + 1]`. Empty when no
    /// phrase can start anywhere in the reply.
    private var storage: [Int32] = []
    private var matchers = 0

    /// No index: every matcher looks at every token.
    init() {}

    init(tokens: [Token], terms: [Lexicon.Term], index: (firstMatcher: [Int32], startingMatchers: [Int32]), matchers: Int) {
        self.matchers = matchers
        let (firstMatcher, startingMatchers) = index
        firstMatcher.withUnsafeBufferPointer { first in
            startingMatchers.withUnsafeBufferPointer { starting in
                terms.withUnsafeBufferPointer { terms in
                    // Room for one entry per term of the reply that starts a phrase of some matcher.
                    var total = 0
                    for term in terms where Int(term) + 1 < first.count { total += Int(first[Int(term) + 1] - first[Int(term)]) }
                    guard total > 0 else { return }
                    storage = [Int32](filling: -1, count: matchers + 2 * total)
                    storage.withUnsafeMutableBufferPointer { storage in
                        var entries = 0
                        for i in tokens.indices.reversed() {
                            for position in Int(tokens[i].termStart)..<Int(tokens[i].termEnd) {
                                let t = Int(terms[position])
                                guard t + 1 < first.count else { continue }
                                for k in Int(first[t])..<Int(first[t + 1]) {
                                    let m = Int(starting[k])
                                    let head = Int(storage[m])
                                    // A token with two such terms ("danke", "dank*") is listed once.
                                    if head >= 0, storage[matchers + 2 * head] == Int32(i) { continue }
                                    storage[matchers + 2 * entries] = Int32(i)
                                    storage[matchers + 2 * entries + 1] = Int32(head)
                                    storage[m] = Int32(entries)
                                    entries += 1
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The tokens where matcher `matcher`'s phrases can start, in order; nil for a matcher the
    /// reply's lexicon does not index (it then looks at every token).
    @inline(__always)
    func tokens(of matcher: Int32) -> Tokens? {
        let m = Int(matcher)
        guard m >= 0, m < matchers else { return nil }
        return Tokens(starts: self, entry: storage.isEmpty ? -1 : Int(storage[m]))
    }

    struct Tokens: Sequence, IteratorProtocol {
        fileprivate let starts: PhraseStarts
        fileprivate var entry: Int

        var isEmpty: Bool { entry < 0 }

        @inline(__always)
        mutating func next() -> Int? {
            guard entry >= 0 else { return nil }
            let offset = starts.matchers + 2 * entry
            entry = Int(starts.storage[offset + 1])
            return Int(starts.storage[offset])
        }
    }
}

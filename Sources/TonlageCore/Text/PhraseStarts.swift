/// Per phrase matcher of the lexicon, the tokens of a reply where one of its phrases can start
/// (the token stands for a term some phrase of the matcher starts with), in order.
///
/// Made once per reply in one walk over its terms. A guide has dozens of matchers, and most
/// of them find nothing to start from in a given reply; each then costs one look-up instead of
/// a walk over every token.
struct PhraseStarts: Sendable {
    /// Offsets, ends and tokens in one array, so a reply pays for one allocation: matcher `m`'s
    /// tokens are `storage[base + storage[m] ..< base + storage[matchers + 1 + m]]`, where
    /// `base` is `2 * matchers + 1`. Empty when no phrase can start anywhere in the reply.
    private var storage: [Int32] = []
    private var matchers = 0

    /// No index: every matcher looks at every token.
    init() {}

    init(tokens: [Token], terms: [Lexicon.Term], index: (firstMatcher: [Int32], startingMatchers: [Int32]), matchers: Int) {
        self.matchers = matchers
        let (firstMatcher, startingMatchers) = index
        let offsets = 2 * matchers + 1
        firstMatcher.withUnsafeBufferPointer { first in
            startingMatchers.withUnsafeBufferPointer { starting in
                terms.withUnsafeBufferPointer { terms in
                    // Room per matcher: one place per term of the reply that starts one of its
                    // phrases (a token with two such terms, "danke" and "dank*", is listed once).
                    var total = 0
                    for term in terms where Int(term) + 1 < first.count { total += Int(first[Int(term) + 1] - first[Int(term)]) }
                    // No phrase can start anywhere (an empty array answers every matcher at once).
                    guard total > 0 else { return }
                    storage = [Int32](unsafeUninitializedCapacity: offsets + total) { storage, count in
                        // Places past a matcher's end are never read, so they are left as they are.
                        count = offsets + total
                        for k in 0..<offsets { storage[k] = 0 }
                        for term in terms where Int(term) + 1 < first.count {
                            for k in Int(first[Int(term)])..<Int(first[Int(term) + 1]) { storage[Int(starting[k]) + 1] += 1 }
                        }
                        for m in 0..<matchers {
                            storage[m + 1] += storage[m]
                            storage[matchers + 1 + m] = storage[m]
                        }
                        for (i, token) in tokens.enumerated() {
                            for position in Int(token.termStart)..<Int(token.termEnd) {
                                let t = Int(terms[position])
                                guard t + 1 < first.count else { continue }
                                for k in Int(first[t])..<Int(first[t + 1]) {
                                    let m = Int(starting[k])
                                    let end = Int(storage[matchers + 1 + m])
                                    if end > Int(storage[m]), storage[offsets + end - 1] == Int32(i) { continue }
                                    storage[offsets + end] = Int32(i)
                                    storage[matchers + 1 + m] = Int32(end + 1)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Where matcher `matcher`'s tokens are, for `token(at:)`; nil for a matcher the reply's
    /// lexicon does not index (it then looks at every token).
    @inline(__always)
    func positions(of matcher: Int32) -> Range<Int>? {
        let m = Int(matcher)
        guard m >= 0, m < matchers else { return nil }
        guard !storage.isEmpty else { return 0..<0 }
        let base = 2 * matchers + 1
        return (base + Int(storage[m]))..<(base + Int(storage[matchers + 1 + m]))
    }

    @inline(__always)
    func token(at position: Int) -> Int {
        Int(storage[position])
    }
}

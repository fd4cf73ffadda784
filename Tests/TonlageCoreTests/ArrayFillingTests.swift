import Testing
@testable import TonlageCore

struct ArrayFillingTests {
    @Test("an array filled in place equals Array(repeating:count:)", arguments: [0, 1, 7, 1_000])
    func sameAsRepeating(count: Int) {
        #expect([Int32](filling: -1, count: count) == [Int32](repeating: -1, count: count))
        #expect([Bool](filling: true, count: count) == [Bool](repeating: true, count: count))
        #expect([Int32](filling: 0, count: count).capacity >= count)
    }
}

import Testing
@testable import TonlageCore

/// The pattern rules' prefilters, searched in one pass: every group is reported exactly when a
/// plain search for its texts finds one.
struct NeedleSetTests {
    private func groups(_ set: NeedleSet, in text: String) -> [Int] {
        let found = Array(text.utf8).withUnsafeBufferPointer { set.groups(in: $0) }
        return (0..<set.groupCount).filter { found.contains($0) }
    }

    private var germanPrefilters: NeedleSet {
        var set = NeedleSet()
        set.add([", das"].map { Array($0.utf8) }, caseSensitive: true)
        set.add(["seid", "seit", "Seid", "Seit"].map { Array($0.utf8) }, caseSensitive: true)
        set.add([" mal", "voraus", " dank"].map { Array($0.utf8) }, caseSensitive: true)
        set.add([" ,", " ;", " !", " ?", "\t"].map { Array($0.utf8) }, caseSensitive: false)
        set.add(["´", "`"].map { Array($0.utf8) }, caseSensitive: false)
        set.add(["[", "{", "<", "xxx"].map { Array($0.utf8) }, caseSensitive: false)
        set.add(["DE##"].map { Array($0.utf8) }, caseSensitive: false)
        return set
    }

    @Test("each group is found by any of its texts", arguments: [
        ("Gut, das du fragst.", [0]),
        ("Seit Montag wartest du, das tut mir leid.", [0, 1]),
        ("Seit Montag wartest du.", [1]),
        ("Schau mal nach, vielen dank!", [2]),
        ("Hallo , wie geht es ?", [3]),
        ("Wie geht´s?", [4]),
        ("Hallo [Name]", [5]),
        ("Hallo XXX", [5]),
        ("IBAN de89 3704", [6]),
        ("Nichts davon hier.", []),
        ("", []),
    ])
    func found(text: String, expected: [Int]) {
        #expect(groups(germanPrefilters, in: text) == expected)
    }

    @Test("case counts only where the group asks for it")
    func letterCase() {
        #expect(groups(germanPrefilters, in: "SEIT gestern") == [])
        #expect(groups(germanPrefilters, in: "Hallo xXx") == [5])
        #expect(groups(germanPrefilters, in: "Schau MAL") == [])
    }

    @Test("texts at the very end, one-byte texts, and texts longer than the reply")
    func edges() {
        #expect(groups(germanPrefilters, in: "<") == [5])
        #expect(groups(germanPrefilters, in: "Tab\t") == [3])
        #expect(groups(germanPrefilters, in: "seid") == [1])
        #expect(groups(germanPrefilters, in: "sei") == [])
        #expect(groups(germanPrefilters, in: "DE8") == [])
        #expect(groups(germanPrefilters, in: "Hallo, das") == [0])
    }

    @Test("`#` stands for a digit; without case, ASCII letters compare alike")
    func digitsAndCase() {
        var set = NeedleSet()
        set.add([Array("DE##".utf8), Array("nummer".utf8)], caseSensitive: false)
        set.add([Array("#x".utf8)], caseSensitive: true)
        #expect(groups(set, in: "an DE89 3704") == [0])
        #expect(groups(set, in: "die Kundennummer") == [0])
        #expect(groups(set, in: "de12") == [0])
        #expect(groups(set, in: "DEINE Daten, DE 89") == [])
        #expect(groups(set, in: "numme") == [])
        #expect(groups(set, in: "0x1F") == [1])
        #expect(groups(set, in: "0X1F #x") == [])
    }

    @Test("the one pass agrees with a plain search for every group on 20,000 seeded texts")
    func agreesWithPlainSearch() {
        let alphabet = Array("aAdDeE1 ,#ü".utf8)
        var random = SeededRandom(seed: 11)
        func text(_ length: Int) -> [UInt8] { (0..<length).map { _ in random.pick(alphabet) } }
        for _ in 0..<2_000 {
            var set = NeedleSet()
            let groupTexts = (0..<(1 + Int(random.next() % 3))).map { _ in
                ((0..<(1 + Int(random.next() % 3))).map { _ in text(1 + Int(random.next() % 3)) }, random.next() % 2 == 0)
            }
            for (needles, caseSensitive) in groupTexts { set.add(needles, caseSensitive: caseSensitive) }
            for _ in 0..<10 {
                let haystack = text(Int(random.next() % 12))
                let plain = groupTexts.indices.filter { group in
                    let (needles, caseSensitive) = groupTexts[group]
                    func same(_ a: UInt8, _ b: UInt8) -> Bool {
                        if b == UInt8(ascii: "#") { return (0x30...0x39).contains(a) }
                        func lower(_ x: UInt8) -> UInt8 { (0x41...0x5A).contains(x) ? x | 0x20 : x }
                        return caseSensitive ? a == b : lower(a) == lower(b)
                    }
                    return needles.contains { needle in
                        haystack.count >= needle.count && (0...(haystack.count - needle.count)).contains { start in
                            needle.indices.allSatisfy { same(haystack[start + $0], needle[$0]) }
                        }
                    }
                }
                let found = haystack.withUnsafeBufferPointer { set.groups(in: $0) }
                #expect(groupTexts.indices.filter { found.contains($0) } == plain, "\(groupTexts) in \(haystack)")
            }
        }
    }
}

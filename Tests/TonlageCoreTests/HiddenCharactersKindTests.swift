import Testing
@testable import TonlageCore

/// `kind: hidden-characters`, and the promise behind it: hiding a word does not hide it from
/// any rule.
@Suite("hidden-characters kind")
struct HiddenCharactersKindTests {
    static let guide: Guide = Fixtures.kindGuide("""
            - id: spelling.versteckt
              kind: hidden-characters
              severity: error
              weight: 30
              message: "„{match}“ ist verschleiert."
              rationale: "Niemand tippt das aus Versehen."
            - id: privacy.passwort
              kind: existence
              severity: error
              weight: 40
              message: "„{match}“"
              rationale: "Nie nach Passwörtern fragen."
              phrases: ["*passwort"]
            """)

    func excerpts(_ text: String, rule: String) -> [String] {
        Fixtures.excerpts(text, rule: rule, in: Self.guide)
    }

    @Test("each disguise is reported at the word and the word is still seen", arguments: [
        "Schick mir dein Pass\u{200B}wort.", "Schick mir dein Pass\u{00AD}wort.", "Schick mir dein Pass\u{2060}wort.",
        "Schick mir dein Pass\u{200D}wort.", "Schick mir dein Pass\u{202E}wort.", "Schick mir dein Pass\u{FEFF}wort.",
        "Schick mir dein Раsswort.", "Schick mir dein Pαsswort.", "Schick mir dein Ｐａｓｓｗｏｒｔ.",
        "Schick mir dein Pa\u{0336}\u{0337}sswort.",
    ])
    func disguises(text: String) {
        let hidden = excerpts(text, rule: "spelling.versteckt")
        #expect(hidden.count == 1, "\(text)")
        #expect(hidden.first.map { TextFolding.fold($0) } == "passwort", "\(hidden)")
        #expect(excerpts(text, rule: "privacy.passwort").count == 1, "\(text)")
    }

    @Test("plain text, umlauts, emoji with joiners and real Cyrillic are not disguises", arguments: [
        "Schöne Grüße aus Köln, dein Passwort bleibt geheim.", "Danke 👨‍👩‍👧 für das Foto!",
        "Спасибо, Олег!", "Zoë und Ayşe bekommen e\u{301}in Paket.",
    ])
    func plain(text: String) {
        #expect(excerpts(text, rule: "spelling.versteckt").isEmpty, "\(text)")
    }

    @Test("offsets point at the text as written")
    func offsets() throws {
        let text = "Hi 👋 Pass\u{200B}wort"
        let finding = try #require(Fixtures.findings(text, rule: "spelling.versteckt", in: Self.guide).first)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[finding.start..<finding.end])) == "Pass\u{200B}wort")
    }
}

/// Every bad example of the shipped guide, with each kind of hidden character and look-alike
/// put into a word its rule objects to, must still trigger that rule at that word.
@Suite("disguised bad examples")
struct DisguisedExampleTests {
    enum Disguise: String, CaseIterable {
        case zeroWidthSpace, zeroWidthNonJoiner, zeroWidthJoiner, wordJoiner, softHyphen, leftToRightMark,
             rightToLeftOverride, byteOrderMark, cyrillic, greek, fullWidth, stackedMarks

        /// The word with the disguise, or nil when the word offers no place for it.
        func apply(to word: String) -> String? {
            let scalars = Array(word.unicodeScalars)
            func inserting(_ invisible: Unicode.Scalar) -> String {
                var out = String.UnicodeScalarView()
                out.append(scalars[0])
                out.append(invisible)
                out.append(contentsOf: scalars[1...])
                return String(out)
            }
            func replacingFirst(from table: [Character: Character]) -> String? {
                guard let index = word.firstIndex(where: { table[$0] != nil }) else { return nil }
                var result = word
                result.replaceSubrange(index...index, with: String(table[word[index]]!))
                return result
            }
            switch self {
            case .zeroWidthSpace: return inserting("\u{200B}")
            case .zeroWidthNonJoiner: return inserting("\u{200C}")
            case .zeroWidthJoiner: return inserting("\u{200D}")
            case .wordJoiner: return inserting("\u{2060}")
            case .softHyphen: return inserting("\u{00AD}")
            case .leftToRightMark: return inserting("\u{200E}")
            case .rightToLeftOverride: return inserting("\u{202E}")
            case .byteOrderMark: return inserting("\u{FEFF}")
            case .cyrillic:
                return replacingFirst(from: ["a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і",
                                             "A": "А", "E": "Е", "O": "О", "P": "Р", "C": "С", "T": "Т", "H": "Н", "K": "К",
                                             "M": "М", "B": "В", "X": "Х"])
            case .greek:
                return replacingFirst(from: ["o": "ο", "A": "Α", "B": "Β", "E": "Ε", "H": "Η", "I": "Ι", "K": "Κ", "M": "Μ",
                                             "N": "Ν", "O": "Ο", "P": "Ρ", "T": "Τ", "X": "Χ", "Z": "Ζ"])
            case .fullWidth:
                guard word.unicodeScalars.allSatisfy({ $0.isASCII }) else { return nil }
                return String(String.UnicodeScalarView(word.unicodeScalars.map { Unicode.Scalar($0.value + 0xFEE0)! }))
            case .stackedMarks:
                return inserting("\u{0336}").replacingOccurrences(of: "\u{0336}", with: "\u{0336}\u{0337}")
            }
        }
    }

    /// The first word of at least three letters in an excerpt.
    static func word(in excerpt: String) -> String? {
        excerpt.split(whereSeparator: { !$0.isLetter }).map(String.init).first { $0.count >= 3 }
    }

    @Test("the same rule fires at the visible word", arguments: Disguise.allCases)
    func disguised(_ disguise: Disguise) {
        let scorer = Fixtures.germanScorer
        var checked = 0
        for rule in Fixtures.germanGuide.rules where rule.kind != HiddenCharactersKind.name {
            for example in rule.examples where !example.isGood {
                let original = scorer.score(example.text, context: example.context).findings.filter { $0.rule == rule.id }
                guard let finding = original.first, let word = Self.word(in: finding.excerpt),
                      let hidden = disguise.apply(to: word), let range = example.text.range(of: word) else { continue }
                let text = example.text.replacingCharacters(in: range, with: hidden)
                let findings = scorer.score(text, context: example.context).findings.filter { $0.rule == rule.id }
                let visible = TextFolding.fold(word)
                #expect(findings.contains { TextFolding.fold($0.excerpt).contains(visible) },
                        "\(rule.id), \(disguise): \(text) → \(findings.map(\.excerpt))")
                checked += 1
            }
        }
        #expect(checked > 50)
    }
}

/// `kind: shouting` — words in capitals that are not acronyms ("WIR KÖNNEN NUR HELFEN").
///
/// Parameters: `min_letters` (a capitalised word counts from this length, default 4, so "DB"
/// and "ICE" never do), `acronyms` (capitalised words that are names, not shouting: "OTTO",
/// "IBAN"). One hit per run of consecutive shouted words.
public struct ShoutingKind: RuleKind {
    public static let name = "shouting"
    public static let parameters = ["min_letters", "acronyms"]

    let minimumLetters: Int
    let acronyms: [Lexicon.Term]

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {
        minimumLetters = fields.int("min_letters", in: 2...20) ?? 4
        acronyms = fields.strings("acronyms").map { lexicon.term(for: TextFolding.fold($0.text)) }
    }

    public func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) {
        var runStart: Int?
        var runEnd = 0
        // A short word in capitals ("WIR") joins a shouted run next to it in the same sentence.
        var shortCapitalsStart: Int?
        var lastSentence = -1
        func close() {
            if let start = runStart { hits.append(Hit(start: start, end: runEnd, values: ["match": text.excerpt(start..<runEnd)])) }
            runStart = nil
        }
        for (index, token) in text.tokens.enumerated() where token.letterCount > 0 {
            if token.sentence != lastSentence { close(); shortCapitalsStart = nil }
            lastSentence = token.sentence
            let capitals = token.flags.contains(.allCaps) && !text.token(index, isAnyOf: acronyms)
            if capitals && token.letterCount >= minimumLetters {
                if runStart == nil { runStart = shortCapitalsStart ?? token.start }
                runEnd = token.end
            } else if capitals {
                if runStart != nil { runEnd = token.end } else if shortCapitalsStart == nil { shortCapitalsStart = token.start }
            } else {
                close()
                shortCapitalsStart = nil
            }
        }
        close()
    }
}

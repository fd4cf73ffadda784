/// `kind: shouting` — words in capitals that are not acronyms ("WIR KÖNNEN NUR HELFEN").
///
/// Parameters: `min_letters` (a capitalised word counts from this length, default 4, so "DB"
/// and "ICE" never do), `acronyms` (capitalised words that are names, not shouting: "OTTO",
/// "IBAN"). One hit per run of consecutive shouted words.
public struct ShoutingKind: RuleKind {
    public static let name = "shouting"
    public static let parameters = ["min_letters", "acronyms"]

    let minimumLetters: Int
    let acronyms: Set<String>

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {
        minimumLetters = fields.int("min_letters", in: 2...20) ?? 4
        acronyms = Set(fields.strings("acronyms").map { TextFolding.fold($0.text) })
    }

    public func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) {
        var runStart: Int?
        var runEnd = 0
        var lastSentence = -1
        func close() {
            if let start = runStart { hits.append(Hit(start: start, end: runEnd, values: ["match": text.excerpt(start..<runEnd)])) }
            runStart = nil
        }
        for token in text.tokens {
            guard token.letterCount > 0 else { continue }
            let shouted = token.flags.contains(.allCaps) && token.letterCount >= minimumLetters
                && !acronyms.contains(token.key)
            let capitalsOnly = token.flags.contains(.allCaps) && !acronyms.contains(token.key)
            if shouted {
                if runStart == nil || token.sentence != lastSentence { close(); runStart = token.start }
                runEnd = token.end
            } else if !(capitalsOnly && runStart != nil && token.sentence == lastSentence) {
                // A short word in capitals inside a shouted run ("WIR KÖNNEN NUR") stays in the run.
                close()
            } else {
                runEnd = token.end
            }
            lastSentence = token.sentence
        }
        close()
    }
}

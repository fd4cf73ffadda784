/// `kind: punctuation-run` — runs such as "!!!" or "???" that read as shouting.
///
/// Parameters: `characters` (the marks that count, default `!?`), `min_run` (default 3).
public struct PunctuationRunKind: RuleKind {
    public static let name = "punctuation-run"
    public static let description = KindDescription(
        summary: "\"!!!\", \"???\"",
        parameters: [
            .optional("characters", "text", "!?", "the marks that count"),
            .optional("min_run", "integer", "3", "marks in a row that make a run"),
        ],
        example: """
            characters: "!?"
            min_run: 3
            """)

    /// Indexed by byte: whether it is one of the marks.
    let characters: [Bool]
    let minimumRun: Int

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {
        let marks = fields.string("characters") ?? "!?"
        if marks.unicodeScalars.contains(where: { !$0.isASCII }) || marks.isEmpty {
            fields.error("`characters` must be ASCII punctuation such as `!?`", code: .badValue, at: "characters")
        }
        var table = [Bool](repeating: false, count: 256)
        for byte in marks.utf8 { table[Int(byte)] = true }
        characters = table
        minimumRun = fields.int("min_run", in: 2...100) ?? 3
    }

    public func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) {
        let bytes = text.bytes
        var i = 0
        while i < bytes.count {
            guard characters[Int(bytes[i])] else { i += 1; continue }
            var end = i + 1
            while end < bytes.count, characters[Int(bytes[end])] { end += 1 }
            if end - i >= minimumRun {
                hits.append(Hit(start: i, end: end, values: ["match": text.excerpt(i..<end)]))
            }
            i = end
        }
    }
}

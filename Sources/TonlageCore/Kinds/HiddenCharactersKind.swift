/// `kind: hidden-characters` — words disguised so that rules do not see them: invisible
/// characters inside ("Pass\u{200B}wort"), look-alike letters from Cyrillic or Greek
/// ("Раsswort"), full-width letters or stacked combining marks.
///
/// Rules already match such words as a reader sees them (see `TextFolding.foldUnicode`);
/// this kind reports the disguise itself, once per word, as nobody types these by accident.
/// No parameters.
public struct HiddenCharactersKind: RuleKind {
    public static let name = "hidden-characters"
    public static let description = KindDescription(
        summary: "words disguised by invisible characters, look-alike letters from Cyrillic or Greek, full-width letters or stacked marks",
        parameters: [],
        example: "")

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {}

    public func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) {
        guard text.hasDisguisedWords else { return }
        for token in text.tokens where token.flags.contains(.disguised) {
            hits.append(Hit(start: token.start, end: token.end, values: ["match": text.visibleExcerpt(token.start..<token.end)]))
        }
    }
}

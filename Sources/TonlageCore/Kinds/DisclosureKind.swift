/// `kind: disclosure` — on a third-party site the reply must say that the writer works for
/// the company.
///
/// Writers say so in many forms: "ich arbeite im Kundenservice", a header ("Offizielle
/// Antwort von Eurowings", "[Mitarbeiterin der DKB]"), a signature ("Kim vom
/// Yello-Kundenservice", "Tom (Kundenservice Otto)", "Grüße aus dem Service der Stadtwerke").
/// Besides first-person `phrases`, the kind therefore recognises the structure: a `roles` noun
/// (service, support, team, …, also as the end of a compound) tied to an organisation — a
/// name joined by a hyphen ("N26-Support"), a name right after it ("Team Eurowings"), or one
/// after `links` such as "von", "bei", "der" ("Filialleiterin bei Rossmann"). A role without
/// an organisation ("Viele Grüße, dein Team") says nothing about who writes.
///
/// Parameters: `phrases` (first-person disclosures), `gap`, `roles` (required), `links`.
/// When the reply discloses nothing, the hit covers its first sentence.
public struct DisclosureKind: RuleKind {
    public static let name = "disclosure"
    public static let description = KindDescription(
        summary: "that the writer works for the company: first-person phrases, or a role noun tied to an organisation anywhere (header, signature: \"Kim vom Yello-Kundenservice\", \"Tom (Kundenservice Otto)\", \"[Mitarbeiterin der DKB]\")",
        parameters: [
            .optional("phrases", "phrases", "none", "first-person disclosures (\"ich arbeite im Kundenservice\")"),
            .optional("gap", "integer", "0", "words allowed between a phrase's words"),
            .required("roles", "phrases", "role nouns (service, support, team), also as the end of a compound"),
            .optional("links", "phrases", "none", "words between a role and its organisation (\"von\", \"bei\", \"der\")"),
        ],
        example: """
            phrases: [ich arbeite im kundenservice]
            roles: [service, support, team]
            links: [von, vom, bei, der]
            """)

    let phrases: PhraseMatcher
    let roles: [Lexicon.Term]
    let links: [Lexicon.Term]

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {
        phrases = PhraseMatcher.read("phrases", from: fields, required: false, what: "a disclosure rule",
                                     gap: fields.int("gap", in: 0...5) ?? 0, lexicon: &lexicon)
        roles = fields.strings("roles", required: true, what: "a disclosure rule").map { lexicon.term(for: $0.text.lowercased()) }
        links = fields.strings("links").map { lexicon.term(for: TextFolding.fold($0.text)) }
    }

    public func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) {
        if phrases.occurs(in: text) { return }
        for index in text.tokens.indices where text.token(index, isAnyOf: roles) && namesOrganisation(around: index, in: text) {
            return
        }
        if let first = text.sentences.first {
            hits.append(Hit(start: first.start, end: first.end))
        } else {
            hits.append(Hit(start: 0, end: text.bytes.count))
        }
    }

    private func namesOrganisation(around index: Int, in text: AnalyzedText) -> Bool {
        let sentence = text.tokens[index].sentence
        // "N26-Support", "Yello-Kundenservice", "dm-Kundenservice": a name joined to the role,
        // in whatever case the brand writes itself.
        if index > 0, text.tokens[index - 1].sentence == sentence,
           text.bytes[text.tokens[index - 1].end..<text.tokens[index].start].elementsEqual([UInt8(ascii: "-")]) {
            return true
        }
        var next = index + 1
        // Further parts of the role ("Social-Media-Team der Lufthansa", "Service-Team von").
        while next < text.tokens.count, text.tokens[next].sentence == sentence, text.token(next, isAnyOf: roles) { next += 1 }
        guard next < text.tokens.count, text.tokens[next].sentence == sentence else { return false }
        if isName(next, in: text) { return true } // "Kundenservice Otto", "Team Eurowings"
        var k = next
        while k < min(next + 2, text.tokens.count), text.tokens[k].sentence == sentence, text.token(k, isAnyOf: links) { k += 1 }
        return k > next && k < text.tokens.count && text.tokens[k].sentence == sentence && isName(k, in: text)
    }

    /// A word that can name an organisation: capitalised, in capitals, or with a digit ("N26").
    private func isName(_ index: Int, in text: AnalyzedText) -> Bool {
        let token = text.tokens[index]
        return token.flags.contains(.capitalized) || token.flags.contains(.allCaps)
            || text.bytes[token.start..<token.end].contains { $0 >= 0x30 && $0 <= 0x39 }
    }
}

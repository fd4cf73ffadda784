/// `kind: cooccurrence` — a tone that no single word carries but several together do: an
/// offer of one's own product with a price or a call to action in answer to a complaint
/// ("Probier doch mal unser neues Setting-Spray"), a rebuttal with an accusation.
///
/// Parameters: `groups` (a mapping of group names to phrase lists, required), `required`
/// (groups that must all occur, default none), `min_groups` (how many groups must occur,
/// default all), `scope` (`sentence`, the default, or `reply`), `gap`.
/// The hit covers the matched words, from the first to the last, in the first sentence (or
/// reply) where enough groups meet.
public struct CooccurrenceKind: RuleKind {
    public static let name = "cooccurrence"
    public static let description = KindDescription(
        summary: "a tone no single word carries: groups of words that together make it (an offer of one's own product with a price or a call to action)",
        parameters: [
            .required("groups", "mapping", "group name: phrases"),
            .optional("required", "list", "none", "groups that must all occur"),
            .optional("min_groups", "integer", "all groups", "how many groups must occur"),
            .optional("scope", "choice (sentence|reply)", "sentence", "where the groups must meet"),
            .optional("gap", "integer", "0", "words allowed between a phrase's words"),
        ],
        example: """
            groups:
              offer: [probier, teste]
              price: [euro, rabatt]
            required: [offer]
            min_groups: 2
            scope: sentence
            """)

    public enum Scope: String, CaseIterable, Sendable { case sentence, reply }

    let groups: [PhraseMatcher]
    let required: [Int]
    let minimumGroups: Int
    let scope: Scope

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {
        let gap = fields.int("gap", in: 0...5) ?? 0
        var groups: [PhraseMatcher] = []
        var names: [String] = []
        if let mapping = fields.mapping("groups", what: "`groups`") {
            for name in mapping.keys {
                groups.append(PhraseMatcher.read(name, from: mapping, required: true, what: "a group", gap: gap, lexicon: &lexicon))
                names.append(name)
            }
        } else {
            fields.missing("groups", what: "a cooccurrence rule")
        }
        var required: [Int] = []
        for (name, mark) in fields.strings("required") {
            if let index = names.firstIndex(of: name) {
                required.append(index)
            } else {
                fields.sink.report("`required` names the group `\(name)`, which `groups` does not define"
                                   + NameSuggestion.didYouMean(name, in: names), code: .badValue, at: mark)
            }
        }
        self.groups = groups
        self.required = required
        minimumGroups = fields.int("min_groups", in: 1...max(1, groups.count)) ?? groups.count
        scope = fields.choice("scope", as: Scope.self) ?? .sentence
    }

    public func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) {
        let scopes: [Range<Int>] = scope == .reply ? [0..<text.tokens.count] : text.sentences.map(\.tokens)
        for range in scopes where !range.isEmpty {
            var found = 0
            var first = Int.max, last = -1
            var missingRequired = false
            for (index, group) in groups.enumerated() {
                let matches = group.matches(in: text, tokens: range)
                guard let head = matches.first, let tail = matches.last else {
                    if required.contains(index) { missingRequired = true; break }
                    continue
                }
                found += 1
                first = min(first, head.firstToken)
                last = max(last, tail.lastToken)
            }
            guard !missingRequired, found >= minimumGroups, last >= 0 else { continue }
            let start = text.tokens[first].start, end = text.tokens[last].end
            hits.append(Hit(start: start, end: end, values: ["match": text.excerpt(start..<end)]))
            return
        }
    }
}

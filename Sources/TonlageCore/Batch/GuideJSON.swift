/// A guide's fixed texts as scorecard JSON, escaped once instead of for every finding: each
/// rule's opening of a finding (`{"rule":…,"severity":…,"start":`), and its message and
/// suggestion split at their `{placeholders}`.
///
/// Made per worker with its scorer. Everything lives in flat arrays of plain values, so writing a reply's
/// findings touches no reference count; only what a hit fills in is escaped. A template whose
/// braces nest (`{a{b}`) is left to `Placeholders.fill`, which alone knows which of them the
/// hit's values turn into placeholders.
struct GuideJSON: Sendable {
    /// A piece of a template: escaped text `bytes[start..<end]`, or, when `name` is not empty,
    /// a placeholder named `bytes[name]` whose text as written (escaped) is `bytes[start..<end]`.
    fileprivate struct Piece {
        let start: Int32
        let end: Int32
        let name: Range<Int32>
    }

    /// A template: `pieces[pieces]`, or the escaped whole `bytes[whole]` for a hit without
    /// values. Empty `whole` and `pieces` with `regular` false: no template, or an irregular one.
    fileprivate struct Template {
        var pieces: Range<Int32> = 0..<0
        var whole: Range<Int32> = 0..<0
        var regular = false
    }

    fileprivate struct RuleTexts {
        let opening: Range<Int32>
        let message: Template
        let suggestion: Template
    }

    private var bytes: [UInt8] = []
    private var pieces: [Piece] = []
    private var rules: [RuleTexts] = []

    init(_ guide: Guide) {
        for rule in guide.rules {
            let openingStart = Int32(bytes.count)
            ScorecardJSON.findingOpening(rule: rule.id, severity: rule.severity, &bytes)
            let opening = openingStart..<Int32(bytes.count)
            let message = template(rule.message)
            let suggestion = rule.suggestion.map { template($0) } ?? Template()
            rules.append(RuleTexts(opening: opening, message: message, suggestion: suggestion))
        }
    }

    private mutating func template(_ text: String) -> Template {
        let source = Array(text.utf8)
        let firstPiece = Int32(pieces.count)
        var literalStart = 0
        var i = 0
        while i < source.count {
            guard source[i] == UInt8(ascii: "{"), let close = source[(i + 1)...].firstIndex(of: UInt8(ascii: "}")) else {
                i += 1
                continue
            }
            if source[(i + 1)..<close].contains(UInt8(ascii: "{")) {
                pieces.removeLast(pieces.count - Int(firstPiece))
                return Template()
            }
            if literalStart < i { literal(source[literalStart..<i]) }
            let nameStart = Int32(bytes.count)
            bytes += source[(i + 1)..<close]
            let name = nameStart..<Int32(bytes.count)
            let (start, end) = escape(source[i...close])
            pieces.append(Piece(start: start, end: end, name: name))
            i = close + 1
            literalStart = i
        }
        if literalStart < source.count { literal(source[literalStart...]) }
        let (start, end) = escape(source[...])
        return Template(pieces: firstPiece..<Int32(pieces.count), whole: start..<end, regular: true)
    }

    private mutating func literal(_ text: ArraySlice<UInt8>) {
        let (start, end) = escape(text)
        pieces.append(Piece(start: start, end: end, name: 0..<0))
    }

    private mutating func escape(_ text: ArraySlice<UInt8>) -> (Int32, Int32) {
        let start = Int32(bytes.count)
        text.withUnsafeBufferPointer { ScorecardJSON.escaped($0, &bytes) }
        return (start, Int32(bytes.count))
    }

    /// The texts through buffers, for the findings of one reply.
    func withView<Result>(_ body: (View) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { bytes in
            pieces.withUnsafeBufferPointer { pieces in
                rules.withUnsafeBufferPointer { rules in body(View(bytes: bytes, pieces: pieces, rules: rules)) }
            }
        }
    }

    struct View {
        fileprivate let bytes: UnsafeBufferPointer<UInt8>
        fileprivate let pieces: UnsafeBufferPointer<Piece>
        fileprivate let rules: UnsafeBufferPointer<RuleTexts>

        func appendOpening(of rule: Int, to out: inout [UInt8]) {
            append(rules[rule].opening, to: &out)
        }

        /// The rule's message filled with the hit's values, as a JSON string; false (writing
        /// nothing) when only `Placeholders.fill` can fill it.
        func appendMessage(of rule: Int, _ values: Placeholders, to out: inout [UInt8]) -> Bool {
            fill(rules[rule].message, values, &out)
        }

        /// The same for the rule's suggestion; false also when the rule has none.
        func appendSuggestion(of rule: Int, _ values: Placeholders, to out: inout [UInt8]) -> Bool {
            fill(rules[rule].suggestion, values, &out)
        }

        private func fill(_ template: Template, _ values: Placeholders, _ out: inout [UInt8]) -> Bool {
            guard template.regular else { return false }
            out.append(UInt8(ascii: "\""))
            if values.isEmpty {
                append(template.whole, to: &out)
            } else {
                for piece in pieces[Int(template.pieces.lowerBound)..<Int(template.pieces.upperBound)] {
                    if !piece.name.isEmpty,
                       var value = values.value(named: UnsafeBufferPointer(rebasing: bytes[Int(piece.name.lowerBound)..<Int(piece.name.upperBound)])) {
                        value.withUTF8 { ScorecardJSON.escaped($0, &out) }
                    } else {
                        append(piece.start..<piece.end, to: &out)
                    }
                }
            }
            out.append(UInt8(ascii: "\""))
            return true
        }

        private func append(_ range: Range<Int32>, to out: inout [UInt8]) {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[Int(range.lowerBound)..<Int(range.upperBound)]))
        }
    }
}

/// Writes a scorecard as one line of JSON, in the field order of the `check` contract.
///
/// Written by hand so the output is byte-identical for the same input (key order, number
/// format) and fast enough for batch scoring.
public enum ScorecardJSON {
    public static func line(_ card: Scorecard, idJSON: String? = nil) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256 + card.findings.count * 200)
        write(card, idJSON: idJSON, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    public static func write(_ card: Scorecard, idJSON: String?, into out: inout [UInt8]) {
        header(idJSON: idJSON, context: card.context, score: card.score, passed: card.passed, length: card.length,
               limit: card.lengthLimit, dimensions: card.dimensions, &out)
        for (k, finding) in card.findings.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            findingStart(rule: finding.rule, severity: finding.severity, start: finding.start, end: finding.end, &out)
            raw(",\"excerpt\":", &out); string(finding.excerpt, &out)
            raw(",\"message\":", &out); string(finding.message, &out)
            raw(",\"suggestion\":", &out)
            if let suggestion = finding.suggestion { string(suggestion, &out) } else { raw("null", &out) }
            findingEnd(deduction: finding.deduction, &out)
        }
        trailer(skipped: card.skipped, &out)
    }

    /// The same line as `write(assessment.scorecard(guide:))`, byte for byte, written straight
    /// from the hits: excerpts come from the reply's bytes and messages are filled into the
    /// output, so no finding, message or excerpt is made as a `String` of its own.
    static func write(_ assessment: Assessment, guide: Guide, texts: GuideJSON, idJSON: String?, into out: inout [UInt8]) {
        header(idJSON: idJSON, context: assessment.context, score: assessment.score, passed: assessment.passed,
               length: assessment.length, limit: assessment.lengthLimit, dimensions: assessment.dimensions, &out)
        let offsets = assessment.offsets
        texts.withView { texts in
            // Entries are read in place: a copy of one retains and releases each string its hit holds.
            assessment.text.bytes.withUnsafeBufferPointer { bytes in assessment.entries.withUnsafeBufferPointer { entries in
                for k in entries.indices {
                    if k > 0 { out.append(UInt8(ascii: ",")) }
                    let (rule, start, end) = (entries[k].rule, entries[k].hit.start, entries[k].hit.end)
                    texts.appendOpening(of: rule, to: &out)
                    int(offsets[start], &out)
                    raw(",\"end\":", &out); int(offsets[end], &out)
                    raw(",\"excerpt\":", &out)
                    if UTF8Scanning.isBoundary(bytes, start) && UTF8Scanning.isBoundary(bytes, end) {
                        out.append(UInt8(ascii: "\""))
                        escaped(UnsafeBufferPointer(rebasing: bytes[start..<end]), &out)
                        out.append(UInt8(ascii: "\""))
                    } else {
                        // Not where a character starts: as `excerpt` makes it, with U+FFFD for the cut.
                        string(assessment.text.excerpt(start..<end), &out)
                    }
                    raw(",\"message\":", &out)
                    if !texts.appendMessage(of: rule, entries[k].hit.values, to: &out) {
                        filled(guide.rules[rule].message, entries[k].hit.values, &out)
                    }
                    raw(",\"suggestion\":", &out)
                    if let suggestion = entries[k].hit.suggestion {
                        filled(suggestion, entries[k].hit.values, &out)
                    } else if !texts.appendSuggestion(of: rule, entries[k].hit.values, to: &out) {
                        if let suggestion = guide.rules[rule].suggestion { filled(suggestion, entries[k].hit.values, &out) } else { raw("null", &out) }
                    }
                    findingEnd(deduction: entries[k].deduction, &out)
                }
            } }
        }
        trailer(skipped: assessment.skipped, &out)
    }

    private static func header(idJSON: String?, context: ReplyContext, score: Int, passed: Bool, length: Int,
                               limit: Int?, dimensions: [Dimension], _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        if let idJSON {
            raw("\"id\":", &out); out.append(contentsOf: idJSON.utf8); raw(",", &out)
        }
        raw("\"score\":", &out); int(score, &out)
        raw(",\"pass\":", &out); raw(passed ? "true" : "false", &out)
        raw(",\"channel\":", &out); out.append(contentsOf: channelNames[context.channel.bit.trailingZeroBitCount])
        raw(",\"mood\":", &out); out.append(contentsOf: moodNames[context.mood.bit.trailingZeroBitCount])
        raw(",\"length\":{\"value\":", &out); int(length, &out)
        raw(",\"limit\":", &out)
        if let limit { int(limit, &out) } else { raw("null", &out) }
        raw("},\"dimensions\":{", &out)
        for (k, dimension) in dimensions.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: familyKeys[dimension.family.index]); int(dimension.score, &out)
        }
        raw("},\"findings\":[", &out)
    }

    /// Every line names its channel, its mood and its families: their names are escaped once,
    /// from their raw values, placed by their bits and indices.
    private static let channelNames = quotedNames(Channel.allCases) { $0.bit.trailingZeroBitCount }
    private static let moodNames = quotedNames(Mood.allCases) { $0.bit.trailingZeroBitCount }
    /// `"address":` and so on.
    private static let familyKeys = quotedNames(Family.all) { $0.index }.map { $0 + [UInt8(ascii: ":")] }

    private static func quotedNames<Name: RawRepresentable>(_ names: [Name], placedAt place: (Name) -> Int) -> [[UInt8]]
    where Name.RawValue == String {
        var quoted = [[UInt8]](repeating: [], count: names.count)
        for name in names { string(name.rawValue, &quoted[place(name)]) }
        return quoted
    }

    @inline(__always)
    private static func findingStart(rule: String, severity: Severity, start: Int, end: Int, _ out: inout [UInt8]) {
        findingOpening(rule: rule, severity: severity, &out)
        int(start, &out)
        raw(",\"end\":", &out); int(end, &out)
    }

    /// A finding up to its start offset's value: fixed per rule, so `GuideJSON` writes it once.
    static func findingOpening(rule: String, severity: Severity, _ out: inout [UInt8]) {
        raw("{\"rule\":", &out); string(rule, &out)
        raw(",\"severity\":", &out); string(severity.rawValue, &out)
        raw(",\"start\":", &out)
    }

    @inline(__always)
    private static func findingEnd(deduction: Int, _ out: inout [UInt8]) {
        raw(",\"deduction\":", &out); int(deduction, &out)
        out.append(UInt8(ascii: "}"))
    }

    private static func trailer(skipped: [String], _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "]"))
        // Only when a rule gave up, so ordinary scorecards keep the contract's fields alone.
        if !skipped.isEmpty {
            raw(",\"skipped\":[", &out)
            for (k, rule) in skipped.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                string(rule, &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "}"))
    }

    /// A message template with its placeholders filled, as a JSON string.
    private static func filled(_ template: String, _ values: Placeholders, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        values.fill(template, into: &out) { piece, out in escaped(piece, &out) }
        out.append(UInt8(ascii: "\""))
    }

    /// `{"id": null, "line": N, "error": "..."}` for a line that could not be read.
    public static func errorLine(line: Int, message: String) -> String {
        var out: [UInt8] = []
        raw("{\"id\":null,\"line\":", &out); int(line, &out)
        raw(",\"error\":", &out); string(message, &out); out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    /// A JSON string literal for `text`, escaped as in every scorecard.
    public static func quoted(_ text: String) -> String {
        var out: [UInt8] = []
        string(text, &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Literal JSON: a `StaticString` is copied as one block of bytes, where a `String`'s
    /// UTF-8 view would be appended byte by byte.
    @inline(__always)
    static func raw(_ text: StaticString, _ out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    static func int(_ value: Int, _ out: inout [UInt8]) {
        // Scores, deductions and most offsets: three digits at most, written straight out.
        if value >= 0 && value < 1000 {
            if value >= 100 { out.append(UInt8(ascii: "0") + UInt8(value / 100)) }
            if value >= 10 { out.append(UInt8(ascii: "0") + UInt8(value / 10 % 10)) }
            out.append(UInt8(ascii: "0") + UInt8(value % 10))
            return
        }
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for k in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[k]) }
        }
    }

    /// A JSON string. Besides what JSON requires, the line breaks beyond ASCII (U+0085, U+2028,
    /// U+2029) are escaped: they are valid inside JSON strings, but tools that split lines on
    /// them (Python's `splitlines`, JavaScript before ES2019) would cut a scorecard in two.
    static func string(_ text: String, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { escaped($0, &out) }
        out.append(UInt8(ascii: "\""))
    }

    /// The inside of a JSON string: `bytes` (whole characters), escaped.
    static func escaped(_ bytes: UnsafeBufferPointer<UInt8>, _ out: inout [UInt8]) {
        // Copy runs that need no escaping in one go.
        var runStart = 0
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            // Most bytes of a scorecard's texts need nothing: one table look-up passes them.
            guard needsAttention(byte) else { i += 1; continue }
            var length = 0
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F {
                length = 1
            } else if byte == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0x85 {
                length = 2
            } else if byte == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] & 0xFE == 0xA8 {
                length = 3
            }
            guard length > 0 else { i += 1; continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
            switch length {
            case 1: escape(byte, &out)
            case 2: raw("\\u0085", &out)
            default: bytes[i + 2] == 0xA8 ? raw("\\u2028", &out) : raw("\\u2029", &out)
            }
            i += length
            runStart = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }

    /// Whether `bytes` hold a byte `escaped` looks at; false means `escaped` writes them unchanged.
    static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.contains(where: needsAttention)
    }

    /// The bytes `escaped` must look at: controls, `"`, `\`, DEL, and 0xC2 and 0xE2, which
    /// start U+0085, U+2028 and U+2029. A bit mask per quarter of the byte range, so the
    /// common byte costs one shift and test rather than six comparisons.
    @inline(__always)
    private static func needsAttention(_ byte: UInt8) -> Bool {
        let mask: UInt64
        switch byte >> 6 {
        case 0: mask = 0x0000_0004_FFFF_FFFF // 0x00...0x1F, 0x22
        case 1: mask = 0x8000_0000_1000_0000 // 0x5C, 0x7F
        case 2: mask = 0
        default: mask = 0x0000_0004_0000_0004 // 0xC2, 0xE2
        }
        return (mask >> UInt64(byte & 63)) & 1 != 0
    }

    private static func escape(_ byte: UInt8, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        switch byte {
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "t"))
        case 0x22, 0x5C: out.append(byte)
        default:
            let hex = Array("0123456789abcdef".utf8)
            raw("u00", &out)
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0xF)])
        }
    }
}

/// Finds the URLs X counts as 23 weighted characters, following twitter-text's URL extraction
/// (`extractUrlsWithIndices` and its grammar), on UTF-8 bytes; it allocates only to look up a
/// non-ASCII top-level domain:
///
/// - A URL starts at the beginning of a chunk or after a character that is none of: an ASCII
///   letter or digit, `@ $ #` (or full-width `＠ ＃`), U+FFFE, U+FEFF, U+FFFF. Directional marks
///   may stand before it.
/// - `http://` or `https://` (any case) is optional. The host is labels separated by dots. A label
///   holds any character except ASCII punctuation, spaces, controls, directional marks and those
///   three, with hyphens inside (and underscores inside a subdomain). The host ends in a top-level
///   domain X knows (`TopLevelDomains`, followed by something other than an ASCII letter, digit,
///   `@`, `+` or `-`) or in a punycode label (`xn--…`). Then come an optional `:port`, a path
///   (its last character a letter, digit, `+ - = _ # /` or a balanced parenthesis) and a query
///   (its last character a letter, digit or `- _ & = # /`).
/// - Every label, punycode-encoded if not ASCII, is 1–63 characters long. The URL with its scheme
///   counted twice (`https://` once when it has none) is at most 4,096 UTF-16 code units.
/// - Without a scheme a URL may not follow `- _ . /`, and only the ASCII part of the host (Latin
///   letters allowed) counts. A single name under a country-code domain (`bahn.de`) is a URL only
///   with a path (`bahn.de/x`); `.co` and `.tv` are the exceptions (`t.co`). Without a path the
///   URL is the host alone: a port or query after it counts as text.
/// - A `t.co` link ends after its slug, which may be at most 40 characters long.
///
/// Nothing inside a candidate that fails these checks is a URL, as in twitter-text, whose
/// search resumes after the whole match.
enum TwitterURL {
    static let maxLabelLength = 63
    static let maxURLLength = 4096
    static let maxTcoSlugLength = 40

    /// Appends the URLs of `start..<end`, a chunk without whitespace, to `urls`.
    static func find(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, into urls: inout [Range<Int>]) {
        guard mayHoldHost(b, start, end) else { return }
        var p = start
        // The chunk follows whitespace or starts the text: a URL may start at once.
        var previous: UInt32 = 0x20
        // How far a failed host was read: no host starts inside that either (CJK text before
        // "3.5", "1.2.3.4…" are read once, not from each character), but a scheme may ("語http://…").
        var noHostUntil = start
        while p < end {
            let (value, length) = UTF8Scanning.decode(b, at: p)
            if p >= noHostUntil || (value | 0x20 == 0x68 && schemeLength(b, p, end) > 0),
               isValidPreceding(previous), isHostScalar(value) {
                if let matchEnd = match(b, p, end, after: previous, into: &urls, noHostUntil: &noHostUntil) {
                    // The match is consumed whole; the next URL needs a character of its own before it.
                    guard matchEnd < end else { return }
                    let (next, nextLength) = UTF8Scanning.decode(b, at: matchEnd)
                    previous = next
                    p = matchEnd + nextLength
                    continue
                }
            }
            previous = value
            p += length
        }
    }

    /// A host needs a dot with something on both sides.
    @inline(__always)
    private static func mayHoldHost(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var k = start + 1
        while k < end - 1 {
            if b[k] == 0x2E { return true }
            k += 1
        }
        return false
    }

    /// twitter-text's URL pattern at `p`: nil where it does not match; otherwise where the match
    /// ends, having appended the URLs it holds (none if it fails the checks).
    private static func match(_ b: UnsafeBufferPointer<UInt8>, _ p: Int, _ end: Int, after previous: UInt32,
                              into urls: inout [Range<Int>], noHostUntil: inout Int) -> Int? {
        let scheme = schemeLength(b, p, end)
        let hostStart = p + scheme
        // Without the scheme, "http" followed by ':' is no host either: nothing else to try.
        guard hostStart < end, let host = host(b, hostStart, end, noHostUntil: &noHostUntil) else { return nil }
        var e = host.end
        if e + 1 < end, b[e] == UInt8(ascii: ":"), isDigit(b[e + 1]) {
            e += 2
            while e < end, isDigit(b[e]) { e += 1 }
        }
        let hasPath = e < end && b[e] == UInt8(ascii: "/")
        if hasPath { e = pathEnd(b, e + 1, end) }
        if e < end, b[e] == UInt8(ascii: "?"), let queryEnd = queryEnd(b, e + 1, end) { e = queryEnd }

        guard labelsFit(b, hostStart, host.end),
              (scheme > 0 ? scheme : 8) + utf16Length(b, p, e) <= maxURLLength else { return e }

        if scheme > 0 {
            if host.end - hostStart == 4, host.end < e, b[host.end] == UInt8(ascii: "/"), isTco(b, hostStart) {
                var slugEnd = host.end + 1
                while slugEnd < e, isASCIIAlphanumeric(b[slugEnd]) { slugEnd += 1 }
                if slugEnd > host.end + 1 {
                    if slugEnd - host.end - 1 <= maxTcoSlugLength { urls.append(p..<slugEnd) }
                    return e
                }
            }
            urls.append(p..<e)
            return e
        }

        switch previous {
        case 0x2D, 0x5F, 0x2E, 0x2F: return e // - _ . /
        default: break
        }
        // Without a scheme only the ASCII (and Latin) domains in the host count: "example.com"
        // in "日本example.com", both in "a.com日本b.com". A path goes with the last.
        let first = urls.count
        var s = hostStart
        while s < host.end {
            let (value, length) = UTF8Scanning.decode(b, at: s)
            guard value != 0x2E, isASCIIHostScalar(value) else {
                s += length
                continue
            }
            var read = s
            guard let domain = asciiDomain(b, s, host.end, read: &read) else {
                // None starts inside what was read either.
                s = max(read, s + length)
                continue
            }
            // A single name under a country-code domain (not .co, .tv) needs a path.
            if hasPath || !domain.tldIsCountryCode || domain.tldIsCoOrTV || !isSingleDomainName(b, s, domain.tldStart - 1) {
                urls.append(s..<domain.end)
            }
            s = domain.end
        }
        if hasPath, urls.count > first { urls[urls.count - 1] = urls[urls.count - 1].lowerBound..<e }
        return e
    }

    // MARK: Host

    private struct Host {
        var end: Int
        var tldStart: Int
        var tldIsCountryCode: Bool
        var tldIsCoOrTV: Bool
    }

    /// The longest host starting at `start`: labels, each followed by a dot, then a top-level domain.
    /// When there is none, `noHostUntil` becomes how far the labels were read: a host starting
    /// later in them would have the same labels (or the end of one) and top-level domains to
    /// try, unless it started after an underscore.
    private static func host(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, noHostUntil: inout Int) -> Host? {
        var best: Host?
        var read = start
        var firstUnderscore = Int.max
        defer { if best == nil { noHostUntil = min(read, firstUnderscore) } }
        var labelStart = start
        while labelStart < end {
            var k = labelStart
            var endsInHostScalar = false
            var underscore = false
            while k < end {
                let (value, length) = UTF8Scanning.decode(b, at: k)
                if value == 0x2D || value == 0x5F {
                    if k == labelStart {
                        read = k
                        return best
                    }
                    if value == 0x5F {
                        underscore = true
                        firstUnderscore = min(firstUnderscore, k)
                    }
                    endsInHostScalar = false
                } else if isHostScalar(value) {
                    endsInHostScalar = true
                } else {
                    break
                }
                k += length
            }
            read = k
            guard endsInHostScalar, k + 1 < end, b[k] == 0x2E else { return best }
            // An underscore may stand in a subdomain but not in the name before the top-level domain.
            if !underscore, let tld = topLevelDomain(b, k + 1, end) { best = tld }
            labelStart = k + 1
        }
        return best
    }

    /// The top-level domain at `start`: the longest known name followed by a boundary, else a punycode label.
    private static func topLevelDomain(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Host? {
        var k = start
        var ascii = true
        var found: Host?
        while k < end, k - start < TopLevelDomains.maxLength {
            let (value, length) = UTF8Scanning.decode(b, at: k)
            guard isHostScalar(value) else { break }
            if value >= 0x80 { ascii = false }
            k += length
            // A name must not run on into an ASCII letter, digit, '@', '+' or '-': not "com" in "comics".
            if k < end && (isASCIIAlphanumeric(b[k]) || b[k] == 0x40 || b[k] == 0x2B || b[k] == 0x2D) { continue }
            let slice = UnsafeBufferPointer(rebasing: b[start..<k])
            let name = ascii ? TextFolding.asciiLowercased(bytes: slice) : String(decoding: slice, as: UTF8.self).lowercased()
            if TopLevelDomains.generic.contains(name) {
                found = Host(end: k, tldStart: start, tldIsCountryCode: false, tldIsCoOrTV: false)
            } else if TopLevelDomains.countryCode.contains(name) {
                found = Host(end: k, tldStart: start, tldIsCountryCode: true, tldIsCoOrTV: name == "co" || name == "tv")
            }
        }
        if found != nil { return found }
        // xn--, then letters, digits and hyphens
        guard end - start > 4, b[start] | 0x20 == UInt8(ascii: "x"), b[start + 1] | 0x20 == UInt8(ascii: "n"),
              b[start + 2] == 0x2D, b[start + 3] == 0x2D else { return nil }
        var e = start + 4
        while e < end, isASCIIAlphanumeric(b[e]) || b[e] == 0x2D { e += 1 }
        return e > start + 4 ? Host(end: e, tldStart: start, tldIsCountryCode: false, tldIsCoOrTV: false) : nil
    }

    /// twitter-text's ASCII domain at `start` inside a host ending at `end`: labels of ASCII
    /// letters, digits, hyphens and Latin letters, each followed by a dot, then a top-level domain.
    private static func asciiDomain(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, read: inout Int) -> Host? {
        var best: Host?
        var labelStart = start
        while labelStart < end {
            var k = labelStart
            while k < end {
                let (value, length) = UTF8Scanning.decode(b, at: k)
                guard isASCIIHostScalar(value) else { break }
                k += length
            }
            read = k
            guard k > labelStart, k + 1 < end, b[k] == 0x2E else { return best }
            if let tld = topLevelDomain(b, k + 1, end) { best = tld }
            labelStart = k + 1
        }
        return best
    }

    /// Whether every label of the host is 1–63 characters long once punycode-encoded (IDNA ToASCII).
    private static func labelsFit(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var labelStart = start
        while labelStart <= end {
            var k = labelStart
            var ascii = true
            while k < end, b[k] != 0x2E {
                if b[k] >= 0x80 { ascii = false }
                k += 1
            }
            let length = ascii ? k - labelStart : 4 + punycodeLength(b, labelStart, k, limit: maxLabelLength)
            if length < 1 || length > maxLabelLength { return false }
            labelStart = k + 1
        }
        return true
    }

    /// One label (no dot) that starts and ends with a host character: `bahn` in `bahn.de`.
    private static func isSingleDomainName(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard start < end, b[start] != 0x2D, b[end - 1] != 0x2D else { return false }
        for k in start..<end where b[k] == 0x2E { return false }
        return true
    }

    private static func isTco(_ b: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        b[start] | 0x20 == UInt8(ascii: "t") && b[start + 1] == 0x2E
            && b[start + 2] | 0x20 == UInt8(ascii: "c") && b[start + 3] | 0x20 == UInt8(ascii: "o")
    }

    // MARK: Scheme, path, query

    /// 7 for `http://`, 8 for `https://` (any case), else 0.
    private static func schemeLength(_ b: UnsafeBufferPointer<UInt8>, _ p: Int, _ end: Int) -> Int {
        guard end - p > 7, b[p] | 0x20 == UInt8(ascii: "h"), b[p + 1] | 0x20 == UInt8(ascii: "t"),
              b[p + 2] | 0x20 == UInt8(ascii: "t"), b[p + 3] | 0x20 == UInt8(ascii: "p") else { return 0 }
        let colon = b[p + 4] | 0x20 == UInt8(ascii: "s") ? p + 5 : p + 4
        guard end - colon > 3, b[colon] == UInt8(ascii: ":"), b[colon + 1] == 0x2F, b[colon + 2] == 0x2F else { return 0 }
        return colon + 3 - p
    }

    /// The end of a path whose first character (after the slash) is at `start`.
    private static func pathEnd(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var k = start
        var last = start
        while k < end {
            if b[k] == UInt8(ascii: "(") {
                guard let close = balancedParenthesis(b, k, end) else { break }
                k = close
                last = k
                continue
            }
            let (value, length) = UTF8Scanning.decode(b, at: k)
            guard isPathScalar(value) else { break }
            k += length
            if isPathEndingScalar(value) { last = k }
        }
        return last
    }

    /// `(x)` or `(x(y)z)` in a path (`/wiki/Primer_(film)`): where it ends, nil if it is not one.
    private static func balancedParenthesis(_ b: UnsafeBufferPointer<UInt8>, _ open: Int, _ end: Int) -> Int? {
        let inner = pathRun(b, open + 1, end)
        if inner > open + 1, inner < end, b[inner] == UInt8(ascii: ")") { return inner + 1 }
        guard inner < end, b[inner] == UInt8(ascii: "(") else { return nil }
        let nested = pathRun(b, inner + 1, end)
        guard nested > inner + 1, nested < end, b[nested] == UInt8(ascii: ")") else { return nil }
        let rest = pathRun(b, nested + 1, end)
        guard rest < end, b[rest] == UInt8(ascii: ")") else { return nil }
        return rest + 1
    }

    private static func pathRun(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var k = start
        while k < end {
            let (value, length) = UTF8Scanning.decode(b, at: k)
            guard isPathScalar(value) else { break }
            k += length
        }
        return k
    }

    /// The end of a query whose first character (after `?`) is at `start`; nil if it has no valid last character.
    private static func queryEnd(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        var k = start
        var last: Int?
        while k < end, isQueryByte(b[k]) {
            if isQueryEndingByte(b[k]) { last = k + 1 }
            k += 1
        }
        return last
    }

    // MARK: Character classes

    @inline(__always)
    static func isValidPreceding(_ value: UInt32) -> Bool {
        switch value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x40, 0x24, 0x23, 0xFF20, 0xFF03, 0xFEFF, 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }

    /// A character a host label is made of (besides the hyphen and underscore inside).
    @inline(__always)
    static func isHostScalar(_ value: UInt32) -> Bool {
        if value < 0x80 { return isASCIIAlphanumeric(UInt8(value)) }
        switch value {
        case 0x85, 0xA0, 0x1680, 0x180E, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return false // spaces
        case 0xFEFF, 0xFFFE, 0xFFFF: return false // refused by X
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return false // directional marks
        default: return true
        }
    }

    /// What twitter-text's ASCII domains are made of: ASCII letters, digits, hyphens and Latin accented letters.
    private static func isASCIIHostScalar(_ value: UInt32) -> Bool {
        value < 0x80 ? isASCIIAlphanumeric(UInt8(value)) || value == 0x2D : isLatinAccent(value)
    }

    private static func isLatinAccent(_ value: UInt32) -> Bool {
        switch value {
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x253, 0x254, 0x256, 0x257, 0x259, 0x25B, 0x263, 0x268, 0x26F,
             0x272, 0x289, 0x28B, 0x2BB, 0x300...0x36F, 0x1E00...0x1EFF:
            return true
        default:
            return false
        }
    }

    private static func isPathScalar(_ value: UInt32) -> Bool {
        if value < 0x80 {
            switch UInt8(value) {
            case UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "'"), UInt8(ascii: ";"), UInt8(ascii: ":"),
                 UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: "$"),
                 UInt8(ascii: "/"), UInt8(ascii: "%"), UInt8(ascii: "#"), UInt8(ascii: "["), UInt8(ascii: "]"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "@"), UInt8(ascii: "|"),
                 UInt8(ascii: "&"):
                return true
            case let byte:
                return isASCIIAlphanumeric(byte)
            }
        }
        return value == 0x2013 || (0x400...0x4FF).contains(value) || isLatinAccent(value)
    }

    private static func isPathEndingScalar(_ value: UInt32) -> Bool {
        if value < 0x80 {
            switch UInt8(value) {
            case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "="), UInt8(ascii: "_"), UInt8(ascii: "#"), UInt8(ascii: "/"):
                return true
            case let byte:
                return isASCIIAlphanumeric(byte)
            }
        }
        return (0x400...0x4FF).contains(value) || isLatinAccent(value)
    }

    private static func isQueryByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "'"), UInt8(ascii: "@"),
             UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "&"),
             UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "$"), UInt8(ascii: "/"), UInt8(ascii: "%"),
             UInt8(ascii: "#"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "-"), UInt8(ascii: "_"),
             UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "~"), UInt8(ascii: "|"):
            return true
        default:
            return isASCIIAlphanumeric(byte)
        }
    }

    private static func isQueryEndingByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "&"), UInt8(ascii: "="), UInt8(ascii: "#"), UInt8(ascii: "/"):
            return true
        default:
            return isASCIIAlphanumeric(byte)
        }
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    @inline(__always)
    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }

    // MARK: Lengths

    /// UTF-16 code units of `start..<end`, the unit twitter-text measures a URL in.
    private static func utf16Length(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        // Never more code units than bytes: count only when it could matter.
        guard end - start > maxURLLength - 16 else { return end - start }
        var count = 0
        for k in start..<end where b[k] & 0xC0 != 0x80 { count += b[k] >= 0xF0 ? 2 : 1 }
        return count
    }

    /// The length of a label's punycode (RFC 3492) without the `xn--` prefix, or something over
    /// `limit` once it passes it.
    static func punycodeLength(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, limit: Int) -> Int {
        var total = 0
        var basic = 0
        var k = start
        while k < end {
            let (value, length) = UTF8Scanning.decode(b, at: k)
            if value < 0x80 { basic += 1 }
            total += 1
            k += length
        }
        // Every code point adds at least one character.
        if total > limit { return total }
        var output = basic > 0 ? basic + 1 : 0
        var n: UInt32 = 0x80
        var delta = 0
        var bias = 72
        var handled = basic
        while handled < total {
            var next = UInt32.max
            k = start
            while k < end {
                let (value, length) = UTF8Scanning.decode(b, at: k)
                if value >= n && value < next { next = value }
                k += length
            }
            delta += Int(next - n) * (handled + 1)
            n = next
            k = start
            while k < end {
                let (value, length) = UTF8Scanning.decode(b, at: k)
                k += length
                if value < n {
                    delta += 1
                } else if value == n {
                    // delta as a variable-length integer: one digit per step
                    var q = delta
                    var step = 36
                    while true {
                        let threshold = step <= bias ? 1 : (step >= bias + 26 ? 26 : step - bias)
                        if q < threshold { break }
                        output += 1
                        q = (q - threshold) / (36 - threshold)
                        step += 36
                    }
                    output += 1
                    bias = adaptedBias(delta, points: handled + 1, first: handled == basic)
                    delta = 0
                    handled += 1
                }
            }
            if output > limit { return output }
            delta += 1
            n += 1
        }
        return output
    }

    private static func adaptedBias(_ delta: Int, points: Int, first: Bool) -> Int {
        var delta = first ? delta / 700 : delta / 2
        delta += delta / points
        var k = 0
        while delta > 455 { // ((36 - 1) * 26) / 2
            delta /= 35
            k += 36
        }
        return k + 36 * delta / (delta + 38)
    }
}

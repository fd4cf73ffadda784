/// Recognises the parts of a whitespace-delimited chunk that are not prose: links (with or
/// without a scheme), e-mail addresses, @handles, #hashtags and the agent signatures of
/// social-care teams (`^KH`, `/je`).
///
/// Which links X counts as URLs is `TwitterURL`'s business: a link set aside here need not be
/// one (`bahn.de` alone is not, to X), and a URL X counts is set aside as well.
enum ChunkClassifier {
    /// Top-level domains that make a chunk written without a scheme a domain rather than words (`bahn.de`).
    static let topLevelDomains: Set<String> = [
        "de", "at", "ch", "com", "net", "org", "eu", "info", "io", "co", "biz", "shop", "app", "online",
        "me", "tv", "ly", "gl", "to", "uk", "fr", "it", "nl", "be", "es", "pl", "dk", "se", "no", "fi",
        "us", "jp", "cn", "in", "ru", "berlin", "hamburg", "koeln", "bayern", "nrw", "jobs", "help",
    ]

    /// Where the special part of the chunk ends; nil for prose.
    static func special(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        let first = b[start]
        if hasPrefix(b, start, end, "http://") || hasPrefix(b, start, end, "https://") || hasPrefix(b, start, end, "www.") {
            return trimTrailingPunctuation(b, start, end)
        }
        switch first {
        case UInt8(ascii: "@"), UInt8(ascii: "#"):
            let stop = scanWhile(b, start + 1, end) { isASCIIAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 >= 0x80 }
            return stop > start + 1 ? stop : nil
        case UInt8(ascii: "^"):
            let stop = scanWhile(b, start + 1, end, isASCIILetter)
            return stop > start + 1 && stop - start <= 5 ? stop : nil
        case UInt8(ascii: "/"):
            let stop = scanWhile(b, start + 1, end, isASCIILetter)
            let letters = stop - start - 1
            let atEnd = stop == end || isClosingPunctuation(b[stop])
            return letters >= 2 && letters <= 3 && atEnd ? stop : nil
        default:
            break
        }
        if let at = firstIndex(of: UInt8(ascii: "@"), b, start, end), at > start {
            let stop = trimTrailingPunctuation(b, start, end)
            if firstIndex(of: UInt8(ascii: "."), b, at, stop) != nil { return stop }
        }
        if firstIndex(of: UInt8(ascii: "."), b, start + 1, end) != nil, let stop = bareDomainEnd(b, start, end) {
            return stop
        }
        return nil
    }

    /// `bahn.de`, `www2.example.co.uk/path`: labels of letters, digits and hyphens ending in a known TLD.
    private static func bareDomainEnd(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        var i = start
        var labels = 0
        var lastLabelStart = start
        while true {
            let labelEnd = scanWhile(b, i, end) { isASCIIAlphanumeric($0) || $0 == UInt8(ascii: "-") }
            guard labelEnd > i else { return nil }
            labels += 1
            lastLabelStart = i
            if labelEnd < end, b[labelEnd] == UInt8(ascii: "."), labelEnd + 1 < end, isASCIIAlphanumeric(b[labelEnd + 1]) {
                i = labelEnd + 1
                continue
            }
            guard labels >= 2 else { return nil }
            let tld = TextFolding.asciiLowercased(bytes: UnsafeBufferPointer(rebasing: b[lastLabelStart..<labelEnd]))
            guard topLevelDomains.contains(tld) else { return nil }
            if labelEnd < end, b[labelEnd] == UInt8(ascii: "/") {
                return trimTrailingPunctuation(b, start, end)
            }
            return labelEnd
        }
    }

    private static func trimTrailingPunctuation(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var stop = end
        while stop > start, isClosingPunctuation(b[stop - 1]) { stop -= 1 }
        return stop
    }

    private static func isClosingPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"),
             UInt8(ascii: "?"), UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "\""), UInt8(ascii: "'"):
            return true
        default:
            return false
        }
    }

    private static func hasPrefix(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard end - start > count else { return false }
        let p = prefix.utf8Start
        for k in 0..<count where b[start + k] | 0x20 != p[k] | 0x20 { return false }
        return true
    }

    private static func scanWhile(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ predicate: (UInt8) -> Bool) -> Int {
        var i = start
        while i < end, predicate(b[i]) { i += 1 }
        return i
    }

    private static func firstIndex(of byte: UInt8, _ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        var i = start
        while i < end { if b[i] == byte { return i }; i += 1 }
        return nil
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool { isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) }
}

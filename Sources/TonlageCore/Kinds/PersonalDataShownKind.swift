/// `kind: personal-data-shown` — personal data printed in the reply: an e-mail address, a
/// phone number, bank details, a street address, a postcode, an order or customer number or a
/// date of birth. A public reply must not repeat them, even when the customer posted them first.
///
/// Recognisers in the manner of PII detectors (a pattern, context words, a checksum); the
/// recognisers are code, every word they rely on is the guide's. Parameters:
/// - `entities` (required): which of `email`, `phone`, `iban`, `street`, `postcode`,
///   `reference`, `birthdate` to look for; `labels`: a name for each, the `{entity}` placeholder.
/// - email: any address except the brand's: `own_domains` (subdomains included) and
///   `role_mailboxes`, the local parts of team mailboxes (`service`, `filiale*`).
/// - phone: 7 to 15 digits starting with 0 or + ("0176 48213907", "+49 171 1234567",
///   "030/1234567"). The company's own lines are not data: `own_numbers`, numbers starting with
///   one of `company_prefixes` (0800, 0180 …; compared as digits, +49 read as 0), and numbers
///   after one of `own_words` ("unsere Hotline", "ruf uns"). After one of `phone_words`
///   ("Rufnummer") any 4 digits or more are a phone number.
/// - iban: groups that pass the ISO 13616 mod-97 check; and 2 to 6 digits with one of
///   `account_words` ("IBAN", "Konto") and one of `ending_words` ("Endung", "endet") among the
///   six words before them.
/// - street: a capitalised word ending in one of `street_suffixes` ("Gartenstraße"), or one of
///   `street_words` after a capitalised word ("Berliner Straße"), then a house number ("12a");
///   `street_exceptions` end so but are no streets ("*sitzplatz"); after one of `own_words`
///   ("unsere Filiale in der") the address is the company's.
/// - postcode: five digits after one of `postcode_words` ("PLZ"); or right before a capitalised
///   place name after one of `place_words` ("nach 81549 München") or after a house number and
///   a comma ("Gartenstraße 12, 81549 München").
/// - reference: 4 digits or more, or a code of 6 capitals and digits ("XK7P2M"), within three
///   words after one of `reference_words` ("Bestellung", "*nummer"); and 10 digits or more
///   anywhere (tracking numbers).
/// - birthdate: a date ("12.05.1985", "3. März 1990" with `months`, "1985-05-12") near one of
///   `birth_words`.
/// Numbers after one of `public_words` ("Flug", "Artikelnummer") or after a short code in
/// capitals ("ICE 598", "LH 1164") are timetable or catalogue data; numbers before one of
/// `units` ("Euro", "Minuten") or right before a capitalised noun ("1000 Freiminuten") are
/// amounts and counts; four-digit years are no references.
///
/// One hit per entity; `{match}` is the entity as written. Restrict the rule to public
/// channels with `except_channels`.
public struct PersonalDataShownKind: RuleKind {
    public static let name = "personal-data-shown"
    public static let description = KindDescription(
        summary: "personal data printed in the reply, found like a PII detector (patterns, context words, the IBAN mod-97 checksum): e-mail addresses except the brand's, phone numbers except its lines, IBANs and IBAN endings, street and house number, postcodes, order/customer/tracking numbers, dates of birth; one finding per entity, `{entity}` names its type",
        parameters: [
            .required("entities", "choices (email|phone|iban|street|postcode|reference|birthdate)", "which entities to look for"),
            .optional("labels", "mapping", "none", "entity: the name the `{entity}` placeholder shows"),
            .optional("own_domains", "phrases", "none", "the brand's e-mail domains, subdomains included"),
            .optional("role_mailboxes", "phrases", "none", "local parts of team mailboxes (\"service\", \"filiale*\")"),
            .optional("own_numbers", "phrases", "none", "the company's own phone numbers"),
            .optional("company_prefixes", "phrases", "none", "prefixes of company lines (\"0800\", \"0180\")"),
            .optional("own_words", "phrases", "none", "words before the company's own number or address (\"unsere Hotline\")"),
            .optional("phone_words", "phrases", "none", "words after which four digits or more are a phone number (\"Rufnummer\")"),
            .optional("account_words", "phrases", "none", "words naming an account (\"IBAN\", \"Konto\"), for IBAN endings"),
            .optional("ending_words", "phrases", "none", "words naming an ending (\"Endung\", \"endet\"), for IBAN endings"),
            .optional("street_suffixes", "phrases", "required for street", "endings of street names (\"straße\")"),
            .optional("street_words", "phrases", "none", "street words after a capitalised word (\"Straße\")"),
            .optional("street_exceptions", "phrases", "none", "words that end like streets but are none (\"*sitzplatz\")"),
            .optional("postcode_words", "phrases", "none", "words before a postcode (\"PLZ\")"),
            .optional("place_words", "phrases", "none", "words before a postcode and place (\"nach\")"),
            .optional("reference_words", "phrases", "none", "words before an order or customer number (\"Bestellung\", \"*nummer\")"),
            .optional("public_words", "phrases", "none", "words before timetable or catalogue numbers (\"Flug\", \"Artikelnummer\")"),
            .optional("birth_words", "phrases", "required for birthdate", "words near a date of birth (\"geboren\")"),
            .optional("months", "phrases", "none", "month names, for dates such as \"3. März 1990\""),
            .optional("units", "phrases", "none", "words after amounts and counts (\"Euro\", \"Minuten\")"),
        ],
        example: """
            entities: [email, phone, iban]
            labels:
              email: E-Mail-Adresse
            own_domains: [example.de]
            company_prefixes: ["0800"]
            phone_words: [rufnummer]
            """)

    public enum Entity: String, CaseIterable, Sendable {
        case email, phone, iban, street, postcode, reference, birthdate

        var bit: UInt8 {
            switch self {
            case .email: 1 << 0
            case .phone: 1 << 1
            case .iban: 1 << 2
            case .street: 1 << 3
            case .postcode: 1 << 4
            case .reference: 1 << 5
            case .birthdate: 1 << 6
            }
        }
    }

    private let enabled: UInt8
    private let labels: [(entity: Entity, label: String)]
    private let ownDomains: [String]
    private let roleMailboxes: [String]
    private let ownNumbers: [String]
    private let companyPrefixes: [String]
    private let streetSuffixes: [String]
    private let ownWords, phoneWords, accountWords, endingWords, streetWords, streetExceptions: PhraseMatcher
    private let postcodeWords, placeWords, referenceWords, publicWords, birthWords, months, units: PhraseMatcher

    public init(_ fields: YAMLFields, lexicon: inout Lexicon) {
        let what = "a personal-data-shown rule"
        let entities = fields.choices("entities", as: Entity.self)
        if entities == nil { fields.missing("entities", what: what) }
        let enabled = (entities ?? []).reduce(UInt8(0)) { $0 | $1.bit }
        self.enabled = enabled

        var labels: [(Entity, String)] = []
        for (key, value, mark) in fields.stringPairs("labels") {
            if let entity = Entity(rawValue: key) {
                labels.append((entity, value))
            } else {
                let names = Entity.allCases.map(\.rawValue)
                fields.sink.report("`\(key)` in `labels` is no entity; expected one of \(names.joined(separator: ", "))"
                                   + NameSuggestion.didYouMean(key, in: names), code: .badValue, at: mark)
            }
        }
        self.labels = labels

        func texts(_ key: String) -> [String] { fields.strings(key).map { TextFolding.fold($0.text) } }
        func digits(_ key: String) -> [String] { fields.strings(key).map { Self.dialled(Array($0.text.utf8)) } }
        func words(_ key: String, requiredFor entity: Entity? = nil) -> PhraseMatcher {
            let required = entity.map { enabled & $0.bit != 0 } ?? false
            return PhraseMatcher.read(key, from: fields, required: required, what: what, lexicon: &lexicon)
        }
        ownDomains = texts("own_domains")
        roleMailboxes = texts("role_mailboxes")
        ownNumbers = digits("own_numbers")
        companyPrefixes = digits("company_prefixes")
        let streetSuffixes = texts("street_suffixes")
        if enabled & Entity.street.bit != 0 && streetSuffixes.isEmpty { fields.missing("street_suffixes", what: what) }
        self.streetSuffixes = streetSuffixes
        ownWords = words("own_words")
        phoneWords = words("phone_words")
        accountWords = words("account_words")
        endingWords = words("ending_words")
        streetWords = words("street_words")
        streetExceptions = words("street_exceptions")
        postcodeWords = words("postcode_words")
        placeWords = words("place_words")
        referenceWords = words("reference_words")
        publicWords = words("public_words")
        birthWords = words("birth_words", requiredFor: .birthdate)
        months = words("months")
        units = words("units")
    }

    private func isOn(_ entity: Entity) -> Bool { enabled & entity.bit != 0 }

    private struct Found {
        var start: Int
        var end: Int
        var entity: Entity
    }

    public func check(_ text: AnalyzedText, context: RuleContext, hits: inout [Hit]) {
        // Every entity holds a digit or an "@"; most replies hold neither and leave here.
        var hasDigit = false, hasAt = false
        text.bytes.withUnsafeBufferPointer { bytes in
            for byte in bytes {
                if byte == UInt8(ascii: "@") { hasAt = true } else if byte >= 0x30 && byte <= 0x39 { hasDigit = true }
                if hasAt && hasDigit { break }
            }
        }
        guard hasDigit || hasAt else { return }
        var found: [Found] = []
        if hasAt && isOn(.email) {
            for address in EmailAddresses.find(in: text.bytes) where !isOwn(address, in: text) {
                found.append(Found(start: address.range.lowerBound, end: address.range.upperBound, entity: .email))
            }
        }
        if hasDigit {
            for run in text.numberRuns() {
                if let entity = recognise(run, in: text) { found.append(entity) }
            }
        }
        found.sort { $0.start < $1.start }
        var covered = 0
        for entity in found where entity.start >= covered && !text.urls.contains(where: { $0.overlaps(entity.start..<entity.end) }) {
            covered = entity.end
            hits.append(Hit(start: entity.start, end: entity.end,
                            values: ["match": text.excerpt(entity.start..<entity.end), "entity": label(entity.entity)]))
        }
    }

    private func label(_ entity: Entity) -> String {
        labels.first { $0.entity == entity }?.label ?? entity.rawValue
    }

    // MARK: - E-mail

    private func isOwn(_ address: EmailAddresses.Address, in text: AnalyzedText) -> Bool {
        let local = TextFolding.asciiLowercased(bytes: text.bytes[address.range.lowerBound..<address.at])
        let domain = TextFolding.asciiLowercased(bytes: text.bytes[(address.at + 1)..<address.range.upperBound])
        if ownDomains.contains(where: { domain == $0 || domain.hasSuffix("." + $0) }) { return true }
        return roleMailboxes.contains { Self.matches(local, pattern: $0) }
    }

    /// `service` exactly, `filiale*` as a prefix, `*service` as a suffix.
    private static func matches(_ word: String, pattern: String) -> Bool {
        if pattern.count > 1, pattern.hasSuffix("*") { return word.hasPrefix(String(pattern.dropLast())) }
        if pattern.count > 1, pattern.hasPrefix("*") { return word.hasSuffix(String(pattern.dropFirst())) }
        return word == pattern
    }

    // MARK: - Numbers

    /// The entity a run of number groups is, if any. The order matters: a checksum or a date
    /// shape is certain, context words decide between phone and reference, bare shapes last.
    private func recognise(_ run: NumberRun, in text: AnalyzedText) -> Found? {
        if run.hasLetters, isOn(.iban), let end = ibanEnd(run, in: text) {
            return Found(start: run.start, end: end, entity: .iban)
        }
        if let date = dateEnd(run, in: text) {
            guard isOn(.birthdate), isNearBirthWord(run.first, dateEnd: date.lastToken, in: text) else { return nil }
            return Found(start: run.start, end: date.end, entity: .birthdate)
        }
        // "6.36 Uhr", "2,5": times and decimals.
        if run.hasDot { return nil }
        if isOn(.street), let street = streetStart(run, in: text) {
            if ownWords.occurs(in: text, tokens: window(before: street, count: 4, in: text)) { return nil }
            return Found(start: text.tokens[street].start, end: text.tokens[run.first].end, entity: .street)
        }
        let before = window(before: run.first, count: 6, in: text)
        if isOn(.iban), run.isSingleToken, !run.hasLetters, (2...6).contains(run.digits),
           accountWords.occurs(in: text, tokens: before), endingWords.occurs(in: text, tokens: before) {
            return Found(start: run.start, end: run.end, entity: .iban)
        }
        // Phones, postcodes and references all hold four digits or a code; "RE 7" and "17:42" end here.
        guard run.digits >= 4 || run.hasLetters else { return nil }
        let near = window(before: run.first, count: 3, in: text)
        let isPostcodeShape = run.isSingleToken && !run.hasLetters && run.digits == 5
        if isOn(.postcode), isPostcodeShape, postcodeWords.occurs(in: text, tokens: near) {
            return Found(start: run.start, end: run.end, entity: .postcode)
        }
        let (cue, cueToken) = contextCue(in: near, text: text)
        // Capitals right before a number name a train, flight or line ("ICE 598"), unless they
        // are a context word themselves ("KD-NR 4711").
        if cue == .publicNumber || (cueToken != run.first - 1 && followsDesignator(run, in: text)) { return nil }
        if isOn(.postcode), isPostcodeShape, let end = placeAfter(run, in: text) {
            if ownWords.occurs(in: text, tokens: window(before: run.first, count: 4, in: text)) { return nil }
            return Found(start: run.start, end: end, entity: .postcode)
        }
        if isPhoneShaped(run, in: text) {
            if isOwnLine(run, in: text) { return nil }
            let entity: Entity = cue == .reference ? .reference : .phone
            return isOn(entity) ? Found(start: run.start, end: run.end, entity: entity) : nil
        }
        if let cue, cue != .publicNumber, run.digits >= 4 || hasCode(run, in: text),
           !isYear(run, in: text), !isAmount(run, in: text), !isCount(run, in: text) {
            let entity: Entity = cue == .phone ? .phone : .reference
            if entity == .phone && isOwnLine(run, in: text) { return nil }
            return isOn(entity) ? Found(start: run.start, end: run.end, entity: entity) : nil
        }
        if isOn(.reference), !run.hasLetters, run.digits >= 10, !isAmount(run, in: text) {
            return Found(start: run.start, end: run.end, entity: .reference)
        }
        return nil
    }

    /// The tokens up to `count` before `index` that belong to its sentence. A number starts a
    /// sentence of its own after "Nr." for the tokenizer, so only a capitalised word ends the look back.
    private func window(before index: Int, count: Int, in text: AnalyzedText) -> Range<Int> {
        var lower = index
        while lower > 0, index - lower < count {
            let token = text.tokens[lower]
            if token.flags.contains(.sentenceStart) && token.letterCount > 0 { break }
            lower -= 1
        }
        return lower..<index
    }

    private func window(after index: Int, count: Int, in text: AnalyzedText) -> Range<Int> {
        var upper = index + 1
        while upper < text.tokens.count, upper - index <= count {
            let token = text.tokens[upper]
            if token.flags.contains(.sentenceStart) && token.letterCount > 0 { break }
            upper += 1
        }
        return (index + 1)..<upper
    }

    private enum Cue { case reference, phone, publicNumber }

    /// What the nearest context word before a number makes of it. A word can be in two lists
    /// ("Rufnummer" ends in "*nummer", "Flugnummer" too): public beats phone beats reference.
    private func contextCue(in window: Range<Int>, text: AnalyzedText) -> (cue: Cue?, token: Int) {
        var best: (cue: Cue?, token: Int) = (nil, -1)
        for (matcher, cue) in [(referenceWords, Cue.reference), (phoneWords, .phone), (publicWords, .publicNumber)] {
            guard let last = matcher.matches(in: text, tokens: window).last?.lastToken, last >= best.token else { continue }
            best = (cue, last)
        }
        return best
    }

    /// "ICE 598", "LH 1164", "RB 11208": a short code in capitals names a train, flight or line.
    private func followsDesignator(_ run: NumberRun, in text: AnalyzedText) -> Bool {
        guard run.first > 0 else { return false }
        let previous = text.tokens[run.first - 1]
        return previous.flags.contains(.allCaps) && (1...4).contains(previous.letterCount)
            && text.digitCount(ofToken: run.first - 1) == 0 && isSpace(text.gap(before: run.first), in: text)
    }

    private func isSpace(_ gap: Range<Int>, in text: AnalyzedText) -> Bool {
        gap.count == 1 ? text.bytes[gap.lowerBound] == UInt8(ascii: " ")
            : gap.count == 2 && text.bytes[gap.lowerBound] == 0xC2 && text.bytes[gap.lowerBound + 1] == 0xA0
    }

    // MARK: Phone

    private func isPhoneShaped(_ run: NumberRun, in text: AnalyzedText) -> Bool {
        guard !run.hasLetters, (7...15).contains(run.digits) else { return false }
        if run.leadingPlus { return run.digits >= 8 }
        var first = run.start
        if text.bytes[first] == UInt8(ascii: "(") { first += 1 }
        return text.bytes[first] == UInt8(ascii: "0")
    }

    /// The company's own line: a listed number, a service prefix, or a number after "unsere Hotline".
    private func isOwnLine(_ run: NumberRun, in text: AnalyzedText) -> Bool {
        let number = Self.dialled(text.bytes[run.start..<run.end])
        if ownNumbers.contains(number) || companyPrefixes.contains(where: { number.hasPrefix($0) }) { return true }
        return ownWords.occurs(in: text, tokens: window(before: run.first, count: 4, in: text))
    }

    /// A number as dialled within Germany: digits only, "+49" and "0049" read as "0", "(0)" dropped.
    static func dialled<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var digits = bytes.filter { $0 >= 0x30 && $0 <= 0x39 }
        let international = bytes.first == UInt8(ascii: "+") || digits.starts(with: Array("00".utf8))
        if digits.starts(with: Array("00".utf8)) { digits.removeFirst(2) }
        if international {
            guard digits.starts(with: Array("49".utf8)) else { return "+" + String(decoding: digits, as: UTF8.self) }
            digits.removeFirst(2)
            if digits.first != UInt8(ascii: "0") { digits.insert(UInt8(ascii: "0"), at: 0) }
        }
        return String(decoding: digits, as: UTF8.self)
    }

    // MARK: IBAN

    /// Where the longest prefix of the run that is a valid IBAN ends. Groups are joined by
    /// single spaces; an IBAN never has a hyphen or a slash.
    private func ibanEnd(_ run: NumberRun, in text: AnalyzedText) -> Int? {
        let first = text.tokens[run.first]
        guard first.end - first.start >= 4 else { return nil }
        let b = text.bytes
        guard IBANChecksum.isLetter(b[first.start]), IBANChecksum.isLetter(b[first.start + 1]),
              IBANChecksum.isDigit(b[first.start + 2]), IBANChecksum.isDigit(b[first.start + 3]) else { return nil }
        var characters: [UInt8] = []
        var ends: [(count: Int, end: Int)] = []
        for index in run.first...run.last {
            if index > run.first && !isSpace(text.gap(before: index), in: text) { break }
            let token = text.tokens[index]
            guard b[token.start..<token.end].allSatisfy({ IBANChecksum.isDigit($0) || IBANChecksum.isLetter($0) }) else { break }
            characters += b[token.start..<token.end]
            guard characters.count <= 34 else { break }
            ends.append((characters.count, token.end))
        }
        for candidate in ends.reversed() where IBANChecksum.isValid(Array(characters.prefix(candidate.count))) {
            return candidate.end
        }
        return nil
    }

    // MARK: Dates

    /// A date at the start of the run: "12.05.1985", "12.05.", "1985-05-12", "3. März 1990";
    /// a time may follow in the same run ("2015-05-21 15:19").
    private func dateEnd(_ run: NumberRun, in text: AnalyzedText) -> (end: Int, lastToken: Int)? {
        let t = run.first
        let count = run.last - run.first + 1
        func value(_ index: Int) -> Int? {
            let token = text.tokens[index]
            // A number token may hold more than digits ("2'05"): only digits make a value.
            let digits = text.bytes[token.start..<token.end]
            guard token.flags.contains(.number), digits.count <= 4, digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
            return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        func length(_ index: Int) -> Int { text.tokens[index].end - text.tokens[index].start }
        func joined(_ index: Int, by mark: UInt8) -> Bool { text.bytes[text.gap(before: index)].first == mark }
        let dot = UInt8(ascii: "."), hyphen = UInt8(ascii: "-")
        if count >= 2, length(t) <= 2, length(t + 1) <= 2, joined(t + 1, by: dot),
           let day = value(t), let month = value(t + 1), (1...31).contains(day), (1...12).contains(month) {
            if count >= 3, joined(t + 2, by: dot), [2, 4].contains(length(t + 2)), value(t + 2) != nil {
                return (text.tokens[t + 2].end, t + 2)
            }
            // Without a year only "12.05." is a date; "12.05 Uhr" is a time.
            let end = text.tokens[t + 1].end
            return end < text.bytes.count && text.bytes[end] == dot ? (end + 1, t + 1) : nil
        }
        if count >= 3, length(t) == 4, length(t + 1) == 2, length(t + 2) == 2, joined(t + 1, by: hyphen), joined(t + 2, by: hyphen),
           value(t) != nil, let month = value(t + 1), let day = value(t + 2), (1...12).contains(month), (1...31).contains(day) {
            return (text.tokens[t + 2].end, t + 2)
        }
        // "3. März 1990": the month a word of its own.
        guard run.isSingleToken, length(t) <= 2, let day = value(t), (1...31).contains(day), t + 1 < text.tokens.count,
              months.occurs(in: text, tokens: (t + 1)..<(t + 2)) else { return nil }
        let gap = text.gap(before: t + 1)
        guard gap.count <= 3, text.bytes[gap].allSatisfy({ $0 == dot || $0 == UInt8(ascii: " ") }) else { return nil }
        if t + 2 < text.tokens.count, length(t + 2) == 4, value(t + 2) != nil, isSpace(text.gap(before: t + 2), in: text) {
            return (text.tokens[t + 2].end, t + 2)
        }
        return (text.tokens[t + 1].end, t + 1)
    }

    private func isNearBirthWord(_ first: Int, dateEnd last: Int, in text: AnalyzedText) -> Bool {
        birthWords.occurs(in: text, tokens: window(before: first, count: 5, in: text))
            || birthWords.occurs(in: text, tokens: window(after: last, count: 3, in: text))
    }

    // MARK: Street

    /// The token the street before a house number starts with: "Gartenstraße 12", "Hauptstr. 5",
    /// "Karl-Marx-Straße 3", "Berliner Straße 7b".
    private func streetStart(_ run: NumberRun, in text: AnalyzedText) -> Int? {
        let number = text.tokens[run.first]
        guard run.first > 0, isHouseNumber(number, in: text), !followedByUnit(run.first, in: text) else { return nil }
        let gap = text.gap(before: run.first)
        guard isSpace(gap, in: text) || (1...2).contains(gap.count) && text.bytes[gap.lowerBound] == UInt8(ascii: ".") else { return nil }
        let street = run.first - 1
        let name = text.tokens[street]
        guard name.flags.contains(.capitalized), !streetExceptions.occurs(in: text, tokens: street..<(street + 1)) else { return nil }
        let keyLength = Int(name.keyEnd - name.keyStart)
        let isCompound = streetSuffixes.contains { suffix in
            text.key(street, hasSuffix: suffix) && (keyLength > suffix.utf8.count || text.isHyphenJoined(before: street))
        }
        if isCompound { return text.compound(around: street...street).lowerBound }
        guard street > 0, streetWords.occurs(in: text, tokens: street..<(street + 1)),
              text.tokens[street - 1].flags.contains(.capitalized), isSpace(text.gap(before: street), in: text) else { return nil }
        return text.compound(around: (street - 1)...(street - 1)).lowerBound
    }

    /// One to four digits and at most one letter: "12", "7b".
    private func isHouseNumber(_ token: Token, in text: AnalyzedText) -> Bool {
        let length = token.end - token.start
        let digits = length - token.letterCount
        return (1...4).contains(digits) && token.letterCount <= 1 && UTF8Scanning.isDigit(UInt32(text.bytes[token.start]))
    }

    // MARK: Postcode

    /// Where "81549 München" ends: five digits and the capitalised place name right after, the
    /// number after a word that introduces a place ("nach", "in") or after "Gartenstraße 12,".
    /// Counts look the same ("12345 Rückmeldungen"), so the word before decides.
    private func placeAfter(_ run: NumberRun, in text: AnalyzedText) -> Int? {
        let place = run.last + 1
        guard run.first > 0, place < text.tokens.count, isSpace(text.gap(before: place), in: text) else { return nil }
        let afterAddress = text.tokens[run.first - 1].flags.contains(.number)
            && text.bytes[text.gap(before: run.first)].first == UInt8(ascii: ",")
        guard afterAddress || placeWords.occurs(in: text, tokens: (run.first - 1)..<run.first) else { return nil }
        let name = text.tokens[place]
        guard name.flags.contains(.capitalized), !name.flags.contains(.sentenceStart), !name.flags.contains(.allCaps),
              name.letterCount >= 2, !followedByUnit(run.last, in: text) else { return nil }
        // German postcodes run from 01 to 99; a round "12000" is an amount.
        let b = text.bytes
        let s = text.tokens[run.first].start
        guard !(b[s] == UInt8(ascii: "0") && b[s + 1] == UInt8(ascii: "0")),
              !(b[s + 2] == UInt8(ascii: "0") && b[s + 3] == UInt8(ascii: "0") && b[s + 4] == UInt8(ascii: "0")) else { return nil }
        return text.tokens[text.compound(around: place...place).upperBound].end
    }

    // MARK: Shapes that are not data

    /// A group of capitals and digits, six or more: a booking code ("XK7P2M"), a meter number.
    private func hasCode(_ run: NumberRun, in text: AnalyzedText) -> Bool {
        (run.first...run.last).contains { index in
            let token = text.tokens[index]
            return token.letterCount > 0 && token.flags.contains(.allCaps) && token.end - token.start >= 6
        }
    }

    /// "2019", "2019-2021": years, which contracts and orders mention all the time.
    private func isYear(_ run: NumberRun, in text: AnalyzedText) -> Bool {
        (run.first...run.last).allSatisfy { index in
            let token = text.tokens[index]
            guard token.flags.contains(.number), token.end - token.start == 4 else { return false }
            let century = text.bytes[token.start..<(token.start + 2)]
            return century.elementsEqual("19".utf8) || century.elementsEqual("20".utf8)
        }
    }

    /// "1234 €", "59,90", "12 %", "1500 Euro": an amount, not a number that identifies anything.
    private func isAmount(_ run: NumberRun, in text: AnalyzedText) -> Bool {
        let b = text.bytes
        var i = run.end
        if i < b.count, b[i] == UInt8(ascii: ","), i + 1 < b.count, UTF8Scanning.isDigit(UInt32(b[i + 1])) { return true }
        if i < b.count, b[i] == UInt8(ascii: " ") { i += 1 } else if i + 1 < b.count, b[i] == 0xC2, b[i + 1] == 0xA0 { i += 2 }
        if i < b.count, b[i] == UInt8(ascii: "%") || b[i] == UInt8(ascii: "$") { return true }
        if i + 2 < b.count, b[i] == 0xE2, b[i + 1] == 0x82, b[i + 2] == 0xAC { return true } // €
        return followedByUnit(run.last, in: text)
    }

    /// "1000 Freiminuten", "5000 Kunden": up to six digits right before a capitalised noun
    /// count something; a reference number is followed by a verb or a full stop.
    private func isCount(_ run: NumberRun, in text: AnalyzedText) -> Bool {
        let next = run.last + 1
        guard run.isSingleToken, !run.hasLetters, run.digits <= 6, next < text.tokens.count,
              isSpace(text.gap(before: next), in: text) else { return false }
        let word = text.tokens[next]
        return word.flags.contains(.capitalized) && !word.flags.contains(.sentenceStart) && word.letterCount >= 2
    }

    private func followedByUnit(_ index: Int, in text: AnalyzedText) -> Bool {
        index + 1 < text.tokens.count && isSpace(text.gap(before: index + 1), in: text)
            && units.occurs(in: text, tokens: (index + 1)..<(index + 2))
    }
}

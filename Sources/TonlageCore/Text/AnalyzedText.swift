/// A word of the reply, with its place in the original bytes and the terms it stands for.
public struct Token: Sendable {
    /// UTF-8 byte offsets into the reply as given (end exclusive).
    public let start: Int
    public let end: Int
    public let sentence: Int
    public internal(set) var flags: Flags
    public let letterCount: Int
    /// The folded word (NFC, lower case) is `AnalyzedText.folded[keyStart..<keyEnd]`; a token
    /// holds no `String`, so copying one costs no reference counting.
    let keyStart: Int32
    let keyEnd: Int32
    let termStart: Int32
    let termEnd: Int32

    public struct Flags: OptionSet, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// The first letter is upper case.
        public static let capitalized = Flags(rawValue: 1 << 0)
        /// Every letter is upper case (and there is at least one).
        public static let allCaps = Flags(rawValue: 1 << 1)
        /// The first word of a sentence (or after a colon).
        public static let sentenceStart = Flags(rawValue: 1 << 2)
        /// Only digits.
        public static let number = Flags(rawValue: 1 << 3)
        /// Inside quotation marks: the words of someone else, not the writer's own voice.
        public static let quoted = Flags(rawValue: 1 << 4)
        /// Hidden characters, look-alike letters from other scripts, full-width letters or
        /// stacked marks inside the word (see `TextFolding.foldUnicode`).
        public static let disguised = Flags(rawValue: 1 << 5)
        /// No digit, no apostrophe and no capital after the first character: a word to look up
        /// as it stands (spelling reads its key without a second pass over its bytes).
        public static let plain = Flags(rawValue: 1 << 6)
    }
}

/// A sentence: a run of tokens and the bytes from its first word to its last mark.
public struct Sentence: Sendable {
    public let tokens: Range<Int>
    public let start: Int
    public let end: Int
}

/// A reply broken into words and sentences once, for every rule to read.
///
/// Works on UTF-8 bytes and makes a `String` only per word. What is not prose is set
/// aside before words are cut: links, e-mail addresses, `@handles`, `#hashtags` and agent
/// signatures such as `^KH` or `/je`. The links X counts as URLs (see `TwitterURL`) are kept
/// for its length count.
public struct AnalyzedText: Sendable {
    public let text: String
    public let bytes: [UInt8]
    public let isASCII: Bool
    public private(set) var tokens: [Token] = []
    public private(set) var sentences: [Sentence] = []
    /// Byte ranges of the URLs X counts as 23 characters (twitter-text's grammar), in order.
    public private(set) var urls: [Range<Int>] = []
    /// How many emoji sequences the reply holds, and where.
    public private(set) var emoji: [Range<Int>] = []
    /// Byte ranges of `#hashtags`.
    public private(set) var hashtags: [Range<Int>] = []
    /// Byte ranges between matching quotation marks („…“, "…", »…«, “…”), marks included.
    public private(set) var quotations: [Range<Int>] = []
    /// Whether any word is disguised (`Token.Flags.disguised`).
    public private(set) var hasDisguisedWords = false
    /// Whether the reply holds invisible characters anywhere, or disguised words: then
    /// character patterns match on `NormalizedView` rather than on the text as written.
    public private(set) var needsNormalizedView = false
    private var terms: [Lexicon.Term] = []
    /// Per phrase matcher, the tokens where its phrases can start.
    private(set) var phraseStarts = PhraseStarts()
    /// The lexicon's needle groups (pattern rules' prefilters) of which the reply holds a text.
    private(set) var needleGroups: BitSet
    /// The folded words, back to back.
    private var folded: [UInt8] = []

    /// Borrows the lexicon: a copy would retain and release each of its tables for every reply.
    public init(_ text: String, lexicon: borrowing Lexicon) {
        self.text = text
        let bytes = Array(text.utf8)
        self.bytes = bytes
        var ascii = true
        for byte in bytes where byte >= 0x80 { ascii = false; break }
        self.isASCII = ascii
        needleGroups = bytes.withUnsafeBufferPointer { lexicon.needles.groups(in: $0) }
        // Nothing of `self` is touched inside the closure (that made the compiler copy the whole
        // value); the scanner comes out of it and is read afterwards, never its buffer again.
        let scanner = bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(buffer: buffer)
            // The thread's word table moves into the scanner for the scan and back after it:
            // no copy, and no closure that would have to copy the lexicon.
            let words = lexicon.words
            words?.withTable { swap(&scanner.words, &$0) }
            scanner.run(lexicon: lexicon)
            words?.withTable { swap(&scanner.words, &$0) }
            return scanner
        }
        tokens = scanner.tokens
        sentences = scanner.sentences
        urls = scanner.urls
        emoji = scanner.emoji
        quotations = scanner.quotations
        hashtags = scanner.hashtags
        hasDisguisedWords = scanner.hasDisguisedWords
        needsNormalizedView = scanner.hasDisguisedWords || scanner.hasInvisibles
        terms = scanner.terms
        folded = scanner.folded
        if let index = lexicon.startIndex {
            phraseStarts = PhraseStarts(tokens: tokens, terms: terms, index: index, matchers: lexicon.matcherCount)
        }
    }

    /// The folded form of token `index` (NFC, lower case).
    public func key(_ index: Int) -> String {
        let token = tokens[index]
        return String(decoding: folded[Int(token.keyStart)..<Int(token.keyEnd)], as: UTF8.self)
    }

    /// The folded form of token `index` as bytes, without making a `String`.
    func withKey<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let token = tokens[index]
        return folded.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(token.keyStart)..<Int(token.keyEnd)])) }
    }

    /// Whether the folded form of token `index` ends with `suffix` (given folded).
    public func key(_ index: Int, hasSuffix suffix: String) -> Bool {
        let token = tokens[index]
        let length = Int(token.keyEnd - token.keyStart)
        let suffix = suffix.utf8
        guard suffix.count <= length else { return false }
        return folded[(Int(token.keyEnd) - suffix.count)..<Int(token.keyEnd)].elementsEqual(suffix)
    }

    /// Whether token `index` stands for `term`.
    @inline(__always)
    public func token(_ index: Int, is term: Lexicon.Term) -> Bool {
        let token = tokens[index]
        var k = Int(token.termStart)
        while k < Int(token.termEnd) {
            if terms[k] == term { return true }
            k += 1
        }
        return false
    }

    /// Whether token `index` stands for any of `candidates`.
    @inline(__always)
    public func token(_ index: Int, isAnyOf candidates: [Lexicon.Term]) -> Bool {
        let token = tokens[index]
        var k = Int(token.termStart)
        while k < Int(token.termEnd) {
            if candidates.contains(terms[k]) { return true }
            k += 1
        }
        return false
    }

    /// Where the terms of token `index` are, for `term(at:)`: the matchers' inner loops read
    /// them one by one rather than through a slice, which would retain the array per word.
    @inline(__always)
    func termPositions(of index: Int) -> Range<Int> {
        Int(tokens[index].termStart)..<Int(tokens[index].termEnd)
    }

    @inline(__always)
    func term(at position: Int) -> Lexicon.Term {
        terms[position]
    }

    /// Tokens that are words (they hold a letter), the measure of how much a reply says.
    public var wordCount: Int {
        var count = 0
        for token in tokens where token.letterCount > 0 { count += 1 }
        return count
    }

    /// Whether a byte range lies inside one quotation. Quotations are disjoint and in order,
    /// so a binary search finds the only candidate.
    public func isQuoted(_ range: Range<Int>) -> Bool {
        var low = 0, high = quotations.count
        while low < high {
            let middle = (low + high) / 2
            if quotations[middle].lowerBound <= range.lowerBound { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return false }
        let quotation = quotations[low - 1]
        return quotation.contains(range.lowerBound) && range.upperBound <= quotation.upperBound
    }

    /// The original text of a byte range.
    public func excerpt(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// A byte range as a reader sees it: invisible characters left out, so a message can
    /// quote a disguised word without carrying the disguise along.
    public func visibleExcerpt(_ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(excerpt(range).unicodeScalars.filter { !UTF8Scanning.isInvisible($0.value) }))
    }
}

private struct Scanner {
    let buffer: UnsafeBufferPointer<UInt8>
    var tokens: [Token] = []
    var sentences: [Sentence] = []
    var urls: [Range<Int>] = []
    var emoji: [Range<Int>] = []
    var quotations: [Range<Int>] = []
    var hashtags: [Range<Int>] = []
    var hasDisguisedWords = false
    var hasInvisibles = false
    var terms: [Lexicon.Term] = []
    var folded: [UInt8] = []
    /// The thread's table of words seen before under this lexicon, while the scan runs (nil:
    /// every word is folded and looked up afresh).
    var words: WordTable?

    /// The open quotation: its first byte, the first token after it and the mark that closes it.
    private var openQuote: (start: Int, firstToken: Int, closers: (UInt32, UInt32))?

    private var sentence = 0
    private var sentenceFirstToken = 0
    private var sentenceStart = -1
    private var lastContentEnd = 0
    private var boundaryPending = true
    /// A sentence mark seen in the current chunk: `.` and `:` are weak (a lower-case word
    /// after them continues the sentence: "am 1. des Monats", "z. B. so"), `!` `?` `…` strong.
    private var terminatorInChunk = Terminator.none
    private var pendingTerminator = Terminator.strong

    private enum Terminator { case none, weak, strong }

    init(buffer: UnsafeBufferPointer<UInt8>) {
        self.buffer = buffer
        folded.reserveCapacity(buffer.count)
        tokens.reserveCapacity(buffer.count / 5 + 1)
        terms.reserveCapacity(buffer.count / 5 + 1)
    }

    /// The lexicon is handed down rather than kept: a stored copy would retain and release
    /// each of its tables for every reply.
    mutating func run(lexicon: Lexicon) {
        let n = buffer.count
        var i = 0
        while i < n {
            let (value, length) = UTF8Scanning.decode(buffer, at: i)
            if UTF8Scanning.isSpace(value) {
                if UTF8Scanning.isLineBreak(value) { boundaryPending = true; pendingTerminator = .strong }
                i += length
                continue
            }
            var chunkEnd = i + length
            while chunkEnd < n {
                let (next, nextLength) = UTF8Scanning.decode(buffer, at: chunkEnd)
                if UTF8Scanning.isSpace(next) { break }
                chunkEnd += nextLength
            }
            scanChunk(i, chunkEnd, lexicon)
            if terminatorInChunk != .none {
                boundaryPending = true
                pendingTerminator = terminatorInChunk
                terminatorInChunk = .none
            }
            i = chunkEnd
        }
        closeSentence()
    }

    private mutating func scanChunk(_ start: Int, _ end: Int, _ lexicon: Lexicon) {
        // X's URLs may start inside the chunk ("(https://…)", after directional marks); they are set aside too.
        var nextURL = urls.count
        TwitterURL.find(buffer, start, end, into: &urls)
        var i = start
        if var specialEnd = ChunkClassifier.special(buffer, start, end) {
            if buffer[start] == UInt8(ascii: "#") { hashtags.append(start..<specialEnd) }
            while nextURL < urls.count, urls[nextURL].lowerBound < specialEnd {
                specialEnd = max(specialEnd, urls[nextURL].upperBound)
                nextURL += 1
            }
            markContent(until: specialEnd)
            i = specialEnd
        }
        while i < end {
            if nextURL < urls.count, i >= urls[nextURL].lowerBound {
                let urlEnd = urls[nextURL].upperBound
                nextURL += 1
                if urlEnd > i {
                    markContent(until: urlEnd)
                    i = urlEnd
                }
                continue
            }
            // A word stops where a URL starts ("日本https://…").
            let wordEnd = nextURL < urls.count ? urls[nextURL].lowerBound : end
            let (value, length) = UTF8Scanning.decode(buffer, at: i)
            // Emoji first: a keycap ("1⃣") starts with a digit.
            if value >= 0x80 || value == 0x23 || value == 0x2A || UTF8Scanning.isDigit(value) {
                let sequence = EmojiScanner.sequenceLength(buffer, at: i)
                if sequence > 0 {
                    emoji.append(i..<(i + sequence))
                    markContent(until: i + sequence)
                    i += sequence
                    continue
                }
            }
            if UTF8Scanning.isWordScalar(value) {
                i = scanWord(i, wordEnd, lexicon)
                terminatorInChunk = .none
                continue
            }
            switch value {
            case 0x2E, 0x3A: if terminatorInChunk != .strong { terminatorInChunk = .weak } // . :
            case 0x21, 0x3F, 0x2026: terminatorInChunk = .strong // ! ? …
            case 0x22, 0xAB, 0xBB, 0x201C, 0x201D, 0x201E: quotationMark(value, at: i, length: length)
            default: if UTF8Scanning.isInvisible(value) { hasInvisibles = true }
            }
            markContent(until: i + length)
            i += length
        }
    }

    /// German „…“ and »…«, English “…”, French «…» and straight "…". A quotation that never
    /// closes marks nothing, so a stray mark cannot hide the rest of a reply from the rules.
    private mutating func quotationMark(_ value: UInt32, at position: Int, length: Int) {
        if let open = openQuote {
            guard value == open.closers.0 || value == open.closers.1 else { return }
            for k in open.firstToken..<tokens.count { tokens[k].flags.insert(.quoted) }
            quotations.append(open.start..<(position + length))
            openQuote = nil
            return
        }
        let closers: (UInt32, UInt32)
        switch value {
        case 0x201E: closers = (0x201C, 0x201D) // „ … “ or „ … ”
        case 0xBB: closers = (0xAB, 0xAB) // » … «
        case 0xAB: closers = (0xBB, 0xBB) // « … »
        case 0x201C: closers = (0x201D, 0x201D) // “ … ”
        case 0x22: closers = (0x22, 0x22)
        default: return
        }
        openQuote = (position, tokens.count, closers)
    }

    private mutating func markContent(until end: Int) {
        if sentenceStart < 0 { sentenceStart = end }
        lastContentEnd = end
    }

    /// Cuts one word: letters, digits and marks, with an apostrophe inside (`geht's`); a hyphen ends it.
    private mutating func scanWord(_ start: Int, _ end: Int, _ lexicon: Lexicon) -> Int {
        var i = start
        var letters = 0, uppers = 0, digits = 0
        var firstUpper = false
        var capitalInside = false, apostrophe = false
        var ascii = true
        var hidden = false
        // Letters of Latin-1 only (ä, Ö, é …): folded byte by byte, without Foundation.
        var latin1 = true
        while i < end {
            let (value, length) = UTF8Scanning.decode(buffer, at: i)
            if UTF8Scanning.isWordScalar(value) {
                if value >= 0x80 { ascii = false; if value > 0xFF { latin1 = false } }
                if UTF8Scanning.isDigit(value) {
                    digits += 1
                } else if !UTF8Scanning.isCombiningMark(value) {
                    if UTF8Scanning.isUppercase(value) {
                        if letters == 0 { firstUpper = true }
                        if i > start { capitalInside = true }
                        uppers += 1
                    }
                    letters += 1
                }
                i += length
                continue
            }
            // An invisible character between letters hides the word from every rule: keep the word whole.
            if UTF8Scanning.isInvisible(value), wordContinues(after: i + length, end) {
                hidden = true
                ascii = false
                latin1 = false
                i += length
                continue
            }
            if (value == 0x27 || value == 0x2019), i + length < end,
               UTF8Scanning.isWordScalar(UTF8Scanning.decode(buffer, at: i + length).scalar) {
                ascii = ascii && value == 0x27
                latin1 = latin1 && value == 0x27
                apostrophe = true
                i += length
                continue
            }
            break
        }
        let slice = UnsafeBufferPointer(rebasing: buffer[start..<i])
        let keyStart = folded.count
        let termStart = Int32(terms.count)
        var flags: Token.Flags = []
        if let disguised = words?.append(slice, folded: &folded, terms: &terms) {
            if disguised { flags.insert(.disguised) }
        } else {
            if ascii || latin1 {
                TextFolding.appendLatin1Lowercased(slice, to: &folded)
            } else {
                let (key, disguised) = TextFolding.foldUnicode(String(decoding: slice, as: UTF8.self))
                folded += key.utf8
                if disguised || hidden { flags.insert(.disguised) }
            }
            folded.withUnsafeBufferPointer { all in
                lexicon.appendTerms(of: UnsafeBufferPointer(rebasing: all[keyStart...]), to: &terms)
            }
            words?.insert(slice, folded: folded[keyStart...], terms: terms[Int(termStart)...], disguised: flags.contains(.disguised))
        }
        if flags.contains(.disguised) { hasDisguisedWords = true }
        if firstUpper { flags.insert(.capitalized) }
        if letters > 0 && uppers == letters { flags.insert(.allCaps) }
        if letters == 0 && digits > 0 { flags.insert(.number) }
        // (No combining mark is upper case, so the marks skipped above cannot be a capital inside.)
        if digits == 0 && !capitalInside && !apostrophe { flags.insert(.plain) }

        if boundaryPending {
            let continues = pendingTerminator == .weak && !firstUpper && letters > 0 && !tokens.isEmpty
            if !continues {
                if !tokens.isEmpty { closeSentence(); sentence += 1 }
                flags.insert(.sentenceStart)
            }
            boundaryPending = false
        }
        if sentenceStart < 0 { sentenceStart = start }
        tokens.append(Token(start: start, end: i, sentence: sentence, flags: flags, letterCount: letters,
                            keyStart: Int32(keyStart), keyEnd: Int32(folded.count),
                            termStart: termStart, termEnd: Int32(terms.count)))
        lastContentEnd = i
        return i
    }

    /// Whether a word scalar follows, past any further invisible characters.
    private func wordContinues(after position: Int, _ end: Int) -> Bool {
        var i = position
        while i < end {
            let (value, length) = UTF8Scanning.decode(buffer, at: i)
            if UTF8Scanning.isWordScalar(value) { return true }
            guard UTF8Scanning.isInvisible(value) else { return false }
            i += length
        }
        return false
    }

    private mutating func closeSentence() {
        guard tokens.count > sentenceFirstToken, sentenceStart >= 0 else { return }
        sentences.append(Sentence(tokens: sentenceFirstToken..<tokens.count, start: sentenceStart, end: lastContentEnd))
        sentenceFirstToken = tokens.count
        sentenceStart = -1
    }
}

import CHunspell
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One GNU Hunspell dictionary (`NAME.aff` and `NAME.dic`), found on the machine at run time.
///
/// The dictionaries are GPL and never ship with Tonlage: they are looked up in the directories
/// of `$TONLAGE_DICTIONARIES` (colon-separated), then in `/usr/share/hunspell`. One instance per
/// dictionary file serves the whole process (`named(_:)`), and any thread may use it: the
/// Hunspell handle is not thread-safe, so every call goes through a lock, with caches in front
/// because a `Hunspell_spell` costs microseconds and `Hunspell_suggest` milliseconds.
/// Words go in and come out as UTF-8; a dictionary in another encoding (the `.aff`'s `SET`,
/// such as ISO8859-1 for the "frami" German dictionary) is converted both ways.
public final class HunspellDictionary: @unchecked Sendable {
    public let name: String
    /// The `.aff` file, whose directory holds the `.dic` beside it.
    public let affixPath: String
    public let dictionaryPath: String
    /// The `.aff`'s `SET` (UTF-8 when it names none).
    public let encoding: String

    private let lock = NSLock()
    /// Opened at the first look-up: a guide that never meets an unknown word never pays for
    /// its `also` dictionaries (about 20 ms each to open).
    private var handle: OpaquePointer?
    private var converters: (toDictionary: iconv_t, fromDictionary: iconv_t)?
    private var spellCache: [String: Bool] = [:]
    private var suggestionCache: [String: [String]] = [:]
    private var stemCache: [String: [String]] = [:]
    /// Bounds each cache: a long batch over ever new words must not grow without end.
    private let cacheLimit = 200_000

    /// The directories searched for `NAME.aff`, in order.
    public static var searchPaths: [String] {
        let configured = ProcessInfo.processInfo.environment["TONLAGE_DICTIONARIES"]?
            .split(separator: ":").map(String.init).filter { !$0.isEmpty } ?? []
        return configured + ["/usr/share/hunspell"]
    }

    /// The process-wide instance of a dictionary, or nil when no search path holds it (or
    /// its encoding cannot be converted).
    public static func named(_ name: String, searchPaths: [String] = searchPaths) -> HunspellDictionary? {
        guard isValidName(name) else { return nil }
        for directory in searchPaths {
            let base = (directory as NSString).appendingPathComponent(name)
            let aff = base + ".aff", dic = base + ".dic"
            guard FileManager.default.isReadableFile(atPath: aff), FileManager.default.isReadableFile(atPath: dic) else { continue }
            return Registry.shared.dictionary(name: name, aff: aff, dic: dic)
        }
        return nil
    }

    /// Names such as `de_DE` or `en-GB`: no path may sneak in through a guide.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F || byte == 0x2D
        }
    }

    fileprivate init?(name: String, affixPath: String, dictionaryPath: String) {
        self.name = name
        self.affixPath = affixPath
        self.dictionaryPath = dictionaryPath
        encoding = Self.declaredEncoding(affixPath: affixPath) ?? "UTF-8"
        if !Self.isUTF8(encoding) {
            let target = Self.iconvName(encoding)
            let to = Self.openConverter(to: target, from: "UTF-8"), from = Self.openConverter(to: "UTF-8", from: target)
            guard let to, let from else {
                if let to { iconv_close(to) }
                if let from { iconv_close(from) }
                return nil
            }
            converters = (to, from)
        }
    }

    deinit {
        if let handle { Hunspell_destroy(handle) }
        if let converters {
            iconv_close(converters.toDictionary)
            iconv_close(converters.fromDictionary)
        }
    }

    /// Whether the dictionary accepts the word as written (Hunspell's own rules: affixes,
    /// compounds, a capitalised form of a lower-case word).
    public func spell(_ word: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if let known = spellCache[word] { return known }
        var result = false
        if let encoded = encode(word), let handle = openedHandle() {
            result = encoded.withUnsafeBufferPointer { Hunspell_spell(handle, $0.baseAddress) != 0 }
        }
        if spellCache.count >= cacheLimit { spellCache.removeAll(keepingCapacity: true) }
        spellCache[word] = result
        return result
    }

    /// Hunspell's corrections for a word, best first.
    public func suggestions(for word: String) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        if let cached = suggestionCache[word] { return cached }
        let result = list(for: word, Hunspell_suggest)
        if suggestionCache.count >= cacheLimit { suggestionCache.removeAll(keepingCapacity: true) }
        suggestionCache[word] = result
        return result
    }

    /// The dictionary forms a word is an inflection of ("startet" → "starten", "Tagen" → "Tag",
    /// "tagen"); empty for a word the dictionary does not know.
    public func stems(of word: String) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        if let cached = stemCache[word] { return cached }
        let result = list(for: word, Hunspell_stem)
        if stemCache.count >= cacheLimit { stemCache.removeAll(keepingCapacity: true) }
        stemCache[word] = result
        return result
    }

    /// Calls one of Hunspell's list-returning functions and decodes its words. Call with the
    /// lock held.
    private func list(for word: String,
                      _ call: (OpaquePointer?, UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?,
                               UnsafePointer<CChar>?) -> Int32) -> [String] {
        guard let encoded = encode(word), let handle = openedHandle() else { return [] }
        var result: [String] = []
        var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        let count = encoded.withUnsafeBufferPointer { call(handle, &list, $0.baseAddress) }
        if let items = list {
            for index in 0..<Int(count) {
                guard let item = items[index] else { continue }
                let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(item).assumingMemoryBound(to: UInt8.self), count: strlen(item))
                if let decoded = decode(bytes) { result.append(decoded) }
            }
            Hunspell_free_list(handle, &list, count)
        }
        return result
    }

    /// Call with the lock held.
    private func openedHandle() -> OpaquePointer? {
        if let handle { return handle }
        handle = Hunspell_create(affixPath, dictionaryPath)
        return handle
    }

    /// The word as a NUL-terminated C string in the dictionary's encoding; nil when it holds a
    /// character the encoding lacks (then no word of the dictionary can match it).
    private func encode(_ word: String) -> [CChar]? {
        var bytes = Array(word.utf8)
        if let converters {
            guard let converted = Self.convert(bytes, with: converters.toDictionary) else { return nil }
            bytes = converted
        }
        return bytes.map { CChar(bitPattern: $0) } + [0]
    }

    private func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let converters else { return String(validating: bytes, as: UTF8.self) }
        return Self.convert(Array(bytes), with: converters.fromDictionary).flatMap { String(validating: $0, as: UTF8.self) }
    }

    private static func convert(_ bytes: [UInt8], with converter: iconv_t) -> [UInt8]? {
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 4 + 4)
        let written: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress, inLeft = inBuffer.count
                var outPointer = outBuffer.baseAddress, outLeft = outBuffer.count
                _ = iconv(converter, nil, nil, nil, nil)
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let written else { return nil }
        return output[..<written].map { UInt8(bitPattern: $0) }
    }

    /// The `SET` line of an `.aff` file, which comes before the affix rules.
    static func declaredEncoding(affixPath: String) -> String? {
        guard let data = FileManager.default.contents(atPath: affixPath) else { return nil }
        for line in data.split(separator: 0x0A) {
            let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("SET ") || text.hasPrefix("SET\t") {
                return text.dropFirst(4).trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    private static func isUTF8(_ encoding: String) -> Bool {
        ["UTF-8", "UTF8"].contains(encoding.uppercased())
    }

    /// Hunspell's names mostly are iconv's; `microsoft-cp1251` is `CP1251` there.
    private static func iconvName(_ encoding: String) -> String {
        encoding.lowercased().hasPrefix("microsoft-") ? String(encoding.dropFirst("microsoft-".count)) : encoding
    }

    /// iconv reports failure as `(iconv_t)-1`.
    private static func openConverter(to: String, from: String) -> iconv_t? {
        guard let converter = iconv_open(to, from), converter != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }
        return converter
    }

    /// One instance per `.aff` file for the whole process.
    private final class Registry: @unchecked Sendable {
        static let shared = Registry()
        private let lock = NSLock()
        private var dictionaries: [String: HunspellDictionary] = [:]

        func dictionary(name: String, aff: String, dic: String) -> HunspellDictionary? {
            lock.lock()
            defer { lock.unlock() }
            if let existing = dictionaries[aff] { return existing }
            guard let dictionary = HunspellDictionary(name: name, affixPath: aff, dictionaryPath: dic) else { return nil }
            dictionaries[aff] = dictionary
            return dictionary
        }
    }
}

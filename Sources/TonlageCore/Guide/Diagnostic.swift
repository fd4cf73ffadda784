/// A problem in a guide or scenario file, at the place that caused it.
///
/// Rendered like a compiler's message, `file:line:column: error: message [code]`, so editors
/// and CI systems can jump to it. Codes are stable; the README lists them.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible, Error {
    public enum Level: String, Sendable { case error, warning }

    public let file: String
    public let line: Int
    public let column: Int
    public let level: Level
    public let message: String
    public let code: String

    public init(file: String, line: Int, column: Int, level: Level = .error, message: String, code: String) {
        self.file = file
        self.line = line
        self.column = column
        self.level = level
        self.message = message
        self.code = code
    }

    public var description: String {
        "\(file):\(line):\(column): \(level.rawValue): \(message) [\(code)]"
    }
}

/// Thrown when a guide cannot be used; holds every problem found, not just the first.
public struct GuideLoadError: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Suggestions for a misspelt name: the closest known one, if it is close enough.
public enum NameSuggestion {
    public static func closest(to word: String, in candidates: [String]) -> String? {
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(word.lowercased(), candidate.lowercased())
            if distance <= max(2, candidate.count / 3), distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    public static func didYouMean(_ word: String, in candidates: [String]) -> String {
        closest(to: word, in: candidates).map { ", did you mean `\($0)`?" } ?? ""
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

import CReadline
import Foundation

/// Reads the trainee's input: GNU readline on a terminal (editing, history, completion),
/// plain lines without prompts when standard input is a pipe, so sessions can be scripted.
protocol LineReader {
    /// One line, or nil at end of input (Ctrl-D).
    mutating func readLine(prompt: String) -> String?
    /// Words offered by tab completion.
    mutating func setCompletions(_ words: [String])
}

extension LineReader {
    /// A reply that may span lines: a line ending in `\` continues on the next.
    mutating func readReply(prompt: String, continuation: String) -> String? {
        guard var line = readLine(prompt: prompt) else { return nil }
        var lines: [String] = []
        while line.hasSuffix("\\") {
            lines.append(String(line.dropLast()))
            guard let next = readLine(prompt: continuation) else { break }
            line = next
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }
}

/// Plain reading for pipes: no prompts, no echo.
struct PlainLineReader: LineReader {
    mutating func readLine(prompt: String) -> String? { Swift.readLine(strippingNewline: true) }
    mutating func setCompletions(_ words: [String]) {}
}

/// The words tab completion offers; read by readline's C callback, which cannot capture context.
nonisolated(unsafe) private var completionWords: [String] = []

/// Readline's completion generator: `state` counts the calls for one completion, so it indexes the matches.
private let completionGenerator: @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = { text, state in
    let prefix = text.map { String(cString: $0) } ?? ""
    let matches = completionWords.filter { $0.hasPrefix(prefix) }
    guard Int(state) < matches.count else { return nil }
    return tonlage_strdup(matches[Int(state)])
}

/// GNU readline, with history kept across sessions in the user's data directory.
struct ReadlineReader: LineReader {
    let historyPath: String

    init(historyPath: String) {
        self.historyPath = historyPath
        Self.ensureUTF8Locale()
        try? FileManager.default.createDirectory(atPath: (historyPath as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        read_history(historyPath)
        tonlage_set_completion(completionGenerator)
        tonlage_install_sigint()
    }

    mutating func readLine(prompt: String) -> String? {
        guard let raw = readline(prompt) else { return nil }
        defer { free(raw) }
        let line = String(cString: raw)
        if !line.trimmingCharacters(in: .whitespaces).isEmpty {
            add_history(raw)
            // Appended line by line, so a killed session keeps its history.
            if append_history(1, historyPath) != 0 { write_history(historyPath) }
        }
        return line
    }

    mutating func setCompletions(_ words: [String]) {
        completionWords = words
    }

    /// Without a UTF-8 locale readline reads "ü" as Meta keys.
    private static func ensureUTF8Locale() {
        setlocale(LC_ALL, "")
        let current = String(cString: setlocale(LC_CTYPE, nil))
        if current == "C" || current == "POSIX" || !current.uppercased().contains("UTF") {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}

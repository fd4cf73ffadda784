import CReadline
import Foundation

/// Reads the trainee's input: GNU readline on a terminal (editing, history, completion),
/// plain lines without prompts when standard input is a pipe, so sessions can be scripted.
protocol LineReader {
    /// One line as typed, without its line break, or nil at end of input (Ctrl-D). Bytes, not
    /// a String: decoding would replace invalid UTF-8 before `InputHygiene` could see it.
    mutating func readBytes(prompt: String) -> [UInt8]?
    /// Words offered by tab completion.
    mutating func setCompletions(_ words: [String])
    /// Whether Ctrl-C leaves the prompt with an empty line rather than only clearing it.
    mutating func leaveOnInterrupt(_ leave: Bool)
}

extension LineReader {
    /// A line for choosing and naming, where a replaced byte does no harm.
    mutating func readLine(prompt: String) -> String? {
        readBytes(prompt: prompt).map { String(decoding: $0, as: UTF8.self) }
    }

    /// A reply that may span lines: a line ending in `\` continues on the next. A reply that
    /// `InputHygiene` refuses is read to its end all the same, so that its continuation lines
    /// are not taken for the next replies.
    mutating func readReply(prompt: String, continuation: String) -> Result<String, InputHygiene.Problem>? {
        guard var line = readBytes(prompt: prompt) else { return nil }
        var reply: [UInt8] = []
        while line.last == UInt8(ascii: "\\") {
            reply += line.dropLast() + [0x0A]
            guard let next = readBytes(prompt: continuation) else {
                line = []
                break
            }
            line = next
        }
        reply += line
        return InputHygiene.reply(reply)
    }
}

/// Plain reading for pipes: no prompts, no echo.
struct PlainLineReader: LineReader {
    private var lines = StandardInput.Lines()
    mutating func readBytes(prompt: String) -> [UInt8]? { lines.next() }
    mutating func setCompletions(_ words: [String]) {}
    mutating func leaveOnInterrupt(_ leave: Bool) {}
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

    mutating func readBytes(prompt: String) -> [UInt8]? {
        guard let raw = readline(prompt) else { return nil }
        defer { free(raw) }
        let line = Array(UnsafeRawBufferPointer(start: raw, count: strlen(raw)))
        if line.contains(where: { $0 != 0x20 && $0 != 0x09 }) {
            add_history(raw)
            // Appended line by line, so a killed session keeps its history.
            if append_history(1, historyPath) != 0 { write_history(historyPath) }
        }
        return line
    }

    mutating func setCompletions(_ words: [String]) {
        completionWords = words
    }

    mutating func leaveOnInterrupt(_ leave: Bool) {
        tonlage_leave_on_interrupt(leave ? 1 : 0)
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

import ArgumentParser
import Foundation
import TonlageCore

/// `tonlage check`: scores one reply, or a JSON Lines batch, against the guide.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score a reply against the style guide.",
        discussion: """
            Reads TEXT, or standard input when TEXT is absent. With --format jsonl, every input line \
            is a JSON object {"id": ..., "text": "...", "channel": "...", "mood": "..."} (channel and \
            mood optional) and every output line the scorecard for it, in the same order; a malformed \
            line is answered in place with {"id": null, "line": N, "error": "..."}. Lines are \
            answered as they arrive, so a pipe that stays open (tail -f) gets each answer at once.

            Exit codes: 0 every reply passed, 1 a reply failed the guide, 2 bad usage or bad input.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, jsonl
    }

    @Argument(help: "The reply to score. Default: standard input.")
    var text: String?

    @Option(help: "Where the reply is posted: \(Channel.allCases.map(\.rawValue).joined(separator: ", ")). Default: the guide's.")
    var channel: Channel?

    @Option(help: "How the customer feels: \(Mood.allCases.map(\.rawValue).joined(separator: ", ")).")
    var mood: Mood = .neutral

    @Option(help: "Output: text (for people), json (one scorecard), jsonl (batch, one line per input line).")
    var format: Format = .text

    @Option(help: "Colour in text output: auto (only on a terminal, unless NO_COLOR is set), always, never.")
    var color: ColorMode = .auto

    @Option(help: ArgumentHelp("With --format jsonl: the longest input line in bytes; a longer one is answered with an error and skipped.",
                               valueName: "bytes"))
    var maxLineBytes = 1 << 20

    @OptionGroup var guideOptions: GuideOptions

    func validate() throws {
        guard maxLineBytes > 0 else { throw ValidationError("--max-line-bytes must be at least 1") }
    }

    func run() throws {
        let guide = guideOptions.loadGuide()
        let scorer = Scorer(guide: guide)
        let context = ReplyContext(channel: channel ?? guide.defaultChannel, mood: mood)
        let output = FileHandle.standardOutput

        if format == .jsonl {
            let batch = BatchChecker(scorer: scorer, defaultContext: context)
            let reader = LineBlockReader(maxLineBytes: maxLineBytes)
            let emit = { (block: BatchChecker.Block) in
                for error in block.errors { FileHandle.standardError.write(Data(("tonlage: " + error + "\n").utf8)) }
                output.write(Data(block.json))
            }
            let summary: BatchChecker.Summary
            do {
                summary = try text.map { try batch.stream(bytes: Array($0.utf8), reader: reader, emit: emit) }
                    ?? batch.stream(fd: STDIN_FILENO, reader: reader, emit: emit)
            } catch {
                FileHandle.standardError.write(Data("tonlage: cannot read standard input: \(error)\n".utf8))
                throw ExitCode(3)
            }
            throw ExitCode(summary.malformed > 0 ? 2 : (summary.failed > 0 ? 1 : 0))
        }

        let reply = try readReply()
        let card = scorer.score(reply, context: context)
        switch format {
        case .json:
            output.write(Data((ScorecardJSON.line(card) + "\n").utf8))
        case .text:
            let style = TerminalStyle(mode: color, isTerminal: isatty(STDOUT_FILENO) == 1)
            let labels = Labels.for(language: guide.language)
            output.write(Data(ScorecardText(style: style, labels: labels).render(card, reply: reply).utf8))
        case .jsonl:
            break
        }
        throw ExitCode(card.passed ? 0 : 1)
    }

    /// TEXT, or all of standard input (one trailing newline dropped); invalid UTF-8 exits 2.
    private func readReply() throws -> String {
        if let text { return text }
        if isatty(STDIN_FILENO) == 1 {
            FileHandle.standardError.write(Data("Reply (end with Ctrl-D):\n".utf8))
        }
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard var reply = String(validating: data, as: UTF8.self) else {
            InputError(description: "the reply on standard input is not valid UTF-8").exit()
        }
        if reply.hasSuffix("\r\n") { reply.removeLast(2) } else if reply.hasSuffix("\n") { reply.removeLast() }
        return reply
    }
}

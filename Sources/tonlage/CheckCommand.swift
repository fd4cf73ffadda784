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

            A reply must be UTF-8 without control characters other than tab and line breaks; \
            anything else is bad input (exit 2).

            Exit codes: 0 every reply passed, 1 a reply failed the guide, 2 bad usage or bad input \
            (invalid UTF-8, a control character, a malformed line, a broken guide), 3 an I/O or \
            internal error (standard output on a full disk). When the reader closes the pipe early, \
            the command stops quietly with the code of the replies answered so far.
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

        if format == .jsonl {
            let batch = BatchChecker(scorer: scorer, defaultContext: context)
            let reader = LineBlockReader(maxLineBytes: maxLineBytes)
            // The exit code earned so far, so a reader that leaves early still gets the right one.
            var malformedSoFar = false, failedSoFar = false
            let emit = { (block: BatchChecker.Block) in
                for error in block.errors { Output.message(error) }
                malformedSoFar = malformedSoFar || !block.errors.isEmpty
                failedSoFar = failedSoFar || block.failed > 0
                Output.earned(malformedSoFar ? ExitStatus.badInput : (failedSoFar ? ExitStatus.failed : ExitStatus.passed))
                block.forEachPart(Output.out)
            }
            let summary: BatchChecker.Summary
            do {
                summary = try text.map { try batch.stream(bytes: RawArguments.bytes($0), reader: reader, emit: emit) }
                    ?? batch.stream(fd: STDIN_FILENO, reader: reader, emit: emit)
            } catch {
                Output.message("cannot read standard input: \(error)")
                throw ExitCode(ExitStatus.ioError)
            }
            throw ExitCode(summary.malformed > 0 ? ExitStatus.badInput : (summary.failed > 0 ? ExitStatus.failed : ExitStatus.passed))
        }

        let reply = try readReply()
        let card = scorer.score(reply, context: context)
        let code = card.passed ? ExitStatus.passed : ExitStatus.failed
        Output.earned(code)
        switch format {
        case .json:
            Output.out(ScorecardJSON.line(card) + "\n")
        case .text:
            let style = TerminalStyle(mode: color, isTerminal: isatty(STDOUT_FILENO) == 1)
            let labels = Messages.for(language: guide.language)
            Output.out(ScorecardText(style: style, labels: labels).render(card, reply: reply))
        case .jsonl:
            break
        }
        throw ExitCode(code)
    }

    /// TEXT, or all of standard input (one trailing newline dropped), checked by `InputHygiene`.
    private func readReply() throws -> String {
        let bytes: [UInt8]
        let source: String
        if let text {
            bytes = RawArguments.bytes(text)
            source = "the reply (TEXT)"
        } else {
            if isatty(STDIN_FILENO) == 1 {
                Output.err("Reply (end with Ctrl-D):\n")
            }
            var input = StandardInput.readAll()
            if input.last == 0x0A {
                input.removeLast()
                if input.last == 0x0D { input.removeLast() }
            }
            bytes = input
            source = "the reply on standard input"
        }
        switch InputHygiene.reply(bytes) {
        case let .success(reply):
            return reply
        case let .failure(problem):
            throw InputError(description: "\(source) \(problem.english); a reply must be UTF-8 text without control characters")
        }
    }
}

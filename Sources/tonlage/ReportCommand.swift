import ArgumentParser
import Foundation
import TonlageCore
import TonlageStore

/// `tonlage report`: the trainer dashboard, as a self-contained HTML file or JSON figures.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The trainer dashboard: one self-contained HTML file, or the same figures as JSON.",
        discussion: """
            Per agent: readiness (certified, ready for certification, needs practice), pass rate and \
            trend with practice and exams/certifications apart, hints used, score over time against \
            the guide's pass mark, the families where points are lost, response times against \
            targets, outcomes per scenario (by title), and the agent's own boilerplate. Runs left \
            before any reply are not counted. Reads an SQLite file or a PostgreSQL database. For the cohort: a heat map of agents × families, the most \
            frequent findings with an example reply each, and the hardest scenarios. The HTML has \
            inline CSS and SVG only (no scripts, fonts or network) and prints on A4. \
            `tonlage demo-data --store PATH` makes a realistic store to try it on.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: ArgumentHelp("Write the HTML dashboard to this file.", valueName: "file"))
    var html: String?

    @Option(help: "Output on standard output: text (a summary) or json (every figure).")
    var format: Format = .text

    @Option(help: "Only these agents (repeatable).")
    var agent: [String] = []

    @Option(help: "Only runs from this day on (YYYY-MM-DD).")
    var since: String?

    @Option(help: StoreOption.help)
    var store: String?

    @OptionGroup var guideOptions: GuideOptions

    func validate() throws {
        if let since, since.count != 10 || (try? Date(since + "T00:00:00Z", strategy: .iso8601)) == nil {
            throw ValidationError("--since takes a day as YYYY-MM-DD, not \(since).")
        }
    }

    func run() throws {
        // Read-only: a trainer may look at a store without the right to change it.
        let reader = try StoreOption.openForReading(store) {
            "no progress store at \($0): play or certify first, try `tonlage demo-data --store \($0)`, or pass --store"
        }
        let guide = try? GuideLoader.load(path: guideOptions.guidePath)
        let report = try reader.cohortReport(agents: agent, since: since, passMark: guide?.passMark ?? RelationalStore.defaultPassMark)
        let language = guide?.language ?? "en"
        if let html {
            AtomicFile.removeTemporaryFilesOnSignals()
            let generated = Date().formatted(.iso8601.year().month().day().dateSeparator(.dash))
            let page = ReportHTML(report: report, messages: Messages.for(language: language), generated: generated).render()
            do {
                try AtomicFile.write(Data(page.utf8), to: html)
            } catch {
                error.exit()
            }
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Output.out(try encoder.encode(report) + Data("\n".utf8))
        case .text:
            var out = "\(report.agents.count) agents, \(report.agents.reduce(0) { $0 + $1.runs }) runs"
            if let html { out += " → \(html)" }
            out += "\n"
            for scenario in report.scenarios.prefix(3) {
                out += "  hardest: \(scenario.title) – average \(scenario.averageScore), success \(scenario.successRate) %\n"
            }
            for finding in report.topFindings.prefix(3) {
                out += "  frequent: \(finding.rule) ×\(finding.count)\n"
            }
            Output.out(InputHygiene.visible(out, keepingLineBreaks: true))
        }
    }
}

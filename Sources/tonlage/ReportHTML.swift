import Foundation
import TonlageCore
import TonlageStore

/// The trainer dashboard as one self-contained HTML file: inline CSS and SVG, no scripts, no
/// fonts or images from anywhere. Reads on a laptop screen and prints on A4.
struct ReportHTML {
    let report: CohortReport
    let messages: Messages
    let generated: String
    /// The guide's pass mark, as the store's figures were judged against.
    var passMark: Int { report.passMark }

    private var m: Messages { messages }

    /// A family's name as a heading: the catalogue's word with a capital.
    private func family(_ name: String) -> String {
        Family(rawValue: name).flatMap { messages.families[$0] }.map(capitalized) ?? name
    }

    private func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    func render() -> String {
        let runs = report.agents.reduce(0) { $0 + $1.runs }
        let turns = report.agents.reduce(0) { $0 + $1.turns }
        let average = report.agents.isEmpty ? 0
            : Int((Double(report.agents.reduce(0) { $0 + $1.averageScore * $1.turns }) / Double(max(1, turns))).rounded())
        var html = """
            <!DOCTYPE html>
            <html lang="\(m.language)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(m.reportTitle)</title>
            <style>\(Self.css)</style>
            </head>
            <body>
            <header>
            <h1>\(m.reportHeading)</h1>
            <p class="meta">\(escape(generated))\(report.since.map { " · " + m.since + " " + escape($0) } ?? "")</p>
            <div class="kpis">
            \(kpi(String(report.agents.count), m.agents, id: "kpi-agents"))
            \(kpi(String(runs), m.runs, id: "kpi-runs"))
            \(kpi(String(turns), m.replies, id: "kpi-turns"))
            \(kpi(String(average), m.averagePoints, id: "kpi-average"))
            </div>
            </header>
            <main>
            <section class="cohort">
            <h2>\(m.cohort)</h2>
            <h3>\(m.cohortHeatmap)</h3>
            \(heatmap())
            <div class="columns">
            <div>
            <h3>\(m.topFindings)</h3>
            \(findingsTable())
            </div>
            <div>
            <h3>\(m.hardestScenarios)</h3>
            \(scenarioChart())
            </div>
            </div>
            </section>

            """
        for agent in report.agents { html += agentSection(agent) }
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    private func kpi(_ value: String, _ label: String, id: String) -> String {
        "<div class=\"kpi\" id=\"\(id)\"><span class=\"value\">\(value)</span><span class=\"label\">\(label)</span></div>"
    }

    private func heatmap() -> String {
        guard !report.agents.isEmpty else { return "<p>\(m.noData)</p>" }
        let maximum = max(1, report.heatmap.map(\.pointsPerTurn).max() ?? 1)
        var out = "<table class=\"heatmap\" id=\"heatmap\"><thead><tr><th>Agent</th>"
        for name in report.families { out += "<th>\(escape(family(name)))</th>" }
        out += "</tr></thead><tbody>\n"
        for agent in report.agents {
            out += "<tr><th>\(escape(agent.name))</th>"
            for name in report.families {
                let value = report.heatmap.first { $0.agent == agent.name && $0.family == name }?.pointsPerTurn ?? 0
                let alpha = value / maximum
                out += "<td style=\"background: rgba(196, 54, 54, \(String(format: "%.2f", 0.08 + alpha * 0.82)));\(alpha > 0.55 ? " color: #fff;" : "")\">"
                    + String(format: "%.1f", value) + "</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody></table>"
    }

    private func findingsTable() -> String {
        guard !report.topFindings.isEmpty else { return "<p>\(m.noFindings)</p>" }
        var out = "<table class=\"findings\" id=\"top-findings\"><thead><tr><th>\(m.rule)</th><th>×</th><th>\(m.example)</th></tr></thead><tbody>\n"
        for finding in report.topFindings {
            out += "<tr><td><code>\(escape(finding.rule))</code><br><small>\(escape(family(finding.family)))</small></td>"
                + "<td class=\"num\">\(finding.count)</td><td class=\"example\">\(highlight(finding.example, finding.excerpt))</td></tr>\n"
        }
        return out + "</tbody></table>"
    }

    /// The reply with the words that drew the finding marked.
    private func highlight(_ reply: String, _ excerpt: String) -> String {
        let shortened = reply.count > 220 ? String(reply.prefix(220)) + "…" : reply
        guard !excerpt.isEmpty, let range = shortened.range(of: excerpt) else { return escape(shortened) }
        return escape(String(shortened[..<range.lowerBound])) + "<mark>" + escape(excerpt) + "</mark>"
            + escape(String(shortened[range.upperBound...]))
    }

    private func scenarioChart() -> String {
        let rows = report.scenarios
        guard !rows.isEmpty else { return "<p>\(m.noData)</p>" }
        let width = 460.0, rowHeight = 22.0, label = 170.0
        let height = Double(rows.count) * rowHeight + 24
        var svg = "<svg class=\"chart\" id=\"scenario-chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(m.scenarioChart)\">\n"
        for (index, row) in rows.enumerated() {
            let y = Double(index) * rowHeight + 4
            let bar = (width - label - 70) * Double(row.averageScore) / 100
            let title = row.title.count > 26 ? String(row.title.prefix(25)) + "…" : row.title
            svg += "<text x=\"0\" y=\"\(y + 14)\" class=\"axis\">\(escape(title))</text>"
            svg += "<rect x=\"\(label)\" y=\"\(y + 3)\" width=\"\(String(format: "%.1f", bar))\" height=\"14\" class=\"\(row.averageScore >= passMark ? "bar" : "bar low")\"><title>\(escape(row.title)): \(row.averageScore)</title></rect>"
            svg += "<text x=\"\(String(format: "%.1f", label + bar + 4))\" y=\"\(y + 14)\" class=\"value\">\(row.averageScore) · \(row.successRate) %</text>\n"
        }
        svg += "<text x=\"\(label)\" y=\"\(height - 2)\" class=\"axis\">\(m.scenarioAxis)</text>"
        return svg + "</svg>"
    }

    private func agentSection(_ agent: CohortReport.Agent) -> String {
        let times = agent.responseTimes
        let timeText = times.turns == 0 ? m.noTimeTargets
            : "\(times.withinTarget)/\(times.turns) " + m.withinTarget
                + " · Median \(times.medianSeconds ?? 0) s (\(m.target) \(times.medianTarget ?? 0) s)"
        return """
            <section class="agent" id="agent-\(slug(agent.name))">
            <h2>\(escape(agent.name))</h2>
            <p class="meta"><span class="readiness \(agent.readiness.rawValue)">\(readiness(agent.readiness))</span> · \(agent.runs) \(m.runs) · \(agent.turns) \(m.replies) · Ø \(agent.averageScore) \(m.deduction) · \(m.hintsUsedLabel): \(agent.hintsUsed)</p>
            \(tracks(agent))
            \(boilerplate(agent))
            <div class="columns">
            <div><h3>\(m.scoreOverTime)</h3>\(timeline(agent))</div>
            <div><h3>\(m.wherePointsAreLost)</h3>\(familyBars(agent))</div>
            </div>
            <div class="columns">
            <div><h3>\(m.responseTimes)</h3>\(timeBar(times))<p class="meta">\(timeText)</p></div>
            <div><h3>\(m.outcomesPerScenario)</h3>\(outcomeTable(agent))</div>
            </div>
            </section>

            """
    }

    private func readiness(_ readiness: Readiness) -> String {
        switch readiness {
        case .certified: return m.readiness["certified", default: "certified"]
        case .ready: return m.readiness["ready", default: "ready"]
        case .needsPractice: return m.readiness["needs-practice", default: "needs-practice"]
        }
    }

    /// Practice and exams/certifications apart: pass rate against the guide's pass mark, and trend.
    private func tracks(_ agent: CohortReport.Agent) -> String {
        var rows = ""
        for (label, track) in [(capitalized(m.practiceTrack), agent.practice), (m.examsAndCertifications, agent.assessment)]
        where track.runs > 0 {
            let trend = track.trend.map { ($0 > 0 ? "↑ +" : ($0 < 0 ? "↓ " : "→ ")) + String($0) } ?? "–"
            rows += "<tr><td>\(label)</td><td class=\"num\">\(track.runs)</td><td class=\"num\">\(track.passed) (\(track.passRate ?? 0) %)</td>"
                + "<td class=\"num\">\(track.averageScore ?? 0)</td><td class=\"num\">\(trend)</td></tr>"
        }
        guard !rows.isEmpty else { return "" }
        return "<table class=\"tracks\"><thead><tr><th></th><th>\(capitalized(m.runs))</th><th>\(m.passed) (≥ \(passMark))</th>"
            + "<th>Ø</th><th>Trend</th></tr></thead><tbody>\(rows)</tbody></table>"
    }

    /// Sentences the agent pasted into replies of three or more scenarios.
    private func boilerplate(_ agent: CohortReport.Agent) -> String {
        guard !agent.ownBoilerplate.isEmpty else { return "" }
        let items = agent.ownBoilerplate.prefix(5).map {
            "<li>„\(escape($0.sentence))“ <small>– \(m.inScenarios($0.scenarios)), \($0.uses)×</small></li>"
        }
        return "<div class=\"own-boilerplate\"><h3>\(m.ownBoilerplateTitle)</h3><ul>\(items.joined())</ul></div>"
    }

    private func timeline(_ agent: CohortReport.Agent) -> String {
        let points = agent.timeline
        guard !points.isEmpty else { return "<p>\(m.noData)</p>" }
        let width = 460.0, height = 160.0, left = 30.0, bottom = 20.0
        let step = points.count > 1 ? (width - left - 10) / Double(points.count - 1) : 0
        func x(_ i: Int) -> Double { left + Double(i) * step }
        func y(_ score: Int) -> Double { (height - bottom) - (height - bottom - 10) * Double(score) / 100 }
        var svg = "<svg class=\"chart timeline\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(m.scoreOverTime)\">\n"
        for mark in [0, 50, 100] {
            svg += "<line x1=\"\(left)\" x2=\"\(width - 10)\" y1=\"\(y(mark))\" y2=\"\(y(mark))\" class=\"grid\"/><text x=\"0\" y=\"\(y(mark) + 4)\" class=\"axis\">\(mark)</text>\n"
        }
        svg += "<line x1=\"\(left)\" x2=\"\(width - 10)\" y1=\"\(y(passMark))\" y2=\"\(y(passMark))\" class=\"passmark\"/>\n"
        let path = points.enumerated().map { "\($0.offset == 0 ? "M" : "L")\(String(format: "%.1f", x($0.offset))),\(String(format: "%.1f", y($0.element.score)))" }
        svg += "<path d=\"\(path.joined(separator: " "))\" class=\"line\"/>\n"
        for (index, point) in points.enumerated() {
            svg += "<circle cx=\"\(String(format: "%.1f", x(index)))\" cy=\"\(String(format: "%.1f", y(point.score)))\" r=\"\(point.assessment ? 5 : 3)\" class=\"\(point.assessment ? "dot exam" : "dot")\"><title>\(escape(point.date)) \(escape(point.title)): \(point.score)</title></circle>\n"
        }
        svg += "<text x=\"\(left)\" y=\"\(height - 4)\" class=\"axis\">\(escape(points.first!.date))</text>"
        svg += "<text x=\"\(width - 10)\" y=\"\(height - 4)\" class=\"axis\" text-anchor=\"end\">\(escape(points.last!.date))</text>"
        return svg + "</svg>"
    }

    private func familyBars(_ agent: CohortReport.Agent) -> String {
        guard let maximum = agent.families.map(\.points).max(), maximum > 0 else { return "<p>\(m.noDeductions)</p>" }
        let rowHeight = 22.0, label = 120.0, width = 460.0
        var svg = "<svg class=\"chart families\" viewBox=\"0 0 \(Int(width)) \(Int(Double(agent.families.count) * rowHeight + 6))\" role=\"img\" aria-label=\"\(m.familyChart)\">\n"
        for (index, loss) in agent.families.enumerated() {
            let y = Double(index) * rowHeight + 3
            let bar = (width - label - 50) * Double(loss.points) / Double(maximum)
            svg += "<text x=\"0\" y=\"\(y + 14)\" class=\"axis\">\(escape(family(loss.family)))</text>"
            svg += "<rect x=\"\(label)\" y=\"\(y + 3)\" width=\"\(String(format: "%.1f", bar))\" height=\"14\" class=\"bar low\"/>"
            svg += "<text x=\"\(String(format: "%.1f", label + bar + 4))\" y=\"\(y + 14)\" class=\"value\">−\(loss.points)</text>\n"
        }
        return svg + "</svg>"
    }

    private func timeBar(_ times: CohortReport.ResponseTimes) -> String {
        guard times.turns > 0 else { return "" }
        let share = Double(times.withinTarget) / Double(times.turns)
        return "<svg class=\"chart times\" viewBox=\"0 0 460 24\" role=\"img\" aria-label=\"\(m.shareWithinTarget)\">"
            + "<rect x=\"0\" y=\"4\" width=\"460\" height=\"16\" class=\"track\"/>"
            + "<rect x=\"0\" y=\"4\" width=\"\(String(format: "%.1f", 460 * share))\" height=\"16\" class=\"bar\"/></svg>"
    }

    private func outcomeTable(_ agent: CohortReport.Agent) -> String {
        var out = "<table class=\"outcomes\"><thead><tr><th>\(m.scenario)</th><th>✓</th><th>↗</th><th>✗</th><th>–</th></tr></thead><tbody>"
        for row in agent.outcomes {
            out += "<tr><td>\(escape(row.title))</td><td class=\"num\">\(row.resolved)</td><td class=\"num\">\(row.escalated)</td>"
                + "<td class=\"num\">\(row.lost)</td><td class=\"num\">\(row.abandoned)</td></tr>"
        }
        return out + "</tbody></table><p class=\"legend\">✓ \(m.outcomes["resolved", default: "resolved"]) · ↗ \(m.outcomes["escalated", default: "escalated"]) · ✗ \(m.lostShort) · – \(m.outcomes["abandoned", default: "abandoned"])</p>"
    }

    private func escape(_ text: String) -> String {
        MarkupEscaping.xml(text)
    }

    private func slug(_ text: String) -> String {
        String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    static let css = """
        :root { --ink: #1d2330; --muted: #667085; --line: #d0d5dd; --accent: #2a6f97; --low: #c43636; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #f7f8fa; }
        header, main { max-width: 1100px; margin: 0 auto; padding: 0 24px; }
        header { padding-top: 28px; }
        h1 { margin: 0 0 4px; font-size: 28px; }
        h2 { margin: 0 0 6px; font-size: 21px; }
        h3 { margin: 18px 0 8px; font-size: 15px; color: var(--muted); font-weight: 600; }
        .meta, .legend { color: var(--muted); margin: 4px 0; font-size: 13px; }
        .kpis { display: flex; gap: 12px; margin: 16px 0 8px; flex-wrap: wrap; }
        .kpi { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px; min-width: 120px; }
        .kpi .value { display: block; font-size: 24px; font-weight: 700; }
        .kpi .label { color: var(--muted); font-size: 13px; }
        section { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 18px 22px; margin: 18px 0; }
        .columns { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; }
        table { border-collapse: collapse; width: 100%; font-size: 13px; }
        th, td { border-bottom: 1px solid var(--line); padding: 5px 6px; text-align: left; vertical-align: top; }
        .heatmap td { text-align: center; font-variant-numeric: tabular-nums; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        .example { color: #344054; }
        mark { background: #fde68a; }
        .chart { width: 100%; height: auto; }
        .chart .axis { font-size: 11px; fill: var(--muted); }
        .chart .value { font-size: 11px; fill: var(--ink); }
        .chart .bar { fill: var(--accent); }
        .chart .bar.low { fill: var(--low); }
        .chart .track { fill: #eef2f6; }
        .chart .grid { stroke: #eaecf0; }
        .chart .passmark { stroke: var(--low); stroke-dasharray: 4 3; }
        .chart .line { fill: none; stroke: var(--accent); stroke-width: 2; }
        .chart .dot { fill: var(--accent); }
        .chart .dot.exam { fill: #fff; stroke: var(--accent); stroke-width: 2; }
        .readiness { font-weight: 600; padding: 1px 8px; border-radius: 10px; background: #eef2f6; }
        .readiness.certified { background: #d1fadf; color: #05603a; }
        .readiness.ready { background: #dbeafe; color: #1e3a8a; }
        .readiness.needs-practice { background: #fef0c7; color: #93370d; }
        .tracks { width: auto; margin: 8px 0; }
        .own-boilerplate ul { margin: 4px 0; padding-left: 20px; font-size: 13px; }
        @media (max-width: 800px) { .columns { grid-template-columns: 1fr; } }
        @page { size: A4; margin: 14mm; }
        @media print {
          body { background: #fff; font-size: 11pt; }
          header, main { max-width: none; padding: 0; }
          section { border: none; padding: 0; margin: 0 0 10mm; break-inside: avoid; page-break-inside: avoid; }
          section.agent { break-before: page; }
          .kpi { border-color: #999; }
        }
        """
}

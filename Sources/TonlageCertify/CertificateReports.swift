import Foundation

/// What a certificate looks like to a trainer (Markdown) and to a CI system (JUnit XML).
public enum CertificateReports {
    /// A summary a trainer can send to the agent.
    public static func markdown(_ certificate: Certificate) -> String {
        var out = "# \(certificate.certified ? "Zertifiziert" : "Nicht zertifiziert"): \(certificate.agent)\n\n"
        out += "Plan: **\(certificate.plan)** · Durchschnitt: **\(certificate.average)** · "
        out += "bestandene Szenarien: **\(certificate.passedScenarios) von \(certificate.scenarios.count)** · "
        out += "ausgestellt: \(certificate.issuedAt)\n\n"
        if !certificate.reasons.isEmpty {
            out += "Gründe:\n\n" + certificate.reasons.map { "- \($0)" }.joined(separator: "\n") + "\n\n"
        }
        out += "| Szenario | Ausgang | Punkte | Ergebnis |\n|---|---|---|---|\n"
        for scenario in certificate.scenarios {
            out += "| \(scenario.id) | \(scenario.outcome) | \(scenario.score) | \(scenario.passed ? "✓" : "✗ " + scenario.reasons.joined(separator: "; ")) |\n"
        }
        for scenario in certificate.scenarios where scenario.turns.contains(where: { !$0.findings.isEmpty }) {
            out += "\n## \(scenario.id)\n\n"
            for turn in scenario.turns where !turn.findings.isEmpty {
                out += "**\(turn.step)** (\(turn.score) Punkte): „\(turn.text)“\n\n"
                for finding in turn.findings {
                    out += "- `\(finding.rule)` (−\(finding.deduction)) \(finding.message)\n"
                }
                out += "\n"
            }
        }
        out += "\nGeprüft gegen: \(certificate.guide.path) (SHA-256 \(certificate.guide.sha256)), "
        out += "\(certificate.answers.path) (SHA-256 \(certificate.answers.sha256)); \(certificate.tool)\n"
        return out
    }

    /// One JUnit XML for all agents: a test suite per agent, a test case per scenario.
    public static func junit(_ certificates: [Certificate]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let failures = certificates.flatMap(\.scenarios).filter { !$0.passed }.count
        let tests = certificates.flatMap(\.scenarios).count
        out += "<testsuites name=\"tonlage certify\" tests=\"\(tests)\" failures=\"\(failures)\">\n"
        for certificate in certificates {
            let failed = certificate.scenarios.filter { !$0.passed }.count
            out += "  <testsuite name=\"\(escape(certificate.agent))\" tests=\"\(certificate.scenarios.count)\" failures=\"\(failed)\">\n"
            for scenario in certificate.scenarios {
                out += "    <testcase classname=\"\(escape(certificate.plan))\" name=\"\(escape(scenario.id))\""
                if scenario.passed {
                    out += "/>\n"
                } else {
                    out += ">\n      <failure message=\"\(escape(scenario.reasons.joined(separator: "; ")))\">"
                    out += "outcome \(escape(scenario.outcome)), score \(scenario.score)</failure>\n    </testcase>\n"
                }
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A file name for an agent: letters, digits and dashes.
    public static func slug(_ agent: String) -> String {
        let folded = agent.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        let slug = folded.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
            .split(separator: "-").joined(separator: "-")
        return slug.isEmpty ? "agent" : slug
    }
}

import Foundation
import TonlageCore

/// What a certificate looks like to a trainer (Markdown) and to a CI system (JUnit XML).
public enum CertificateReports {
    /// A summary a trainer can send to the agent, in the certificate's language. Everything
    /// taken from answer files or the library is escaped: a name or reply cannot break it.
    public static func markdown(_ certificate: Certificate) -> String {
        let m = Messages.for(language: certificate.language)
        let md = MarkupEscaping.markdownInline
        var out = "# \(certificate.certified ? m.certCertified : m.certNotCertified): \(md(certificate.agent))\n\n"
        out += "\(m.certPlan): **\(md(certificate.plan))** · \(m.average): **\(certificate.average)** · "
        out += m.certPassedScenarios(certificate.passedScenarios, certificate.scenarios.count) + " · "
        out += "\(m.certIssued): \(md(certificate.issuedAt)) · \(m.certValidUntil): \(md(certificate.validUntil))\n\n"
        if let session = certificate.examSession { out += "\(m.certExamSession): \(md(session))\n\n" }
        if !certificate.reasons.isEmpty {
            out += "\(m.certReasons):\n\n" + certificate.reasons.map { "- \(md($0))" }.joined(separator: "\n") + "\n\n"
        }
        out += "| \(m.scenario) | \(m.outcome) | \(m.certPoints) | \(m.result) |\n|---|---|---|---|\n"
        for scenario in certificate.scenarios {
            let result = scenario.passed ? "✓" : "✗ " + md(scenario.reasons.joined(separator: "; "))
            out += "| \(md(scenario.id)) | \(md(m.outcomes[scenario.outcome] ?? scenario.outcome)) | \(scenario.score) | \(result) |\n"
        }
        for scenario in certificate.scenarios where scenario.turns.contains(where: { !$0.findings.isEmpty }) {
            out += "\n## \(md(scenario.id))\n\n"
            for turn in scenario.turns where !turn.findings.isEmpty {
                out += "**\(md(turn.step))** (\(turn.score) \(m.certPoints)): „\(md(turn.text))“\n\n"
                for finding in turn.findings {
                    out += "- \(md(finding.rule)) (−\(finding.deduction)) \(md(finding.message))\n"
                }
                out += "\n"
            }
        }
        out += "\n\(m.certCheckedAgainst): \(md(certificate.guide.path)) (SHA-256 \(certificate.guide.sha256)), "
        out += "\(md(certificate.answers.path)) (SHA-256 \(certificate.answers.sha256)); \(md(certificate.tool))\n"
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
        MarkupEscaping.xml(text)
    }

    /// A file name for an agent: letters, digits and dashes.
    public static func slug(_ agent: String) -> String {
        let folded = agent.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        let slug = folded.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
            .split(separator: "-").joined(separator: "-")
        return slug.isEmpty ? "agent" : slug
    }
}

import Foundation
import Testing
@testable import TonlageCertify
@testable import TonlageCore
@testable import TonlageScenarios

/// Certification: answers walked through the plan's scenarios, the plan's pass rule, inputs.
@Suite("certifier")
struct CertifierTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let guide = try! GuideLoader.load(path: root.appendingPathComponent("guide/de-social.yaml").path)
    static let scenarios = ScenarioLoader.loadLibrary(directory: root.appendingPathComponent("scenarios").path, language: guide.scenarioLanguage).scenarios
    static let plan = CertificationLoader.loadPlan(path: root.appendingPathComponent("scenarios/certification/grundlagen.yaml").path).0!
    static let example = CertificationLoader.loadAnswers(path: root.appendingPathComponent("scenarios/certification/example-answers.yaml").path).0!

    func certifier(_ plan: CertificationPlan = plan) -> Certifier {
        Certifier(guide: Self.guide, guideFile: "guide.yaml", scenarios: Self.scenarios, plan: plan, tool: "test")
    }

    func answers(_ yaml: String) -> AnswersFile {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("answers-\(UUID()).yaml")
        try! yaml.write(to: url, atomically: true, encoding: .utf8)
        return CertificationLoader.loadAnswers(path: url.path).0!
    }

    @Test("the shipped example answers pass the default plan")
    func examplePasses() {
        let certificate = certifier().certify(Self.example, issuedAt: "2026-11-24T10:00:00Z")
        #expect(certificate.certified, "\(certificate.reasons) \(certificate.scenarios.map(\.reasons))")
        #expect(certificate.scenarios.map(\.outcome) == ["resolved", "resolved", "resolved", "resolved", "escalated"])
        #expect(certificate.scenarios.first?.path == ["beschwerde", "nummer"])
        #expect(certificate.guide.sha256 == Self.guide.contentHash)
    }

    @Test("a missing answer fails that scenario with a reason, not a crash")
    func missingAnswer() throws {
        var yaml = try String(contentsOf: Self.root.appendingPathComponent("scenarios/certification/example-answers.yaml"), encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: "    nummer:", with: "    numer:")
        let certificate = certifier().certify(answers(yaml), issuedAt: "t")
        #expect(!certificate.certified)
        let parcel = try #require(certificate.scenarios.first { $0.id == "paket-verspaetet" })
        #expect(parcel.outcome == "unfinished")
        #expect(parcel.reasons.contains("keine Antwort für den Schritt „nummer“"), "German, as the guide")
    }

    @Test("a privacy error fails the plan even with a good score elsewhere")
    func privacyError() {
        let yaml = """
            agent: Tom
            answers:
              paket-verspaetet:
                beschwerde: "Das tut mir leid, Nina! Poste hier bitte deine Bestellnummer und Anschrift."
            """
        let certificate = certifier().certify(answers(yaml), issuedAt: "t")
        let parcel = certificate.scenarios.first { $0.id == "paket-verspaetet" }
        #expect(parcel?.reasons.contains { $0.hasPrefix("Datenschutz-Fehler: privacy.daten_oeffentlich") } == true, "\(parcel?.reasons ?? [])")
        #expect(!certificate.certified)
        #expect(certificate.reasons.contains("5 von 5 Szenarien nicht bestanden"))
    }

    @Test("a plan of at least 4 of 5 passes with one miss")
    func fourOfFive() throws {
        let plan = try #require(CertificationLoader.loadPlan(
            path: Self.root.appendingPathComponent("scenarios/certification/qa-vier-von-fuenf.yaml").path).0)
        let good = Dictionary(uniqueKeysWithValues: Self.scenarios.map { scenario in
            (scenario.id, scenario.examples.first { $0.isGood }!.answers)
        })
        var lines = ["agent: QA", "answers:"]
        for id in plan.scenarios {
            lines.append("  \(id):")
            var run = ScenarioRun(scenario: Self.scenarios.first { $0.id == id }!)
            for answer in good[id]! {
                guard let step = run.stepID else { break }
                let text = id == "gutschein-ungueltig" ? "Da können wir nichts machen." : answer.text
                lines.append("    \(step): { text: \(ScorecardJSON.quoted(text)), action: \(answer.action.rawValue) }")
                _ = run.answer(answer, scorer: Scorer(guide: Self.guide))
            }
        }
        let certificate = certifier(plan).certify(answers(lines.joined(separator: "\n")), issuedAt: "t")
        #expect(certificate.passedScenarios == 4)
        #expect(certificate.certified, "\(certificate.reasons)")
    }

    @Test("the same inputs and issue time give byte-identical certificates")
    func deterministic() {
        let first = certifier().certify(Self.example, issuedAt: "2026-11-24T10:00:00Z").json()
        let second = certifier().certify(Self.example, issuedAt: "2026-11-24T10:00:00Z").json()
        #expect(first == second)
        #expect(CertificateReports.markdown(certifier().certify(Self.example, issuedAt: "x"))
                == CertificateReports.markdown(certifier().certify(Self.example, issuedAt: "x")))
    }

    @Test("malformed answer files and plans give file:line:column errors", arguments: [
        ("agent: Tom\nanswers:\n  paket-verspaetet: [kaputt\n", "yaml-syntax"),
        ("agent: Tom\nanswers:\n  paket-verspaetet:\n    beschwerde: { txt: hallo }\n", "unknown-key"),
        ("answers: {}\n", "missing-field"),
        ("agent: Tom\nanswers: [1]\n", "wrong-type"),
    ])
    func malformed(yaml: String, code: String) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID()).yaml")
        try? yaml.write(to: url, atomically: true, encoding: .utf8)
        let (answers, diagnostics) = CertificationLoader.loadAnswers(path: url.path)
        #expect(answers == nil)
        #expect(diagnostics.map(\.code).contains(code), "\(diagnostics)")
        #expect(diagnostics.allSatisfy { $0.file == url.path && $0.line >= 1 })
    }

    @Test("JUnit: a test case per agent and scenario, failures with reasons")
    func junit() {
        let good = certifier().certify(Self.example, issuedAt: "t")
        let bad = certifier().certify(answers("agent: \"Tom & Jerry\"\nanswers: {}\n"), issuedAt: "t")
        let xml = CertificateReports.junit([good, bad])
        #expect(xml.contains("<testsuites name=\"tonlage certify\" tests=\"10\" failures=\"5\">"))
        #expect(xml.contains("<testsuite name=\"Tom &amp; Jerry\" tests=\"5\" failures=\"5\">"))
        #expect(xml.contains("<failure message=\"keine Antwort für den Schritt „beschwerde“; Punktzahl 0 liegt unter 80\">outcome unfinished, score 0</failure>"))
        #expect(CertificateReports.slug("Jörg Müller-Lüdenscheidt") == "jorg-muller-ludenscheidt")
    }

    @Test("certificate text and reasons come in the guide's language")
    func language() throws {
        let english = try GuideLoader.load(path: Self.root.appendingPathComponent("guide/en-social.yaml").path)
        let englishCertifier = Certifier(guide: english, guideFile: "en.yaml", scenarios: Self.scenarios, plan: Self.plan, tool: "test")
        let certificate = englishCertifier.certify(answers("agent: Tom\nanswers: {}\n"), issuedAt: "2026-11-24T10:00:00Z")
        #expect(certificate.language == "en")
        #expect(certificate.reasons.contains("5 of 5 scenarios not passed"))
        #expect(certificate.scenarios[0].reasons.contains("no answer for step “beschwerde”"))
        let markdown = CertificateReports.markdown(certificate)
        #expect(markdown.hasPrefix("# Not certified: Tom"))
        #expect(markdown.contains("valid until: 2027-11-24T10:00:00Z"))
        #expect(CertificateReports.markdown(certifier().certify(Self.example, issuedAt: "t")).hasPrefix("# Zertifiziert: Beispiel Agentin"))
    }
}

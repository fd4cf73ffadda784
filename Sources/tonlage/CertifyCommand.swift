import ArgumentParser
import Dispatch
import Foundation
import TonlageCertify
import TonlageCore
import TonlageScenarios
import TonlageStore
import TonlageTraining

/// `tonlage certify`: batch certification of answer files against a plan.
struct Certify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Certify agents from answer files, or verify a certificate.",
        discussion: """
            Walks each answers file through the plan's scenarios exactly as the REPL would, and \
            writes per agent a certificate (JSON, with the SHA-256 of the guide, every scenario, the \
            plan and the answers) and a Markdown summary to --out; --junit writes one JUnit XML for \
            all agents. One verdict line per agent on standard output. Files are processed in \
            parallel; every run is recorded in the progress store (mode certify). With --issued-at \
            fixed, the same inputs give byte-identical outputs. --verify CERT recomputes the hashes \
            and the verdict from the files and says whether anything changed.

            Plans live in scenarios/certification/NAME.yaml; the default plan `grundlagen` ships \
            with scenarios/certification/example-answers.yaml, a complete answers file that passes.

            Exit codes: 0 all certified (or verified unchanged), 1 someone failed (or something \
            changed), 2 bad input (the other files are still processed), 3 an I/O or internal \
            error (a certificate that cannot be written, a failing store).
            """)

    @Argument(help: "Answer files (YAML or JSON), one agent each.")
    var answers: [String] = []

    @Option(help: "The certification plan: a name in scenarios/certification/, or a path.")
    var plan = "grundlagen"

    @Option(help: ArgumentHelp("Folder for the certificates and summaries.", valueName: "dir"))
    var out = "certificates"

    @Option(help: ArgumentHelp("Write one JUnit XML for all agents here.", valueName: "file"))
    var junit: String?

    @Option(help: "The issue time to write (ISO 8601, e.g. 2026-11-24T10:00:00Z); default: now.")
    var issuedAt: String?

    @Option(help: ArgumentHelp("Verify this certificate against the files it names.", valueName: "cert.json"))
    var verify: String?

    @Flag(help: "Do not record the runs in the progress store.")
    var noStore = false

    @OptionGroup var library: LibraryOptions

    func validate() throws {
        if verify == nil && answers.isEmpty { throw ValidationError("Give at least one answers file, or --verify CERT.json.") }
        if let issuedAt, (try? Date(issuedAt, strategy: .iso8601)) == nil {
            throw ValidationError("--issued-at must be an ISO 8601 time such as 2026-11-24T10:00:00Z, not \(issuedAt).")
        }
    }

    func run() throws {
        if let verify { return try Verification(certificatePath: verify).run() }
        let guide = library.guideOptions.loadGuide()
        let scenarios = library.loadScenarios(language: guide.scenarioLanguage)
        let planPath = plan.hasSuffix(".yaml") || plan.hasSuffix(".yml") ? plan
            : ((library.scenarios ?? Paths.defaultScenarios) as NSString).appendingPathComponent("certification/\(plan).yaml")
        let (loadedPlan, planProblems) = CertificationLoader.loadPlan(path: planPath)
        Self.report(planProblems)
        guard let loadedPlan else { throw ExitCode(2) }
        for id in loadedPlan.scenarios where !scenarios.contains(where: { $0.id == id }) {
            InputError(description: "\(planPath): the plan names the unknown scenario `\(id)`"
                       + NameSuggestion.didYouMean(id, in: scenarios.map(\.id))).exit()
        }
        let issued = issuedAt ?? Date().formatted(.iso8601)
        var certifier = Certifier(guide: guide, guideFile: library.guideOptions.guidePath, scenarios: scenarios,
                                  plan: loadedPlan, tool: "tonlage \(TonlageVersion.current)")
        certifier.recordPathsRelativeTo = FileManager.default.currentDirectoryPath
        let results = certifier.certify(files: answers, issuedAt: issued)

        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            SystemError("cannot create \(out)", error).exit()
        }
        var usedNames: Set<String> = []
        var certifications: [Certification] = []
        var badInput = false
        for (file, result) in zip(answers, results) {
            guard case let .success(certification) = result else {
                if case let .failure(problems) = result { Self.report(problems.diagnostics) }
                badInput = true
                Output.earned(ExitStatus.badInput)
                Self.say("✗ \(file): not certified, the file has errors")
                continue
            }
            let certificate = certification.certificate
            var name = CertificateReports.slug(certificate.agent)
            var counter = 2
            while !usedNames.insert(name).inserted { name = CertificateReports.slug(certificate.agent) + "-\(counter)"; counter += 1 }
            let jsonPath = (out as NSString).appendingPathComponent("\(name).json")
            let markdownPath = (out as NSString).appendingPathComponent("\(name).md")
            Self.write(certificate.json(), to: jsonPath)
            Self.write(Data(CertificateReports.markdown(certificate).utf8), to: markdownPath)
            certifications.append(certification)
            let verdict = certificate.certified ? "✓ certified    " : "✗ not certified"
            if !badInput && !certificate.certified { Output.earned(ExitStatus.failed) }
            let why = certificate.reasons.isEmpty ? "" : " – " + certificate.reasons.joined(separator: "; ")
            Self.say("\(verdict) \(certificate.agent): average \(certificate.average), \(certificate.passedScenarios)/\(certificate.scenarios.count) scenarios passed\(why) → \(jsonPath)")
        }
        if let junit {
            Self.write(Data(CertificateReports.junit(certifications.map(\.certificate)).utf8), to: junit)
        }
        if !noStore { try record(certifications, guide: guide) }
        throw ExitCode(badInput ? 2 : (certifications.allSatisfy(\.certificate.certified) ? 0 : 1))
    }

    static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { Output.err(diagnostic.description + "\n") }
    }

    /// A verdict line: agent names and file names come from the answer files, so shown visibly.
    static func say(_ line: String) {
        Output.out(InputHygiene.visible(line) + "\n")
    }

    /// A certificate, summary or report that cannot be written is an I/O error (exit 3).
    static func write(_ data: Data, to path: String) {
        do {
            try FileOutput.write(data, to: path)
        } catch {
            error.exit()
        }
    }

    /// Every certification run goes into the progress store, one run per agent and scenario,
    /// with the scorecards the certifier made (nothing is scored twice), and each verdict;
    /// an agent's runs and verdict in one transaction.
    private func record(_ certifications: [Certification], guide: Guide) throws {
        guard !certifications.isEmpty else { return }
        let recorder = SessionRecorder(store: try library.openStore())
        recorder.deferWrites = true
        let scorer = Scorer(guide: guide)
        for certification in certifications {
            let certificate = certification.certificate
            for (result, play) in zip(certificate.scenarios, certification.runs) {
                guard let play else { continue }
                var session = TrainingSession(scenario: play.scenario, guide: guide, scorer: scorer, agent: certificate.agent,
                                              mode: .certify, recorder: recorder)
                _ = session.replay(play)
                _ = session.finish(outcome: RunOutcome(rawValue: result.outcome) ?? .unfinished)
            }
            recorder.certification(CertificationRecord(agent: certificate.agent, plan: certificate.plan,
                                                       certified: certificate.certified, average: certificate.average))
            if let failure = recorder.flush() { throw failure }
        }
    }
}

/// `certify --verify`: are the files a certificate names unchanged, and is its verdict still right?
struct Verification {
    let certificatePath: String

    func run() throws {
        guard let data = FileManager.default.contents(atPath: certificatePath),
              let certificate = try? JSONDecoder().decode(Certificate.self, from: data) else {
            InputError(description: "\(certificatePath) is not a Tonlage certificate").exit()
        }
        var changes: [String] = []
        var files = [certificate.guide, certificate.planFile, certificate.answers]
        files += certificate.scenarios.compactMap(\.file)
        for file in files {
            guard let now = CertificationLoader.hash(of: file.path) else {
                InputError(description: "\(file.path), named in the certificate, cannot be read").exit()
            }
            if now != file.sha256 { changes.append("changed: \(file.path) (SHA-256 was \(file.sha256.prefix(12))…, is \(now.prefix(12))…)") }
        }
        // Recompute from the files as they are now, with the certificate's own issue time.
        let recomputed = recompute(certificate)
        if recomputed.certified != certificate.certified {
            changes.append("verdict: the certificate says \(certificate.certified ? "certified" : "not certified"), the files now give \(recomputed.certified ? "certified" : "not certified")")
        }
        if recomputed.average != certificate.average {
            changes.append("average: \(certificate.average) in the certificate, \(recomputed.average) now")
        }
        if changes.isEmpty && recomputed != certificate {
            changes.append("the recomputed certificate differs in its details (scores or findings)")
        }
        if changes.isEmpty {
            Certify.say("✓ verified: \(certificate.agent), \(certificate.certified ? "certified" : "not certified"), nothing changed")
            return
        }
        Output.earned(ExitStatus.failed)
        Certify.say("✗ \(certificatePath) no longer matches its files:")
        for change in changes { Certify.say("  " + change) }
        throw ExitCode(1)
    }

    private func recompute(_ certificate: Certificate) -> Certificate {
        let guide: Guide
        do {
            guide = try GuideLoader.load(path: certificate.guide.path)
        } catch {
            InputError(description: "the guide named in the certificate no longer loads:\n\(error.description)").exit()
        }
        let scenarios = certificate.scenarios.compactMap(\.file).compactMap {
            ScenarioLoader.load(path: $0.path, language: guide.scenarioLanguage).0
        }
        let plan = CertificationLoader.loadPlan(path: certificate.planFile.path).0
        let answers = CertificationLoader.loadAnswers(path: certificate.answers.path).0
        guard let plan, let answers else {
            InputError(description: "the plan or the answers named in the certificate no longer load").exit()
        }
        var certifier = Certifier(guide: guide, guideFile: certificate.guide.path, scenarios: scenarios, plan: plan,
                                  tool: certificate.tool)
        certifier.recordPathsRelativeTo = FileManager.default.currentDirectoryPath
        return certifier.certify(answers, issuedAt: certificate.issuedAt)
    }
}

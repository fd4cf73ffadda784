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
            writes per agent a certificate (canonical JSON with the SHA-256 of the guide, every \
            scenario, the plan and the answers, an expiry from the plan's valid_months, and with \
            --sign-key an Ed25519 signature) and a Markdown summary to --out; --junit writes one \
            JUnit XML for all agents. Every file is written whole or not at all. One verdict line \
            per agent on standard output; an agent whose files cannot be written is reported and \
            the others go on. Files are processed in parallel; every run is recorded in the \
            progress store (mode certify). With --issued-at fixed, the same inputs give \
            byte-identical outputs. A plan with `requires: exam` takes only answers written by \
            `tonlage exam` whose session is in the store.

            --verify CERT --trust KEY.pub checks the signature first (no trusted key, or another \
            key: untrusted), then that the certificate is well-formed and unexpired, then its \
            hashes and verdict against the library's guide, scenarios and plan (from the working \
            directory or TONLAGE_HOME, or --guide/--scenarios), never against paths the \
            certificate names.

            Plans live in scenarios/certification/NAME.yaml; the default plan `grundlagen` ships \
            with scenarios/certification/example-answers.yaml, a complete answers file that passes.

            Exit codes: 0 all certified (or the certificate verified), 1 someone failed (or the \
            certificate is untrusted, invalid, expired or no longer matches the library), 2 bad \
            usage or bad input (a broken answers file, answers without the exam a plan requires, \
            an unreadable key; the other files are still processed), 3 an I/O or internal error \
            (a certificate that cannot be written, a failing store).
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

    @Option(help: ArgumentHelp("Sign the certificates with this private key (from `tonlage keys generate`).",
                               valueName: "name.key"))
    var signKey: String?

    @Option(help: ArgumentHelp("Verify this certificate against the library's guide, scenarios and plan.", valueName: "cert.json"))
    var verify: String?

    @Option(help: ArgumentHelp("With --verify: a public key whose signatures are trusted (repeatable).", valueName: "name.pub"))
    var trust: [String] = []

    @Flag(help: "Do not record the runs in the progress store (a plan with `requires: exam` needs it).")
    var noStore = false

    @OptionGroup var library: LibraryOptions

    func validate() throws {
        if verify == nil && answers.isEmpty { throw ValidationError("Give at least one answers file, or --verify CERT.json.") }
        if verify != nil && !answers.isEmpty { throw ValidationError("--verify takes no answers files.") }
        if verify == nil && !trust.isEmpty { throw ValidationError("--trust goes with --verify.") }
        if let issuedAt, (try? Date(issuedAt, strategy: .iso8601)) == nil {
            throw ValidationError("--issued-at must be an ISO 8601 time such as 2026-11-24T10:00:00Z, not \(issuedAt).")
        }
    }

    func run() throws {
        if let verify { return try CertificateVerification(certificatePath: verify, trusted: trust, library: library).run() }
        AtomicFile.removeTemporaryFilesOnSignals()
        let key = signKey.map(Self.loadPrivateKey)
        let guide = library.guideOptions.loadGuide()
        let scenarios = library.loadScenarios(language: guide.scenarioLanguage)
        let planPath = plan.hasSuffix(".yaml") || plan.hasSuffix(".yml") ? plan : Self.libraryPlanPath(plan, library: library)
        let (loadedPlan, planProblems) = CertificationLoader.loadPlan(path: planPath)
        Self.report(planProblems)
        guard let loadedPlan else { throw ExitCode(2) }
        for id in loadedPlan.scenarios where !scenarios.contains(where: { $0.id == id }) {
            InputError(description: "\(planPath): the plan names the unknown scenario `\(id)`"
                       + NameSuggestion.didYouMean(id, in: scenarios.map(\.id))).exit()
        }
        let issued = (issuedAt.flatMap { try? Date($0, strategy: .iso8601) } ?? Date()).formatted(.iso8601)
        var certifier = Certifier(guide: guide, guideFile: library.guideOptions.guidePath, scenarios: scenarios,
                                  plan: loadedPlan, tool: Self.tool)
        certifier.recordPathsRelativeTo = FileManager.default.currentDirectoryPath
        let results = certifier.certify(files: answers, issuedAt: issued)
        let store = noStore ? nil : try library.openStore()

        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            SystemError("cannot create \(out)", error).exit()
        }
        var usedNames: Set<String> = []
        var certifications: [Certification] = []
        var badInput = false, ioError = false
        for (file, result) in zip(answers, results) {
            guard case let .success(certification) = result else {
                if case let .failure(problems) = result { Self.report(problems.diagnostics) }
                badInput = true
                if !ioError { Output.earned(ExitStatus.badInput) }
                Self.say("✗ \(file): not certified, the file has errors")
                continue
            }
            if let refusal = ExamCheck.refusal(of: file, answers: certification.answers, plan: loadedPlan, store: store) {
                badInput = true
                if !ioError { Output.earned(ExitStatus.badInput) }
                Self.say("✗ \(file): not certified, \(refusal)")
                continue
            }
            var certificate = certification.certificate
            if let key {
                do {
                    certificate = try CertificateSigning.sign(certificate, with: key)
                } catch {
                    SystemError("cannot sign the certificate of \(certificate.agent)", error).exit()
                }
            }
            certifications.append(certification)
            var name = CertificateReports.slug(certificate.agent)
            var counter = 2
            while !usedNames.insert(name).inserted { name = CertificateReports.slug(certificate.agent) + "-\(counter)"; counter += 1 }
            let jsonPath = (out as NSString).appendingPathComponent("\(name).json")
            let markdownPath = (out as NSString).appendingPathComponent("\(name).md")
            do {
                try AtomicFile.write(certificate.json(), to: jsonPath)
                try AtomicFile.write(Data(CertificateReports.markdown(certificate).utf8), to: markdownPath)
            } catch {
                // This agent's certificate is missing; the others are still written.
                ioError = true
                Output.earned(ExitStatus.ioError)
                Self.say("✗ \(certificate.agent): \(certificate.certified ? "certified" : "not certified"), but \(error.description)")
                continue
            }
            let verdict = certificate.certified ? "✓ certified    " : "✗ not certified"
            if !badInput && !ioError && !certificate.certified { Output.earned(ExitStatus.failed) }
            let why = certificate.reasons.isEmpty ? "" : " – " + certificate.reasons.joined(separator: "; ")
            Self.say("\(verdict) \(certificate.agent): average \(certificate.average), \(certificate.passedScenarios)/\(certificate.scenarios.count) scenarios passed\(why) → \(jsonPath)")
        }
        if let junit {
            do {
                try AtomicFile.write(Data(CertificateReports.junit(certifications.map(\.certificate)).utf8), to: junit)
            } catch {
                ioError = true
                Output.message(error.description)
            }
        }
        if let store { try record(certifications, guide: guide, store: store) }
        let failed = !certifications.allSatisfy(\.certificate.certified)
        throw ExitCode(ioError ? ExitStatus.ioError : badInput ? ExitStatus.badInput : failed ? ExitStatus.failed : ExitStatus.passed)
    }

    static var tool: String { "tonlage \(TonlageVersion.current)" }

    /// The plan of the library with this name (a name, never a path).
    static func libraryPlanPath(_ name: String, library: LibraryOptions) -> String {
        ((library.scenarios ?? Paths.defaultScenarios) as NSString).appendingPathComponent("certification/\(name).yaml")
    }

    static func loadPrivateKey(_ path: String) -> SigningKeys.Private {
        guard let data = FileContents.read(path) else {
            InputError(description: "cannot read the signing key \(path)").exit()
        }
        do {
            return try SigningKeys.Private(file: String(decoding: data, as: UTF8.self))
        } catch {
            InputError(description: "\(path): \(error.message)").exit()
        }
    }

    static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { Output.err(diagnostic.description + "\n") }
    }

    /// A verdict line: agent names and file names come from the answer files, so shown visibly.
    static func say(_ line: String) {
        Output.out(InputHygiene.visible(line) + "\n")
    }

    /// Every certification run goes into the progress store, one run per agent and scenario,
    /// with the scorecards the certifier made (nothing is scored twice), and each verdict;
    /// an agent's runs and verdict in one transaction.
    private func record(_ certifications: [Certification], guide: Guide, store: any ProgressStore) throws {
        guard !certifications.isEmpty else { return }
        let recorder = SessionRecorder(store: store)
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

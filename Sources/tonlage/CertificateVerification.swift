import ArgumentParser
import Foundation
import TonlageCertify
import TonlageCore
import TonlageScenarios

/// `certify --verify CERT --trust KEY.pub`: is the certificate one a trusted key signed, well
/// formed, unexpired, and still what the library's guide, scenarios and plan give for the
/// answers it records?
///
/// Reads only the certificate, the trusted keys and the library (the working directory,
/// `TONLAGE_HOME`, or `--guide`/`--scenarios`): never a path the certificate names, and it
/// never prints what a file holds, only why it does not do.
struct CertificateVerification {
    let certificatePath: String
    let trusted: [String]
    let library: LibraryOptions

    func run() throws {
        guard let data = FileContents.read(certificatePath) else {
            throw InputError(description: "cannot read \(certificatePath)")
        }
        let keys = try trusted.map { path in
            guard let text = FileContents.read(path) else { throw InputError(description: "cannot read the key \(path)") }
            do throws(SigningKeys.Failure) {
                return try SigningKeys.Public(file: String(decoding: text, as: UTF8.self))
            } catch {
                throw InputError(description: "\(path): \(error.message)")
            }
        }
        let certificate: Certificate
        switch CertificateReader.read(data) {
        case let .failure(invalid): try reject("is not a valid certificate", [invalid.reason])
        case let .success(read): certificate = read
        }
        if let distrust = CertificateSigning.check(certificate, trusting: keys) {
            try reject("is untrusted", [Self.describe(distrust)])
        }
        guard let validUntil = try? Date(certificate.validUntil, strategy: .iso8601) else {
            try reject("is not a valid certificate", ["`valid_until` is not an ISO 8601 time"])
        }
        if validUntil < Date() { try reject("has expired", ["it was valid until \(certificate.validUntil)"]) }
        if certificate.tool != Certify.tool {
            try reject("cannot be checked by this Tonlage",
                              ["it was issued by \(certificate.tool); this is \(Certify.tool): verify with the version that issued it"])
        }
        let changes = compare(certificate)
        if !changes.isEmpty { try reject("no longer matches the library", changes) }
        Certify.say("✓ verified: \(certificate.agent), \(certificate.certified ? "certified" : "not certified") in the plan "
                    + "\(certificate.plan), valid until \(certificate.validUntil), signed by the trusted key \(certificate.signature?.key ?? "")")
    }

    private func reject(_ verdict: String, _ reasons: [String]) throws -> Never {
        Output.earned(ExitStatus.failed)
        Certify.say("✗ \(certificatePath) \(verdict):")
        for reason in reasons { Certify.say("  " + reason) }
        throw ExitCode(ExitStatus.failed)
    }

    static func describe(_ distrust: CertificateSigning.Distrust) -> String {
        switch distrust {
        case .unsigned: "the certificate is not signed"
        case .noTrustedKeys: "no key is trusted: pass the certification body's public key with --trust NAME.pub"
        case let .unknownAlgorithm(name): "it is signed with \(name.prefix(20)), not ed25519"
        case let .unknownKey(id): "it is signed by the key \(id.prefix(20)), which is not among the trusted keys"
        case .badSignature: "the signature does not match: the certificate was changed after it was signed"
        }
    }

    /// What differs between the certificate and what the library gives now.
    private func compare(_ certificate: Certificate) -> [String] {
        let guidePath = library.guideOptions.guidePath
        guard let guide = try? GuideLoader.load(path: guidePath) else {
            return ["the library's guide \(guidePath) does not load (`tonlage lint` says why)"]
        }
        let folder = library.scenarios ?? Paths.defaultScenarios
        let scenarios = ScenarioLoader.loadLibrary(directory: folder, language: guide.scenarioLanguage).scenarios
        // A plan is named, never given by path: the name must not lead out of the library.
        guard !certificate.plan.isEmpty, certificate.plan.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            return ["the plan's name is not one a library has"]
        }
        guard let plan = CertificationLoader.loadPlan(path: Certify.libraryPlanPath(certificate.plan, library: library)).0 else {
            return ["the library has no plan `\(certificate.plan)` that loads"]
        }
        var changes: [String] = []
        if guide.contentHash != certificate.guide.sha256 {
            changes.append("the guide is not the library's: SHA-256 \(certificate.guide.sha256.prefix(12))… in the certificate, "
                           + "\(guide.contentHash.prefix(12))… in \(guidePath)")
        }
        if plan.contentHash != certificate.planFile.sha256 {
            changes.append("the plan `\(certificate.plan)` is not the library's: SHA-256 \(certificate.planFile.sha256.prefix(12))… "
                           + "in the certificate, \(plan.contentHash.prefix(12))… in \(plan.file)")
        }
        for result in certificate.scenarios {
            guard let file = result.file else { continue }
            guard let scenario = scenarios.first(where: { $0.id == result.id }) else {
                changes.append("the library has no scenario `\(result.id)`")
                continue
            }
            if scenario.contentHash != file.sha256 {
                changes.append("the scenario `\(result.id)` is not the library's: SHA-256 \(file.sha256.prefix(12))… in the "
                               + "certificate, \(scenario.contentHash.prefix(12))… in \(scenario.file)")
            }
        }
        var certifier = Certifier(guide: guide, guideFile: guidePath, scenarios: scenarios, plan: plan, tool: Certify.tool)
        certifier.recordPathsRelativeTo = FileManager.default.currentDirectoryPath
        var recomputed = certifier.certify(certificate.recordedAnswers, issuedAt: certificate.issuedAt).withoutPaths
        recomputed.signature = certificate.signature
        let given = certificate.withoutPaths
        if recomputed.certified != given.certified {
            changes.append("verdict: the certificate says \(given.certified ? "certified" : "not certified"), "
                           + "the library gives \(recomputed.certified ? "certified" : "not certified")")
        }
        if recomputed.average != given.average {
            changes.append("average: \(given.average) in the certificate, \(recomputed.average) from the library")
        }
        if changes.isEmpty && recomputed != given {
            changes.append("the recomputed certificate differs in its details (scores, findings, reasons or times)")
        }
        return changes
    }
}

import Foundation
import Testing

/// Certificates tried as a forger would: each forgery must fail `certify --verify`, and a
/// genuine certificate must pass it only with the signer's public key, and only until it expires.
@Suite("certificates a certification body can trust")
struct CertificateTrustTests {
    /// A library of its own (the project's guide and scenarios) with a key pair and a signed
    /// certificate for Anna, made from the shipped example answers.
    struct Library {
        let folder: URL
        let keys: String
        let certificate: String

        func run(_ arguments: [String]) throws -> Binary.Result {
            try Binary.run(arguments, in: folder)
        }

        func verify(_ certificate: String, trust: [String]? = nil) throws -> Binary.Result {
            try run(["certify", "--verify", certificate] + (trust ?? [keys + ".pub"]).flatMap { ["--trust", $0] })
        }

        /// The certificate's text with an edit, as a new file.
        func forged(_ edit: (String) -> String) throws -> String {
            let text = try String(contentsOfFile: certificate, encoding: .utf8)
            let forged = folder.appendingPathComponent("forged-\(UUID()).json").path
            let edited = edit(text)
            #expect(edited != text, "the forgery changes something")
            try edited.write(toFile: forged, atomically: true, encoding: .utf8)
            return forged
        }
    }

    static func library(issuedAt: String = "2026-11-24T10:00:00Z", extraPlans: [String: String] = [:]) throws -> Library {
        let folder = Binary.sandbox.appendingPathComponent("library-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for part in ["guide", "scenarios"] {
            try FileManager.default.copyItem(at: Binary.packageRoot.appendingPathComponent(part), to: folder.appendingPathComponent(part))
        }
        for (name, text) in extraPlans {
            try text.write(to: folder.appendingPathComponent("scenarios/certification/\(name).yaml"), atomically: true, encoding: .utf8)
        }
        let answers = try String(contentsOf: folder.appendingPathComponent("scenarios/certification/example-answers.yaml"), encoding: .utf8)
        try answers.replacingOccurrences(of: "Beispiel Agentin", with: "Anna")
            .write(to: folder.appendingPathComponent("anna.yaml"), atomically: true, encoding: .utf8)
        let keys = folder.appendingPathComponent("akademie").path
        #expect(try Binary.run(["keys", "generate", keys], in: folder).status == 0)
        let made = try Binary.run(["certify", "anna.yaml", "--out", "out", "--no-store", "--issued-at", issuedAt, "--sign-key", keys + ".key"],
                                  in: folder)
        #expect(made.status == 0, "\(made.stdout)\(made.stderr)")
        return Library(folder: folder, keys: keys, certificate: folder.appendingPathComponent("out/anna.json").path)
    }

    @Test("signature round trip: the signer's public key verifies; none, or another key, leaves it untrusted (exit 1)")
    func roundTrip() throws {
        let library = try Self.library()
        let verified = try library.verify(library.certificate)
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        #expect(verified.stdout.hasPrefix("✓ verified: Anna, certified"))

        let untrusted = try library.verify(library.certificate, trust: [])
        #expect(untrusted.status == 1)
        #expect(untrusted.stdout.contains("is untrusted"))
        #expect(untrusted.stdout.contains("no key is trusted"))

        let other = library.folder.appendingPathComponent("other").path
        #expect(try library.run(["keys", "generate", other]).status == 0)
        let wrongKey = try library.verify(library.certificate, trust: [other + ".pub"])
        #expect(wrongKey.status == 1)
        #expect(wrongKey.stdout.contains("which is not among the trusted keys"))
        // Trusting several keys, one of them the signer's, is enough.
        #expect(try library.verify(library.certificate, trust: [other + ".pub", library.keys + ".pub"]).status == 0)
    }

    @Test("keys: the private key is created with mode 0600 and never overwritten without --force; a key file that is not one is bad input")
    func keys() throws {
        let library = try Self.library()
        let attributes = try FileManager.default.attributesOfItem(atPath: library.keys + ".key")
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let before = try Data(contentsOf: URL(fileURLWithPath: library.keys + ".key"))
        let again = try library.run(["keys", "generate", library.keys])
        #expect(again.status == 2)
        #expect(again.stderr.contains("already there; pass --force"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: library.keys + ".key")) == before)
        #expect(try library.run(["keys", "generate", library.keys, "--force"]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: library.keys + ".key")) != before)
        // The old certificate was signed by the replaced key.
        #expect(try library.verify(library.certificate).status == 1)
        let notAKey = try library.verify(library.certificate, trust: [library.certificate])
        #expect(notAKey.status == 2)
        #expect(notAKey.stderr.contains("not a Tonlage public key"))
        #expect(!notAKey.stderr.contains("Anna"), "the file's contents are not shown")
    }

    @Test("an expired certificate is refused with the date it expired (exit 1)")
    func expiry() throws {
        let library = try Self.library(issuedAt: "2020-01-15T09:00:00Z")
        let expired = try library.verify(library.certificate)
        #expect(expired.status == 1)
        #expect(expired.stdout.contains("has expired"))
        #expect(expired.stdout.contains("valid until 2021-01-15T09:00:00Z"))
    }

    @Test("forgery: a renamed copy with a matching answers file and its recomputed SHA-256")
    func renamedCopy() throws {
        let library = try Self.library()
        let answers = try String(contentsOf: library.folder.appendingPathComponent("anna.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "agent: Anna", with: "agent: Mallory")
        let mallory = library.folder.appendingPathComponent("mallory.yaml")
        try answers.write(to: mallory, atomically: true, encoding: .utf8)
        let hash = try #require(Binary.sha256(of: mallory.path))
        let original = try String(contentsOfFile: library.certificate, encoding: .utf8)
        let oldHash = try #require(original.firstMatch(of: /"answers":\{"path":"anna.yaml","sha256":"([0-9a-f]{64})"/)?.1)
        let forged = try library.forged {
            $0.replacingOccurrences(of: "\"agent\":\"Anna\"", with: "\"agent\":\"Mallory\"")
                .replacingOccurrences(of: "anna.yaml", with: "mallory.yaml").replacingOccurrences(of: String(oldHash), with: hash)
        }
        let result = try library.verify(forged)
        #expect(result.status == 1)
        #expect(result.stdout.contains("the signature does not match"), "\(result.stdout)")
    }

    @Test("forgery: duplicate keys (`certified` false, then true) are invalid, whichever a reader would take")
    func duplicateKeys() throws {
        let library = try Self.library()
        let forged = try library.forged { $0.replacingOccurrences(of: "\"certified\":true", with: "\"certified\":false,\"certified\":true") }
        let result = try library.verify(forged)
        #expect(result.status == 1)
        #expect(result.stdout.contains("is not a valid certificate"))
        #expect(result.stdout.contains("the key `certified` is given twice"))
    }

    /// An edit of a signed certificate and the reason verify must give for it.
    struct Edit: Sendable, CustomTestStringConvertible {
        let what: String
        let original: String
        let replacement: String
        let reason: String
        var testDescription: String { what }
    }

    @Test("forgery: fields verify would not check (an extra `validUntil`, a changed issue time or tool version)", arguments: [
        Edit(what: "extra validUntil", original: "\"valid_until\":", replacement: "\"validUntil\":\"2099-01-01T00:00:00Z\",\"valid_until\":",
             reason: "not part of a certificate"),
        Edit(what: "issue time", original: "\"issued_at\":\"2026-11-24T10:00:00Z\"", replacement: "\"issued_at\":\"2026-11-25T10:00:00Z\"",
             reason: "the signature does not match"),
        Edit(what: "tool version", original: "\"tool\":\"tonlage ", replacement: "\"tool\":\"tonlage 9", reason: "the signature does not match"),
        // The plan's five scenarios, all passed.
        Edit(what: "a number spelt otherwise", original: "\"passed_scenarios\":5", replacement: "\"passed_scenarios\":5.0", reason: "not an integer"),
        Edit(what: "a string where a number belongs", original: "\"passed_scenarios\":5", replacement: "\"passed_scenarios\":\"5\"", reason: "wrong type"),
    ])
    func uncheckedFields(_ edit: Edit) throws {
        let library = try Self.library()
        let forged = try library.forged { $0.replacingOccurrences(of: edit.original, with: edit.replacement) }
        let result = try library.verify(forged)
        #expect(result.status == 1)
        #expect(result.stdout.contains(edit.reason), "\(result.stdout)")
    }

    @Test("forgery: a plan outside the library named like the official one, even signed by the trusted key")
    func unofficialPlan() throws {
        let library = try Self.library()
        let outside = library.folder.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let plan = try String(contentsOf: library.folder.appendingPathComponent("scenarios/certification/grundlagen.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "pass:\n", with: "pass:\n  min_passed: 1\n")
        try plan.write(to: outside.appendingPathComponent("grundlagen.yaml"), atomically: true, encoding: .utf8)
        let made = try library.run(["certify", "anna.yaml", "--plan", "elsewhere/grundlagen.yaml", "--out", "unofficial", "--no-store",
                                    "--sign-key", library.keys + ".key"])
        #expect(made.status == 0, "\(made.stdout)\(made.stderr)")
        let result = try library.verify("unofficial/anna.json")
        #expect(result.status == 1)
        #expect(result.stdout.contains("the plan `grundlagen` is not the library's"), "\(result.stdout)")
    }

    @Test("verify reads no path from the certificate and shows no file's contents")
    func noLeaks() throws {
        let library = try Self.library()
        let secret = library.folder.appendingPathComponent("secret.yaml").path
        try "password: hunter2\n[broken".write(toFile: secret, atomically: true, encoding: .utf8)
        let forged = try library.forged {
            $0.replacingOccurrences(of: "\"path\":\"scenarios/certification/grundlagen.yaml\"", with: "\"path\":\"\(secret)\"")
                .replacingOccurrences(of: "\"plan\":\"grundlagen\"", with: "\"plan\":\"../../secret\"")
        }
        let result = try library.verify(forged)
        #expect(result.status == 1)
        #expect(!(result.stdout + result.stderr).contains("hunter2"))
        let notJSON = try library.forged { _ in "password: hunter2" }
        let garbage = try library.verify(notJSON)
        #expect(garbage.status == 1)
        #expect(!(garbage.stdout + garbage.stderr).contains("hunter2"))
    }
}

extension Binary {
    /// SHA-256 of a file, as `sha256sum` gives it.
    static func sha256(of path: String) -> String? {
        guard let result = try? runProcess("/usr/bin/env", ["sha256sum", path]), result.status == 0 else { return nil }
        return result.stdout.split(separator: " ").first.map(String.init)
    }
}

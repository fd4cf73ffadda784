import Foundation
import Testing
@testable import TonlageCertify
@testable import TonlageCore

/// Signing and strict reading of certificates, below the command line.
@Suite("certificate signing and reading")
struct CertificateSigningTests {
    static let certificate = CertifierTests().certifier().certify(CertifierTests.example, issuedAt: "2026-11-24T10:00:00Z")

    @Test("a signed certificate reads back equal and checks with its key, not with another")
    func roundTrip() throws {
        let (privateFile, publicFile) = SigningKeys.generate()
        let signed = try CertificateSigning.sign(Self.certificate, with: try SigningKeys.Private(file: privateFile))
        let read = try CertificateReader.read(signed.json()).get()
        #expect(read == signed)
        #expect(CertificateSigning.check(read, trusting: [try SigningKeys.Public(file: publicFile)]) == nil)
        let other = try SigningKeys.Public(file: SigningKeys.generate().publicFile)
        #expect(CertificateSigning.check(read, trusting: [other]) == .unknownKey(signed.signature!.key))
        #expect(CertificateSigning.check(read, trusting: []) == .noTrustedKeys)
        #expect(CertificateSigning.check(Self.certificate, trusting: [other]) == .unsigned)
    }

    @Test("a change after signing breaks the signature")
    func tampered() throws {
        let (privateFile, publicFile) = SigningKeys.generate()
        let signed = try CertificateSigning.sign(Self.certificate, with: try SigningKeys.Private(file: privateFile))
        let json = String(decoding: signed.json(), as: UTF8.self)
        let text = json.replacingOccurrences(of: "\"average\":\(Self.certificate.average)", with: "\"average\":\(Self.certificate.average - 1)")
        #expect(text != json)
        let read = try CertificateReader.read(Data(text.utf8)).get()
        #expect(CertificateSigning.check(read, trusting: [try SigningKeys.Public(file: publicFile)]) == .badSignature)
    }

    @Test("expiry: the plan's months after the issue time")
    func validUntil() {
        #expect(Self.certificate.validUntil == "2027-11-24T10:00:00Z")
        #expect(Certifier.validUntil("2026-01-31T00:00:00Z", months: 1) == "2026-02-28T00:00:00Z")
    }

    @Test("strict reading: unknown, missing, mistyped and respelt fields are invalid, with the place", arguments: [
        ("\"reasons\":[]", "\"reasons\":[],\"extra\":1", "`extra`"),
        ("\"language\":\"de\",", "", "`language` is missing"),
        ("\"certified\":true", "\"certified\":\"true\"", "`certified` has the wrong type"),
        ("\"score\":100,\"step\":\"beschwerde\"", "\"score\":100.0,\"step\":\"beschwerde\"", "scenarios[0].turns[0].score"),
        ("\"score\":100,\"step\":\"beschwerde\"", "\"score\":100,\"note\":1,\"step\":\"beschwerde\"", "scenarios[0].turns[0].note"),
    ])
    func strict(original: String, replacement: String, place: String) throws {
        let text = String(decoding: Self.certificate.json(), as: UTF8.self)
        #expect(text.contains(original))
        let result = CertificateReader.read(Data(text.replacingOccurrences(of: original, with: replacement).utf8))
        guard case let .failure(invalid) = result else { Issue.record("read as valid"); return }
        #expect(invalid.reason.contains(place), "\(invalid.reason)")
    }
}

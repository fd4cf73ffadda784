import Crypto
import Foundation
import TonlageCore

/// Ed25519 keys for certificates (swift-crypto's Curve25519): a certification body signs with
/// its private key and hands out the public key; whoever holds that can check a certificate.
///
/// Key files are one line each, `tonlage-ed25519-private BASE64` (the 32-byte seed) and
/// `tonlage-ed25519-public BASE64` (the 32-byte public key), so they can be read and copied
/// by hand and are never mistaken for one another.
public enum SigningKeys {
    public static let privatePrefix = "tonlage-ed25519-private "
    public static let publicPrefix = "tonlage-ed25519-public "
    public static let algorithm = "ed25519"

    public struct Failure: Error, Sendable, Equatable {
        public let message: String
    }

    /// A new key pair as the two files' contents.
    public static func generate() -> (privateFile: String, publicFile: String) {
        let key = Curve25519.Signing.PrivateKey()
        return (privatePrefix + key.rawRepresentation.base64EncodedString() + "\n",
                publicPrefix + key.publicKey.rawRepresentation.base64EncodedString() + "\n")
    }

    /// A private key file's key.
    public struct Private: Sendable {
        let key: Curve25519.Signing.PrivateKey

        public init(file text: String) throws(Failure) {
            guard let raw = decode(text, prefix: privatePrefix), let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw) else {
                throw Failure(message: "not a Tonlage private key (a line `\(privatePrefix)BASE64`, from `tonlage keys generate`)")
            }
            self.key = key
        }
    }

    /// A public key file's key: one a verifier trusts.
    public struct Public: Sendable {
        let key: Curve25519.Signing.PublicKey

        public init(file text: String) throws(Failure) {
            guard let raw = decode(text, prefix: publicPrefix), let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else {
                throw Failure(message: "not a Tonlage public key (a line `\(publicPrefix)BASE64`, from `tonlage keys generate`)")
            }
            self.key = key
        }

        public var id: String { keyID(key) }
    }

    private static func decode(_ text: String, prefix: String) -> Data? {
        let line = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard line.hasPrefix(prefix) else { return nil }
        return Data(base64Encoded: String(line.dropFirst(prefix.count)))
    }

    /// A short, stable name for a public key: the first 16 hex digits of its SHA-256.
    static func keyID(_ key: Curve25519.Signing.PublicKey) -> String {
        String(Fingerprint.sha256(key.rawRepresentation).prefix(16))
    }
}

/// Signing a certificate and checking its signature against the keys a verifier trusts.
public enum CertificateSigning {
    public static func sign(_ certificate: Certificate, with key: SigningKeys.Private) throws -> Certificate {
        var signed = certificate
        signed.signature = nil
        let value = try key.key.signature(for: signed.signedBytes)
        signed.signature = .init(algorithm: SigningKeys.algorithm, key: SigningKeys.keyID(key.key.publicKey),
                                 value: value.base64EncodedString())
        return signed
    }

    /// Why a signature is not trusted.
    public enum Distrust: Sendable, Equatable {
        case unsigned
        case noTrustedKeys
        case unknownAlgorithm(String)
        /// Signed by a key none of the trusted ones is.
        case unknownKey(String)
        /// A trusted key's id, but the signature does not match: altered after signing.
        case badSignature
    }

    /// nil when a trusted key made the signature over exactly this certificate.
    public static func check(_ certificate: Certificate, trusting keys: [SigningKeys.Public]) -> Distrust? {
        guard let signature = certificate.signature else { return .unsigned }
        guard !keys.isEmpty else { return .noTrustedKeys }
        guard signature.algorithm == SigningKeys.algorithm else { return .unknownAlgorithm(signature.algorithm) }
        guard let key = keys.first(where: { $0.id == signature.key }) else { return .unknownKey(signature.key) }
        guard let value = Data(base64Encoded: signature.value), key.key.isValidSignature(value, for: certificate.signedBytes) else {
            return .badSignature
        }
        return nil
    }
}

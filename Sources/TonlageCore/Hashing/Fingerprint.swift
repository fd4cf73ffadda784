import Crypto

/// The SHA-256 fingerprint of a guide, scenario, plan or answers file, recorded with every
/// scored run and certificate so that a result names exactly what it was scored against.
public enum Fingerprint {
    /// The digest as 64 lower-case hex digits.
    public static func sha256<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hasher = SHA256()
        hasher.update(data: Array(bytes))
        let hexDigits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in hasher.finalize() {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

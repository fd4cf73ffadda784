import Testing
@testable import TonlageCore

/// The file fingerprint is SHA-256 (swift-crypto), as certificates and stores record it.
@Suite("fingerprint")
struct FingerprintTests {
    @Test("FIPS 180-2 test vectors")
    func vectors() {
        #expect(Fingerprint.sha256(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Fingerprint.sha256([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}

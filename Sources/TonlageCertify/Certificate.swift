import Foundation
import TonlageCore
import TonlageScenarios

/// A certificate: what was certified, against which files (with their SHA-256), why, until
/// when, and (when signed) by whom. Written as canonical JSON (`CanonicalJSON`) with
/// snake_case keys; the signature covers the canonical form of everything but itself.
/// Numbers are integers only (times in milliseconds), so the canonical form is defined.
public struct Certificate: Codable, Sendable, Equatable {
    /// The format this Tonlage writes and the only one it verifies.
    public static let currentFormat = "tonlage-certificate/2"

    public struct FileRef: Codable, Sendable, Equatable {
        /// Where the file was when certified; for people only: verify uses the library's files.
        public var path: String
        public let sha256: String
    }

    public struct Turn: Codable, Sendable, Equatable {
        public let step: String
        public let action: String
        public let text: String
        /// The answer's time, rounded to milliseconds.
        public let milliseconds: Int?
        public let score: Int
        public let passed: Bool
        public let findings: [FindingRecord]
    }

    public struct FindingRecord: Codable, Sendable, Equatable {
        public let rule: String
        public let severity: String
        public let excerpt: String
        public let message: String
        public let deduction: Int
    }

    public struct ScenarioResult: Codable, Sendable, Equatable {
        public let id: String
        public var file: FileRef?
        public let outcome: String
        /// Steps visited, in order.
        public let path: [String]
        public let turns: [Turn]
        public let score: Int
        public let passed: Bool
        /// Why it did not pass, in words.
        public let reasons: [String]
    }

    /// An Ed25519 signature over the canonical form of the certificate without this field.
    public struct Signature: Codable, Sendable, Equatable {
        public let algorithm: String
        /// The signing key's id (`SigningKeys.keyID`), to pick the trusted key that checks it.
        public let key: String
        /// The 64-byte signature, base64.
        public let value: String
    }

    public var format = Certificate.currentFormat
    public let agent: String
    public let plan: String
    public var planFile: FileRef
    public let certified: Bool
    public let average: Int
    public let passedScenarios: Int
    public let reasons: [String]
    public var scenarios: [ScenarioResult]
    public var guide: FileRef
    public var answers: FileRef
    /// The supervised exam the answers come from (`tonlage exam`), if they do.
    public let examSession: String?
    /// The guide's language, in which the reasons are written.
    public let language: String
    public let tool: String
    public let issuedAt: String
    /// The issue time plus the plan's `valid_months`.
    public let validUntil: String
    public var signature: Signature?

    enum CodingKeys: String, CodingKey {
        case format, agent, plan, certified, average, reasons, scenarios, guide, answers, language, tool, signature
        case planFile = "plan_file", passedScenarios = "passed_scenarios", examSession = "exam_session"
        case issuedAt = "issued_at", validUntil = "valid_until"
    }

    /// The certificate with every path left empty: paths are for people, and a verifier's
    /// library may be in another folder than the certifier's was.
    public var withoutPaths: Certificate {
        var copy = self
        copy.planFile.path = ""
        copy.guide.path = ""
        copy.answers.path = ""
        for index in copy.scenarios.indices { copy.scenarios[index].file?.path = "" }
        return copy
    }

    /// The answers the certificate records, as an answers file would give them: what verify
    /// replays, so that it needs no file the certificate names.
    public var recordedAnswers: AnswersFile {
        var given: [String: [String: Answer]] = [:]
        for scenario in scenarios {
            for turn in scenario.turns {
                given[scenario.id, default: [:]][turn.step] = Answer(
                    text: turn.text, action: Action(rawValue: turn.action) ?? .reply,
                    seconds: turn.milliseconds.map { Double($0) / 1000 })
            }
        }
        return AnswersFile(agent: agent, answers: given,
                           exam: examSession.map { ExamReference(session: $0, plan: plan, started: "", finished: "") },
                           file: answers.path, contentHash: answers.sha256)
    }

    /// The certificate as a JSON tree, with the keys and numbers it is written with.
    public func jsonValue() -> JSONValue {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, integers and booleans cannot fail, nor can parsing the result.
        return (try? JSONValue.parse(encoder.encode(self))) ?? .null
    }

    /// The bytes a signature covers: the canonical form of everything but the signature.
    public var signedBytes: Data {
        guard case var .object(members) = jsonValue() else { return Data() }
        members["signature"] = nil
        return (try? CanonicalJSON.data(.object(members))) ?? Data()
    }

    /// The file: the canonical form and a line break.
    public func json() -> Data {
        ((try? CanonicalJSON.data(jsonValue())) ?? Data()) + Data("\n".utf8)
    }
}

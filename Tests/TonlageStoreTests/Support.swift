import Foundation
import Testing
@testable import TonlageCore
@testable import TonlageStore

/// A two-rule guide, fresh stores on both backends, and writes made the way front ends make them.
enum StoreFixtures {
    static let guide: Guide = {
        let yaml = """
            language: de
            rules:
              - { id: tone.slang, kind: existence, severity: error, weight: 30, message: m, rationale: r, phrases: [lol] }
              - { id: address.sie, kind: existence, severity: error, weight: 20, message: m, rationale: r, phrases: [Sie] }
            """
        return GuideLoader.compile(yaml: yaml, file: "g.yaml").0!
    }()

    /// The scorecard of a reply under that guide.
    static func card(_ text: String) -> Scorecard {
        Scorer(guide: guide).score(text, context: ReplyContext(channel: .facebook))
    }

    /// A turn as the training layer stores it (its findings, and its sentences).
    static func turn(_ text: String, step: String = "eins", seconds: Double? = 5, hint: Bool = false, target: Int? = nil) -> TurnRecord {
        let card = card(text)
        return TurnRecord(step: step, reply: text, action: "reply", seconds: seconds, score: card.score, passed: card.passed,
                          hintUsed: hint, targetSeconds: target,
                          findings: card.findings.map {
                              StoredFinding(rule: $0.rule, family: $0.family.rawValue, severity: $0.severity.rawValue,
                                            deduction: $0.deduction, excerpt: $0.excerpt)
                          },
                          sentences: OwnSentences.sentences(of: text, guide: guide).map { StoredSentence(key: $0.fingerprint, text: $0.text) })
    }

    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("tonlage-store-\(UUID())/progress.sqlite").path
    }

    /// The test server (`.ci/run` starts one and sets this), as `postgres://tonlage@127.0.0.1:PORT/postgres`.
    static let postgresURL = ProcessInfo.processInfo.environment["TONLAGE_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }

    static var postgresAddress: StoreLocation.PostgresAddress? {
        guard let url = postgresURL, case let .postgres(address)? = try? StoreLocation(parsing: url) else { return nil }
        return address
    }

    /// A new, empty database on the test server, for one test.
    static func freshPostgresDatabase() throws -> StoreLocation.PostgresAddress {
        let server = try #require(postgresAddress, "TONLAGE_TEST_POSTGRES is not a postgres:// URL")
        let name = "tonlage_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = PostgresDatabase(address: server, readOnly: false)
        defer { admin.close() }
        try admin.executeAlone("CREATE DATABASE \(name)")
        return server.with(database: name)
    }
}

/// The two stores; every contract test runs on each that is at hand (PostgreSQL when
/// TONLAGE_TEST_POSTGRES names a server, as in CI; `postgres server` below shows it skipped).
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    static var available: [Backend] { StoreFixtures.postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    var testDescription: String { rawValue }

    /// Where a fresh store of this kind is.
    func freshLocation() throws -> StoreLocation {
        switch self {
        case .sqlite: return .sqlite(path: StoreFixtures.temporaryPath())
        case .postgres: return .postgres(try StoreFixtures.freshPostgresDatabase())
        }
    }

    func freshStore() throws -> any ProgressStore {
        try ProgressStores.open(try freshLocation())
    }
}

extension ProgressStore {
    /// A whole run written at once: started, its turns, finished; returns the run's id.
    @discardableResult
    func play(_ agent: String, _ scenario: String, _ turns: [TurnRecord], outcome: RunOutcome?, mode: RunMode = .practice,
              title: String = "", at date: Date = Date()) throws -> String {
        let run = UUID().uuidString
        var writes: [StoreWrite] = [.startRun(run: run, RunStart(agent: agent, scenarioID: scenario, scenarioTitle: title,
                                                                  scenarioHash: "s", guideHash: "g", mode: mode), at: date)]
        for (index, turn) in turns.enumerated() { writes.append(.record(run: run, number: index + 1, turn, at: date)) }
        if let outcome { writes.append(.finishRun(run: run, outcome, at: date)) }
        try write(writes)
        return run
    }
}

@Suite("store backends")
struct BackendTests {
    @Test("postgres server: the PostgreSQL store tests run against a real server",
          .enabled(if: StoreFixtures.postgresURL != nil, "TONLAGE_TEST_POSTGRES is not set: the PostgreSQL cases are skipped"))
    func postgresServer() throws {
        let store = try Backend.postgres.freshStore()
        #expect(store is PostgresStore)
        #expect(try store.realRuns() == 0)
    }

    @Test("CI has the server: .ci/run starts one, so no PostgreSQL case is skipped there",
          .enabled(if: ProcessInfo.processInfo.environment["CI"] == "true"))
    func ciHasServer() {
        #expect(StoreFixtures.postgresURL != nil, "CI runs without TONLAGE_TEST_POSTGRES")
    }

    @Test("store URLs: paths and sqlite: are SQLite, postgres:// is PostgreSQL with sslmode; passwords never shown")
    func locations() throws {
        #expect(try StoreLocation(parsing: "/tmp/p.sqlite") == .sqlite(path: "/tmp/p.sqlite"))
        #expect(try StoreLocation(parsing: "sqlite:data/p.sqlite") == .sqlite(path: "data/p.sqlite"))
        #expect(try StoreLocation(parsing: "sqlite:///tmp/p.sqlite") == .sqlite(path: "/tmp/p.sqlite"))
        let url = try StoreLocation(parsing: "postgres://team:s%40cret@db.example:6543/tonlage?sslmode=require")
        #expect(url == .postgres(.init(host: "db.example", port: 6543, user: "team", password: "s@cret", database: "tonlage",
                                       sslMode: .require)))
        #expect(url.description == "postgres://team:***@db.example:6543/tonlage?sslmode=require")
        #expect(try StoreLocation(parsing: "postgresql://me@localhost/t") == .postgres(.init(user: "me", database: "t")))
        let socket = try StoreLocation(parsing: "postgres://me@/t?host=/run/postgresql&sslmode=disable")
        #expect(socket == .postgres(.init(socketDirectory: "/run/postgresql", user: "me", database: "t", sslMode: .disable)))
        for bad in ["postgres://me@host/t?sslmode=sometimes", "postgres://host/t", "postgres://me@host/", "sqlite:"] {
            #expect(throws: StoreError.self, "\(bad)") { _ = try StoreLocation(parsing: bad) }
        }
        do {
            _ = try StoreLocation(parsing: "postgres://me:topsecret@host/t?sslmode=maybe")
        } catch let error as StoreError {
            #expect(!error.description.contains("topsecret"))
            #expect(error.isBadInput)
        }
    }
}

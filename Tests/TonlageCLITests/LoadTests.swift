import Foundation
import Testing

/// Many trainees at once: real `tonlage play` processes, each answering 40 turns through a
/// pipe, into one store. Every turn must arrive, and no process may fail.
@Suite("load")
struct LoadTests {
    static let postgresURL = ProcessInfo.processInfo.environment["TONLAGE_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }

    /// 40 turns: the first step, answered again 38 times after `:retry`, then the second.
    static let fortyTurns: String = {
        var lines = [PlayCommandTests.goodFirst]
        for _ in 0..<38 { lines += [":retry", PlayCommandTests.goodFirst] }
        lines.append(PlayCommandTests.goodSecond)
        return lines.joined(separator: "\n") + "\n"
    }()

    /// Starts every process before waiting for any; returns the exit codes and the seconds taken.
    func trainees(_ count: Int, store: String) throws -> (statuses: [Int32], errors: [String], seconds: Double) {
        let folder = Binary.sandbox.appendingPathComponent("load-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let input = folder.appendingPathComponent("input.txt")
        try Data(Self.fortyTurns.utf8).write(to: input)
        let started = Date()
        var running: [(Process, URL)] = []
        for index in 0..<count {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Binary.path)
            process.arguments = ["play", "paket-verspaetet", "--agent", "Last \(index)", "--store", store]
            process.currentDirectoryURL = Binary.packageRoot
            process.environment = Binary.environment()
            process.standardInput = try FileHandle(forReadingFrom: input)
            process.standardOutput = FileHandle.nullDevice
            let errors = folder.appendingPathComponent("stderr-\(index)")
            try Data().write(to: errors)
            process.standardError = try FileHandle(forWritingTo: errors)
            try process.run()
            running.append((process, errors))
        }
        for (process, _) in running { process.waitUntilExit() }
        let seconds = Date().timeIntervalSince(started)
        return (running.map { $0.0.terminationStatus },
                running.map { (try? String(contentsOf: $0.1, encoding: .utf8)) ?? "" }.filter { !$0.isEmpty }, seconds)
    }

    func storedTurns(_ store: String) throws -> [String: Int] {
        let result = try Binary.run(["progress", "--format", "json", "--store", store])
        let agents = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]], "\(result.stderr)")
        var turns: [String: Int] = [:]
        for agent in agents { turns[agent["agent"] as? String ?? ""] = agent["turns"] as? Int }
        return turns
    }

    func check(_ count: Int, store: String, label: String) throws {
        let (statuses, errors, seconds) = try trainees(count, store: store)
        #expect(statuses.allSatisfy { $0 == 0 }, "exit codes \(statuses): \(errors.prefix(3))")
        #expect(errors.isEmpty, "\(errors.prefix(3))")
        let turns = try storedTurns(store)
        #expect(turns.count == count)
        #expect(turns.values.allSatisfy { $0 == 40 }, "\(turns)")
        let total = turns.values.reduce(0, +)
        print(String(format: "load: %@: %d trainee processes × 40 turns, %d turns stored in %.1f s, %.0f turns/s",
                     label, count, total, seconds, Double(total) / seconds))
    }

    @Test("25 trainees at once into one PostgreSQL database: every turn is there, no error",
          .enabled(if: LoadTests.postgresURL != nil, "TONLAGE_TEST_POSTGRES is not set"))
    func postgres() throws {
        let server = try #require(Self.postgresURL)
        let database = "tonlage_load_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let created = try Binary.runProcess("/usr/bin/env", ["psql", server, "-q", "-c", "CREATE DATABASE \(database)"])
        try #require(created.status == 0, "\(created.stderr)")
        let base = server.split(separator: "?")[0]
        let url = String(base[..<base.lastIndex(of: "/")!]) + "/\(database)?sslmode=disable"
        try check(25, store: url, label: "PostgreSQL")
    }

    @Test("4 trainees at once into one SQLite file: every turn is there, no error")
    func sqlite() throws {
        try check(4, store: Binary.newStorePath(), label: "SQLite")
    }
}

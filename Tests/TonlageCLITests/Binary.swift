import Foundation

/// Runs the built `tonlage` binary from the project folder, so the default guide resolves.
enum Binary {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary beside the test bundle (SwiftPM builds the executable product alongside).
    static let path: String = {
        let candidates = [Bundle.main.bundleURL.appendingPathComponent("tonlage"),
                          Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("tonlage"),
                          packageRoot.appendingPathComponent(".build/debug/tonlage")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }?.path ?? candidates[2].path
    }()

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:],
                    in directory: URL = packageRoot) throws -> Result {
        try runProcess(path, arguments, stdin: stdin, environment: environment, in: directory)
    }

    /// The test environment: no TONLAGE_* or NO_COLOR from outside; user files in a sandbox.
    static func environment(_ overrides: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for key in ["TONLAGE_HOME", "TONLAGE_AGENT", "TONLAGE_STORE", "NO_COLOR"] { environment.removeValue(forKey: key) }
        environment["XDG_DATA_HOME"] = sandbox.appendingPathComponent("data").path
        environment["XDG_CONFIG_HOME"] = sandbox.appendingPathComponent("config").path
        environment.merge(overrides) { $1 }
        return environment
    }

    /// A folder of this test run's own, for stores and user files.
    static let sandbox: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tonlage-cli-\(UUID())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    static func newStorePath() -> String {
        sandbox.appendingPathComponent("store-\(UUID()).sqlite").path
    }

    static func runProcess(_ executable: String, _ arguments: [String], stdin: Data? = nil,
                           environment overrides: [String: String] = [:], in directory: URL = packageRoot) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment(overrides)
        let output = Pipe(), errors = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        // Read both pipes while the process runs, so a large output cannot block it.
        let group = DispatchGroup()
        let collected = Collected()
        DispatchQueue.global().async(group: group) { collected.out = output.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { collected.err = errors.fileHandleForReading.readDataToEndOfFile() }
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: collected.out, as: UTF8.self), stderr: String(decoding: collected.err, as: UTF8.self))
    }

    /// Output read on two threads; each field is written by one, read after both finished.
    private final class Collected: @unchecked Sendable {
        var out = Data()
        var err = Data()
    }

    /// A tool from ../shared/tools, if ../shared and python3 are there.
    static func sharedTool(_ name: String) -> String? {
        let tool = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/tools/\(name)").path
        guard FileManager.default.fileExists(atPath: tool),
              ["/usr/bin/python3", "/usr/local/bin/python3"].contains(where: FileManager.default.isExecutableFile)
                || ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").contains(where: {
                    FileManager.default.isExecutableFile(atPath: "\($0)/python3") }) == true else { return nil }
        return tool
    }
}

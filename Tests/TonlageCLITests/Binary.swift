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

    static func run(_ arguments: [String], stdin: Data? = nil) throws -> Result {
        try runProcess(path, arguments, stdin: stdin)
    }

    static func runProcess(_ executable: String, _ arguments: [String], stdin: Data? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "TONLAGE_HOME")
        environment.removeValue(forKey: "NO_COLOR")
        process.environment = environment
        let output = Pipe(), errors = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        // Read both pipes while the process runs, so a large output cannot block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        DispatchQueue.global().async(group: group) { outData = output.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData = errors.fileHandleForReading.readDataToEndOfFile() }
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
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

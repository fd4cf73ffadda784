import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program that may leave a daemon behind, as tmux leaves its server.
///
/// Foundation's `Process` on Linux learns that a child ended when a socket the child
/// inherited is closed by every holder. A daemon forked by the child keeps that socket, so
/// `waitUntilExit()` never returns and the whole test run hangs (as it did in CI when the
/// first `tmux new-session` started the server). Here the child gets only standard input,
/// output and error: every other descriptor, including those another test thread opens at
/// the same moment, is closed in the child at spawn time.
enum Spawn {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `executable` with `arguments`, its standard output written to `output`, standard
    /// input and error on /dev/null; returns its exit status once it has ended.
    static func run(_ executable: String, _ arguments: [String], output: String,
                    environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Int32 {
        #if canImport(Glibc)
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else {
            throw Failure(description: "glibc 2.34 or later is needed (posix_spawn_file_actions_addclosefrom_np)")
        }
        typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        let addCloseFrom = unsafeBitCast(symbol, to: AddCloseFrom.self)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        guard addCloseFrom(&actions, 3) == 0 else { throw Failure(description: "posix_spawn_file_actions_addclosefrom_np failed") }

        // The test runner's threads may block signals; the child starts with none blocked.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw Failure(description: "cannot start \(executable): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw Failure(description: "waitpid: \(String(cString: strerror(errno)))") }
        }
        // WIFEXITED / WEXITSTATUS are macros Swift does not import.
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        #else
        throw Failure(description: "only implemented for Linux")
        #endif
    }
}

extension Spawn {
    /// Where a child's standard descriptor points.
    enum Stream {
        /// Not open at all, as after `>&-`.
        case closed
        /// A file opened with these flags (`/dev/full`, `/dev/null`, a file to read or to write).
        case file(String, Int32)
        /// A pipe whose reader has already gone: the first write fails with EPIPE.
        case brokenPipe
    }

    struct Outcome {
        let status: Int32
        let stderr: String
    }

    /// Runs the built binary with raw-byte arguments (invalid UTF-8 cannot travel in a Swift
    /// String), `input` as standard input and standard output as given; returns the exit status
    /// (128 + signal when killed) and what it wrote to standard error.
    static func tonlage(_ arguments: [[UInt8]], input: Data = Data(), output: Stream,
                        environment overrides: [String: String] = [:]) throws -> Outcome {
        #if canImport(Glibc)
        let folder = Binary.sandbox.appendingPathComponent("spawn-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputPath = folder.appendingPathComponent("stdin").path
        let errorPath = folder.appendingPathComponent("stderr").path
        try input.write(to: URL(fileURLWithPath: inputPath))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inputPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var pipeEnds: [Int32] = [-1, -1]
        switch output {
        case .closed:
            posix_spawn_file_actions_addclose(&actions, 1)
        case let .file(path, flags):
            posix_spawn_file_actions_addopen(&actions, 1, path, flags, 0o644)
        case .brokenPipe:
            guard pipe(&pipeEnds) == 0 else { throw Failure(description: "pipe: \(String(cString: strerror(errno)))") }
            close(pipeEnds[0])
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        }
        defer { if pipeEnds[1] >= 0 { close(pipeEnds[1]) } }
        if let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") {
            typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
            _ = unsafeBitCast(symbol, to: AddCloseFrom.self)(&actions, 3)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        // The test runner may ignore SIGPIPE; the child starts with every signal at its default,
        // as from a shell, so that an unhandled EPIPE would show as a kill.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var environment = Binary.environment(overrides)
        // Run from anywhere: the guide and scenarios are found through TONLAGE_HOME.
        environment["TONLAGE_HOME"] = environment["TONLAGE_HOME"] ?? Binary.packageRoot.path
        let argv: [UnsafeMutablePointer<CChar>?] = ([Array(Binary.path.utf8)] + arguments).map { bytes in
            let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { pointer.initialize(from: $0.baseAddress!, count: bytes.count) }
            }
            pointer[bytes.count] = 0
            return pointer
        } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { $0?.deallocate() }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, Binary.path, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw Failure(description: "cannot start tonlage: \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw Failure(description: "waitpid: \(String(cString: strerror(errno)))") }
        }
        let errors = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        return Outcome(status: status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f), stderr: errors)
        #else
        throw Failure(description: "only implemented for Linux")
        #endif
    }

    static func tonlage(_ arguments: [String], input: Data = Data(), output: Stream,
                        environment: [String: String] = [:]) throws -> Outcome {
        try tonlage(arguments.map { Array($0.utf8) }, input: input, output: output, environment: environment)
    }
}

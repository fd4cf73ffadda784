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

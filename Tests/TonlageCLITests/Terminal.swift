import Foundation

/// A tmux server of the test's own (its socket in the sandbox), so that neither a user's tmux
/// nor another test run is touched, and nothing is left running afterwards.
struct Terminal {
    let socket = Binary.sandbox.appendingPathComponent("tmux-\(UUID().uuidString.prefix(8))").path

    /// Runs tmux through `Spawn`, not `Process`: the server tmux starts is a daemon, and
    /// `Process` would wait for it to end (see `Spawn`).
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let output = Binary.sandbox.appendingPathComponent("tmux-\(UUID()).out").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let status = try Spawn.run("/usr/bin/tmux", ["-S", socket] + arguments, output: output)
        guard status == 0 else { throw Spawn.Failure(description: "tmux \(arguments.first ?? "") exited with \(status)") }
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }

    func capture() throws -> String {
        try tmux(["capture-pane", "-t", "play", "-p", "-J"])
    }

    /// Up to 30 s: generous for a loaded CI machine, and only ever spent when the text never comes.
    func waitFor(_ text: String) -> Bool {
        for _ in 0..<300 {
            if (try? capture())?.contains(text) == true { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    func close() {
        _ = try? tmux(["kill-server"])
    }
}

import Foundation

/// Reads a file a person names: a regular file, or a pipe or device (`--guide <(…)`,
/// `/dev/stdin`, `/dev/null`), which `FileManager.contents(atPath:)` does not read on Linux.
public enum FileContents {
    /// Guides, scenarios, answers and keys are text a person wrote: far below this. A stream
    /// that never ends (`/dev/zero`) stops here instead of filling the memory.
    public static let limit = 64 << 20

    /// The file's bytes; nil when it cannot be opened or read, or holds more than `limit` bytes.
    public static func read(_ path: String, limit: Int = limit) -> Data? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        do {
            // nil at once: the end of the file, so an empty one.
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            return data.count <= limit ? data : nil
        } catch {
            return nil
        }
    }
}

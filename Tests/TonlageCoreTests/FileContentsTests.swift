import Foundation
import Testing
@testable import TonlageCore

/// Files a person names are read whether they are regular files, pipes or devices.
struct FileContentsTests {
    @Test("a regular file, an empty device and a pipe are read; a directory and a missing file are not")
    func kinds() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tonlage-file-contents-\(UUID()).txt")
        try Data("Hallo".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(FileContents.read(file.path) == Data("Hallo".utf8))
        #expect(FileContents.read("/dev/null") == Data())
        #expect(FileContents.read(FileManager.default.temporaryDirectory.path) == nil)
        #expect(FileContents.read("/nonexistent/tonlage") == nil)

        // What `--guide <(cat guide.yaml)` hands over: a pipe's path under /dev/fd.
        let pipe = Pipe()
        try pipe.fileHandleForWriting.write(contentsOf: Data("rules: []\n".utf8))
        try pipe.fileHandleForWriting.close()
        #expect(FileContents.read("/dev/fd/\(pipe.fileHandleForReading.fileDescriptor)") == Data("rules: []\n".utf8))
    }

    @Test("a file beyond the limit is not read")
    func limit() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tonlage-file-limit-\(UUID()).txt")
        try Data(repeating: 0x61, count: 100).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(FileContents.read(file.path, limit: 100)?.count == 100)
        #expect(FileContents.read(file.path, limit: 99) == nil)
        // A stream that never ends stops at the limit.
        #expect(FileContents.read("/dev/zero", limit: 1 << 16) == nil)
    }

    @Test("an empty device as the guide is an empty file, not an unreadable one")
    func emptyGuide() {
        #expect(throws: GuideLoadError.self) { try GuideLoader.load(path: "/dev/null") }
        do {
            _ = try GuideLoader.load(path: "/dev/null")
        } catch {
            #expect(error.diagnostics.map(\.message) == ["the file is empty"])
        }
    }
}

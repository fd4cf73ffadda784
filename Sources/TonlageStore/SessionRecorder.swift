import Foundation

/// The store writes of one session (a REPL, a certification, a demo cohort), which must never
/// lose a scored turn.
///
/// Each write is tried at once (or, with `deferWrites`, at the next `flush`). When it fails (a
/// full disk, a locked store, a database server that cannot be reached), it stays queued, is
/// kept in a spool file beside the user's data, and is written together with the next one, in
/// the same transaction and in the order it happened. A session that ends while the store is
/// still failing leaves its spool file behind; the next session on the same store writes it
/// first. Writes are idempotent (runs have unique ids, turns their number in the run), so a
/// write that reached the store just before the connection broke is not stored twice.
public final class SessionRecorder {
    /// A run as the session knows it: its unique id, and the number of its next turn.
    public struct Run: Hashable, Sendable {
        public let id: String
    }

    public let store: any ProgressStore
    /// Writes queue until `flush()` (batch writers commit a run at a time).
    public var deferWrites = false
    private let spool: Spool?
    private var queue: [StoreWrite] = []
    private var turnNumbers: [Run: Int] = [:]

    public init(store: any ProgressStore, spoolDirectory: String? = nil) {
        self.store = store
        spool = spoolDirectory.map { Spool(directory: $0, store: store.location) }
    }

    /// Writes that wait for the store.
    public var pending: Int { queue.count }

    /// Where the waiting writes are kept, while some wait.
    public var spoolFile: String? { queue.isEmpty ? nil : spool?.file }

    /// Starts a run (its agent is created on first use); nil when written, else why not.
    @discardableResult
    public func startRun(_ start: RunStart, at date: Date = Date()) -> (Run, StoreError?) {
        let run = Run(id: UUID().uuidString.lowercased())
        turnNumbers[run] = 0
        return (run, enqueue(.startRun(run: run.id, start, at: date)))
    }

    @discardableResult
    public func record(_ turn: TurnRecord, run: Run, at date: Date = Date()) -> StoreError? {
        let number = (turnNumbers[run] ?? 0) + 1
        turnNumbers[run] = number
        return enqueue(.record(run: run.id, number: number, turn, at: date))
    }

    @discardableResult
    public func finishRun(_ run: Run, outcome: RunOutcome, at date: Date = Date()) -> StoreError? {
        turnNumbers[run] = nil
        return enqueue(.finishRun(run: run.id, outcome, at: date))
    }

    @discardableResult
    public func certification(_ record: CertificationRecord, at date: Date = Date()) -> StoreError? {
        enqueue(.certification(id: UUID().uuidString.lowercased(), record, at: date))
    }

    /// Records a finished exam under the session id its answers file names.
    @discardableResult
    public func exam(_ record: ExamRecord, session: String) -> StoreError? {
        enqueue(.exam(id: session, record))
    }

    private func enqueue(_ write: StoreWrite) -> StoreError? {
        queue.append(write)
        return deferWrites ? nil : flush()
    }

    /// Writes left in the spool by earlier sessions on this store: taken into this session's
    /// queue and written now. Returns how many there were.
    @discardableResult
    public func recoverSpool() -> (writes: Int, failure: StoreError?) {
        guard let spool else { return (0, nil) }
        let recovered = spool.claimLeftovers()
        guard !recovered.writes.isEmpty else { return (0, nil) }
        queue.insert(contentsOf: recovered.writes, at: 0)
        let failure = flush()
        recovered.release()
        return (recovered.writes.count, failure)
    }

    /// Writes everything queued in one transaction; nil when nothing waits any more.
    @discardableResult
    public func flush() -> StoreError? {
        guard !queue.isEmpty else { return nil }
        do {
            try store.write(queue)
            queue.removeAll()
            spool?.remove()
            return nil
        } catch {
            spool?.save(queue)
            return StoreError(error, path: store.location.description, action: "cannot write to the progress store")
        }
    }
}

/// The spool: a session's waiting writes as JSON, one file per session, in a folder per store.
struct Spool {
    let folder: String
    let file: String

    init(directory: String, store: StoreLocation) {
        // FNV-1a of the store's key: a short folder name that is the same in every session.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in store.key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        folder = (directory as NSString).appendingPathComponent(String(hash, radix: 16))
        file = (folder as NSString).appendingPathComponent("session-\(getpid())-\(UUID().uuidString.lowercased()).json")
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return decoder
    }()

    /// Replaces the file with the queue (written whole, then renamed into place).
    func save(_ writes: [StoreWrite]) {
        guard let data = try? Self.encoder.encode(writes) else { return }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? data.write(to: URL(fileURLWithPath: file), options: .atomic)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: file)
    }

    /// The leftovers of other sessions, each claimed by renaming it (so that two sessions
    /// starting at once do not both take it); `release` deletes them once this session has
    /// written them or kept them in its own file.
    func claimLeftovers() -> (writes: [StoreWrite], release: () -> Void) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var writes: [StoreWrite] = []
        var claimed: [String] = []
        for name in names.sorted() where name.hasPrefix("session-") && name.hasSuffix(".json") {
            let path = (folder as NSString).appendingPathComponent(name)
            guard path != file else { continue }
            let claim = path + ".claimed-\(UUID().uuidString.lowercased())"
            guard rename(path, claim) == 0 else { continue }
            if let data = FileManager.default.contents(atPath: claim),
               let decoded = try? Self.decoder.decode([StoreWrite].self, from: data) {
                writes += decoded
                claimed.append(claim)
            } else {
                // Not ours to read: put back as it was.
                _ = rename(claim, path)
            }
        }
        return (writes, { for claim in claimed { try? FileManager.default.removeItem(atPath: claim) } })
    }
}

import Foundation
import GRDB

/// The store writes of one REPL session, which must never end the session.
///
/// Each write is tried at once. When it fails (a full disk, a locked or broken store), it stays
/// queued, the trainee is told, and it is written together with the next one, in the same
/// transaction and in the order it happened; a run started while the store failed gets its id
/// when it is finally written. So a turn is never lost silently and never stored twice.
public final class SessionRecorder {
    /// A run as the session knows it, before the store has given it an id.
    public struct Run: Hashable, Sendable {
        fileprivate let number: Int
    }

    private enum Write {
        case start(Run, agent: String, scenarioID: String, scenarioHash: String, guideHash: String, mode: ProgressStore.Mode, Date)
        case record(Run, ProgressStore.Turn, Date)
        case finish(Run, outcome: String, Date)
    }

    public let store: ProgressStore
    private var queue: [Write] = []
    private var runIDs: [Run: Int64] = [:]
    private var runs = 0

    public init(store: ProgressStore) {
        self.store = store
    }

    /// Writes that wait for the store.
    public var pending: Int { queue.count }

    /// Starts a run for the agent (created on first use); nil when written, else why not.
    @discardableResult
    public func startRun(agent: String, scenarioID: String, scenarioHash: String, guideHash: String,
                         mode: ProgressStore.Mode, at date: Date = Date()) -> (Run, StoreError?) {
        runs += 1
        let run = Run(number: runs)
        queue.append(.start(run, agent: agent, scenarioID: scenarioID, scenarioHash: scenarioHash,
                            guideHash: guideHash, mode: mode, date))
        return (run, flush())
    }

    @discardableResult
    public func record(_ turn: ProgressStore.Turn, run: Run, at date: Date = Date()) -> StoreError? {
        queue.append(.record(run, turn, date))
        return flush()
    }

    @discardableResult
    public func finishRun(_ run: Run, outcome: String, at date: Date = Date()) -> StoreError? {
        queue.append(.finish(run, outcome: outcome, date))
        return flush()
    }

    /// Writes everything queued in one transaction; nil when nothing waits any more.
    @discardableResult
    public func flush() -> StoreError? {
        guard !queue.isEmpty else { return nil }
        do {
            // Ids are kept only once the transaction is committed: a rolled-back one gave none.
            let written = try store.write { db in
                var ids = runIDs
                for write in queue {
                    switch write {
                    case let .start(run, agent, scenarioID, scenarioHash, guideHash, mode, date):
                        let agentID = try ProgressStore.agent(named: agent, db)
                        ids[run] = try ProgressStore.startRun(agent: agentID, scenarioID: scenarioID, scenarioHash: scenarioHash,
                                                              guideHash: guideHash, mode: mode, demo: false, at: date, db)
                    case let .record(run, turn, date):
                        try ProgressStore.record(turn, run: ids[run]!, at: date, db)
                    case let .finish(run, outcome, date):
                        try ProgressStore.finishRun(ids[run]!, outcome: outcome, at: date, db)
                    }
                }
                return ids
            }
            runIDs = written
            queue.removeAll()
            return nil
        } catch {
            return StoreError(error, path: store.path, action: "cannot write to the progress store")
        }
    }
}

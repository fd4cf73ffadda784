#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The tables one thread keeps for the caches that ask for one (`WordVerdictCache`,
/// `WordCache`), by the cache's number; released when the thread ends.
///
/// The batch checker scores on every core; a table per thread costs a look-up and no
/// synchronisation, where one shared table behind a lock made the cores wait for each other.
final class ThreadTables {
    /// A table changed in place.
    final class Box<Table> {
        private var table: Table
        init(_ table: Table) { self.table = table }
        func with<Result>(_ body: (inout Table) -> Result) -> Result { body(&table) }
    }

    private var tables: [Int: AnyObject] = [:]
    /// Tables of guides no longer in use are never told apart from live ones; past this many a
    /// thread starts afresh, which only costs look-ups.
    private let maximumTables = 16

    /// The table of cache `id`, made by `make` the first time; a cache asks always for the same type.
    func table<Table: AnyObject>(for id: Int, make: () -> Table) -> Table {
        if let table = tables[id] { return unsafeDowncast(table, to: Table.self) }
        if tables.count >= maximumTables { tables.removeAll() }
        let table = make()
        tables[id] = table
        return table
    }

    static var current: ThreadTables {
        if let stored = pthread_getspecific(key) { return Unmanaged<ThreadTables>.fromOpaque(stored).takeUnretainedValue() }
        let tables = ThreadTables()
        pthread_setspecific(key, Unmanaged.passRetained(tables).toOpaque())
        return tables
    }

    /// A number for a new cache, never handed out twice.
    static func newID() -> Int { counter.add(1, ordering: .relaxed).newValue }

    private static let counter = Atomic<Int>(0)

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { stored in
            #if canImport(Darwin)
            Unmanaged<ThreadTables>.fromOpaque(stored).release()
            #else
            if let stored { Unmanaged<ThreadTables>.fromOpaque(stored).release() }
            #endif
        }
        return key
    }()
}

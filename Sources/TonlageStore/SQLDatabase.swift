import Foundation

/// A value bound to or read from a statement, the same on both databases.
enum SQLValue: Sendable, Equatable {
    case null
    case int(Int64)
    case double(Double)
    case text(String)
    case bool(Bool)
}

/// Converts Swift values into statement arguments.
protocol SQLArgument {
    var sqlValue: SQLValue { get }
}

extension Int: SQLArgument { var sqlValue: SQLValue { .int(Int64(self)) } }
extension Int64: SQLArgument { var sqlValue: SQLValue { .int(self) } }
extension Double: SQLArgument { var sqlValue: SQLValue { .double(self) } }
extension String: SQLArgument { var sqlValue: SQLValue { .text(self) } }
extension Bool: SQLArgument { var sqlValue: SQLValue { .bool(self) } }
extension Optional: SQLArgument where Wrapped: SQLArgument {
    var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

/// A row by column name (lower case: PostgreSQL folds unquoted names).
struct SQLRow {
    let values: [String: SQLValue]

    subscript(_ column: String) -> SQLValue { values[column.lowercased()] ?? .null }

    func int(_ column: String) -> Int? {
        switch self[column] {
        case let .int(value): return Int(value)
        case let .double(value): return Int(value)
        case let .bool(value): return value ? 1 : 0
        case let .text(value): return Int(value)
        case .null: return nil
        }
    }

    func double(_ column: String) -> Double? {
        switch self[column] {
        case let .int(value): return Double(value)
        case let .double(value): return value
        case let .text(value): return Double(value)
        default: return nil
        }
    }

    func string(_ column: String) -> String? {
        switch self[column] {
        case let .text(value): return value
        case let .int(value): return String(value)
        case let .double(value): return String(value)
        case let .bool(value): return String(value)
        case .null: return nil
        }
    }

    func bool(_ column: String) -> Bool {
        switch self[column] {
        case let .bool(value): return value
        case let .int(value): return value != 0
        default: return false
        }
    }
}

/// The two SQL dialects: statements are written once, with `?` placeholders, in the SQL that
/// SQLite and PostgreSQL share; the few differences are asked of the dialect.
enum SQLDialect: Sendable {
    case sqlite, postgres

    /// A placeholder for a value of one of the schema's enum types (`run_mode`, `run_outcome`,
    /// `finding_severity`): PostgreSQL wants the type named, SQLite keeps text under a CHECK.
    func enumValue(_ type: String) -> String {
        self == .postgres ? "CAST(? AS \(type))" : "?"
    }
}

/// One open transaction: the statements run in it.
protocol SQLConnection {
    func execute(_ sql: String, _ arguments: [any SQLArgument]) throws
    func query(_ sql: String, _ arguments: [any SQLArgument]) throws -> [SQLRow]
}

extension SQLConnection {
    func execute(_ sql: String) throws { try execute(sql, []) }
    func query(_ sql: String) throws -> [SQLRow] { try query(sql, []) }
}

/// A database that runs transactions; errors come out as `StoreError`, with the store named.
protocol SQLDatabase: Sendable {
    var dialect: SQLDialect { get }
    /// Reads in one transaction.
    func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T
    /// Writes in one transaction: all of `body` or nothing.
    func write<T>(_ body: (any SQLConnection) throws -> T) throws -> T
}

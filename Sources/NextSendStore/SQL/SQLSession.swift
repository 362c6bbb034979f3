import Foundation
import Synchronization

/// One connection inside one transaction (or one read), on either database: what the store's
/// shared queries run on.
///
/// Queries are written once, in the SQL both databases read, with `?` or `?N` parameters; where
/// the two differ (lists of ids, upserts, full-text search) the query asks ``dialect``.
package protocol SQLSession {
    var dialect: SQLDialect { get }

    /// Runs a statement; returns how many rows it changed.
    @discardableResult
    func execute(_ sql: String, _ arguments: SQLArguments) throws -> Int

    /// Runs a query and returns its rows.
    func rows(_ sql: String, _ arguments: SQLArguments) throws -> [SQLRow]

    /// Runs a statement with plain values, row after row (the rows' lengths add up to the
    /// statement's parameter count); returns how many rows it changed. What ``insert(_:_:values:ignoringDuplicates:)`` runs.
    @discardableResult
    func execute(_ sql: String, rows values: ArraySlice<[SQLValue]>) throws -> Int

    /// The rows of a query one at a time, when the session can hand them over as they are read
    /// (SQLite); `nil` when it reads every row first (PostgreSQL), so a caller reading a whole
    /// table would hold it all.
    func stream(_ sql: String, _ arguments: SQLArguments) throws -> (any SQLRowStream)?
}

/// The rows of one query, read as they are asked for. Several may be open at once on one session.
package protocol SQLRowStream: AnyObject {
    /// The next row, or `nil` after the last.
    func next() throws -> SQLRow?
}

extension SQLSession {
    package func stream(_ sql: String, _ arguments: SQLArguments) throws -> (any SQLRowStream)? { nil }

    /// Through ``execute(_:_:)``, for a session with no faster way.
    @discardableResult
    package func execute(_ sql: String, rows values: ArraySlice<[SQLValue]>) throws -> Int {
        try execute(sql, values.flatMap { row in row.map { $0 as (any SQLBindable)? } })
    }
}

/// The two databases the store runs on.
package enum SQLDialect: Sendable {
    case sqlite
    case postgres

    /// A condition: `column` is one of the strings of the JSON array bound at `parameter`.
    ///
    /// PostgreSQL gets `= ANY(ARRAY(…))` rather than `IN (SELECT …)`: it cannot estimate a set-returning
    /// function, so the `IN` form planned a hash join over a whole table (a `next` read every claim
    /// in the store: 38 ms against 0.3 ms on the small set, about a second a call at medium).
    package func isAmong(_ column: String, jsonStrings parameter: String) -> String {
        switch self {
        case .sqlite: return "\(column) IN (SELECT value FROM json_each(\(parameter)))"
        case .postgres: return "\(column) = ANY(ARRAY(SELECT json_array_elements_text(CAST(\(parameter) AS json))))"
        }
    }

    /// `INSERT … ` that leaves an existing row (same unique key) as it is.
    package func insertOrIgnore(_ table: String, _ columns: String, _ values: String) -> String {
        switch self {
        case .sqlite: return "INSERT OR IGNORE INTO \(table) (\(columns)) VALUES (\(values))"
        case .postgres: return "INSERT INTO \(table) (\(columns)) VALUES (\(values)) ON CONFLICT DO NOTHING"
        }
    }

    /// One `INSERT` of `rows` rows of `columns` (`?` placeholders, row after row); with
    /// `ignoringDuplicates`, rows whose unique key is already there are left out.
    package func insert(_ table: String, _ columns: [String], rows: Int, ignoringDuplicates: Bool = false) -> String {
        // A bulk import asks for the same few statements hundreds of thousands of times; each is
        // hundreds of placeholders long, so it is written once.
        let key = InsertKey(dialect: self, table: table, columns: columns, rows: rows, ignoringDuplicates: ignoringDuplicates)
        if let known = Self.insertTexts.withLock({ $0[key] }) { return known }
        let text = insertText(table, columns, rows: rows, ignoringDuplicates: ignoringDuplicates)
        Self.insertTexts.withLock { texts in
            if texts.count >= 4_096 { texts.removeAll() }
            texts[key] = text
        }
        return text
    }

    private struct InsertKey: Hashable {
        var dialect: SQLDialect
        var table: String
        var columns: [String]
        var rows: Int
        var ignoringDuplicates: Bool
    }

    private static let insertTexts = Mutex<[InsertKey: String]>([:])

    private func insertText(_ table: String, _ columns: [String], rows: Int, ignoringDuplicates: Bool) -> String {
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        let values = Array(repeating: tuple, count: rows).joined(separator: ", ")
        let head = "INTO \(table) (\(columns.joined(separator: ", "))) VALUES \(values)"
        guard ignoringDuplicates else { return "INSERT " + head }
        switch self {
        case .sqlite: return "INSERT OR IGNORE " + head
        case .postgres: return "INSERT " + head + " ON CONFLICT DO NOTHING"
        }
    }

    /// `INSERT …` that updates the row with the same `key` in place instead (an upsert: on
    /// SQLite the row keeps its rowid, which the catalog's search index is keyed on).
    package func insertOrReplace(_ table: String, key: String, _ columns: [String], _ values: String) -> String {
        let keys = Set(key.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        let updates = columns.filter { !keys.contains($0) }.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(values)) ON CONFLICT (\(key)) DO UPDATE SET \(updates)"
    }
}

extension SQLSession {
    @discardableResult
    package func execute(_ sql: String) throws -> Int { try execute(sql, []) }

    /// Inserts rows (each the values of `columns`, in order) a few hundred at a time: one
    /// statement per batch instead of one per row — on PostgreSQL, one round trip instead of
    /// hundreds. Returns how many rows were added. Values are plain ``SQLValue``s: a bulk import
    /// binds hundreds of thousands of them, and as `any SQLBindable` each was copied and unboxed
    /// on the way (a fifth of a group import's write).
    @discardableResult
    package func insert(_ table: String, _ columns: [String], values rows: [[SQLValue]], ignoringDuplicates: Bool = false) throws -> Int {
        let perStatement = max(1, 500 / columns.count)
        var added = 0
        var start = 0
        while start < rows.count {
            let batch = rows[start..<min(rows.count, start + perStatement)]
            added += try execute(dialect.insert(table, columns, rows: batch.count, ignoringDuplicates: ignoringDuplicates), rows: batch)
            start += batch.count
        }
        return added
    }

    package func rows(_ sql: String) throws -> [SQLRow] { try rows(sql, []) }

    /// The first column of every row, as text.
    package func strings(_ sql: String, _ arguments: SQLArguments = []) throws -> [String] {
        try rows(sql, arguments).compactMap { $0.string(at: 0) }
    }

    /// The first column of the first row, as text.
    package func string(_ sql: String, _ arguments: SQLArguments = []) throws -> String? {
        try rows(sql, arguments).first?.string(at: 0)
    }

    /// The first column of the first row, as a number.
    package func int(_ sql: String, _ arguments: SQLArguments = []) throws -> Int? {
        try rows(sql, arguments).first?.int(at: 0)
    }

    /// Whether the first column of the first row is true (EXISTS, a count above zero).
    package func bool(_ sql: String, _ arguments: SQLArguments = []) throws -> Bool {
        (try int(sql, arguments) ?? 0) != 0
    }

    /// A list of ids bound as one JSON parameter.
    package func json(_ strings: [String]) -> String {
        String(decoding: (try? JSONEncoder().encode(strings)) ?? Data("[]".utf8), as: UTF8.self)
    }
}

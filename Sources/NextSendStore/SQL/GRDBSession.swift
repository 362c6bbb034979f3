import GRDB
import GRDBSQLite

/// A GRDB connection as a ``SQLSession``: SQLite reads the shared queries as they are written.
struct GRDBSession: SQLSession {
    let db: Database
    var dialect: SQLDialect { .sqlite }

    @discardableResult
    func execute(_ sql: String, _ arguments: SQLArguments) throws -> Int {
        // Cached statements: bulk imports run the same few statements thousands of times.
        try bound(sql, arguments).execute()
        return db.changesCount
    }

    @discardableResult
    func execute(_ sql: String, rows values: ArraySlice<[SQLValue]>) throws -> Int {
        let statement = try db.cachedStatement(sql: sql)
        let handle = statement.sqliteStatement
        let expected = Int(sqlite3_bind_parameter_count(handle))
        let count = values.reduce(0) { $0 + $1.count }
        guard count == expected else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "wrong number of statement arguments: \(count), expected \(expected)", sql: sql)
        }
        statement.setUncheckedArguments(StatementArguments())
        var index: CInt = 1
        for row in values {
            for value in row {
                let code: CInt
                switch value {
                case .null: code = SQLITE_OK  // cleared above
                case let .integer(number): code = sqlite3_bind_int64(handle, index, number)
                case let .real(number): code = sqlite3_bind_double(handle, index, number)
                case let .text(text): code = GRDBSession.bindText(text, to: handle, at: index)
                }
                guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: sql) }
                index += 1
            }
        }
        try statement.execute()
        return db.changesCount
    }

    /// A statement of its own (not the cached one), so that several streams can be open at once
    /// and the same query run elsewhere meanwhile does not reset this one.
    func stream(_ sql: String, _ arguments: SQLArguments) throws -> (any SQLRowStream)? {
        let statement = try bind(arguments, to: try db.makeStatement(sql: sql), sql: sql)
        return GRDBRowStream(statement: statement, cursor: try Row.fetchCursor(statement))
    }

    func rows(_ sql: String, _ arguments: SQLArguments) throws -> [SQLRow] {
        let statement = try bound(sql, arguments)
        let columns = SQLColumns(statement.columnNames)
        let handle = statement.sqliteStatement
        let count = CInt(statement.columnCount)
        // GRDB steps the statement (and sees every error); the values are read straight from
        // SQLite. Through GRDB's rows each value became a DatabaseValue first and then ours: most
        // of the cost of reading a group (nine queries a group, every column of every fact).
        let cursor = try Row.fetchCursor(statement)
        var rows: [SQLRow] = []
        while try cursor.next() != nil {
            rows.append(SQLRow(columns: columns, values: GRDBSession.values(handle, count: count)))
        }
        return rows
    }

    /// The values of the current row of `handle`.
    fileprivate static func values(_ handle: OpaquePointer?, count: CInt) -> [SQLValue] {
        var values: [SQLValue] = []
        values.reserveCapacity(Int(count))
        for index in 0..<count { values.append(value(handle, at: index)) }
        return values
    }

    /// The value of column `index` of the current row. Text keeps every byte SQLite holds (a NUL
    /// inside it too, as it was bound); a blob reads as UTF-8 text, as everywhere in the store.
    private static func value(_ handle: OpaquePointer?, at index: CInt) -> SQLValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_NULL: return .null
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, index))
        default:
            guard let text = sqlite3_column_text(handle, index) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, index))), as: UTF8.self))
        }
    }

    /// The cached statement for `sql` with `arguments` bound straight to SQLite.
    ///
    /// Going through `StatementArguments` turned every value into a `DatabaseValue`, checked the
    /// list again and bound a copy: two thirds of the time spent executing a bulk import's
    /// statements, SQLite's own work the other third. The count is checked here instead; GRDB
    /// still resets the statement and steps it (and sees every error).
    private func bound(_ sql: String, _ arguments: SQLArguments) throws -> Statement {
        try bind(arguments, to: try db.cachedStatement(sql: sql), sql: sql)
    }

    private func bind(_ arguments: SQLArguments, to statement: Statement, sql: String) throws -> Statement {
        let expected = Int(sqlite3_bind_parameter_count(statement.sqliteStatement))
        guard arguments.count == expected else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE,
                                message: "wrong number of statement arguments: \(arguments.count), expected \(expected)", sql: sql)
        }
        // Resets the statement, clears the previous bindings and marks these as checked.
        statement.setUncheckedArguments(StatementArguments())
        let handle = statement.sqliteStatement
        for (offset, value) in arguments.enumerated() {
            let index = CInt(offset + 1)
            let code: CInt
            switch value?.sqlValue ?? .null {
            case .null: code = SQLITE_OK  // cleared above
            case let .integer(number): code = number.bind(to: handle, at: index)
            case let .real(number): code = number.bind(to: handle, at: index)
            case let .text(text): code = GRDBSession.bindText(text, to: handle, at: index)
            }
            guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: sql) }
        }
        return statement
    }

    /// Binds text with its length in bytes, so a value is matched exactly: bound as a C string
    /// (GRDB's `String.bind`), `tco-model\0.md` stopped at the NUL and found `tco-model`.
    private static func bindText(_ text: String, to handle: OpaquePointer?, at index: CInt) -> CInt {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, bytes.count > 0 else { return sqlite3_bind_text(handle, index, "", 0, nil) }
            return sqlite3_bind_text(handle, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), CInt(bytes.count),
                                     unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        }
    }
}

/// A query's rows as GRDB steps them (so it sees every error), read straight from SQLite.
private final class GRDBRowStream: SQLRowStream {
    private let statement: Statement
    private let cursor: RowCursor
    private let columns: SQLColumns
    private let count: CInt

    init(statement: Statement, cursor: RowCursor) {
        self.statement = statement
        self.cursor = cursor
        columns = SQLColumns(statement.columnNames)
        count = CInt(statement.columnCount)
    }

    func next() throws -> SQLRow? {
        guard try cursor.next() != nil else { return nil }
        return SQLRow(columns: columns, values: GRDBSession.values(statement.sqliteStatement, count: count))
    }
}

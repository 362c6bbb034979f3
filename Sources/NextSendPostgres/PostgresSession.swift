import Foundation
import Logging
import NextSendStore
import PostgresNIO

/// One PostgreSQL connection as a ``SQLSession``, for the store's shared queries.
///
/// The queries are written with SQLite's `?` and `?N` parameters; this session numbers them as
/// PostgreSQL's `$N`. Calls block the calling thread until the server answers (the store's API is
/// synchronous; the CLI calls it from the main thread and the service from its blocking pool),
/// never an event-loop thread.
struct PostgresSession: SQLSession {
    let connection: PostgresConnection
    let logger: Logger
    let location: String

    var dialect: SQLDialect { .postgres }

    @discardableResult
    func execute(_ sql: String, _ arguments: SQLArguments) throws -> Int {
        try run(sql, arguments).metadata.rows ?? 0
    }

    func rows(_ sql: String, _ arguments: SQLArguments) throws -> [SQLRow] {
        let result = try run(sql, arguments)
        guard let first = result.rows.first else { return [] }
        let columns = SQLColumns(first.map(\.columnName))
        return try result.rows.map { row in SQLRow(columns: columns, values: try row.map(PostgresSession.value)) }
    }

    /// Runs a script of statements that take no parameters (a migration), one statement at a
    /// time: each ends with a semicolon at the end of a line.
    func script(_ sql: String) throws {
        var statement = ""
        for line in sql.split(separator: "\n", omittingEmptySubsequences: false) {
            statement += line + "\n"
            if line.trimmingCharacters(in: .whitespaces).hasSuffix(";") {
                try execute(statement, [])
                statement = ""
            }
        }
        if !statement.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { try execute(statement, []) }
    }

    private func run(_ sql: String, _ arguments: SQLArguments) throws -> PostgresQueryResult {
        var bindings = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            switch argument?.sqlValue ?? .null {
            case .null: bindings.appendNull()
            case let .integer(number): bindings.append(number)
            case let .real(number): bindings.append(number)
            case let .text(text): bindings.append(text)
            }
        }
        let query = PostgresQuery(unsafeSQL: PostgresSession.numbered(sql), binds: bindings)
        do {
            return try connection.query(query, logger: logger).wait()
        } catch {
            throw PostgresErrors.translate(error, location: location)
        }
    }

    /// `?` → `$1`, `$2`, … in order; `?N` → `$N`. Text in single quotes is left alone.
    static func numbered(_ sql: String) -> String {
        var result = ""
        result.reserveCapacity(sql.utf8.count + 8)
        var next = 1
        var quoted = false
        var characters = sql.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? characters.next() {
            pending = nil
            if character == "'" { quoted.toggle() }
            guard character == "?", !quoted else {
                result.append(character)
                continue
            }
            var digits = ""
            while let following = characters.next() {
                if following.isASCII, following.isNumber {
                    digits.append(following)
                } else {
                    pending = following
                    break
                }
            }
            if digits.isEmpty {
                result += "$\(next)"
                next += 1
            } else {
                result += "$" + digits
            }
        }
        return result
    }

    /// A cell as the store reads values: booleans as 0 and 1, like SQLite.
    static func value(_ cell: PostgresCell) throws -> SQLValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8, .oid:
            return .integer(try cell.decode(Int64.self))
        case .float4, .float8:
            return .real(try cell.decode(Double.self))
        case .bool:
            return .integer(try cell.decode(Bool.self) ? 1 : 0)
        case .numeric:
            let text = try cell.decode(String.self)
            if let number = Int64(text) { return .integer(number) }
            return .real(Double(text) ?? 0)
        default:
            return .text(try cell.decode(String.self))
        }
    }
}

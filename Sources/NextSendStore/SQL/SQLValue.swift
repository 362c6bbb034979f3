import Foundation

/// A value as SQL stores it, the same on SQLite and PostgreSQL: what the store's shared queries
/// bind and read back.
package enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}

extension SQLValue {
    /// Text, or NULL for `nil`.
    package init(_ text: String?) { self = text.map(SQLValue.text) ?? .null }
    /// A number, or NULL for `nil`.
    package init(_ number: Double?) { self = number.map(SQLValue.real) ?? .null }
}

/// A Swift value that can be bound to a query parameter.
package protocol SQLBindable: Sendable {
    var sqlValue: SQLValue { get }
}

extension String: SQLBindable { package var sqlValue: SQLValue { .text(self) } }
extension Substring: SQLBindable { package var sqlValue: SQLValue { .text(String(self)) } }
extension Int: SQLBindable { package var sqlValue: SQLValue { .integer(Int64(self)) } }
extension Int64: SQLBindable { package var sqlValue: SQLValue { .integer(self) } }
extension Double: SQLBindable { package var sqlValue: SQLValue { .real(self) } }
/// Booleans are stored as 0 and 1 on both databases, so one query reads the same everywhere.
extension Bool: SQLBindable { package var sqlValue: SQLValue { .integer(self ? 1 : 0) } }
extension SQLValue: SQLBindable { package var sqlValue: SQLValue { self } }

/// Query parameters, in order (`?`) or by number (`?1`).
package typealias SQLArguments = [(any SQLBindable)?]

/// One row of a result: values by position, or by column name whatever its case (PostgreSQL
/// folds unquoted names to lower case, SQLite keeps them as declared).
package struct SQLRow: Sendable {
    /// The result's column names, lower-cased, shared by its rows.
    package let columns: SQLColumns
    package let values: [SQLValue]

    package init(columns: SQLColumns, values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    package subscript(_ index: Int) -> SQLValue { values[index] }

    package subscript(_ name: String) -> SQLValue {
        guard let index = columns.index(of: name) else { return .null }
        return values[index]
    }

    /// A text column that must be set; a missing value means a damaged row.
    package func string(_ column: String) throws -> String {
        guard let text = optionalString(column) else { throw SQLRow.missing(column) }
        return text
    }

    package func optionalString(_ column: String) -> String? {
        switch self[column] {
        case let .text(text): return text
        case let .integer(number): return String(number)
        case let .real(number): return String(number)
        case .null: return nil
        }
    }

    package func int(_ column: String) throws -> Int {
        guard let number = optionalInt(column) else { throw SQLRow.missing(column) }
        return number
    }

    package func optionalInt(_ column: String) -> Int? {
        switch self[column] {
        case let .integer(number): return Int(number)
        case let .real(number): return Int(exactly: number.rounded(.towardZero))
        case let .text(text): return Int(text)
        case .null: return nil
        }
    }

    package func int64(_ column: String) throws -> Int64 { Int64(try int(column)) }

    package func optionalDouble(_ column: String) -> Double? {
        switch self[column] {
        case let .real(number): return number
        case let .integer(number): return Double(number)
        case let .text(text): return Double(text)
        case .null: return nil
        }
    }

    package func bool(_ column: String) -> Bool { (optionalInt(column) ?? 0) != 0 }

    // By position, for queries that name their columns.
    package func string(at index: Int) -> String? {
        if case let .text(text) = values[index] { return text }
        return nil
    }

    package func int(at index: Int) -> Int? {
        switch values[index] {
        case let .integer(number): return Int(number)
        case let .real(number): return Int(exactly: number.rounded(.towardZero))
        default: return nil
        }
    }

    private static func missing(_ column: String) -> StoreError {
        StoreError(.damaged, "a stored row has no value in its '\(column)' column; the database was changed by something else or is damaged")
    }
}

/// The column names of a result, looked up without regard to case.
package final class SQLColumns: Sendable {
    /// Each column's name in lower case, as bytes.
    private let names: [[UInt8]]

    package init(_ names: [String]) {
        self.names = names.map { Array($0.lowercased().utf8) }
    }

    /// The first column of that name, ignoring ASCII case (PostgreSQL folds unquoted names to lower
    /// case, SQLite keeps them as written).
    ///
    /// A scan over a dozen short names, comparing bytes in place: every field of every row read
    /// comes through here, and lower-casing the name and hashing it was a tenth of reading a group.
    package func index(of name: String) -> Int? {
        var name = name
        return name.withUTF8 { wanted in
            for (position, candidate) in names.enumerated() where candidate.count == wanted.count {
                var same = true
                for offset in 0..<wanted.count {
                    let byte = wanted[offset]
                    if (byte >= 65 && byte <= 90 ? byte | 0x20 : byte) != candidate[offset] {
                        same = false
                        break
                    }
                }
                if same { return position }
            }
            return nil
        }
    }
}

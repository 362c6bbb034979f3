import Foundation
import NextSend

/// One data row of an export, by column name.
public struct CSVRecord: Sendable {
    public let file: String
    public let line: Int
    /// Every column with its value, in the header's order, named as the header names it.
    public let columns: [(name: String, value: String)]
    /// Values by column name as ``CSVRecord/key(_:)`` folds it: `ID`, ` Id ` and `id` are one column.
    private let values: [String: String]

    init(file: String, line: Int, columns: [(name: String, value: String)]) {
        self.file = file
        self.line = line
        self.columns = columns
        var values: [String: String] = [:]
        for (name, value) in columns where values[CSVRecord.key(name)] == nil { values[CSVRecord.key(name)] = value }
        self.values = values
    }

    /// The trimmed value of `column` (named in any case), or `nil` when the column is absent or the cell empty.
    public subscript(column: String) -> String? {
        guard let value = values[CSVRecord.key(column)], !value.isEmpty else { return nil }
        // Most cells need no trimming; checking the ends first skips Foundation for them.
        guard let first = value.utf8.first, let last = value.utf8.last, first <= 32 || last <= 32 else { return value }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Header names as CRMs write them differ in case and spacing (`ID`, `Id`, `Record ID `):
    /// compared lower-cased and trimmed.
    static func key(_ name: String) -> String {
        var lowered = name.lowercased()
        if lowered.first?.isWhitespace == true || lowered.last?.isWhitespace == true { lowered = lowered.trimmingCharacters(in: .whitespaces) }
        return lowered
    }

    /// Whether a flag column says yes (`true`, `TRUE`, `1`, `yes`).
    func flag(_ column: String) -> Bool {
        guard let value = self[column]?.lowercased() else { return false }
        return ["true", "1", "yes", "y"].contains(value)
    }
}

/// Reads an export file record by record, checking its header first.
enum CSVRecords {
    /// Calls `body` for every row of `path`. A row whose width is not the header's is skipped and
    /// returned in the report; a file without a `required` column cannot be read as that export (throws).
    ///
    /// - Parameters:
    ///   - key: the column that identifies a record (`Id`, `Record ID`). Exports repeat rows: two
    ///     identical rows are one; two rows with one id and different content are reported once
    ///     with both lines, and the later one in the file is read (it is the newer export of it).
    ///   - deleted: where rows marked deleted (Salesforce's `IsDeleted` in an "Export All") are
    ///     counted; they are never read as records.
    static func read(_ path: String, key: String? = nil, required: [String], deleted: ((CSVRecord) -> Void)? = nil,
                     _ body: (CSVRecord) throws -> Void) throws -> CRMImportReport {
        var report = CRMImportReport()
        let reader = try CSVReader(path: path)
        let header = reader.header
        let present = Set(header.map(CSVRecord.key))
        let missing = required.filter { !present.contains(CSVRecord.key($0)) }
        if !missing.isEmpty {
            throw CSVError(path: path, line: 1, "missing column\(missing.count == 1 ? "" : "s") \(missing.map { "'\($0)'" }.joined(separator: ", ")); "
                + "the header has \(header.prefix(12).joined(separator: ", "))\(header.count > 12 ? ", …" : "")")
        }
        let hasDeletedColumn = present.contains("isdeleted")
        var records: [CSVRecord] = []
        var lineOfKey: [String: Int] = [:]
        while let row = try reader.next() {
            guard row.fields.count == header.count else {
                report.skip(path, line: row.line, "\(row.fields.count) fields where the header has \(header.count)", kind: "rows of another width than the header")
                continue
            }
            let record = CSVRecord(file: path, line: row.line, columns: zip(header, row.fields).map { ($0, $1) })
            if hasDeletedColumn, record.flag("IsDeleted") {
                deleted?(record)
                report.deleted += 1
                continue
            }
            guard let key, let id = record[key] else {
                records.append(record)
                continue
            }
            if let earlier = lineOfKey[id], let index = records.firstIndex(where: { $0.line == earlier }) {
                if records[index].columns.map(\.value) == record.columns.map(\.value) {
                    report.duplicates += 1
                    continue
                }
                report.skip(path, line: earlier, "\(key) \(id) again on line \(row.line) with other values; line \(row.line) is read", kind: "records repeated with other values (the later row is read)")
                records[index] = record
            } else {
                records.append(record)
            }
            lineOfKey[id] = row.line
        }
        for record in records { try body(record) }
        if reader.encoding == .windows1252 { report.note("\(path): not UTF-8; read as Windows-1252") }
        return report
    }
}

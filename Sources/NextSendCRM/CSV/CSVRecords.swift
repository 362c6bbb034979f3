import Foundation
import NextSend

/// One data row of an export, by column name.
public struct CSVRecord: Sendable {
    public let file: String
    public let line: Int
    /// Every column with its value, in the header's order.
    public let columns: [(name: String, value: String)]
    private let values: [String: String]

    init(file: String, line: Int, columns: [(name: String, value: String)]) {
        self.file = file
        self.line = line
        self.columns = columns
        var values: [String: String] = [:]
        for (name, value) in columns where values[name] == nil { values[name] = value }
        self.values = values
    }

    /// The trimmed value of `column`, or `nil` when the column is absent or the cell empty.
    public subscript(column: String) -> String? {
        guard let value = values[column], !value.isEmpty else { return nil }
        // Most cells need no trimming; checking the ends first skips Foundation for them.
        guard let first = value.utf8.first, let last = value.utf8.last, first <= 32 || last <= 32 else { return value }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}

/// Reads an export file record by record, checking its header first.
enum CSVRecords {
    /// Calls `body` for every row of `path`. A row whose width is not the header's is skipped and
    /// returned in the report; a file without a `required` column cannot be read as that export (throws).
    static func read(_ path: String, required: [String], _ body: (CSVRecord) throws -> Void) throws -> CRMImportReport {
        var report = CRMImportReport()
        let reader = try CSVReader(path: path)
        let header = reader.header
        let missing = required.filter { !header.contains($0) }
        if !missing.isEmpty {
            throw CSVError(path: path, line: 1, "missing column\(missing.count == 1 ? "" : "s") \(missing.map { "'\($0)'" }.joined(separator: ", ")); "
                + "the header has \(header.prefix(12).joined(separator: ", "))\(header.count > 12 ? ", …" : "")")
        }
        while let row = try reader.next() {
            guard row.fields.count == header.count else {
                report.skip(path, line: row.line, "\(row.fields.count) fields where the header has \(header.count)")
                continue
            }
            try body(CSVRecord(file: path, line: row.line, columns: zip(header, row.fields).map { ($0, $1) }))
        }
        if reader.encoding == .windows1252 { report.note("\(path): not UTF-8; read as Windows-1252") }
        return report
    }
}

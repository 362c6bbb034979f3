import Foundation

/// Reads an RFC 4180 CSV file row by row, streaming, with the line each row starts on.
///
/// Why not a package: CSV.swift streams but gives no line numbers and reads a quote that never
/// closes as one long field to the end of the file; SwiftCSV reads the whole file into memory.
/// A CRM export of 100,000 activities must stream, and every report must say `file:line`, so
/// this is a small reader of our own, fuzzed in the tests (`CSVReaderTests`).
///
/// - Quoted fields may hold commas, quotes (doubled) and line breaks; CRLF and LF both end a row.
/// - A UTF-8 byte-order mark is skipped. A file that is not UTF-8 is read as Windows-1252 (what
///   Excel and many CRMs write), and ``encoding`` says so.
/// - Broken quoting is refused, never guessed at: a quote that never closes, a quote inside an
///   unquoted field, text after a closing quote. The error names the file and line.
public final class CSVReader {
    /// One row: its fields and the line of the file it starts on (1 is the header).
    public struct Row: Sendable, Hashable {
        public var line: Int
        public var fields: [String]
    }

    public enum Encoding: String, Sendable { case utf8 = "UTF-8", windows1252 = "Windows-1252" }

    public let path: String
    /// The first row, as written.
    public private(set) var header: [String] = []
    /// UTF-8 until a field is found that is not; Windows-1252 from then on (and for the whole file:
    /// the two agree on every ASCII byte).
    public private(set) var encoding: Encoding = .utf8

    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var line = 1
    private static let chunk = 1 << 16

    /// Opens `path` and reads its header row.
    ///
    /// - Throws: ``CSVError`` when the file cannot be opened, is empty, or its header is broken.
    public init(path: String) throws {
        self.path = path
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CSVError(path: path, line: nil, "cannot be opened for reading") }
        self.handle = handle
        try fill()
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        guard let first = try next() else { throw CSVError(path: path, line: 1, "is empty; expected a header row") }
        header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    deinit { try? handle.close() }

    /// The next row, or `nil` at the end of the file. Blank lines are skipped (a quoted empty
    /// field, `""`, is a row, not a blank line).
    public func next() throws -> Row? {
        while let byte = try peek(), byte == CSVReader.cr || byte == CSVReader.lf {
            position += 1
            if byte == CSVReader.cr, try peek() == CSVReader.lf { position += 1 }
            line += 1
        }
        return try readRow()
    }

    // MARK: - Bytes

    private func fill() throws {
        guard !atEnd else { return }
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        let data: Data?
        do {
            data = try handle.read(upToCount: CSVReader.chunk)
        } catch {
            throw CSVError(path: path, line: line, "could not be read: \(error.localizedDescription)")
        }
        if let data, !data.isEmpty { buffer.append(contentsOf: data) } else { atEnd = true }
    }

    /// The byte at the read position, reading more of the file when needed; `nil` at the end.
    private func peek() throws -> UInt8? {
        if position >= buffer.count { try fill() }
        return position < buffer.count ? buffer[position] : nil
    }

    // MARK: - Rows

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    private func readRow() throws -> Row? {
        guard try peek() != nil else { return nil }
        let start = line
        var fields: [String] = []
        var field: [UInt8] = []
        while true {
            field.removeAll(keepingCapacity: true)
            guard let first = try peek() else {
                fields.append("")
                return Row(line: start, fields: fields)
            }
            if first == CSVReader.quote {
                let opened = line
                position += 1
                // A quoted field: runs to the quote that is not doubled.
                while true {
                    guard let byte = try peek() else {
                        throw CSVError(path: path, line: opened, "a quoted field opened on this line never closes")
                    }
                    position += 1
                    if byte == CSVReader.quote {
                        if try peek() == CSVReader.quote {
                            field.append(CSVReader.quote)
                            position += 1
                        } else {
                            break
                        }
                    } else {
                        if byte == CSVReader.lf { line += 1 }
                        field.append(byte)
                    }
                }
                let after = try peek()
                if let after, after != CSVReader.comma, after != CSVReader.cr, after != CSVReader.lf {
                    throw CSVError(path: path, line: line, "text after the closing quote of a field; a quote inside a field is written twice")
                }
            } else {
                while let byte = try peek(), byte != CSVReader.comma, byte != CSVReader.cr, byte != CSVReader.lf {
                    if byte == CSVReader.quote {
                        throw CSVError(path: path, line: line, "a quote inside an unquoted field; quote the whole field and write the quote twice")
                    }
                    field.append(byte)
                    position += 1
                }
            }
            fields.append(decode(field))
            switch try peek() {
            case CSVReader.comma?:
                position += 1
            case CSVReader.cr?:
                position += 1
                if try peek() == CSVReader.lf { position += 1 }
                line += 1
                return Row(line: start, fields: fields)
            case CSVReader.lf?:
                position += 1
                line += 1
                return Row(line: start, fields: fields)
            default:
                return Row(line: start, fields: fields)
            }
        }
    }

    private func decode(_ bytes: [UInt8]) -> String {
        if encoding == .utf8, let text = String(validating: bytes, as: UTF8.self) { return text }
        encoding = .windows1252
        var text = String.UnicodeScalarView()
        for byte in bytes { text.append(Unicode.Scalar(CSVReader.windows1252[Int(byte)]) ?? "\u{FFFD}") }
        return String(text)
    }

    /// Windows-1252 code points by byte: Latin-1, but for the printable characters in 0x80–0x9F.
    private static let windows1252: [UInt32] = (0..<256).map { byte in
        let high: [UInt32] = [0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
                              0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178]
        return (0x80..<0xA0).contains(byte) ? high[byte - 0x80] : UInt32(byte)
    }
}

/// A CSV file that cannot be read as CSV: `path:line: message`.
public struct CSVError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var message: String

    public init(path: String, line: Int?, _ message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String { "\(path)\(line.map { ":\($0)" } ?? ""): error: \(message)" }
}

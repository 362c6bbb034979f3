import Foundation
import NextSend
import NextSendCRM
import NextSendTestSupport
import Testing
import NextSendSynthetic

/// The CSV reader against RFC 4180 and against what breaks it: every row with its line, every
/// broken file refused with its line, never a crash or a silent guess.
@Suite struct CSVReaderTests {
    let folder = TemporaryFolder()

    func rows(_ text: String) throws -> (header: [String], rows: [CSVReader.Row]) {
        try rows(bytes: Array(text.utf8))
    }

    func rows(bytes: [UInt8]) throws -> (header: [String], rows: [CSVReader.Row]) {
        let path = folder.path("file-\(UUID().uuidString).csv")
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let reader = try CSVReader(path: path)
        var rows: [CSVReader.Row] = []
        while let row = try reader.next() { rows.append(row) }
        return (reader.header, rows)
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        let (header, rows) = try rows("Id,Subject,Description\r\n1,\"Sent, with thanks\",\"She said \"\"yes\"\"\"\r\n2,Plain,\"two\r\nlines\"\r\n3,Last,\n")
        #expect(header == ["Id", "Subject", "Description"])
        #expect(rows.map(\.fields) == [["1", "Sent, with thanks", "She said \"yes\""], ["2", "Plain", "two\r\nlines"], ["3", "Last", ""]])
        // Row 3 starts on line 5: the quoted line break of row 2 took a line.
        #expect(rows.map(\.line) == [2, 3, 5])
    }

    @Test func aByteOrderMarkAndBlankLinesAreSkippedAndTheLastRowNeedsNoNewline() throws {
        let (header, rows) = try rows(bytes: [0xEF, 0xBB, 0xBF] + Array("Id,Name\n\n1,Ann\n\n2,Bo".utf8))
        #expect(header == ["Id", "Name"])
        #expect(rows.map(\.fields) == [["1", "Ann"], ["2", "Bo"]])
        #expect(rows.map(\.line) == [3, 5])
    }

    @Test func windows1252IsReadAsSuch() throws {
        // "Müller – café" as Excel writes it on Windows: ü 0xFC, en dash 0x96, é 0xE9.
        let bytes: [UInt8] = Array("Id,Name\n1,M".utf8) + [0xFC] + Array("ller ".utf8) + [0x96] + Array(" caf".utf8) + [0xE9, 0x0A]
        let path = folder.write("cp1252.csv", "")
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let reader = try CSVReader(path: path)
        #expect(try reader.next()?.fields == ["1", "Müller – café"])
        #expect(reader.encoding == .windows1252)
    }

    @Test(arguments: [
        ("Id,Name\n1,\"never closed\n2,x\n", 2, "never closes"),
        ("Id,Name\n1,ab\"c\n", 2, "a quote inside an unquoted field"),
        ("Id,Name\n1,ok\n2,\"closed\"x\n", 3, "text after the closing quote"),
        ("", 1, "is empty"),
    ])
    func brokenQuotingIsRefusedWithItsLine(text: String, line: Int, message: String) throws {
        let error = try #require(throws: CSVError.self) { _ = try rows(text) }
        #expect(error.line == line)
        #expect(error.message.contains(message), "\(error)")
        #expect(error.description.hasPrefix(error.path + ":\(line): error: "))
    }

    /// Random tables written the RFC 4180 way read back exactly, with the right lines; random
    /// damage to them either reads or is refused with a line, never crashes or hangs.
    @Test(arguments: 0..<25)
    func randomTablesRoundTripAndDamageIsNeverACrash(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let alphabet = Array("ab ,\"\r\nxé€1")
        let width = Int.random(in: 1...5, using: &random)
        let table = (0..<Int.random(in: 1...30, using: &random)).map { _ in
            (0..<width).map { _ in String((0..<Int.random(in: 0...8, using: &random)).map { _ in alphabet.randomElement(using: &random)! }) }
        }
        func quoted(_ field: String) -> String {
            field.contains(where: { ",\"\r\n".contains($0) }) || field.isEmpty ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }
        let header = (0..<width).map { "c\($0)" }
        let text = ([header] + table).map { $0.map(quoted).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        let read = try rows(text)
        #expect(read.header == header)
        #expect(read.rows.map(\.fields) == table)
        var expectedLine = 2
        for (row, fields) in zip(read.rows, table) {
            #expect(row.line == expectedLine)
            expectedLine += 1 + fields.joined().filter { $0 == "\n" || $0 == "\r\n" }.count
        }
        // Damage: flip, drop or insert bytes at random places.
        var bytes = Array(text.utf8)
        for _ in 0..<Int.random(in: 1...4, using: &random) where !bytes.isEmpty {
            let at = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<3, using: &random) {
            case 0: bytes[at] = UInt8.random(in: 0...255, using: &random)
            case 1: bytes.remove(at: at)
            default: bytes.insert(UInt8(ascii: "\""), at: at)
            }
        }
        do {
            _ = try rows(bytes: bytes)
        } catch let error as CSVError {
            #expect(error.line != nil)
        }
    }
}

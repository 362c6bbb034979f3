import Foundation
import NextSend

/// The reading side of ``GroupFiles/stream(path:taxonomy:knownAssets:latest:linesPerChunk:_:)``:
/// runs on a thread of its own, reads each file, parses it a chunk at a time and puts the chunks
/// into the pipe. `outcome` is complete once the pipe is closed.
final class GroupFileReading: @unchecked Sendable {
    let files: [(file: String, outside: String?)]
    let taxonomy: Taxonomy
    let knownAssets: Set<String>?
    let latest: Day?
    let linesPerChunk: Int
    let pipe: ChunkPipe
    private(set) var outcome = GroupFiles.Outcome(sources: [:], diagnostics: [])

    init(files: [(file: String, outside: String?)], taxonomy: Taxonomy, knownAssets: Set<String>?, latest: Day?, linesPerChunk: Int,
         pipe: ChunkPipe) {
        self.files = files
        self.taxonomy = taxonomy
        self.knownAssets = knownAssets
        self.latest = latest
        self.linesPerChunk = linesPerChunk
        self.pipe = pipe
    }

    func run() {
        do {
            for (file, outside) in files where !pipe.isCancelled {
                if let outside {
                    outcome.diagnostics.append(Diagnostic(.error, file: file, line: nil, field: nil,
                                                          message: "is a symbolic link to \(outside), outside the group folder; refused"))
                    continue
                }
                if GroupFiles.jsonLinesExtensions.contains((file as NSString).pathExtension.lowercased()) {
                    try readJSONLines(file)
                } else {
                    try readYAML(file)
                }
            }
            outcome.diagnostics.sort(by: Diagnostic.byLocation)
            pipe.close()
        } catch {
            pipe.close(failure: error)
        }
    }

    private func readYAML(_ file: String) throws {
        let text: String
        do {
            text = try ContentFolder.readText(path: file, what: "group file")
        } catch let failure as ValidationFailure {
            outcome.diagnostics.append(contentsOf: failure.diagnostics)
            return
        }
        _ = deliver(GroupParser.parseYAML(text, file: file, taxonomy: taxonomy, knownAssets: knownAssets, latest: latest), from: file)
    }

    private func readJSONLines(_ file: String) throws {
        guard let handle = FileHandle(forReadingAtPath: file) else { throw ContentError(.unreadable, "cannot read group file \(file)") }
        defer { try? handle.close() }
        var reader = JSONLinesReader(handle, file: file)
        var lines: [(number: Int, text: String)] = []
        func parse() -> Bool {
            defer { lines.removeAll(keepingCapacity: true) }
            return deliver(GroupParser.parseJSONLines(lines, file: file, taxonomy: taxonomy, knownAssets: knownAssets, latest: latest),
                           from: file)
        }
        while let line = try reader.next() {
            switch line {
            case let .record(number, text):
                lines.append((number, text))
                if lines.count >= linesPerChunk, !parse() { return }
            case let .refused(diagnostic):
                outcome.diagnostics.append(diagnostic)
            }
        }
        if !lines.isEmpty { _ = parse() }
    }

    /// Records the groups of `result` (a second definition of an id is an error) and hands them
    /// over; `false` when the worker stopped taking.
    private func deliver(_ result: GroupParser.Result, from file: String) -> Bool {
        outcome.diagnostics.append(contentsOf: result.diagnostics)
        var chunk = GroupFiles.Chunk(groups: [], origins: [:], errorsSoFar: false)
        for group in result.groups {
            let line = result.lines[group.id] ?? 1
            if let first = outcome.sources[group.id] {
                outcome.diagnostics.append(Diagnostic(.error, file: file, line: line, field: "id",
                                                      message: "group '\(group.id)' is also defined at \(first)"))
                continue
            }
            outcome.sources[group.id] = "\(file):\(line)"
            chunk.origins[group.id] = Origin.file(file, group: group.id)
            chunk.groups.append(group)
        }
        chunk.errorsSoFar = outcome.hasErrors
        return pipe.put(chunk)
    }
}

/// A JSON Lines file read a block at a time, line by line: blank lines skipped, a line break's
/// CR and the file's byte-order mark dropped, and a line that is too long or not UTF-8 refused
/// with its line number, without holding more than one record and one block in memory.
struct JSONLinesReader {
    enum Line {
        case record(number: Int, text: String)
        case refused(Diagnostic)
    }

    private let handle: FileHandle
    private let file: String
    private var buffer: [UInt8] = []
    private var start = 0
    private var number = 0
    private var atEnd = false
    static let blockSize = 1 << 20

    init(_ handle: FileHandle, file: String) {
        self.handle = handle
        self.file = file
    }

    mutating func next() throws -> Line? {
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                let range = start..<newline
                start = newline + 1
                number += 1
                if let line = line(buffer[range]) { return line }
                continue
            }
            buffer.removeSubrange(0..<start)
            start = 0
            if atEnd {
                guard !buffer.isEmpty else { return nil }
                number += 1
                defer { buffer.removeAll() }
                if let line = line(buffer[...]) { return line }
                return nil
            }
            if buffer.count > GroupParser.maximumRecordBytes { return try skipOversizedRecord() }
            try readBlock()
        }
    }

    private mutating func readBlock() throws {
        let block = try handle.read(upToCount: JSONLinesReader.blockSize) ?? Data()
        if block.isEmpty { atEnd = true } else { buffer.append(contentsOf: block) }
    }

    /// A record past the size limit: its bytes are counted, not kept, up to its line break.
    private mutating func skipOversizedRecord() throws -> Line {
        number += 1
        var size = buffer.count
        buffer.removeAll()
        while !atEnd {
            try readBlock()
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                size += newline
                buffer.removeSubrange(0...newline)
                break
            }
            size += buffer.count
            buffer.removeAll()
        }
        let limit = GroupParser.maximumRecordBytes
        return .refused(Diagnostic(.error, file: file, line: number, field: nil,
                                   message: "the record is \(size / 1024) KiB; a group record is at most \(limit / 1024) KiB"))
    }

    private func line(_ bytes: ArraySlice<UInt8>) -> Line? {
        var bytes = bytes
        if bytes.last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
        if number == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { return nil }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .refused(Diagnostic(.error, file: file, line: number, field: nil, message: "the line is not valid UTF-8 text"))
        }
        return .record(number: number, text: text)
    }
}

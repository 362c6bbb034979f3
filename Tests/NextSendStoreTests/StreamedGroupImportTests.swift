import Foundation
import NextSend
@testable import NextSendStore
import NextSendTestSupport
import Testing

/// `group import` reads a JSON Lines file a chunk at a time and merges each chunk while the next
/// is parsed, in one transaction. What it stores must be what reading the whole file first gave,
/// an error anywhere must leave the database as it was, and memory must not hold the whole file.
@Suite struct StreamedGroupImportTests {
    let folder = TemporaryFolder()

    func makeStore(_ kind: StoreKind) throws -> (any Store)? {
        guard let store = try kind.make() else { return nil }
        folder.makeContent(assets: ["tco-model": Samples.assetFile()])
        _ = try store.importCatalog(directory: folder.path("content/catalog"), taxonomyPath: nil, asOf: Samples.asOf)
        return store
    }

    /// A group of a few kilobytes, in the order of ids `index` gives (not the file's order).
    func line(_ index: Int, role: String = "it") -> String {
        let people = (0..<6).map { #"{"id": "p\#($0)", "name": "Person \#($0) of \#(index)", "role": "\#($0 == 0 ? role : "finance")", "influence": "user"}"# }
        let claims = (0..<6).map { #"{"stakeholder": "p\#($0)", "topic": "tco", "value": \#(1000 * index + $0), "date": "2026-10-0\#($0 + 1)", "quote": "\#(String(repeating: "a long note ", count: 20))"}"# }
        return #"{"id": "g\#(String(format: "%05d", (index * 7919) % 10_007))", "account": "Account \#(index)", "owner": "rep\#(index % 4)@x.example", "stakeholders": [\#(people.joined(separator: ", "))], "claims": [\#(claims.joined(separator: ", "))], "touches": [{"asset": "tco-model", "to": ["p1"], "date": "2026-10-20"}]}"#
    }

    /// Over 1 MB, so records straddle the reader's blocks; CR LF line ends, a byte-order mark and
    /// blank lines on the way.
    func exportText(count: Int) -> String {
        "\u{FEFF}" + (0..<count).map { line($0) + ($0 % 50 == 0 ? "\r\n  \r\n" : "\r\n") }.joined()
    }

    @Test(arguments: StoreKind.allCases)
    func aStreamedImportStoresWhatTheWholeFileGives(_ kind: StoreKind) throws {
        guard let streamed = try makeStore(kind), let whole = try StoreKind.sqlite.make() else { return }
        _ = try whole.importCatalog(directory: folder.path("content/catalog"), taxonomyPath: nil, asOf: Samples.asOf)
        let path = folder.write("groups.jsonl", exportText(count: 450))
        #expect(FileManager.default.fileSize(path) > JSONLinesReader.blockSize)

        let load = try GroupFiles.load(path: path, taxonomy: try whole.taxonomy(), knownAssets: try whole.assetIDs(), latest: Samples.asOf)
        #expect(load.diagnostics.isEmpty && load.groups.count == 450)
        let expected = try whole.importGroups(load.groups, origins: load.origins)
        let summary = try streamed.importGroups(path: path, asOf: Samples.asOf).summary
        #expect(summary.added == expected.added, "the summary in id order, whatever order the chunks came in")
        #expect(summary.facts == expected.facts)
        #expect(try streamed.groups(includeClosed: true) == whole.groups(includeClosed: true))
        #expect(try streamed.evidence(asOf: Samples.asOf) == whole.evidence(asOf: Samples.asOf))
        #expect(load.sources["g00000"] == "\(path):1", "the byte-order mark is dropped from the first line")
        #expect(load.sources["g07919"] == "\(path):3", "the second group comes after a blank line")
    }

    /// The chunk size changes nothing: one line at a time, a few, or all at once.
    @Test func theChunkSizeChangesNothing() throws {
        let path = folder.write("groups.jsonl", exportText(count: 60))
        let taxonomy = Samples.taxonomy
        var results: [[BuyingGroup]] = []
        for size in [1, 7, 60, 1000] {
            var groups: [BuyingGroup] = []
            let outcome = try GroupFiles.stream(path: path, taxonomy: taxonomy, knownAssets: nil, linesPerChunk: size) { groups += $0.groups }
            #expect(outcome.diagnostics.isEmpty)
            results.append(groups)
        }
        #expect(results.allSatisfy { $0 == results[0] } && results[0].count == 60)
    }

    /// An error on the last line, after earlier chunks were merged, writes nothing: the data
    /// version and every group stay as they were.
    @Test(arguments: StoreKind.allCases)
    func anErrorOnTheLastLineRollsBackWhatWasMerged(_ kind: StoreKind) throws {
        guard let store = try makeStore(kind) else { return }
        let before = try store.dataVersions().data
        var lines = (0..<300).map { line($0) }
        lines[299] = line(299, role: "wizard")
        let path = folder.write("groups.jsonl", lines.joined(separator: "\n"))
        let failure = try #require(throws: ValidationFailure.self) { try store.importGroups(path: path, asOf: Samples.asOf, linesPerChunk: 50) }
        #expect(failure.errors.count == 1 && failure.errors.first?.line == 300)
        #expect(failure.errors.first?.field?.hasSuffix("role") == true)
        #expect(try store.groupIDs(includeClosed: true).isEmpty)
        #expect(try store.dataVersions().data == before)
    }

    /// A record past the size limit or not in UTF-8 is refused with its own line; the lines
    /// around it still read.
    @Test func aLineTooLongOrNotUTF8IsRefusedWithItsLineNumber() throws {
        var data = Data((line(1) + "\n").utf8)
        data.append(Data("{\"id\": \"".utf8) + Data(repeating: UInt8(ascii: "x"), count: GroupParser.maximumRecordBytes + 3 * JSONLinesReader.blockSize) + Data("\"}\n".utf8))
        data.append(Data((line(2) + "\n").utf8))
        data.append(Data([0x7B, 0xFF, 0xFE, 0x7D, 0x0A]))
        data.append(Data(line(3).utf8))
        let path = folder.path("groups.jsonl")
        try data.write(to: URL(fileURLWithPath: path))
        let taxonomy = Samples.taxonomy
        let load = try GroupFiles.load(path: path, taxonomy: taxonomy, knownAssets: nil)
        #expect(load.groups.count == 3, "the records before, between and after (the last without a line break)")
        #expect(load.diagnostics.map(\.line) == [2, 4])
        #expect(load.diagnostics.first?.message == "the record is \((GroupParser.maximumRecordBytes + 3 * JSONLinesReader.blockSize + 10) / 1024) KiB; a group record is at most \(GroupParser.maximumRecordBytes / 1024) KiB")
        #expect(load.diagnostics.last?.message == "the line is not valid UTF-8 text")
    }

    /// What the caller throws stops the reading and comes back as it was thrown.
    @Test func aFailureWhileMergingStopsTheReading() throws {
        struct Stop: Error {}
        let path = folder.write("groups.jsonl", exportText(count: 200))
        let taxonomy = Samples.taxonomy
        var chunks = 0
        #expect(throws: Stop.self) {
            try GroupFiles.stream(path: path, taxonomy: taxonomy, knownAssets: nil, linesPerChunk: 5) { _ in
                chunks += 1
                throw Stop()
            }
        }
        #expect(chunks == 1)
    }
}

private extension FileManager {
    func fileSize(_ path: String) -> Int { (try? attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }
}

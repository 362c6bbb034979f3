import Foundation
import NextSend
import NextSendDigest
import Testing

/// Marketing's JSON is written a row at a time in the batch; it must be the file the renderer gives
/// in one piece, byte for byte, however many rows each long list has.
@Suite struct StreamedJSONTests {
    static func streamed(_ digest: MarketingDigest, renderer: DigestRenderer) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try renderer.writeJSON(digest) { bytes.append(contentsOf: $0) }
        return bytes
    }

    @Test func theStreamedJSONIsTheRenderedJSON() throws {
        let seed: UInt64 = 3
        let (assets, groups) = MarketingTallyTests.dataset(seed: seed)
        let builder = DigestBuilder(week: IsoWeek("2026-W48")!, taxonomy: MarketingTallyTests.taxonomy, assets: assets,
                                    previousWeek: (assets, .none))
        let digest = builder.marketingDigest(try groups.map { try builder.analyse($0).facts }, assets: assets)
        #expect(digest.effectiveness.count > 3 && digest.expiring.count > 3, "the data has rows in both streamed lists")
        let renderer = DigestRenderer()

        // Both lists full, one empty, one with a single row, both empty.
        var variants = [digest]
        var noOutcomes = digest
        noOutcomes.effectiveness = []
        variants.append(noOutcomes)
        var oneEach = digest
        oneEach.effectiveness = Array(digest.effectiveness.prefix(1))
        oneEach.expiring = Array(digest.expiring.suffix(1))
        variants.append(oneEach)
        var neither = noOutcomes
        neither.expiring = []
        variants.append(neither)

        for (index, variant) in variants.enumerated() {
            let whole = try #require(try renderer.render(variant, formats: [.json])[.json])
            let streamed = try Self.streamed(variant, renderer: renderer)
            #expect(streamed == Array(whole.utf8), "variant \(index)")
            // And it reads back as the same JSON value.
            let value = try JSONSerialization.jsonObject(with: Data(streamed)) as? [String: Any]
            #expect((value?["effectiveness"] as? [Any])?.count == variant.effectiveness.count, "variant \(index)")
        }
    }

    @Test func aLongFileIsWrittenWholeThroughItsBlocks() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("streamed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let files = try OutputFiles(outDirectory: base.path, week: "2026-W48")
        let root = files.root
        // Pieces smaller than, equal to and larger than a block, in an order that fills blocks unevenly.
        let pieces: [[UInt8]] = (0..<40).map { index in
            let size = [1, 700, 65_536, 70_001, 3][index % 5]
            return [UInt8](repeating: UInt8(index), count: size)
        }
        let url = files.marketingFile(.json)
        try files.write(to: url) { emit in for piece in pieces { try piece.withUnsafeBytes(emit) } }
        #expect(try Data(contentsOf: url) == Data(pieces.joined()))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) .sorted() == ["marketing.json", "reps"], "no temporary file is left")
    }
}

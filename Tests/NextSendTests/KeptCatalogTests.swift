@testable import NextSend
import NextSendSynthetic
import Testing

/// The kept catalog is read back on every CLI `next`: it must give exactly what was kept, never
/// be taken for another key's, and turn damaged bytes into a rebuild rather than a crash.
@Suite struct KeptCatalogTests {
    let key = KeptCatalog.Key(catalogVersion: 4, taxonomyHash: 0xDEAD_BEEF_0123_4567, day: Day("2026-11-29")!, followUpVersion: 12)

    /// Assets with every field set and unset: text with diacritics and emoji, empty strings, no
    /// tags, resolutions with and without positions, each channel and status.
    func catalog(_ generator: inout SeededGenerator, count: Int) -> [Asset] {
        let words = ["tco", "Total cost — 3 years", "Zoë's ROI", "", "🛡️ security", "on-prem", "İstanbul", "a\u{0}b"]
        func some(_ max: Int, _ generator: inout SeededGenerator) -> [String] {
            (0..<Int.random(in: 0...max, using: &generator)).map { _ in words.randomElement(using: &generator)! }
        }
        func maybe(_ text: String, _ generator: inout SeededGenerator) -> String? { Bool.random(using: &generator) ? text : nil }
        func day(_ generator: inout SeededGenerator) -> Day? {
            Bool.random(using: &generator) ? Day(ordinal: Int.random(in: 0...30_000, using: &generator)) : nil
        }
        var assets: [Asset] = []
        for position in 0..<count {
            let resolves = (0..<Int.random(in: 0...2, using: &generator)).map { _ in Asset.Resolution(topic: "tco", positions: some(2, &generator)) }
            assets.append(Asset(
                id: "asset-\(position)", title: words.randomElement(using: &generator)!, summary: maybe("A summary of \(position)", &generator),
                url: maybe("https://example.com/\(position)?q=é", &generator), format: ["case-study", "faq", ""].randomElement(using: &generator)!,
                jobs: Array(BuyingJob.allCases.shuffled(using: &generator).prefix(Int.random(in: 0...3, using: &generator))),
                roles: some(3, &generator), topics: some(3, &generator), resolves: resolves, shareable: Bool.random(using: &generator),
                channel: Asset.Channel.allCases.randomElement(using: &generator)!,
                minutes: Bool.random(using: &generator) ? Int.random(in: -5...90, using: &generator) : nil, industries: some(2, &generator),
                published: day(&generator), reviewBy: day(&generator), owner: maybe("Dana Müller", &generator),
                status: Asset.Status.allCases.randomElement(using: &generator)!, body: Bool.random(using: &generator) ? "" : "Body\nwith lines"))
        }
        return assets
    }

    func evidence(_ generator: inout SeededGenerator, catalog: [Asset]) -> OutcomeEvidence {
        var records: [String: [String: OutcomeEvidence.Record]] = [:]
        for asset in catalog where Bool.random(using: &generator) {
            for need in ["conflict:tco", "stalled-job:validation", "unreached:finance"] where Bool.random(using: &generator) {
                let sends = Int.random(in: 1...40, using: &generator)
                records[asset.id, default: [:]][need] = .init(sends: sends, successes: Int.random(in: 0...sends, using: &generator))
            }
        }
        return OutcomeEvidence(records)
    }

    @Test(arguments: 0..<20)
    func whatIsKeptIsWhatIsReadBack(seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed) &+ 77)
        let assets = catalog(&generator, count: seed * 3)
        let kept = KeptCatalog(key: key, assets: assets, evidence: evidence(&generator, catalog: assets))
        let back = try #require(KeptCatalog(decoding: kept.encoded(), expecting: key))
        #expect(back == kept)
        let published = assets.filter { $0.status == .published }.sorted { $0.id < $1.id }
        #expect(back.assets == published, "every field of every published asset, in id order")
        #expect(back.evidence.records == kept.evidence.records)
        // The index read back is the one a fresh build gives: lists and every packed column.
        #expect(back.index.sameParts(as: CatalogIndex(assets: assets)))
        for asset in published { #expect(back.index.position(of: asset.id).map { back.assets[$0].id } == asset.id) }
        #expect(back.index.position(of: "not-there") == nil)
    }

    /// Integers take as few bytes as they need and come back exactly, the extremes included.
    @Test func integersOfEverySizeComeBackExactly() throws {
        var generator = SeededGenerator(seed: 3)
        let values = [0, 1, -1, 63, -64, 64, 127, 128, 16_383, 16_384, Int(Int32.max), Int.max, Int.min, Int.max - 1, Int.min + 1]
            + (0..<200).map { _ in Int.random(in: Int.min...Int.max, using: &generator) >> Int.random(in: 0...63, using: &generator) }
        var writer = PackedWriter()
        for value in values { writer.int(value) }
        var small = PackedWriter()
        small.int(60)
        #expect(small.bytes.count == 1, "a count under 64 is one byte")
        try writer.bytes.withUnsafeBytes { raw in
            var reader = PackedReader(raw)
            for value in values { #expect(reader.int() == value) }
            #expect(reader.isAtEnd)
        }
        // Eleven continuation bytes are no integer: refused, not wrapped.
        let endless = [UInt8](repeating: 0xFF, count: 11)
        endless.withUnsafeBytes { raw in
            var reader = PackedReader(raw)
            #expect(reader.int() == nil)
        }
    }

    @Test func theSameCatalogAlwaysGivesTheSameBytes() {
        var generator = SeededGenerator(seed: 5)
        let assets = catalog(&generator, count: 40)
        let evidence = evidence(&generator, catalog: assets)
        // Dictionaries iterate in a different order in every process and after every rebuild.
        let rebuilt = OutcomeEvidence(Dictionary(uniqueKeysWithValues: evidence.records.reversed().map { ($0.key, $0.value) }))
        #expect(KeptCatalog(key: key, assets: assets, evidence: evidence).encoded()
            == KeptCatalog(key: key, assets: assets, evidence: rebuilt).encoded())
    }

    /// A blob made under any other version, day or taxonomy is never read as current.
    @Test func aBlobMadeUnderAnotherKeyIsNotRead() {
        var generator = SeededGenerator(seed: 9)
        let bytes = KeptCatalog(key: key, assets: catalog(&generator, count: 5), evidence: .none).encoded()
        var others: [KeptCatalog.Key] = []
        for change in 0..<4 {
            var other = key
            switch change {
            case 0: other.catalogVersion += 1
            case 1: other.taxonomyHash ^= 1
            case 2: other.day = Day(ordinal: key.day.ordinal + 1)
            default: other.followUpVersion -= 1
            }
            others.append(other)
        }
        for other in others { #expect(KeptCatalog(decoding: bytes, expecting: other) == nil, "\(other)") }
        #expect(KeptCatalog(decoding: bytes, expecting: key) != nil)
    }

    /// Every cut and a byte changed anywhere: either the kept catalog comes back whole or the
    /// answer is nil (the store then reads its tables); never a crash, never a half catalog.
    @Test func damagedBytesAreRefusedNotMisread() {
        var generator = SeededGenerator(seed: 21)
        let kept = KeptCatalog(key: key, assets: catalog(&generator, count: 6), evidence: evidence(&generator, catalog: []))
        let bytes = kept.encoded()
        for cut in 0..<bytes.count {
            #expect(KeptCatalog(decoding: bytes[..<cut], expecting: key) == nil, "cut at \(cut)")
        }
        #expect(KeptCatalog(decoding: bytes + [0], expecting: key) == nil, "a trailing byte")
        var format = bytes
        format[0] &+= 1
        #expect(KeptCatalog(decoding: format, expecting: key) == nil, "another layout's blob")
        for position in stride(from: 40, to: bytes.count, by: 3) {
            var damaged = bytes
            damaged[position] ^= 0xA5
            if let read = KeptCatalog(decoding: damaged, expecting: key) {
                // A changed letter inside a text still reads; the lengths and counts around it held.
                #expect(read.assets.count == kept.assets.count)
            }
        }
    }

    /// A call looks at a handful of assets: reading the blob places none of them, a search by id
    /// places none, and asking for one places that one. The evidence of each need reads the same
    /// records as evidence built whole.
    @Test func aKeptIndexReadsOnlyTheAssetsACallAsksFor() throws {
        var generator = SeededGenerator(seed: 5)
        let assets = catalog(&generator, count: 300).map { asset -> Asset in
            var asset = asset
            asset.status = .published
            return asset
        }
        let whole = evidence(&generator, catalog: assets)
        let back = try #require(KeptCatalog(decoding: KeptCatalog(key: key, assets: assets, evidence: whole).encoded(), expecting: key))
        #expect(back.index.shelf.placedCount == 0)
        #expect(back.index.position(of: "asset-170") != nil && back.index.position(of: "asset-1700") == nil)
        #expect(back.index.shelf.placedCount == 0, "a search by id reads no asset")
        #expect(back.index.asset("asset-17")?.title == assets[17].title)
        #expect(back.index.shelf.placedCount == 1)
        for asset in assets {
            for need in [Need.Kind.conflict(topic: "tco"), .stalledJob(.validation), .unengagedStakeholder("finance"), .activeJob(.validation)] {
                #expect(back.evidence.record(asset: asset.id, need: need) == whole.record(asset: asset.id, need: need), "\(asset.id) \(need)")
            }
        }
    }

    /// Ids with diacritics, hyphens, digits and shared prefixes: searched as bytes, each is found
    /// where the index put it, and an id the catalog lacks is not found.
    @Test func idsOutsideASCIIAreFoundWhereTheIndexPutThem() throws {
        var generator = SeededGenerator(seed: 9)
        let ids = ["zoë-roi", "zoe-roi", "zoe", "a", "aa", "a-b", "ä-guide", "Ångström", "tco-2", "tco-10", "straße", "İstanbul-case"]
        let assets = zip(ids, catalog(&generator, count: ids.count)).map { id, asset -> Asset in
            var asset = asset
            asset.id = id
            asset.status = .published
            return asset
        }
        let back = try #require(KeptCatalog(decoding: KeptCatalog(key: key, assets: assets, evidence: .none).encoded(), expecting: key))
        let fresh = CatalogIndex(assets: assets)
        for id in ids { #expect(back.index.position(of: id) == fresh.position(of: id), "\(id)") }
        for missing in ["", "zoë", "a-", "tco-1", "ä"] { #expect(back.index.position(of: missing) == nil, "\(missing)") }
    }
}

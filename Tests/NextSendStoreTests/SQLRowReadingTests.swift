@testable import NextSendStore
import Testing

/// Every stored value comes back through `GRDBSession.rows`, read straight from SQLite's columns.
@Suite struct SQLRowReadingTests {
    @Test func eachKindOfValueReadsBackAsStored() throws {
        let store = try SQLiteStore.inMemory()
        let row = try #require(try store.read { db in
            try db.rows("SELECT ? AS text, ? AS number, ? AS real, NULL AS absent, x'4cc3a9' AS blob, '' AS empty, ? AS accents",
                        ["tco-model\u{0}.md", 9_007_199_254_740_993, 0.1, "Zoë Ørsted — 𝄞"])
        }.first)
        // A NUL inside a text is kept, as it was bound (an id with one must not read as a shorter id).
        #expect(row["text"] == .text("tco-model\u{0}.md"))
        #expect(row["number"] == .integer(9_007_199_254_740_993), "integers beyond a double's precision stay exact")
        #expect(row["real"] == .real(0.1))
        #expect(row["absent"] == .null)
        #expect(row["blob"] == .text("Lé"), "a blob reads as UTF-8 text")
        #expect(row["empty"] == .text(""))
        #expect(row["accents"] == .text("Zoë Ørsted — 𝄞"))
        #expect(row["NUMBER"] == .integer(9_007_199_254_740_993), "names ignore case")
    }
}

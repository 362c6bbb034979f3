import Foundation
import GRDB

/// A catalog search as each database runs it: every word matched as a prefix, the best match
/// first — title counting most, then the summary, then the body.
///
/// SQLite ranks with FTS5's bm25 (title 10, summary 5, body 1); PostgreSQL with `ts_rank` over a
/// vector weighted A (title), B (summary), D (body). The two agree on what matches; the order of
/// close scores can differ.
struct SearchQuery {
    /// The search's words, lower-cased: letters and digits only, so they are safe in either
    /// database's query syntax.
    let words: [String]

    init?(_ text: String) {
        words = text.lowercased().components(separatedBy: CharacterSet.alphanumerics.inverted).filter { !$0.isEmpty }
        if words.isEmpty { return nil }
    }

    /// The parameter bound to the match clause.
    func pattern(_ dialect: SQLDialect) -> String {
        switch dialect {
        case .sqlite: return FTS5Pattern(matchingAllPrefixesIn: words.joined(separator: " "))?.rawPattern ?? ""
        case .postgres: return words.map { "\($0):*" }.joined(separator: " & ")
        }
    }

    /// FROM, WHERE and ORDER BY clauses, the pattern being the first parameter.
    func clauses(_ dialect: SQLDialect) -> (from: String, match: String, order: String) {
        switch dialect {
        case .sqlite:
            return ("asset a JOIN assetSearch s ON s.rowid = a.rowid", "assetSearch MATCH ?", "bm25(assetSearch, 0, 10.0, 5.0, 1.0)")
        case .postgres:
            return ("asset a", "a.search @@ to_tsquery('english', ?)",
                    "ts_rank('{0.1, 0.0, 0.5, 1.0}', a.search, to_tsquery('english', ?1)) DESC")
        }
    }
}

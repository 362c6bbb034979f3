import Foundation

/// A catalog search as a marketer types it: words (each matched as a prefix: `deploy` finds
/// "deployment"), `"quoted phrases"`, and `OR` between alternatives (`tco OR payback`); without
/// `OR`, every word must match.
///
/// A word matches an asset when it begins a word of its text (title, summary, body: the
/// database's full-text index) or of its tags — its id, jobs, roles, topics, industries, and the
/// taxonomy's labels and `says:` phrases for its topics, matched the same way on SQLite and
/// PostgreSQL. Matches in the id or tags rank first, then the full-text rank: SQLite's FTS5 bm25
/// (title 10, summary 5, body 1), PostgreSQL's `ts_rank` over a vector weighted A (title),
/// B (summary), D (body); the two agree on what matches, and the order of close scores can differ.
struct SearchQuery {
    /// A word (a prefix) or a phrase, lower-cased, letters and digits only: safe in either
    /// database's query syntax.
    struct Term: Hashable {
        var words: [String]
        var isPhrase: Bool { words.count > 1 }
    }

    /// Alternatives (`OR`), each a list of terms that must all match.
    let alternatives: [[Term]]

    var terms: [Term] { Array(Set(alternatives.flatMap { $0 })) }

    init?(_ text: String) {
        var alternatives: [[Term]] = [[]]
        var rest = Substring(text)
        while let first = rest.first {
            if first == "\"" {
                let body = rest.dropFirst()
                let end = body.firstIndex(of: "\"") ?? body.endIndex
                let words = SearchQuery.words(body[..<end])
                if !words.isEmpty { alternatives[alternatives.count - 1].append(Term(words: words)) }
                rest = end == body.endIndex ? "" : body[body.index(after: end)...]
                continue
            }
            let end = rest.firstIndex { $0 == " " || $0 == "\"" } ?? rest.endIndex
            let token = rest[..<end]
            rest = rest[end...].drop { $0 == " " }
            if token == "OR" {
                if !(alternatives.last?.isEmpty ?? true) { alternatives.append([]) }
                continue
            }
            for word in SearchQuery.words(token) { alternatives[alternatives.count - 1].append(Term(words: [word])) }
        }
        self.alternatives = alternatives.filter { !$0.isEmpty }
        if self.alternatives.isEmpty { return nil }
    }

    static func words<S: StringProtocol>(_ text: S) -> [String] {
        text.lowercased().components(separatedBy: CharacterSet.alphanumerics.inverted).filter { !$0.isEmpty }
    }

    /// The full-text match of one term, as a parameter for ``clauses(_:)``.
    static func pattern(_ term: Term, _ dialect: SQLDialect) -> String {
        switch (dialect, term.isPhrase) {
        case (.sqlite, false): return term.words[0] + "*"
        case (.sqlite, true): return "\"" + term.words.joined(separator: " ") + "\""
        case (.postgres, false): return term.words[0] + ":*"
        case (.postgres, true): return term.words.joined(separator: " <-> ")
        }
    }

    /// FROM, WHERE and ORDER BY clauses for one term, its pattern being the first parameter.
    static func clauses(_ dialect: SQLDialect) -> (from: String, match: String, order: String) {
        switch dialect {
        case .sqlite:
            return ("asset a JOIN assetSearch s ON s.rowid = a.rowid", "assetSearch MATCH ?", "bm25(assetSearch, 0, 10.0, 5.0, 1.0)")
        case .postgres:
            return ("asset a", "a.search @@ to_tsquery('english', ?)",
                    "ts_rank('{0.1, 0.0, 0.5, 1.0}', a.search, to_tsquery('english', ?1)) DESC")
        }
    }

    /// Whether `term` matches the words of `tags` (each already folded to lower case): a word as
    /// a prefix of one of them, a phrase as consecutive words.
    static func matches(_ term: Term, tags: [String]) -> Bool {
        guard term.isPhrase else { return tags.contains { $0.hasPrefix(term.words[0]) } }
        guard tags.count >= term.words.count else { return false }
        return (0...(tags.count - term.words.count)).contains { start in
            term.words.indices.allSatisfy { index in
                index == term.words.count - 1 ? tags[start + index].hasPrefix(term.words[index]) : tags[start + index] == term.words[index]
            }
        }
    }
}

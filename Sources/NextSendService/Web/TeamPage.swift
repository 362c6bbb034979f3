import NextSend
import NextSendReports

/// `/team`: every rep's open groups for a manager — whether each is converging, its open
/// conflicts, its longest stall and its missing voices — sortable by any of them.
struct TeamPage: WebPage {
    enum Sort: String, CaseIterable {
        case rep, trend, conflicts, stall, missing

        /// How a column orders rows: the worst first, ties by rep then group id.
        func ordered(_ lines: [GroupLine]) -> [GroupLine] {
            let rank: [TrendDirection: Int] = [.diverging: 0, .stuck: 1, .converging: 2]
            return lines.sorted { a, b in
                let key: (Int, Int) = switch self {
                case .rep: (0, 0)
                case .trend: (rank[a.direction]!, rank[b.direction]!)
                case .conflicts: (-a.conflicts, -b.conflicts)
                case .stall: (-a.longestStallDays, -b.longestStallDays)
                case .missing: (-a.missingVoices, -b.missingVoices)
                }
                if key.0 != key.1 { return key.0 < key.1 }
                return (a.owner, a.id) < (b.owner, b.id)
            }
        }
    }

    struct Row {
        var id, link, account, owner, direction, stall: String
        var conflicts, missingVoices, unengaged: Int
    }

    struct Column {
        var title, link: String
        var current: Bool
    }

    var asOf: String
    var rows: [Row]
    var hasRows: Bool
    var columns: [Column]
    var summary: String
    var csrf = ""

    init(lines: [GroupLine], sort: Sort, asOf: Day) {
        self.asOf = asOf.description
        rows = sort.ordered(lines).map { line in
            Row(id: line.id, link: "/groups/" + WebPages.pathComponent(line.id),
                account: line.deal.map { "\(line.account) — \($0)" } ?? line.account, owner: line.owner, direction: line.direction.rawValue,
                stall: line.longestStallDays == 0 ? "–" : Words.count(line.longestStallDays, "day"),
                conflicts: line.conflicts, missingVoices: line.missingVoices, unengaged: line.unengaged)
        }
        hasRows = !rows.isEmpty
        let titles: [(Sort, String)] = [(.rep, "Rep"), (.trend, "Trend"), (.conflicts, "Open conflicts"), (.stall, "Longest stall"),
                                        (.missing, "Missing voices")]
        columns = titles.map { Column(title: $0.1, link: "/team?sort=" + $0.0.rawValue, current: $0.0 == sort) }
        let counts = Dictionary(grouping: lines, by: \.direction).mapValues(\.count)
        summary = "\(Words.count(lines.count, "open group")): \(counts[.converging] ?? 0) converging, \(counts[.stuck] ?? 0) stuck, "
            + "\(counts[.diverging] ?? 0) diverging."
    }
}

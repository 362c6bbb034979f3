/// How many live assets serve each buying job for each role (or topic, industry or format): the
/// catalog's gaps at a glance.
///
/// Only published, unexpired assets count, because only they can be recommended. An asset tagged
/// with no role (no topic, no industry) is generic; it is counted in `anyRole`, not in every
/// column, so it does not hide gaps.
public struct CoverageMatrix: Sendable, Hashable, Codable {
    /// What the columns are.
    public enum Dimension: String, Sendable, Hashable, Codable, CaseIterable {
        case role, topic, industry, format
    }

    public struct Row: Sendable, Hashable, Codable {
        public var job: BuyingJob
        /// Count per column, in the taxonomy's order.
        public var counts: [Int]
        /// Assets of the job with no value in the dimension (for industries: made for every one).
        public var anyRole: Int
    }

    public var asOf: Day
    public var dimension: Dimension
    /// The columns: the taxonomy's roles, topics or industries.
    public var columns: [String]
    public var rows: [Row]

    /// The columns when they are roles (the matrix the digest and the demo show).
    public var roles: [String] { columns }

    public init(assets: [Asset], taxonomy: Taxonomy, asOf: Day, by dimension: Dimension = .role) {
        self.asOf = asOf
        self.dimension = dimension
        let values: (Asset) -> [String] = switch dimension {
        case .role: { $0.roles }
        case .topic: { $0.topics }
        case .industry: { $0.industries }
        case .format: { [$0.format] }
        }
        columns = switch dimension {
        case .role: taxonomy.roles
        case .topic: taxonomy.topics.map(\.id)
        case .industry: taxonomy.industries
        case .format: taxonomy.formats
        }
        let live = assets.filter { $0.isLive(asOf: asOf) }
        rows = BuyingJob.allCases.map { [columns] job in
            let forJob = live.filter { $0.jobs.contains(job) }
            return Row(job: job,
                       counts: columns.map { column in forJob.filter { values($0).contains(column) }.count },
                       anyRole: forJob.filter { values($0).isEmpty }.count)
        }
    }

    public func count(job: BuyingJob, role: String) -> Int {
        guard let column = columns.firstIndex(of: role), let row = rows.first(where: { $0.job == job }) else { return 0 }
        return row.counts[column]
    }

    /// The job × column cells with no asset at all, in job then column order. (For industries, an
    /// asset made for every industry fills none: it is a gap in editions, not in content.)
    public var emptyCells: [(job: BuyingJob, role: String)] {
        rows.flatMap { row in
            zip(columns, row.counts).filter { $0.1 == 0 }.map { (row.job, $0.0) }
        }
    }
}

/// How many live assets serve each buying job for each role: the catalog's gaps at a glance.
///
/// Only published, unexpired assets count, because only they can be recommended. An asset tagged
/// with no role is generic; it is counted in `anyRole`, not in every role, so it does not hide gaps.
public struct CoverageMatrix: Sendable, Hashable, Codable {
    public struct Row: Sendable, Hashable, Codable {
        public var job: BuyingJob
        /// Count per role, in the taxonomy's role order.
        public var counts: [Int]
        public var anyRole: Int
    }

    public var asOf: Day
    public var roles: [String]
    public var rows: [Row]

    public init(assets: [Asset], taxonomy: Taxonomy, asOf: Day) {
        self.asOf = asOf
        self.roles = taxonomy.roles
        let live = assets.filter { $0.isLive(asOf: asOf) }
        rows = BuyingJob.allCases.map { job in
            let forJob = live.filter { $0.jobs.contains(job) }
            return Row(job: job,
                       counts: taxonomy.roles.map { role in forJob.filter { $0.roles.contains(role) }.count },
                       anyRole: forJob.filter { $0.roles.isEmpty }.count)
        }
    }

    public func count(job: BuyingJob, role: String) -> Int {
        guard let column = roles.firstIndex(of: role), let row = rows.first(where: { $0.job == job }) else { return 0 }
        return row.counts[column]
    }

    /// The job × role cells with no asset at all, in job then role order.
    public var emptyCells: [(job: BuyingJob, role: String)] {
        rows.flatMap { row in
            zip(roles, row.counts).filter { $0.1 == 0 }.map { (row.job, $0.0) }
        }
    }
}

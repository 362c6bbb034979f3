import Foundation

/// Outcome evidence laid out for the column scorer: for each need key, the factors of the assets
/// with a record, by catalog position ascending. Worked out once per evidence, catalog index and
/// policy instead of on every `next` (re-hashing every record of a need cost a tenth of a call).
final class EvidenceColumns: @unchecked Sendable {
    struct Column {
        var positions: [Int] = []
        var factors: [Double] = []
    }

    private let lock = NSLock()
    /// The index and policy the columns were laid out for; another one starts afresh.
    private var shelf: AssetShelf?
    private var policy: ScoringPolicy?
    private var columns: [String: Column] = [:]

    func column(_ key: String, records: [String: OutcomeEvidence.Record]?, index: CatalogIndex, policy: ScoringPolicy) -> Column {
        guard let records, !records.isEmpty else { return Column() }
        return lock.withLock {
            if shelf !== index.shelf || self.policy != policy {
                shelf = index.shelf
                self.policy = policy
                columns = [:]
            }
            if let column = columns[key] { return column }
            // A factor of exactly 1 (too few sends to go by) leaves a value as it is, bit for bit:
            // such an asset is scored, and shares profiles, as one without a record.
            let laid = records.compactMap { asset, record in index.position(of: asset).map { ($0, policy.evidenceFactor(record)) } }
                .filter { $0.1 != 1 }
                .sorted { $0.0 < $1.0 }
            let column = Column(positions: laid.map(\.0), factors: laid.map(\.1))
            columns[key] = column
            return column
        }
    }
}

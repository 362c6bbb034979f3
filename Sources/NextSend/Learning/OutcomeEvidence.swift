/// What followed earlier sends of each asset, per kind of need: how often it was sent for a
/// conflict on a topic (or a stalled job) and how often that need was met within the follow-up
/// window. The matcher turns it into a bounded score factor (see ``ScoringPolicy/evidenceFactor(_:)``).
///
/// ```swift
/// let evidence = OutcomeEvidence(["tco-model": ["conflict:tco": .init(sends: 14, successes: 9)]])
/// let options = MatchOptions(evidence: evidence)
/// ```
public struct OutcomeEvidence: Sendable, Hashable {
    /// Sends of one asset for one kind of need, and how many were followed by the need being met.
    public struct Record: Sendable, Hashable, Codable {
        public var sends: Int
        public var successes: Int

        public init(sends: Int, successes: Int) {
            self.sends = sends
            self.successes = successes
        }
    }

    /// Asset id → need key (`conflict:tco`, `stalled-job:validation`) → record.
    public let records: [String: [String: Record]]
    /// The same records by need key, then asset id: the matcher reads a need's records in one go.
    let byNeed: [String: [String: Record]]
    /// The records as the column scorer reads them, laid out on first use.
    let columns = EvidenceColumns()

    public init(_ records: [String: [String: Record]] = [:]) {
        self.records = records
        var byNeed: [String: [String: Record]] = [:]
        for (asset, needs) in records {
            for (need, record) in needs { byNeed[need, default: [:]][asset] = record }
        }
        self.byNeed = byNeed
    }

    public static let none = OutcomeEvidence()

    public static func == (lhs: OutcomeEvidence, rhs: OutcomeEvidence) -> Bool { lhs.records == rhs.records }

    public func hash(into hasher: inout Hasher) { hasher.combine(records) }

    public func record(asset: String, need: Need.Kind) -> Record? { records[asset]?[need.key] }
}

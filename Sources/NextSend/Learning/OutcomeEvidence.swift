import Foundation

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
    public var records: [String: [String: Record]] { storage.records }
    /// The records for one need key, by asset id: the matcher reads a need's records in one go.
    func records(forNeed key: String) -> [String: Record]? { storage.records(forNeed: key) }
    /// The records as the column scorer reads them, laid out on first use.
    let columns = EvidenceColumns()
    private let storage: EvidenceStorage

    public init(_ records: [String: [String: Record]] = [:]) {
        storage = EvidenceStorage(records)
    }

    /// Evidence kept by need, each need's records read only when a match asks for that need
    /// (``KeptCatalog``: a call matches a group's few needs, not all of them).
    init(kept: KeptEvidence) {
        storage = EvidenceStorage(kept)
    }

    public static let none = OutcomeEvidence()

    public static func == (lhs: OutcomeEvidence, rhs: OutcomeEvidence) -> Bool { lhs.records == rhs.records }

    public func hash(into hasher: inout Hasher) { hasher.combine(records) }

    public func record(asset: String, need: Need.Kind) -> Record? { records(forNeed: need.key)?[asset] }
}

/// Where an ``OutcomeEvidence`` keeps its records: all at once, or filled need by need from a
/// kept catalog.
private final class EvidenceStorage: @unchecked Sendable {
    private let lock = NSLock()
    private var byAsset: [String: [String: OutcomeEvidence.Record]]?
    private var byNeed: [String: [String: OutcomeEvidence.Record]]
    private let kept: KeptEvidence?

    init(_ records: [String: [String: OutcomeEvidence.Record]]) {
        var byNeed: [String: [String: OutcomeEvidence.Record]] = [:]
        for (asset, needs) in records {
            for (need, record) in needs { byNeed[need, default: [:]][asset] = record }
        }
        self.byAsset = records
        self.byNeed = byNeed
        kept = nil
    }

    init(_ kept: KeptEvidence) {
        byAsset = nil
        byNeed = [:]
        self.kept = kept
    }

    func records(forNeed key: String) -> [String: OutcomeEvidence.Record]? {
        lock.withLock {
            if let found = byNeed[key] { return found }
            guard let read = kept?.records(forNeed: key) else { return nil }
            byNeed[key] = read
            return read
        }
    }

    var records: [String: [String: OutcomeEvidence.Record]] {
        if let byAsset = lock.withLock({ byAsset }) { return byAsset }
        var all: [String: [String: OutcomeEvidence.Record]] = [:]
        for need in kept?.needs ?? [] {
            for (asset, record) in records(forNeed: need) ?? [:] { all[asset, default: [:]][need] = record }
        }
        lock.withLock { byAsset = all }
        return all
    }
}

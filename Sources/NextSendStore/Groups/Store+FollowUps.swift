import Foundation
import NextSend

extension StoreQueries {
    /// Rebuilds the follow-ups of one group's sends from its facts as they now stand.
    ///
    /// - Parameters:
    ///   - stored: the group as now stored, when the caller has it (a group an import just added),
    ///     so it is not read back.
    ///   - taxonomy: the stored taxonomy, when the caller has it (bulk imports read it once).
    ///   - assets: the catalog by id, when the caller has it (bulk imports read it once).
    ///   - isNew: the group was added in this transaction, so it has no follow-ups yet to compare with.
    ///   - bumpingVersion: bump the follow-up version here when something changed; a bulk import
    ///     passes `false` and bumps it once, at its end, if any refresh returned `true`.
    /// - Returns: whether any follow-up of the group changed.
    @discardableResult
    static func refreshFollowUps(_ groupID: String, stored: BuyingGroup? = nil, taxonomy: Taxonomy? = nil,
                                 assets: [String: Asset]? = nil, isNew: Bool = false, bumpingVersion: Bool = true,
                                 _ db: any SQLSession) throws -> Bool {
        var rows: [[String?]] = []
        if let group = try stored ?? fetchGroups(db, ids: [groupID]).first, !group.touches.isEmpty {
            let taxonomy = try taxonomy ?? StoreQueries.taxonomy(db)
            let assets = try assets ?? Dictionary(try fetchAssets(db, ids: Array(Set(group.touches.map(\.asset)))).map { ($0.id, $0) },
                                                  uniquingKeysWith: { first, _ in first })
            rows = TouchFollowUp.of(group, assets: { assets[$0] }, taxonomy: taxonomy).map { row in
                [row.asset, row.need, row.sent.description, row.sent.adding(days: ScoringPolicy.standard.followUpDays).description,
                 row.met?.description]
            }
        }
        var old: [[String?]] = []
        if isNew {
            guard !rows.isEmpty else { return false }
        } else {
            // Most writes leave what followed each send as it was: then nothing is rewritten, and the
            // follow-up version (which caches of evidence key on) stays.
            old = try EvidenceByClose.followUps(ofGroup: groupID, db)
            func key(_ row: [String?]) -> String { row.map { $0 ?? "\u{0}" }.joined(separator: "\u{1}") }
            guard old.map(key).sorted() != rows.map(key).sorted() else { return false }
            try db.execute("DELETE FROM sendFollowUp WHERE groupId = ?", [groupID])
        }
        try EvidenceByClose.apply(removing: old, adding: rows, db)
        try db.insert("sendFollowUp", ["groupId", "assetId", "need", "sent", "windowEnd", "met"], values: rows.map { row in
            [.text(groupID)] + row.map(SQLValue.init)
        })
        if bumpingVersion { try bumpFollowUpVersion(db) }
        return true
    }

    /// Marks that what followed some send changed: evidence computed before is out of date.
    static func bumpFollowUpVersion(_ db: any SQLSession) throws {
        try db.execute("UPDATE storeVersion SET followUps = followUps + 1 WHERE id = 1")
    }

    /// Follow-ups for every group, for databases whose groups were stored before follow-ups existed.
    static func refreshAllFollowUps(_ db: any SQLSession) throws {
        guard try db.bool("SELECT COUNT(*) FROM taxonomy") else { return }
        let taxonomy = try StoreQueries.taxonomy(db)
        for id in try db.strings("SELECT id FROM buyingGroup ORDER BY id") {
            try refreshFollowUps(id, taxonomy: taxonomy, db)
        }
    }

    /// What followed earlier sends as of `asOf`, per asset and need, by ``TouchFollowUp/state(asOf:windowDays:)``:
    /// a send counts once it is met or unmet (a pending one does not count yet); a success is a met one.
    /// Read from the counts kept by close day (``EvidenceByClose``).
    package static func evidence(_ db: any SQLSession, asOf: Day) throws -> OutcomeEvidence {
        try EvidenceByClose.evidence(db, asOf: asOf)
    }

    /// The same, summed over every follow-up: what the kept counts must always equal (tests hold them to it).
    package static func evidenceFromFollowUps(_ db: any SQLSession, asOf: Day) throws -> OutcomeEvidence {
        var records: [String: [String: OutcomeEvidence.Record]] = [:]
        let rows = try db.rows("""
            SELECT assetId, need,
                   SUM(CASE WHEN met IS NOT NULL AND met <= ?1 THEN 1 WHEN windowEnd <= ?1 THEN 1 ELSE 0 END) AS sends,
                   SUM(CASE WHEN met IS NOT NULL AND met <= ?1 THEN 1 ELSE 0 END) AS successes
            FROM sendFollowUp WHERE sent <= ?1 GROUP BY assetId, need ORDER BY assetId, need
            """, [asOf.description])
        for row in rows {
            let sends = try row.int("sends")
            guard sends > 0 else { continue }
            records[try row.string("assetId"), default: [:]][try row.string("need")] = OutcomeEvidence.Record(sends: sends, successes: try row.int("successes"))
        }
        return OutcomeEvidence(records)
    }
}

extension SQLStore {
    /// Moves only when what followed some send changed (a follow-up added, removed, met or renamed):
    /// evidence kept in memory stays right while it stands still.
    public func followUpVersion() throws -> Int {
        try read { db in try db.int("SELECT followUps FROM storeVersion WHERE id = 1") ?? 0 }
    }

    public func evidence(asOf: Day) throws -> OutcomeEvidence {
        try read { db in try StoreQueries.evidence(db, asOf: asOf) }
    }
}

import Foundation
import NextSend

/// A group's history as recorded, with where each fact came from: what `group show` lists so a rep
/// can check what was logged, retracted facts included (marked).
public struct GroupHistory: Sendable, Hashable {
    public struct Person: Sendable, Hashable {
        public var stakeholder: Stakeholder
        public var provenance: Provenance
    }

    /// Recipients of one asset on one day from one source, with how it went.
    public struct Send: Sendable, Hashable {
        public var asset: String
        public var to: [String]
        public var date: Day
        public var channel: String?
        public var consumed: Bool
        public var provenance: Provenance
        /// Who marked it consumed after the fact (`nil` when the source said so, or it is not consumed).
        public var consumedBy: String? = nil
    }

    /// A live claim with where it came from (a note's claims carry their quote).
    public struct ClaimEntry: Sendable, Hashable {
        public var claim: Claim
        public var provenance: Provenance
    }

    /// A claim or event that was retracted: it no longer counts.
    public struct Retraction: Sendable, Hashable {
        public var fact: String
        public var provenance: Provenance
    }

    public var status: GroupStatus
    public var statusDate: Day?
    public var people: [Person]
    /// Every live claim, by date then as recorded.
    public var claims: [ClaimEntry] = []
    public var sends: [Send]
    /// Picks reps said no to, retracted ones included (marked).
    public var dismissals: [Dismissed]
    public var retracted: [Retraction]

    /// Each person's claim on each topic that counts on `asOf` (the one the diagnosis compares,
    /// by ``ConflictDetector/latestClaims(_:asOf:)``), by topic then person: what `group show` and
    /// the page list.
    public func currentClaims(asOf: Day) -> [ClaimEntry] {
        let latest = ConflictDetector.latestClaims(claims.map(\.claim), asOf: asOf)
        return latest.keys.sorted().flatMap { topic in
            latest[topic]!.keys.sorted().compactMap { person in
                let claim = latest[topic]![person]!
                return claims.last { $0.claim == claim }
            }
        }
    }

    /// A dismissal with where it came from.
    public struct Dismissed: Sendable, Hashable {
        public var dismissal: Dismissal
        public var provenance: Provenance
    }
}

extension SQLStore {
    /// The group's people and sends with their origins, and what was retracted.
    public func history(ofGroup id: String) throws -> GroupHistory {
        try read { db in
            guard let group = try StoreQueries.groupRecord(id, db) else { throw try StoreQueries.noGroup(id, db) }
            let people = try db.records(StakeholderRecord.self, "SELECT * FROM \(FactOrigins.joined("stakeholder")) WHERE groupId = ? ORDER BY position, id", [id], StakeholderRecord.init(row:))
            let rows = try db.records(TouchRow.self, "SELECT * FROM \(FactOrigins.joined("send")) WHERE groupId = ? ORDER BY date, seq", [id], TouchRow.init(row:))
            var sends: [GroupHistory.Send] = []
            var slot: [String: Int] = [:]
            for row in rows {
                let key = [row.assetId, row.date, row.channel ?? "", "\(row.consumed)", row.origin, row.recordedBy ?? "", row.retractedBy ?? "",
                           row.consumedBy ?? ""]
                    .joined(separator: "\u{1}")
                if let index = slot[key] {
                    sends[index].to.append(row.stakeholderId)
                } else {
                    slot[key] = sends.count
                    sends.append(GroupHistory.Send(asset: row.assetId, to: [row.stakeholderId], date: try row.day(), channel: row.channel,
                                                   consumed: row.consumed, provenance: row.provenance, consumedBy: row.consumedBy))
                }
            }
            var retracted = people.filter { $0.retractedBy != nil }.map {
                GroupHistory.Retraction(fact: "stakeholder: \($0.id) (\($0.name))", provenance: $0.provenance)
            }
            var claims: [GroupHistory.ClaimEntry] = []
            for row in try db.records(ClaimRecord.self, "SELECT * FROM \(FactOrigins.joined("claim")) WHERE groupId = ? ORDER BY date, seq", [id], ClaimRecord.init(row:)) {
                let claim = try row.claim()
                guard row.retractedBy != nil else {
                    claims.append(.init(claim: claim, provenance: row.provenance))
                    continue
                }
                retracted.append(.init(fact: "claim: \(claim.stakeholder) holds \(claim.value) on \(claim.topic) (\(claim.date))"
                                           + (Origin.isNote(row.origin) ? " from \(row.origin)" : ""),
                                       provenance: row.provenance))
            }
            for row in try db.records(JobEventRecord.self, "SELECT * FROM \(FactOrigins.joined("jobEvent")) WHERE groupId = ? AND retractedBy IS NOT NULL ORDER BY seq", [id], JobEventRecord.init(row:)) {
                let event = try row.event()
                retracted.append(.init(fact: "event: \(event.job.rawValue) \(event.type.rawValue) (\(event.date))", provenance: row.provenance))
            }
            let dismissals = try db.records(DismissalRecord.self, "SELECT * FROM \(FactOrigins.joined("dismissal")) WHERE groupId = ? ORDER BY date, seq", [id], DismissalRecord.init(row:)).map { GroupHistory.Dismissed(dismissal: try $0.dismissal(), provenance: $0.provenance) }
            return GroupHistory(status: try group.groupStatus(), statusDate: group.statusDate.flatMap(Day.init),
                                people: people.map { GroupHistory.Person(stakeholder: $0.stakeholder, provenance: $0.provenance) },
                                claims: claims, sends: sends, dismissals: dismissals, retracted: retracted)
        }
    }
}

import Foundation
import NextSend

extension SQLStore {
    /// Stores groups in one transaction, each as the facts of its source (`origins[group.id]`,
    /// `file:<path>` for a group file).
    ///
    /// A group the store does not have is added. For one it has, only the facts that came from
    /// the same source are compared, by key: new ones are added, those with other values changed,
    /// those no longer there removed. Everything else — facts reps recorded, other sources' — is
    /// kept, and counted. A stakeholder the source dropped stays while recorded facts name them.
    ///
    /// - Parameters:
    ///   - replace: wipe each group's whole history, recorded facts included, before storing it
    ///     (the summary counts what that removed).
    ///   - dryRun: work out the summary in a transaction that is rolled back; nothing is written.
    ///   - closing: deals the source says have ended (a CRM's closed opportunities): each stored
    ///     group among them that is still open is closed as won or lost on that day, by `closedBy`,
    ///     in the same transaction. One closed or archived already is left as it is.
    public func mergeGroups(from source: (_ merge: ([BuyingGroup], [String: String]) throws -> Void) throws -> Void, replace: Bool,
                            dryRun: Bool, closing: [String: (status: GroupStatus, day: Day)], closedBy: String) throws -> GroupImportSummary {
        // The data version moves only when something changed: an import that brings nothing new
        // leaves the database exactly as it was (and a resumed digest keeps what it wrote).
        try write(changesData: false, dryRun: dryRun) { db in
            var run = GroupMergeRun(db: db, replace: replace, dryRun: dryRun)
            try source { groups, origins in try run.merge(groups, origins: origins) }
            let summary = try run.finish(closing: closing, closedBy: closedBy)
            if summary.groups.contains(where: \.changedAnything) || !summary.closed.isEmpty {
                try Self.bumpDataVersion(db)
            }
            return summary
        }
    }
}

/// One import's merge, a batch of groups at a time, inside its transaction.
struct GroupMergeRun {
    let db: any SQLSession
    let replace: Bool
    private var summary = GroupImportSummary()
    /// Read once for the whole import: follow-ups of every changed group need them.
    private var taxonomy: Taxonomy?
    private var assets: [String: Asset]?
    /// Some group's follow-ups changed: the follow-up version moves once, when the import finishes.
    private var followUpsChanged = false

    init(db: any SQLSession, replace: Bool, dryRun: Bool) {
        self.db = db
        self.replace = replace
        summary.replace = replace
        summary.dryRun = dryRun
    }

    mutating func merge(_ groups: [BuyingGroup], origins: [String: String]) throws {
        if taxonomy == nil, !groups.isEmpty { taxonomy = try StoreQueries.taxonomy(db) }
        for group in groups.sorted(by: { $0.id < $1.id }) {
            let origin = origins[group.id] ?? Origin.recorded
            let change = try GroupMerge(group: group, origin: origin, db: db).run(replace: replace)
            // A replaced group was deleted and stored again, follow-ups and all: they are
            // rebuilt even when the file brought nothing new.
            if change.changedAnything || (replace && !change.isNew) {
                // A group the store did not have is exactly what the file says (touches merged
                // per person, as the store reads them back): no need to read it again.
                var stored = change.isNew ? group : try StoreQueries.fetchGroups(db, ids: [group.id]).first
                if change.isNew { stored?.touches = try StoreQueries.touches(fromSends: group) }
                if assets == nil, stored?.touches.isEmpty == false {
                    // Follow-ups read tags and dates, never a body.
                    assets = Dictionary(try StoreQueries.fetchAssets(db, ids: nil, bodies: false).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
                }
                // A new group has no follow-ups to compare with; the version moves once, at the end.
                if try StoreQueries.refreshFollowUps(group.id, stored: stored, taxonomy: taxonomy, assets: assets ?? [:], isNew: change.isNew,
                                                     bumpingVersion: false, db) {
                    followUpsChanged = true
                }
            }
            summary.groups.append(change)
            summary.facts = summary.facts + change.facts
            summary.otherRemoved += change.otherRemoved
            if change.isNew {
                summary.added.append(group.id)
            } else if change.changedAnything {
                summary.updated.append(group.id)
            } else {
                summary.unchanged.append(group.id)
            }
        }
    }

    /// Closes what `closing` names and gives the summary in id order, whatever order the batches
    /// came in.
    mutating func finish(closing: [String: (status: GroupStatus, day: Day)], closedBy: String) throws -> GroupImportSummary {
        if followUpsChanged { try StoreQueries.bumpFollowUpVersion(db) }
        for (id, end) in closing.sorted(by: { $0.key < $1.key }) {
            let changed = try db.execute("""
                UPDATE buyingGroup SET status = ?, statusDate = ?, statusBy = ? WHERE id = ? AND status = 'open'
                """, [end.status.rawValue, end.day.description, closedBy, id])
            if changed > 0 { summary.closed.append(id) }
        }
        summary.groups.sort { $0.group < $1.group }
        summary.added.sort()
        summary.updated.sort()
        summary.unchanged.sort()
        return summary
    }
}

/// One group of an import, merged into what the store holds: this source's facts compared by key.
struct GroupMerge {
    let group: BuyingGroup
    let origin: String
    let db: any SQLSession

    func run(replace: Bool) throws -> GroupImportSummary.GroupChange {
        let exists = try db.bool("SELECT CASE WHEN EXISTS (SELECT 1 FROM buyingGroup WHERE id = ?) THEN 1 ELSE 0 END", [group.id])
        var change = GroupImportSummary.GroupChange(group: group.id, isNew: !exists, facts: FactCounts(), otherRemoved: 0)
        if exists && replace {
            change.otherRemoved = try countOthers(includingRetracted: true)
            let own = try countOwn()
            // Deleting the group deletes what followed its sends too (ON DELETE CASCADE): say so,
            // or evidence kept in memory or in the kept catalog would outlive them.
            try EvidenceByClose.apply(removing: try EvidenceByClose.followUps(ofGroup: group.id, db), adding: [], db)
            if try db.execute("DELETE FROM sendFollowUp WHERE groupId = ?", [group.id]) > 0 { try StoreQueries.bumpFollowUpVersion(db) }
            try db.execute("DELETE FROM buyingGroup WHERE id = ?", [group.id])
            try insertGroupRow()
            change.facts.added = try insertAll()
            // What the source brought again is not news: count it as added only beyond what it had.
            change.facts.removed = max(0, own - change.facts.added)
            change.facts.added = max(0, change.facts.added - own)
            return change
        }
        if !exists {
            try insertGroupRow()
            change.facts.added = try insertAll()
            return change
        }
        // An owner reassigned, an account renamed, a deal moved on: the group was updated, and says so.
        if let stored = try StoreQueries.groupRecord(group.id, db) {
            change.detailsChanged = stored.account != group.account || stored.owner != group.owner || stored.industry != group.industry
                || stored.deal != group.deal
        }
        try db.execute("""
            UPDATE buyingGroup SET account = ?, owner = ?, industry = ?, origin = ?, dealName = ?, dealStage = ?, dealAmount = ?, dealCurrency = ?,
                dealCloseDate = ? WHERE id = ?
            """, [group.account, group.owner, group.industry, origin, group.deal?.name, group.deal?.stage, group.deal?.amount, group.deal?.currency,
                  group.deal?.closeDate?.description, group.id])
        change.facts = try mergeStakeholders() + mergeClaims() + mergeEvents() + mergeSends()
        change.facts.kept = try countOthers(includingRetracted: false)
        return change
    }

    // MARK: Whole groups

    private func insertGroupRow() throws {
        try db.execute("""
            INSERT INTO buyingGroup (id, account, owner, industry, origin, status, dealName, dealStage, dealAmount, dealCurrency, dealCloseDate)
            VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?)
            """, [group.id, group.account, group.owner, group.industry, origin, group.deal?.name, group.deal?.stage, group.deal?.amount,
                  group.deal?.currency, group.deal?.closeDate?.description])
    }

    /// Inserts every fact of the group with this origin; returns how many rows that made.
    private func insertAll() throws -> Int {
        try FactRows.insertAll(people: group.stakeholders, claims: uniqueClaims.values, events: uniqueEvents.values,
                               sends: uniqueSends.values, into: group.id, origin: origin, db)
    }

    private func countOwn() throws -> Int {
        try ["stakeholder", "claim", "jobEvent", "send"].reduce(0) { total, table in
            total + (try db.int("SELECT COUNT(*) FROM \(table) WHERE groupId = ? AND \(FactOrigins.isOrigin)", [group.id, origin]) ?? 0)
        }
    }

    /// Facts of the group from other sources. Claims a CRM's own activity text gave
    /// (`note:salesforce:…` for a `salesforce:…` group) are that import's, reported on its notes
    /// line, not "kept from elsewhere".
    private func countOthers(includingRetracted: Bool) throws -> Int {
        let retracted = includingRetracted ? "" : " AND retractedBy IS NULL"
        let crm = origin.split(separator: ":").first.map(String.init) ?? ""
        let ownNotes = ["salesforce", "hubspot"].contains(crm) ? "note:\(crm):%" : "-"
        return try ["stakeholder", "claim", "jobEvent", "send"].reduce(0) { total, table in
            total + (try db.int("SELECT COUNT(*) FROM \(FactOrigins.joined(table)) WHERE groupId = ? AND origin <> ? AND origin NOT LIKE ?\(retracted)",
                                [group.id, origin, ownNotes]) ?? 0)
        }
    }

    // MARK: Facts by key, in a stable order (the file's)

    /// One claim per key; of two on one key, the one the diagnosis would count (the same rule as
    /// ``ConflictDetector/latestClaims(_:asOf:)`` for same-day claims).
    private var uniqueClaims: KeyedFacts<Claim> {
        KeyedFacts(group.claims, key: FactKeys.claim) { current, candidate in
            candidate.value.sortKey > current.value.sortKey
        }
    }

    private var uniqueEvents: KeyedFacts<JobEvent> { KeyedFacts(group.events, key: FactKeys.event) { _, _ in false } }

    /// Touches split per recipient: a send is one asset to one person on one day.
    private var uniqueSends: KeyedFacts<FactRows.Send> {
        let sends = group.touches.flatMap { touch in
            touch.to.map { FactRows.Send(asset: touch.asset, stakeholder: $0, date: touch.date, channel: touch.channel, consumed: touch.consumed) }
        }
        return KeyedFacts(sends, key: FactKeys.send) { current, candidate in candidate.consumed && !current.consumed }
    }

    // MARK: Merging one table

    private func mergeStakeholders() throws -> FactCounts {
        var counts = FactCounts()
        let stored = Dictionary(uniqueKeysWithValues: try db.records(
            StakeholderRecord.self, "SELECT * FROM \(FactOrigins.joined("stakeholder")) WHERE groupId = ?", [group.id], StakeholderRecord.init(row:)).map { ($0.id, $0) })
        let incoming = Set(group.stakeholders.map(\.id))
        for (position, person) in group.stakeholders.enumerated() {
            guard let row = stored[person.id] else {
                try FactRows.insert(person, at: position, into: group.id, origin: origin, by: nil, db)
                counts.added += 1
                continue
            }
            // Someone recorded this person (or another source brought them): theirs stands.
            guard row.origin == origin else { continue }
            if row.stakeholder != person || row.position != position {
                try db.execute("""
                    UPDATE stakeholder SET name = ?, role = ?, influence = ?, title = ?, email = ?, position = ? WHERE groupId = ? AND id = ?
                    """, [person.name, person.role, person.influence, person.title, person.email, position, group.id, person.id])
                if row.stakeholder != person { counts.changed += 1 }
            }
        }
        for row in stored.values.sorted(by: { $0.id < $1.id }) where row.origin == origin && !incoming.contains(row.id) {
            // Recorded facts about them keep them in the group.
            let named = try db.bool("""
                SELECT EXISTS (SELECT 1 FROM \(FactOrigins.joined("claim")) WHERE groupId = ?1 AND stakeholderId = ?2 AND origin <> ?3 AND retractedBy IS NULL)
                    OR EXISTS (SELECT 1 FROM \(FactOrigins.joined("send")) WHERE groupId = ?1 AND stakeholderId = ?2 AND origin <> ?3 AND retractedBy IS NULL)
                """, [group.id, row.id, origin])
            if named { continue }
            try db.execute("DELETE FROM stakeholder WHERE groupId = ? AND id = ?", [group.id, row.id])
            counts.removed += 1
        }
        return counts
    }

    private func mergeClaims() throws -> FactCounts {
        let stored = try db.records(ClaimRecord.self, "SELECT * FROM \(FactOrigins.joined("claim")) WHERE groupId = ? AND origin = ? ORDER BY seq", [group.id, origin], ClaimRecord.init(row:))
        return try merge(stored: stored, storedKey: { FactKeys.claim(try $0.claim()) }, incoming: uniqueClaims,
                         same: { row, claim in try row.claim() == claim },
                         table: "claim", update: { row, claim in
                             let (position, value) = FactRows.columns(claim.value)
                             try db.execute("UPDATE claim SET position = ?, value = ?, source = ?, quote = ? WHERE groupId = ? AND seq = ?",
                                            [position, value, claim.source, claim.quote, group.id, row.seq])
                         }, insert: { try FactRows.insert($0, into: group.id, origin: origin, by: nil, db); return true })
    }

    private func mergeEvents() throws -> FactCounts {
        let stored = try db.records(JobEventRecord.self, "SELECT * FROM \(FactOrigins.joined("jobEvent")) WHERE groupId = ? AND origin = ? ORDER BY seq", [group.id, origin], JobEventRecord.init(row:))
        return try merge(stored: stored, storedKey: { FactKeys.event(try $0.event()) }, incoming: uniqueEvents,
                         same: { row, event in try row.event() == event },
                         table: "jobEvent", update: { row, event in
                             try db.execute("UPDATE jobEvent SET note = ? WHERE groupId = ? AND seq = ?", [event.note, group.id, row.seq])
                         }, insert: { try FactRows.insert($0, into: group.id, origin: origin, by: nil, db); return true })
    }

    private func mergeSends() throws -> FactCounts {
        let stored = try db.records(TouchRow.self, "SELECT * FROM \(FactOrigins.joined("send")) WHERE groupId = ? AND origin = ? ORDER BY seq", [group.id, origin], TouchRow.init(row:))
        // A send a rep marked consumed after the fact stays consumed, whatever the source says.
        return try merge(stored: stored, storedKey: { FactKeys.send(try $0.sendFact()) }, incoming: uniqueSends,
                         same: { row, send in
                             row.channel == send.channel && (row.consumed == send.consumed || (row.consumedBy != nil && row.consumed))
                         },
                         table: "send", update: { row, send in
                             try db.execute("UPDATE send SET channel = ?, consumed = ? WHERE groupId = ? AND seq = ?",
                                            [send.channel, send.consumed || (row.consumedBy != nil && row.consumed), group.id, row.seq])
                         }, insert: { try FactRows.insertSend($0, into: group.id, origin: origin, by: nil, db) })
    }

    /// Compares this source's stored rows with the incoming facts by key: adds, changes, removes.
    private func merge<Row, Fact>(stored: [Row], storedKey: (Row) throws -> FactKeys.Key, incoming: KeyedFacts<Fact>,
                                  same: (Row, Fact) throws -> Bool, table: String, update: (Row, Fact) throws -> Void,
                                  insert: (Fact) throws -> Bool) throws -> FactCounts where Row: SequencedRow {
        var counts = FactCounts()
        var seen = Set<FactKeys.Key>()
        for row in stored {
            let key = try storedKey(row)
            guard let fact = incoming[key], !seen.contains(key) else {
                try db.execute("DELETE FROM \(table) WHERE groupId = ? AND seq = ?", [group.id, row.seq])
                counts.removed += 1
                continue
            }
            seen.insert(key)
            if try !same(row, fact) {
                try update(row, fact)
                counts.changed += 1
            }
        }
        // `insert` says whether a row was added: a send another source already holds is not.
        for (key, fact) in incoming.pairs where !seen.contains(key) {
            if try insert(fact) { counts.added += 1 }
        }
        return counts
    }
}

/// Facts of one kind by key, in first-seen order.
struct KeyedFacts<Fact> {
    private(set) var pairs: [(key: FactKeys.Key, fact: Fact)] = []
    private var index: [FactKeys.Key: Int] = [:]

    /// - Parameter prefer: whether a later fact on the same key replaces the one kept so far.
    init(_ facts: [Fact], key: (Fact) -> FactKeys.Key, prefer: (Fact, Fact) -> Bool) {
        for fact in facts {
            let name = key(fact)
            if let slot = index[name] {
                if prefer(pairs[slot].fact, fact) { pairs[slot].fact = fact }
            } else {
                index[name] = pairs.count
                pairs.append((name, fact))
            }
        }
    }

    var values: [Fact] { pairs.map(\.fact) }
    var count: Int { pairs.count }
    subscript(key: FactKeys.Key) -> Fact? { index[key].map { pairs[$0].fact } }
}

/// Rows with a history sequence number.
protocol SequencedRow { var seq: Int64 { get } }
extension ClaimRecord: SequencedRow {}
extension JobEventRecord: SequencedRow {}
extension TouchRow: SequencedRow {}

/// What identifies a fact within its source; "changed" means same key, other values.
enum FactKeys {
    /// Two names and a day. (Built as text, the keys were a tenth of a group import's merge: each
    /// day written out as a date and every key hashed as a string.)
    struct Key: Hashable {
        var first: String
        var second: String
        var day: Day
    }

    /// Who, on which topic, on which day.
    static func claim(_ claim: Claim) -> Key { Key(first: claim.stakeholder, second: claim.topic, day: claim.date) }
    /// Which job, which kind of event, on which day.
    static func event(_ event: JobEvent) -> Key { Key(first: event.job.rawValue, second: event.type.rawValue, day: event.date) }
    /// Which asset, to whom, on which day.
    static func send(_ send: FactRows.Send) -> Key { Key(first: send.asset, second: send.stakeholder, day: send.date) }
}

extension TouchRow {
    func sendFact() throws -> FactRows.Send {
        FactRows.Send(asset: assetId, stakeholder: stakeholderId, date: try day(), channel: channel, consumed: consumed)
    }
}

import NextSend

/// What recording the claims read from one note did.
public struct NoteRecordOutcome: Sendable, Hashable, Codable {
    /// Claims new to the group.
    public var added = 0
    /// Claims this note's record gave before, with another figure or position now (the note was edited).
    public var changed = 0
    /// Claims this note's record gave before, exactly so.
    public var unchanged = 0
    /// Claims a rep retracted before: they stay retracted.
    public var keptRetracted = 0
    /// Per claim given, in order: `added`, `changed`, `unchanged`, `retracted` or `repeated`
    /// (the same person, topic and day twice in one record: the first stands).
    public var each: [String] = []

    public init() {}
}

/// The claims read from one note, for ``SQLStore/recordNoteClaims(_:by:dryRun:)``.
public struct NoteClaims: Sendable, Hashable {
    public var group: String
    public var origin: String
    public var claims: [Claim]

    public init(group: String, origin: String, claims: [Claim]) {
        self.group = group
        self.origin = origin
        self.claims = claims
    }
}

extension SQLStore {
    /// Records claims read from one note, e-mail, transcript or CRM activity, all with `origin`
    /// (``Origin/note(source:record:)``).
    ///
    /// Idempotent per record: a claim is keyed by its person, topic and day within the origin; the
    /// same claim again is unchanged, a retracted one is never revived, and one with another value
    /// is changed (the record was edited at its source). Nothing the note does not mention is touched.
    public func recordNoteClaims(_ claims: [Claim], to groupID: String, origin: String, by recorder: Recorder?, dryRun: Bool = false) throws -> NoteRecordOutcome {
        try recordNoteClaims([NoteClaims(group: groupID, origin: origin, claims: claims)], by: recorder, dryRun: dryRun, requireGroups: true)[0]
    }

    /// Records many notes' claims in one transaction (a CRM import's activities). A note of a
    /// group the store does not hold is counted as all new in a dry run (the import that would add
    /// the group is not written either), and refused otherwise.
    public func recordNoteClaims(_ notes: [NoteClaims], by recorder: Recorder?, dryRun: Bool = false, requireGroups: Bool = false) throws -> [NoteRecordOutcome] {
        try write(changesData: false, dryRun: dryRun) { db in
            var outcomes: [NoteRecordOutcome] = []
            var changedGroups = Set<String>()
            for note in notes {
                if !requireGroups, dryRun, try StoreQueries.groupRecord(note.group, db) == nil {
                    var outcome = NoteRecordOutcome()
                    outcome.added = note.claims.count
                    outcome.each = note.claims.map { _ in "added" }
                    outcomes.append(outcome)
                    continue
                }
                let outcome = try Self.recordNote(note, by: recorder, db)
                if outcome.added + outcome.changed > 0 { changedGroups.insert(note.group) }
                outcomes.append(outcome)
            }
            for group in changedGroups.sorted() { try StoreQueries.refreshFollowUps(group, db) }
            if !changedGroups.isEmpty { try Self.bumpDataVersion(db) }
            return outcomes
        }
    }

    private static func recordNote(_ note: NoteClaims, by recorder: Recorder?, _ db: any SQLSession) throws -> NoteRecordOutcome {
        let (groupID, origin, claims) = (note.group, note.origin, note.claims)
        try StoreQueries.requireGroup(groupID, db)
        var outcome = NoteRecordOutcome()
        let stored = try db.records(ClaimRecord.self, "SELECT * FROM \(FactOrigins.joined("claim")) WHERE groupId = ? AND origin = ? ORDER BY seq", [groupID, origin],
                                    ClaimRecord.init(row:))
        var seen = Set<String>()
        for claim in claims {
            let key = "\(claim.stakeholder)\u{1F}\(claim.topic)\u{1F}\(claim.date)"
            // The reader can give one person two figures on a topic from one record: the first stands.
            guard seen.insert(key).inserted else { outcome.each.append("repeated"); continue }
            let rows = stored.filter { $0.stakeholderId == claim.stakeholder && $0.topic == claim.topic && $0.date == claim.date.description }
            if rows.contains(where: { $0.retractedBy != nil }) {
                outcome.keptRetracted += 1
                outcome.each.append("retracted")
            } else if let row = rows.first {
                if try row.claim() == claim {
                    outcome.unchanged += 1
                    outcome.each.append("unchanged")
                } else {
                    outcome.each.append("changed")
                    let (position, value) = FactRows.columns(claim.value)
                    try db.execute("UPDATE claim SET position = ?, value = ?, source = ?, quote = ? WHERE groupId = ? AND seq = ?",
                                   [position, value, claim.source, claim.quote, groupID, row.seq])
                    outcome.changed += 1
                }
            } else {
                try FactRows.insert(claim, into: groupID, origin: origin, by: recorder?.name, db)
                outcome.added += 1
                outcome.each.append("added")
            }
        }
        return outcome
    }
}

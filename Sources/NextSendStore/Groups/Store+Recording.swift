import Foundation
import NextSend

/// What recording one fact did.
public enum RecordOutcome: String, Sendable, Hashable, Codable {
    /// A new fact.
    case added
    /// The same fact (same key) with other values: updated.
    case changed
    /// Already recorded exactly so: nothing to do.
    case unchanged
}

/// What recording a send did, person by person.
public struct TouchRecording: Sendable, Hashable, Codable {
    /// Recipients the send was new for.
    public var added: [String]
    /// Recipients who already had this asset recorded on this day (from any source).
    public var alreadyRecorded: [String]
    /// Recipients newly marked consumed.
    public var markedConsumed: [String]
}

/// A recorded fact, named by its key, for `retract`.
public enum FactReference: Sendable, Hashable, CustomStringConvertible {
    case stakeholder(id: String)
    /// A claim; `origin` picks one when a rep's and a note's claim share person, topic and day.
    case claim(stakeholder: String, topic: String, date: Day, origin: String? = nil)
    case event(job: BuyingJob, type: JobEvent.Kind, date: Day)
    case send(asset: String, to: [String], date: Day)
    case dismissal(asset: String, date: Day)
    /// A rep's mark that a send was consumed (not the send itself).
    case consumed(asset: String, to: [String], date: Day)

    public var description: String {
        switch self {
        case let .stakeholder(id): return "stakeholder '\(id)'"
        case let .claim(stakeholder, topic, date, origin):
            return "the claim of \(stakeholder) on \(topic) dated \(date)" + (origin.map { " from \($0)" } ?? "")
        case let .event(job, type, date): return "the event '\(job.rawValue) \(type.rawValue)' dated \(date)"
        case let .send(asset, to, date): return "the send of \(asset) to \(to.joined(separator: ", ")) on \(date)"
        case let .dismissal(asset, date): return "the dismissal of \(asset) on \(date)"
        case let .consumed(asset, to, date): return "the consumed mark of \(asset) sent to \(to.joined(separator: ", ")) on \(date)"
        }
    }
}

// MARK: - Recording facts

extension SQLStore {
    /// Records what a stakeholder now holds. A claim with the same key (stakeholder, topic, date)
    /// recorded earlier is updated, never doubled.
    @discardableResult
    public func recordClaim(_ claim: Claim, to groupID: String, by recorder: Recorder) throws -> RecordOutcome {
        try write { db in
            try StoreQueries.requireGroup(groupID, db)
            let rows = try db.records(ClaimRecord.self, """
                SELECT * FROM \(FactOrigins.joined("claim")) WHERE groupId = ? AND origin = 'recorded' AND retractedBy IS NULL
                AND stakeholderId = ? AND topic = ? AND date = ?
                """, [groupID, claim.stakeholder, claim.topic, claim.date.description], ClaimRecord.init(row:))
            guard let row = rows.first else {
                try FactRows.insert(claim, into: groupID, origin: Origin.recorded, by: recorder.name, db)
                try StoreQueries.refreshFollowUps(groupID, db)
                return .added
            }
            if try row.claim() == claim { return .unchanged }
            let (position, value) = FactRows.columns(claim.value)
            try db.execute("UPDATE claim SET position = ?, value = ?, source = ?, recordedBy = ? WHERE groupId = ? AND seq = ?",
                           [position, value, claim.source, recorder.name, groupID, row.seq])
            try StoreQueries.refreshFollowUps(groupID, db)
            return .changed
        }
    }

    /// Records a job's step; the same event (job, type, date) recorded twice is one.
    @discardableResult
    public func recordEvent(_ event: JobEvent, to groupID: String, by recorder: Recorder) throws -> RecordOutcome {
        try write { db in
            try StoreQueries.requireGroup(groupID, db)
            let exists = try db.bool("""
                SELECT EXISTS (SELECT 1 FROM jobEvent WHERE groupId = ? AND retractedBy IS NULL AND job = ? AND type = ? AND date = ?)
                """, [groupID, event.job.rawValue, event.type.rawValue, event.date.description])
            if exists { return .unchanged }
            try FactRows.insert(event, into: groupID, origin: Origin.recorded, by: recorder.name, db)
            try StoreQueries.refreshFollowUps(groupID, db)
            return .added
        }
    }

    /// Records a send. The same asset to the same person on the same day is one send however often
    /// it is reported (by the CLI, a file or a CRM); `consumed` marks the existing one consumed.
    @discardableResult
    public func recordTouch(_ touch: Touch, to groupID: String, by recorder: Recorder) throws -> TouchRecording {
        try write { db in
            try StoreQueries.requireGroup(groupID, db)
            var outcome = TouchRecording(added: [], alreadyRecorded: [], markedConsumed: [])
            for person in touch.to {
                let existing = try db.records(TouchRow.self, """
                    SELECT * FROM \(FactOrigins.joined("send")) WHERE groupId = ? AND assetId = ? AND stakeholderId = ? AND date = ? AND retractedBy IS NULL
                    """, [groupID, touch.asset, person, touch.date.description], TouchRow.init(row:))
                if existing.isEmpty {
                    let inserted = try FactRows.insertSend(.init(asset: touch.asset, stakeholder: person, date: touch.date, channel: touch.channel,
                                                                 consumed: touch.consumed), into: groupID, origin: Origin.recorded, by: recorder.name, db)
                    if !inserted {
                        // The same send was recorded and taken back that day (one row per asset, person,
                        // day and source): sending it again makes that row count again.
                        try db.execute("""
                            UPDATE send SET retractedBy = NULL, retractedOn = NULL, channel = ?, consumed = ?, consumedBy = NULL, recordedBy = ?
                            WHERE groupId = ? AND \(FactOrigins.isOrigin) AND assetId = ? AND date = ? AND stakeholderId = ?
                            """, [touch.channel, touch.consumed, recorder.name, groupID, Origin.recorded, touch.asset, touch.date.description, person])
                    }
                    outcome.added.append(person)
                    continue
                }
                outcome.alreadyRecorded.append(person)
                if touch.consumed, !existing.contains(where: \.consumed) {
                    try markConsumed(existing, by: recorder, db)
                    outcome.markedConsumed.append(person)
                }
            }
            if !outcome.added.isEmpty { try StoreQueries.refreshFollowUps(groupID, db) }
            return outcome
        }
    }

    /// Marks earlier sends consumed: of `asset` to each recipient on `date`, or, without a date,
    /// the latest send of it to them.
    ///
    /// - Throws: ``StoreError`` (not found) naming the recipients who never got the asset (then
    ///   nothing is marked).
    @discardableResult
    public func markConsumed(asset: String, in groupID: String, recipients: [String], date: Day?,
                             by recorder: Recorder) throws -> [(recipient: String, date: Day)] {
        try write { db in
            try StoreQueries.requireGroup(groupID, db)
            var marked: [(String, Day)] = []
            var missing: [String] = []
            for person in recipients {
                let rows = try db.records(TouchRow.self, """
                    SELECT * FROM \(FactOrigins.joined("send")) WHERE groupId = ?1 AND assetId = ?2 AND stakeholderId = ?3 AND retractedBy IS NULL
                    AND (CAST(?4 AS TEXT) IS NULL OR date = ?4) ORDER BY date DESC, seq
                    """, [groupID, asset, person, date?.description], TouchRow.init(row:))
                guard let latest = rows.first else {
                    missing.append(person)
                    continue
                }
                try markConsumed(rows.filter { $0.date == latest.date }, by: recorder, db)
                marked.append((person, try latest.day()))
            }
            if !missing.isEmpty {
                let when = date.map { " on \($0)" } ?? ""
                throw StoreError(.notFound, "no send of \(asset) to \(missing.joined(separator: ", "))\(when) in \(groupID); "
                    + "record it first with 'nextsend sent \(groupID) \(asset) --to \(missing.joined(separator: ","))'")
            }
            return marked
        }
    }

    private func markConsumed(_ rows: [TouchRow], by recorder: Recorder, _ db: any SQLSession) throws {
        for row in rows where !row.consumed {
            try db.execute("UPDATE send SET consumed = 1, consumedBy = ? WHERE groupId = ? AND seq = ?", [recorder.name, row.groupId, row.seq])
        }
    }

    /// Records that a rep dismissed a pick for a group. Dismissing the same asset on the same day
    /// again is one dismissal (its reason updated).
    @discardableResult
    public func recordDismissal(_ dismissal: Dismissal, in groupID: String, by recorder: Recorder) throws -> RecordOutcome {
        try write { db in
            try StoreQueries.requireGroup(groupID, db)
            guard try db.bool("SELECT COUNT(*) FROM asset WHERE id = ?", [dismissal.asset]) else {
                throw try StoreQueries.noAsset(dismissal.asset, db)
            }
            let rows = try db.records(DismissalRecord.self, """
                SELECT * FROM \(FactOrigins.joined("dismissal")) WHERE groupId = ? AND assetId = ? AND date = ? AND retractedBy IS NULL
                """, [groupID, dismissal.asset, dismissal.date.description], DismissalRecord.init(row:))
            if let row = rows.first {
                if row.reason == dismissal.reason { return .unchanged }
                try db.execute("UPDATE dismissal SET reason = ?, recordedBy = ? WHERE groupId = ? AND seq = ?",
                               [dismissal.reason, recorder.name, groupID, row.seq])
                return .changed
            }
            try db.execute("""
                INSERT INTO dismissal (groupId, seq, assetId, date, reason, originId, recordedBy) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [groupID, try FactRows.nextSeq("dismissal", groupID, db), dismissal.asset, dismissal.date.description, dismissal.reason,
                      try FactOrigins.id(Origin.recorded, db), recorder.name])
            return .added
        }
    }

    /// Adds a stakeholder; an existing id is an error, never silently replaced.
    public func addStakeholder(_ stakeholder: Stakeholder, to groupID: String, by recorder: Recorder) throws {
        try write { db in
            try StoreQueries.requireGroup(groupID, db)
            guard try !db.bool("SELECT COUNT(*) FROM stakeholder WHERE groupId = ? AND id = ?", [groupID, stakeholder.id]) else {
                throw StoreError(.duplicate, "stakeholder '\(stakeholder.id)' is already in \(groupID)")
            }
            let position = try db.int("SELECT COALESCE(MAX(position) + 1, 0) FROM stakeholder WHERE groupId = ?", [groupID]) ?? 0
            try FactRows.insert(stakeholder, at: position, into: groupID, origin: Origin.recorded, by: recorder.name, db)
        }
    }

    /// Withdraws a recorded fact: it stays in the history, marked retracted by `recorder` on `day`,
    /// and no longer counts from that day (a look back at an earlier week still sees it). Facts that
    /// came from a file or a CRM are changed at their source instead.
    ///
    /// - Throws: ``StoreError``: `notFound` when no such fact is recorded, `sourceOwned` (saying
    ///   where it came from) when it came from a file or a CRM.
    public func retract(_ fact: FactReference, in groupID: String, by recorder: Recorder, on day: Day) throws {
        try write { db in
            try StoreQueries.requireGroup(groupID, db)
            if case .consumed = fact { return try unmarkConsumed(fact, in: groupID, db) }
            let (table, condition, arguments) = Self.locate(fact, groupID, db.dialect)
            let origins = try db.strings("SELECT origin FROM \(FactOrigins.joined(table)) WHERE \(condition) AND retractedBy IS NULL", arguments)
            guard !origins.isEmpty else {
                throw StoreError(.notFound, "nothing to retract: \(fact.description) is not recorded in \(groupID) (or was retracted already); "
                    + "'nextsend group show \(groupID)' lists what is recorded")
            }
            // A rep takes back what was recorded, and what NextSend read from a note (the reader can
            // be wrong; a retracted note claim never returns on a re-import of that record).
            let retractable = Origin.unique(origins.filter(Origin.isRetractable))
            guard !retractable.isEmpty else {
                throw StoreError(.sourceOwned, "\(fact.description) came from \(origins[0]); change it there and import it again")
            }
            guard retractable.count == 1 else {
                throw StoreError(.refused, "\(fact.description) was recorded from \(retractable.count) places (\(retractable.joined(separator: ", "))); "
                    + "say which with --origin")
            }
            try db.execute("UPDATE \(table) SET retractedBy = ?, retractedOn = ? WHERE \(condition) AND retractedBy IS NULL AND \(FactOrigins.isOrigin)",
                           [recorder.name, day.description] + arguments + [retractable[0]])
            try StoreQueries.refreshFollowUps(groupID, db)
        }
    }

    /// Takes back a rep's consumed mark; a send that came consumed from a file or a CRM is changed there.
    private func unmarkConsumed(_ fact: FactReference, in groupID: String, _ db: any SQLSession) throws {
        let (table, condition, arguments) = Self.locate(fact, groupID, db.dialect)
        let marked = try db.strings("SELECT COALESCE(consumedBy, origin) FROM \(FactOrigins.joined(table)) WHERE \(condition) AND retractedBy IS NULL AND consumed = 1",
                                    arguments)
        guard !marked.isEmpty else {
            throw StoreError(.notFound, "nothing to take back: that send in \(groupID) is not marked consumed")
        }
        let byReps = try db.strings("""
            SELECT consumedBy FROM \(table) WHERE \(condition) AND retractedBy IS NULL AND consumed = 1 AND consumedBy IS NOT NULL
            """, arguments)
        guard !byReps.isEmpty else {
            throw StoreError(.sourceOwned, "\(fact.description) came from \(marked[0]); change it there and import it again")
        }
        try db.execute("UPDATE send SET consumed = 0, consumedBy = NULL WHERE \(condition) AND retractedBy IS NULL AND consumedBy IS NOT NULL",
                       arguments)
        try StoreQueries.refreshFollowUps(groupID, db)
    }

    private static func locate(_ fact: FactReference, _ groupID: String, _ dialect: SQLDialect) -> (String, String, SQLArguments) {
        switch fact {
        case let .stakeholder(id):
            return ("stakeholder", "groupId = ? AND id = ?", [groupID, id])
        case let .claim(stakeholder, topic, date, origin?):
            return ("claim", "groupId = ? AND stakeholderId = ? AND topic = ? AND date = ? AND \(FactOrigins.isOrigin)",
                    [groupID, stakeholder, topic, date.description, origin])
        case let .claim(stakeholder, topic, date, nil):
            return ("claim", "groupId = ? AND stakeholderId = ? AND topic = ? AND date = ?", [groupID, stakeholder, topic, date.description])
        case let .event(job, type, date):
            return ("jobEvent", "groupId = ? AND job = ? AND type = ? AND date = ?", [groupID, job.rawValue, type.rawValue, date.description])
        case let .send(asset, to, date):
            let people = String(decoding: (try? JSONEncoder().encode(to)) ?? Data("[]".utf8), as: UTF8.self)
            return ("send", "groupId = ? AND assetId = ? AND date = ? AND \(dialect.isAmong("stakeholderId", jsonStrings: "?"))",
                    [groupID, asset, date.description, people])
        case let .dismissal(asset, date):
            return ("dismissal", "groupId = ? AND assetId = ? AND date = ?", [groupID, asset, date.description])
        case let .consumed(asset, to, date):
            return locate(.send(asset: asset, to: to, date: date), groupID, dialect)
        }
    }

    /// Closes, archives or reopens a deal. Closed and archived groups leave `next`, the digest and
    /// `group list`; their history stays.
    public func setStatus(_ status: GroupStatus, ofGroup groupID: String, on day: Day, by recorder: Recorder) throws {
        try write { db in
            try StoreQueries.requireGroup(groupID, db)
            try db.execute("UPDATE buyingGroup SET status = ?, statusDate = ?, statusBy = ? WHERE id = ?", [status.rawValue, status.isOpen ? nil : day.description, recorder.name, groupID])
        }
    }
}

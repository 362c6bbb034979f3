import NextSend

/// Every group row is written through these functions, for imports and single facts alike.
///
/// On SQLite they run as cached prepared statements: bulk imports write tens of rows per group, and
/// statement reuse is most of their speed.
enum FactRows {
    /// One asset sent to one person on one day: the unit a send is stored and counted in.
    struct Send: Sendable, Hashable {
        var asset: String
        var stakeholder: String
        var date: Day
        var channel: String?
        var consumed: Bool
    }

    static func insert(_ person: Stakeholder, at position: Int, into groupID: String, origin: String, by recorder: String?,
                       _ db: any SQLSession) throws {
        try db.execute("""
            INSERT INTO stakeholder (groupId, id, name, role, influence, title, email, position, originId, recordedBy)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [groupID, person.id, person.name, person.role, person.influence, person.title, person.email, position,
                                     try FactOrigins.id(origin, db), recorder])
    }

    /// The `seq` a new row of `table` takes in the group: one past its last, so a group's facts
    /// read in `seq` order are in the order they were written.
    static func nextSeq(_ table: String, _ groupID: String, _ db: any SQLSession) throws -> Int64 {
        // A bare MAX lets SQLite read the last key of the group's range instead of the whole range.
        Int64(try db.int("SELECT MAX(seq) FROM \(table) WHERE groupId = ?", [groupID]) ?? 0) + 1
    }

    /// A claim's value as the `claim` table's two columns: exactly one of them is set, as the
    /// table's check requires.
    static func columns(_ value: Claim.Value) -> (position: String?, value: Double?) {
        switch value {
        case let .position(text): return (text, nil)
        case let .number(number): return (nil, number)
        }
    }

    static func insert(_ claim: Claim, into groupID: String, origin: String, by recorder: String?, _ db: any SQLSession) throws {
        let (position, value) = columns(claim.value)
        try db.execute("""
            INSERT INTO claim (groupId, seq, stakeholderId, topic, position, value, source, date, originId, recordedBy, quote)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [groupID, try nextSeq("claim", groupID, db), claim.stakeholder, claim.topic, position, value, claim.source,
                  claim.date.description, try FactOrigins.id(origin, db), recorder, claim.quote])
    }

    static func insert(_ event: JobEvent, into groupID: String, origin: String, by recorder: String?, _ db: any SQLSession) throws {
        try db.execute("""
            INSERT INTO jobEvent (groupId, seq, job, type, date, note, originId, recordedBy) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [groupID, try nextSeq("jobEvent", groupID, db), event.job.rawValue, event.type.rawValue, event.date.description, event.note,
                  try FactOrigins.id(origin, db), recorder])
    }

    /// Inserts a send unless this source already has it (same asset, person and day); returns
    /// whether a row was added.
    @discardableResult
    /// Adds a send unless that person already has that asset on that day, from any source (the
    /// design's rule: sends are idempotent per asset, person and day); `false` when it was there.
    static func insertSend(_ send: Send, into groupID: String, origin: String, by recorder: String?, _ db: any SQLSession) throws -> Bool {
        let live = try db.int("""
            SELECT COUNT(*) FROM send WHERE groupId = ? AND assetId = ? AND stakeholderId = ? AND date = ? AND retractedBy IS NULL
            """, [groupID, send.asset, send.stakeholder, send.date.description]) ?? 0
        guard live == 0 else {
            // Already sent from another source: a consumed mark still counts.
            if send.consumed {
                _ = try db.execute("""
                    UPDATE send SET consumed = 1
                    WHERE groupId = ? AND assetId = ? AND stakeholderId = ? AND date = ? AND retractedBy IS NULL AND consumed = 0
                    """, [groupID, send.asset, send.stakeholder, send.date.description])
            }
            return false
        }
        return try db.execute(db.dialect.insertOrIgnore("send", "groupId, seq, assetId, stakeholderId, date, channel, consumed, originId, recordedBy",
                                                        "?, ?, ?, ?, ?, ?, ?, ?, ?"),
                              [groupID, try nextSeq("send", groupID, db), send.asset, send.stakeholder, send.date.description, send.channel,
                               send.consumed, try FactOrigins.id(origin, db), recorder]) > 0
    }

    // MARK: Many at once (a group an import adds)

    static let stakeholderColumns = ["groupId", "id", "name", "role", "influence", "title", "email", "position", "originId", "recordedBy"]
    static let claimColumns = ["groupId", "seq", "stakeholderId", "topic", "position", "value", "source", "date", "originId", "recordedBy", "quote"]
    static let eventColumns = ["groupId", "seq", "job", "type", "date", "note", "originId", "recordedBy"]
    static let sendColumns = ["groupId", "seq", "assetId", "stakeholderId", "date", "channel", "consumed", "originId", "recordedBy"]

    /// Inserts the facts of a group that has none yet (new, or just deleted to be replaced), a
    /// table at a time, numbered from 1; returns how many facts that was.
    static func insertAll(people: [Stakeholder], claims: [Claim], events: [JobEvent], sends: [Send], into groupID: String, origin: String,
                          _ db: any SQLSession) throws -> Int {
        let group = SQLValue.text(groupID)
        let source = SQLValue.integer(try FactOrigins.id(origin, db))
        try db.insert("stakeholder", stakeholderColumns, values: people.enumerated().map { position, person in
            [group, .text(person.id), .text(person.name), .text(person.role), .text(person.influence), SQLValue(person.title),
             SQLValue(person.email), .integer(Int64(position)), source, .null]
        })
        try db.insert("claim", claimColumns, values: claims.enumerated().map { index, claim in
            let (position, value) = columns(claim.value)
            return [group, .integer(Int64(index + 1)), .text(claim.stakeholder), .text(claim.topic), SQLValue(position), SQLValue(value), SQLValue(claim.source),
                    .text(claim.date.description), source, .null, SQLValue(claim.quote)]
        })
        try db.insert("jobEvent", eventColumns, values: events.enumerated().map { index, event in
            [group, .integer(Int64(index + 1)), .text(event.job.rawValue), .text(event.type.rawValue), .text(event.date.description), SQLValue(event.note), source, .null]
        })
        try db.insert("send", sendColumns, values: sends.enumerated().map { index, send in
            [group, .integer(Int64(index + 1)), .text(send.asset), .text(send.stakeholder), .text(send.date.description), SQLValue(send.channel),
             .integer(send.consumed ? 1 : 0), source, .null]
        }, ignoringDuplicates: true)
        return people.count + claims.count + events.count + sends.count
    }
}

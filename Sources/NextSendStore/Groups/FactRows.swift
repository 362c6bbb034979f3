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
            INSERT INTO stakeholder (groupId, id, name, role, influence, title, email, position, origin, recordedBy)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [groupID, person.id, person.name, person.role, person.influence, person.title, person.email, position,
                                     origin, recorder])
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
            INSERT INTO claim (groupId, stakeholderId, topic, position, value, source, date, origin, recordedBy, quote)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [groupID, claim.stakeholder, claim.topic, position, value, claim.source, claim.date.description,
                                     origin, recorder, claim.quote])
    }

    static func insert(_ event: JobEvent, into groupID: String, origin: String, by recorder: String?, _ db: any SQLSession) throws {
        try db.execute("""
            INSERT INTO jobEvent (groupId, job, type, date, note, origin, recordedBy) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [groupID, event.job.rawValue, event.type.rawValue, event.date.description, event.note,
                                     origin, recorder])
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
        return try db.execute(db.dialect.insertOrIgnore("send", "groupId, assetId, stakeholderId, date, channel, consumed, origin, recordedBy",
                                                        "?, ?, ?, ?, ?, ?, ?, ?"),
                              [groupID, send.asset, send.stakeholder, send.date.description, send.channel, send.consumed, origin, recorder]) > 0
    }

    // MARK: Many at once (a group an import adds)

    static let stakeholderColumns = ["groupId", "id", "name", "role", "influence", "title", "email", "position", "origin", "recordedBy"]
    static let claimColumns = ["groupId", "stakeholderId", "topic", "position", "value", "source", "date", "origin", "recordedBy", "quote"]
    static let eventColumns = ["groupId", "job", "type", "date", "note", "origin", "recordedBy"]
    static let sendColumns = ["groupId", "assetId", "stakeholderId", "date", "channel", "consumed", "origin", "recordedBy"]

    /// Inserts a new group's facts, a table at a time; returns how many facts that was.
    static func insertAll(people: [Stakeholder], claims: [Claim], events: [JobEvent], sends: [Send], into groupID: String, origin: String,
                          _ db: any SQLSession) throws -> Int {
        let group = SQLValue.text(groupID)
        let source = SQLValue.text(origin)
        try db.insert("stakeholder", stakeholderColumns, values: people.enumerated().map { position, person in
            [group, .text(person.id), .text(person.name), .text(person.role), .text(person.influence), SQLValue(person.title),
             SQLValue(person.email), .integer(Int64(position)), source, .null]
        })
        try db.insert("claim", claimColumns, values: claims.map { claim in
            let (position, value) = columns(claim.value)
            return [group, .text(claim.stakeholder), .text(claim.topic), SQLValue(position), SQLValue(value), SQLValue(claim.source),
                    .text(claim.date.description), source, .null, SQLValue(claim.quote)]
        })
        try db.insert("jobEvent", eventColumns, values: events.map { event in
            [group, .text(event.job.rawValue), .text(event.type.rawValue), .text(event.date.description), SQLValue(event.note), source, .null]
        })
        try db.insert("send", sendColumns, values: sends.map { send in
            [group, .text(send.asset), .text(send.stakeholder), .text(send.date.description), SQLValue(send.channel),
             .integer(send.consumed ? 1 : 0), source, .null]
        }, ignoringDuplicates: true)
        return people.count + claims.count + events.count + sends.count
    }
}

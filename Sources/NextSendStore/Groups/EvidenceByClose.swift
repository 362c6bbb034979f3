import NextSend

/// Outcome evidence kept by the day each follow-up's outcome became known.
///
/// A follow-up counts as a send on the first day it is met or its window has closed, and as a
/// success on the day it was met (never before the send). `evidenceByClose` keeps those counts per
/// asset, need and day, changed by the same writes that change the follow-ups, so evidence as of
/// any day — today's or an earlier `--as-of` — is the sum of the rows up to that day: no follow-up
/// is read, and a follow-up still open on that day adds nothing, as it adds nothing to the rule.
///
/// Rows whose counts fall to zero are deleted; the table holds only days that count.
enum EvidenceByClose {
    /// One follow-up as `sendFollowUp` stores it: asset, need, sent, window end, met (ISO days).
    typealias FollowUp = [String?]

    struct Key: Hashable, Comparable {
        var asset: String
        var need: String
        var day: String

        static func < (a: Key, b: Key) -> Bool { (a.asset, a.need, a.day) < (b.asset, b.need, b.day) }
    }

    /// What `followUps` add to each day's counts, negated when they are taken away.
    static func contributions(_ followUps: [FollowUp], sign: Int, into deltas: inout [Key: (sends: Int, successes: Int)]) {
        for row in followUps {
            guard row.count == 5, let asset = row[0], let need = row[1], let sent = row[2], let windowEnd = row[3] else { continue }
            let met = row[4]
            // Counted once met or closed (whichever comes first), and never before it was sent.
            let decided = max(sent, met.map { min($0, windowEnd) } ?? windowEnd)
            deltas[Key(asset: asset, need: need, day: decided), default: (0, 0)].sends += sign
            if let met { deltas[Key(asset: asset, need: need, day: max(sent, met)), default: (0, 0)].successes += sign }
        }
    }

    /// The follow-ups stored for `groupID`, or for every group, in the shape ``contributions(_:sign:into:)`` reads.
    static func followUps(ofGroup groupID: String?, _ db: any SQLSession) throws -> [FollowUp] {
        let filter = groupID == nil ? "" : " WHERE groupId = ?"
        return try db.rows("SELECT assetId, need, sent, windowEnd, met FROM sendFollowUp\(filter)", groupID.map { [$0] } ?? [])
            .map { row in (0..<5).map { row.string(at: $0) } }
    }

    /// Takes `removed` out of the counts and adds `added`.
    static func apply(removing removed: [FollowUp], adding added: [FollowUp], _ db: any SQLSession) throws {
        var deltas: [Key: (sends: Int, successes: Int)] = [:]
        contributions(removed, sign: -1, into: &deltas)
        contributions(added, sign: 1, into: &deltas)
        for (key, delta) in deltas.sorted(by: { $0.key < $1.key }) where delta != (0, 0) {
            try db.execute("""
                INSERT INTO evidenceByClose (assetId, need, closes, sends, successes) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (assetId, need, closes) DO UPDATE SET sends = evidenceByClose.sends + excluded.sends,
                    successes = evidenceByClose.successes + excluded.successes
                """, [key.asset, key.need, key.day, delta.sends, delta.successes])
            if delta.sends < 0 || delta.successes < 0 {
                try db.execute("DELETE FROM evidenceByClose WHERE assetId = ? AND need = ? AND closes = ? AND sends = 0 AND successes = 0",
                               [key.asset, key.need, key.day])
            }
        }
    }

    /// The counts made again from every follow-up (after a rename rewrites needs).
    static func rebuild(_ db: any SQLSession) throws {
        try db.execute("DELETE FROM evidenceByClose")
        try apply(removing: [], adding: try followUps(ofGroup: nil, db), db)
    }

    /// Evidence as of `asOf`: every day's counts up to it.
    static func evidence(_ db: any SQLSession, asOf: Day) throws -> OutcomeEvidence {
        var records: [String: [String: OutcomeEvidence.Record]] = [:]
        let rows = try db.rows("""
            SELECT assetId, need, CAST(SUM(sends) AS INTEGER) AS sends, CAST(SUM(successes) AS INTEGER) AS successes
            FROM evidenceByClose WHERE closes <= ? GROUP BY assetId, need ORDER BY assetId, need
            """, [asOf.description])
        for row in rows {
            let sends = try row.int("sends")
            guard sends > 0 else { continue }
            records[try row.string("assetId"), default: [:]][try row.string("need")] = OutcomeEvidence.Record(sends: sends, successes: try row.int("successes"))
        }
        return OutcomeEvidence(records)
    }
}

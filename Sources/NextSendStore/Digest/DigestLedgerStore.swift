import Foundation
import NextSend

// MARK: - Digest ledger

extension StoreQueries {
    /// Items (rep ids, or ``DigestLedger/marketingItem``) already written for this week and folder
    /// from the same data version and formats.
    static func finishedDigestItems(_ db: any SQLSession, week: String, outDir: String, version: Int, formats: String) throws -> Set<String> {
        Set(try db.strings("""
            SELECT item FROM digestLedger WHERE week = ? AND outDir = ? AND storeVersion = ? AND formats = ?
            """, [week, outDir, version, formats]))
    }
}

extension SQLStore {
    public func recordDigestItem(_ item: String, week: String, outDir: String, version: Int, formats: String) throws {
        try writeLedger { db in
            try db.execute(db.dialect.insertOrReplace("digestLedger", key: "week, outDir, item", ["week", "outDir", "item", "storeVersion", "formats"],
                                                      "?, ?, ?, ?, ?"), [week, outDir, item, version, formats])
        }
    }

    public func clearDigestLedger(week: String, outDir: String) throws {
        try writeLedger { db in
            try db.execute("DELETE FROM digestLedger WHERE week = ? AND outDir = ?", [week, outDir])
        }
    }

    public func deliveries(week: String) throws -> [String: String] {
        try read { db in
            var found: [String: String] = [:]
            for row in try db.rows("SELECT recipient, messageId FROM deliveryLedger WHERE week = ?", [week]) {
                found[try row.string("recipient")] = try row.string("messageId")
            }
            return found
        }
    }

    public func recordDelivery(week: String, recipient: String, messageID: String) throws {
        try writeLedger { db in
            try db.execute(db.dialect.insertOrReplace("deliveryLedger", key: "week, recipient", ["week", "recipient", "messageId"], "?, ?, ?"),
                           [week, recipient, messageID])
        }
    }

    public func clearDeliveries(week: String, recipients: [String]) throws {
        try writeLedger { db in
            for recipient in recipients {
                try db.execute("DELETE FROM deliveryLedger WHERE week = ? AND recipient = ?", [week, recipient])
            }
        }
    }

    /// A ledger write, retried while another process holds the write lock, up to ``DigestLedger/timeout``.
    private func writeLedger(_ body: (any SQLSession) throws -> Void) throws {
        let deadline = Date().addingTimeInterval(DigestLedger.timeout)
        while true {
            do {
                return try write(changesData: false, body)
            } catch let error as StoreError where error.code == .busy && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }
}

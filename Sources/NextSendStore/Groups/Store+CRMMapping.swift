import GRDB

extension SQLiteStore {
    /// The CRM mapping the last CRM import used: its text and where it was read from.
    public func crmMapping() throws -> (yaml: String, source: String)? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT yaml, source FROM crmMapping WHERE id = 1").map { ($0["yaml"], $0["source"]) }
        }
    }

    /// Stores the mapping a CRM import uses (bookkeeping: the groups' data version stays).
    public func saveCRMMapping(_ yaml: String, source: String) throws {
        try write(changesData: false) { db in
            try db.execute(sql: "INSERT OR REPLACE INTO crmMapping (id, yaml, source) VALUES (1, ?, ?)", arguments: [yaml, source])
        }
    }
}

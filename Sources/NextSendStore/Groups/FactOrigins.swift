/// Where facts came from, as the fact tables store it: a number from `factOrigin`.
///
/// The origin's text (`file:<group id>`, `salesforce:<Id>`, `recorded`, ...) is written once in
/// `factOrigin`; every row and every origin index holds its number. Queries read the text back by
/// joining (`FROM claim JOIN factOrigin USING (originId)` gives each row an `origin` column) and
/// filter writes by number (``isOrigin``).
enum FactOrigins {
    /// A fact table joined to its origins, for a `FROM` clause: `SELECT *` from it reads every
    /// column of the table and the origin's text as `origin`.
    static func joined(_ table: String) -> String { "\(table) JOIN factOrigin USING (originId)" }

    /// The condition that a fact's origin is the one bound in its place.
    static let isOrigin = "originId = (SELECT originId FROM factOrigin WHERE origin = ?)"

    /// The number of `origin`, given one when it has none yet.
    ///
    /// Both stores write one transaction at a time (SQLite by its lock, PostgreSQL by an advisory
    /// lock every write takes), so the next number cannot be taken twice.
    static func id(_ origin: String, _ db: any SQLSession) throws -> Int64 {
        if let id = try db.int("SELECT originId FROM factOrigin WHERE origin = ?", [origin]) { return Int64(id) }
        let id = Int64(try db.int("SELECT MAX(originId) FROM factOrigin") ?? 0) + 1
        try db.execute("INSERT INTO factOrigin (originId, origin) VALUES (?, ?)", [id, origin])
        return id
    }
}

import Foundation
import NextSend

// Tokens and web sessions are bookkeeping: writing them leaves the data version alone, so no
// digest or cached answer is invalidated by someone signing in.
extension SQLStore {
    public func addAccessToken(_ token: StoredAccessToken) throws {
        try write(changesData: false) { db in
            if try db.int("SELECT COUNT(*) FROM accessToken WHERE name = ?", [token.name]) ?? 0 > 0 {
                throw StoreError(.duplicate, "a token named '\(token.name)' exists already; revoke it first (nextsend token revoke \(token.name))")
            }
            try db.execute("""
                INSERT INTO accessToken (name, tokenHash, rep, manager, created, expires, lastUsed) VALUES (?, ?, ?, ?, ?, ?, NULL)
                """, [token.name, token.tokenHash, token.rep, token.isManager ? 1 : 0, token.created.description, token.expires?.description])
        }
    }

    public func accessTokens() throws -> [StoredAccessToken] {
        try read { db in try db.rows("SELECT * FROM accessToken ORDER BY name").map(StoreQueries.accessToken) }
    }

    public func accessToken(hash: String) throws -> StoredAccessToken? {
        try read { db in try db.rows("SELECT * FROM accessToken WHERE tokenHash = ?", [hash]).first.map(StoreQueries.accessToken) }
    }

    /// Removes the token and signs out every browser that signed in with it.
    public func revokeAccessToken(name: String) throws -> Bool {
        try write(changesData: false) { db in
            let removed = try db.execute("DELETE FROM accessToken WHERE name = ?", [name]) > 0
            if removed { _ = try db.execute("DELETE FROM webSession WHERE caller = ?", [name]) }
            return removed
        }
    }

    public func markAccessTokenUsed(name: String, on day: Day) throws {
        try write(changesData: false) { db in
            _ = try db.execute("UPDATE accessToken SET lastUsed = ? WHERE name = ? AND (lastUsed IS NULL OR lastUsed < ?)",
                               [day.description, name, day.description])
        }
    }

    public func saveWebSession(_ session: StoredWebSession) throws {
        try write(changesData: false) { db in
            // Ended sessions go as new ones start: the table holds the signed-in, not the history.
            try db.execute("DELETE FROM webSession WHERE expiresAt <= ?", [Int(Date().timeIntervalSince1970)])
            try db.execute(db.dialect.insertOrReplace("webSession", key: "idHash", ["idHash", "caller", "rep", "manager", "csrf", "expiresAt", "flash"],
                                                      "?, ?, ?, ?, ?, ?, ?"),
                           [session.idHash, session.caller, session.rep, session.isManager ? 1 : 0, session.csrf, Int(session.expiresAt),
                            session.flash])
        }
    }

    public func webSession(idHash: String) throws -> StoredWebSession? {
        try read { db in
            try db.rows("SELECT * FROM webSession WHERE idHash = ?", [idHash]).first.map { row in
                StoredWebSession(idHash: try row.string("idHash"), caller: try row.string("caller"), rep: row.optionalString("rep"),
                                 isManager: try row.int("manager") != 0, csrf: try row.string("csrf"), expiresAt: try row.int64("expiresAt"),
                                 flash: row.optionalString("flash"))
            }
        }
    }

    public func setWebSessionFlash(idHash: String, flash: String?) throws -> String? {
        try write(changesData: false) { db in
            let previous = try db.string("SELECT flash FROM webSession WHERE idHash = ?", [idHash])
            try db.execute("UPDATE webSession SET flash = ? WHERE idHash = ?", [flash, idHash])
            return previous
        }
    }

    public func deleteWebSession(idHash: String) throws {
        try write(changesData: false) { db in _ = try db.execute("DELETE FROM webSession WHERE idHash = ?", [idHash]) }
    }
}

extension StoreQueries {
    static func accessToken(_ row: SQLRow) throws -> StoredAccessToken {
        StoredAccessToken(name: try row.string("name"), rep: row.optionalString("rep"), isManager: try row.int("manager") != 0,
                          created: try day(row, "created"), expires: try row.optionalString("expires").map { try day(text: $0, "expires") },
                          lastUsed: try row.optionalString("lastUsed").map { try day(text: $0, "lastUsed") }, tokenHash: try row.string("tokenHash"))
    }

    private static func day(_ row: SQLRow, _ column: String) throws -> Day { try day(text: try row.string(column), column) }

    private static func day(text: String, _ column: String) throws -> Day {
        guard let day = Day(text) else { throw StoreError(.damaged, "accessToken.\(column): '\(text)' is not a day") }
        return day
    }
}

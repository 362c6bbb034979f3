import Foundation
import NextSend
import NextSendReports
import NextSendStore
import Synchronization

/// One signed-in browser: who it is and the token its forms must carry.
struct WebSession: Sendable {
    var id: String
    var caller: String
    /// The rep the token names, whose groups the page opens on.
    var rep: String?
    var isManager = false
    /// Every form carries this value; a post without it is refused (403), so another site cannot
    /// make a signed-in rep's browser record a send.
    var csrf: String
    var expires: Date
    /// Kept in the database (a signed-in caller) rather than in this process (a server without tokens).
    var isStored = false
    /// The one-time message waiting for the next page, as loaded with the session.
    var flash: String?
}

/// The sessions of the web page.
///
/// A signed-in session lives in the database, keyed by the SHA-256 of its cookie, so that any
/// `serve` instance behind a load balancer serves it and a restart signs nobody out. A server
/// without tokens (loopback only, one instance) keeps its visitors' sessions in memory: there is
/// nothing to share, and a page load should not write to the database.
final class WebSessions: Sendable {
    static let cookieName = "nextsend_session"
    static let lifetime: TimeInterval = 12 * 3600

    private let store: any Store
    private let local = Mutex<[String: WebSession]>([:])

    init(store: any Store) { self.store = store }

    /// A new session for `holder`; `stored`: in the database (signed in with a token).
    func start(_ holder: AccessTokens.Holder, stored: Bool, now: Date = Date()) async throws -> WebSession {
        // A session ends after its lifetime, or with the last day of the token it signed in with.
        var expires = now.addingTimeInterval(WebSessions.lifetime)
        if let last = holder.expires {
            // A day's ordinal counts days since 1970-01-01: its end is the next midnight, UTC.
            let end = Date(timeIntervalSince1970: TimeInterval(last.ordinal + 1) * 86_400)
            expires = min(expires, end)
        }
        let session = WebSession(id: WebSessions.randomToken(), caller: holder.name, rep: holder.rep, isManager: holder.isManager,
                                 csrf: WebSessions.randomToken(), expires: expires, isStored: stored)
        if stored {
            let (store, row) = (store, StoredWebSession(idHash: Desk.secretHash(session.id), caller: session.caller, rep: session.rep,
                                                        isManager: session.isManager, csrf: session.csrf,
                                                        expiresAt: Int64(session.expires.timeIntervalSince1970)))
            try await Blocking.run { try store.saveWebSession(row) }
        } else {
            local.withLock { all in
                all = all.filter { $0.value.expires > now }
                all[session.id] = session
            }
        }
        return session
    }

    func session(id: String, now: Date = Date()) async throws -> WebSession? {
        if let session = local.withLock({ $0[id] }) { return session.expires > now ? session : nil }
        let (store, hash) = (store, Desk.secretHash(id))
        guard let row = try await Blocking.run({ try store.webSession(idHash: hash) }) else { return nil }
        let session = WebSession(id: id, caller: row.caller, rep: row.rep, isManager: row.isManager, csrf: row.csrf,
                                 expires: Date(timeIntervalSince1970: TimeInterval(row.expiresAt)), isStored: true, flash: row.flash)
        return session.expires > now ? session : nil
    }

    func end(_ session: WebSession) async throws {
        local.withLock { _ = $0.removeValue(forKey: session.id) }
        if session.isStored {
            let (store, hash) = (store, Desk.secretHash(session.id))
            try await Blocking.run { try store.deleteWebSession(idHash: hash) }
        }
    }

    /// A one-time message for the next page the session sees ("Recorded: …").
    func flash(_ message: String, for session: WebSession) async throws {
        if session.isStored {
            let (store, hash) = (store, Desk.secretHash(session.id))
            _ = try await Blocking.run { try store.setWebSessionFlash(idHash: hash, flash: message) }
        } else {
            local.withLock { $0[session.id]?.flash = message }
        }
    }

    /// The waiting message, taken (shown once). No database write unless there is one.
    func takeFlash(for session: WebSession) async throws -> String? {
        if session.isStored {
            guard session.flash != nil else { return nil }
            let (store, hash) = (store, Desk.secretHash(session.id))
            return try await Blocking.run { try store.setWebSessionFlash(idHash: hash, flash: nil) }
        }
        return local.withLock { all in
            let message = all[session.id]?.flash
            all[session.id]?.flash = nil
            return message
        }
    }

    /// 32 random bytes in hex, from the system's secure generator.
    static func randomToken() -> String { Desk.randomHex(bytes: 32) }
}

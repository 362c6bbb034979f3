import Foundation
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
}

/// The sessions of the web page, in memory: a restart signs everyone out, which is fine for a
/// page reps open from a link.
final class WebSessions: Sendable {
    static let cookieName = "nextsend_session"
    static let lifetime: TimeInterval = 12 * 3600

    private let sessions = Mutex<[String: WebSession]>([:])
    private let flashes = Mutex<[String: String]>([:])

    func start(_ holder: AccessTokens.Holder, now: Date = Date()) -> WebSession {
        let session = WebSession(id: WebSessions.randomToken(), caller: holder.name, rep: holder.rep, isManager: holder.isManager,
                                 csrf: WebSessions.randomToken(), expires: now.addingTimeInterval(WebSessions.lifetime))
        sessions.withLock { all in
            all = all.filter { $0.value.expires > now }
            all[session.id] = session
        }
        return session
    }

    func session(id: String, now: Date = Date()) -> WebSession? {
        sessions.withLock { all in all[id].flatMap { $0.expires > now ? $0 : nil } }
    }

    func end(id: String) {
        sessions.withLock { _ = $0.removeValue(forKey: id) }
        flashes.withLock { _ = $0.removeValue(forKey: id) }
    }

    /// A one-time message for the next page the session sees ("Recorded: …").
    func flash(_ message: String, for session: WebSession) { flashes.withLock { $0[session.id] = message } }

    func takeFlash(for session: WebSession) -> String? { flashes.withLock { $0.removeValue(forKey: session.id) } }

    /// 32 random bytes in hex, from the system's secure generator.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}

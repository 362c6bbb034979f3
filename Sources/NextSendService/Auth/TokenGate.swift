import Foundation
import NextSend
import NextSendReports
import NextSendStore
import Synchronization

/// Who a bearer token stands for: the tokens file or `NEXTSEND_TOKEN` first, then the tokens kept
/// in the database (`nextsend token add`).
///
/// Whether the server is open at all — no token anywhere, which only a loopback server may be —
/// is decided when it starts: a token added later closes it on the next start, and revoking the
/// last stored token never opens a running server. Stored tokens are looked up by their SHA-256
/// and remembered for ``cacheSeconds``, so a token revoked on one instance stops working on every
/// other within that time; a token past its `expires` day is refused. The day a token was last
/// used is written at most once a day per token and process.
final class TokenGate: Sendable {
    static let cacheSeconds = 5.0

    let configured: AccessTokens
    /// No token in the file, the environment or the database when the server started.
    let isOpen: Bool
    private let store: any Store
    private let today: @Sendable () -> Day
    private let remembered = Mutex<[String: (token: StoredAccessToken?, fetched: Date)]>([:])
    private let markedUsed = Mutex<Set<String>>([])

    /// - Parameter storedTokens: how many tokens the database held when the server started (read
    ///   once, by the server's start-up check, so the two can never disagree).
    init(configured: AccessTokens, storedTokens: Int, store: any Store, today: @escaping @Sendable () -> Day) {
        self.configured = configured
        self.store = store
        self.today = today
        isOpen = configured.isEmpty && storedTokens == 0
    }

    /// Whom `token` stands for, or `nil` when it is no token of this server (or has expired).
    ///
    /// - Throws: the store's error when the database cannot be asked (a 503, not a 401).
    func holder(for token: String) async throws -> AccessTokens.Holder? {
        if let holder = configured.holder(for: token) { return holder }
        let hash = Desk.secretHash(token)
        let now = Date()
        let cached = remembered.withLock { $0[hash] }
        let stored: StoredAccessToken?
        if let cached, now.timeIntervalSince(cached.fetched) < TokenGate.cacheSeconds {
            stored = cached.token
        } else {
            let store = self.store
            stored = try await Blocking.run { try store.accessToken(hash: hash) }
            remembered.withLock { all in
                if all.count > 10_000 { all.removeAll() }  // guessed tokens must not grow memory without end
                all[hash] = (stored, now)
            }
        }
        let day = today()
        guard let stored, stored.isValid(on: day) else { return nil }
        let mark = "\(stored.name) \(day)"
        if markedUsed.withLock({ $0.insert(mark).inserted }) {
            let store = self.store
            // Bookkeeping, off the request's path (it waits for the write lock): a failure to note
            // the day must neither slow nor refuse the caller.
            Task.detached { _ = try? await Blocking.run { try store.markAccessTokenUsed(name: stored.name, on: day) } }
        }
        return AccessTokens.Holder(name: stored.name, rep: stored.rep, isManager: stored.isManager, expires: stored.expires)
    }
}

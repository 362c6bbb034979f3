import Foundation
import NextSend

/// A named API token kept in the database (`nextsend token add`): the token itself is never
/// stored, only its SHA-256 (``tokenHash``), so a copy of the database lets nobody in.
public struct StoredAccessToken: Sendable, Equatable {
    public var name: String
    /// The rep's e-mail, as groups name their owner: where signing in with this token lands.
    public var rep: String?
    public var isManager: Bool
    public var created: Day
    /// The last day the token is accepted; `nil`: until revoked.
    public var expires: Day?
    /// The last day a request carried it (kept to the day: one write a day per token at most).
    public var lastUsed: Day?
    /// Hex SHA-256 of the token.
    public var tokenHash: String

    public init(name: String, rep: String? = nil, isManager: Bool = false, created: Day, expires: Day? = nil, lastUsed: Day? = nil,
                tokenHash: String) {
        self.name = name
        self.rep = rep
        self.isManager = isManager
        self.created = created
        self.expires = expires
        self.lastUsed = lastUsed
        self.tokenHash = tokenHash
    }

    /// Whether the token still opens the door on `day`.
    public func isValid(on day: Day) -> Bool { expires.map { day <= $0 } ?? true }
}

/// A signed-in browser of the web page, kept in the database so that any `serve` instance
/// behind a load balancer serves it. The cookie's value is never stored, only its SHA-256.
public struct StoredWebSession: Sendable, Equatable {
    /// Hex SHA-256 of the session cookie's value.
    public var idHash: String
    public var caller: String
    public var rep: String?
    public var isManager: Bool
    /// The value every form of this session must carry.
    public var csrf: String
    /// Seconds since 1970 after which the session is over.
    public var expiresAt: Int64
    /// A one-time message for the next page ("Recorded: …"), shown by whichever instance serves it.
    public var flash: String?

    public init(idHash: String, caller: String, rep: String?, isManager: Bool, csrf: String, expiresAt: Int64, flash: String? = nil) {
        self.idHash = idHash
        self.caller = caller
        self.rep = rep
        self.isManager = isManager
        self.csrf = csrf
        self.expiresAt = expiresAt
        self.flash = flash
    }
}

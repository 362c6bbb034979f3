import Crypto
import NextSend
import NextSendStore

// MARK: - API tokens kept in the database

extension Desk {
    /// The shortest token the service accepts (22 random base-64 characters carry 128 bits).
    public static let minimumTokenLength = 22

    /// `count` bytes from the system's secure generator, in hex: API tokens (24 bytes) and the
    /// web page's session and CSRF values (32) alike.
    public static func randomHex(bytes count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return hex((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    /// A new API token: 24 random bytes, 48 hex characters.
    public static func newToken() -> String { randomHex(bytes: 24) }

    /// What the database keeps of a token or a session cookie: its SHA-256 in hex.
    public static func secretHash(_ secret: String) -> String { hex(Array(SHA256.hash(data: Array(secret.utf8)))) }

    private static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { $0 < 16 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    /// `token add`: a new named token, returned once (only its hash is stored).
    ///
    /// - Throws: ``DeskError`` (bad input) for a name with whitespace, an e-mail without `@`, an
    ///   expiry before `asOf`; ``StoreError`` (`duplicate`) for a name already taken.
    public func addToken(name: String, rep: String?, isManager: Bool, expires: Day?, asOf: Day) throws -> (token: String, stored: StoredAccessToken) {
        guard !name.isEmpty, !name.contains(where: \.isWhitespace), name.count <= 64 else {
            throw DeskError.badInput(field: "name", "'\(name)' is not a token name; use one word of up to 64 characters, such as crm-sidebar or alice")
        }
        if let rep, !rep.contains("@") || rep.contains(where: \.isWhitespace) {
            throw DeskError.badInput(field: "rep", "'\(rep)' is not an e-mail address; a rep's token names the e-mail their groups' owner field uses")
        }
        if isManager, rep == nil {
            throw DeskError.badInput(field: "manager", "a manager's token names the manager's e-mail too (--rep)")
        }
        if let expires, expires < asOf {
            throw DeskError.badInput(field: "expires", "\(expires) is before today (\(asOf)); a token that has expired already opens nothing")
        }
        let token = Desk.newToken()
        let stored = StoredAccessToken(name: name, rep: rep, isManager: isManager, created: asOf, expires: expires,
                                       tokenHash: Desk.secretHash(token))
        try store.addAccessToken(stored)
        return (token, stored)
    }

    /// `token list`: every stored token, by name (never the tokens themselves).
    public func tokens() throws -> [StoredAccessToken] { try store.accessTokens() }

    /// `token revoke`: the token stops working at once on this process, and within a few
    /// seconds on every other `serve` instance.
    ///
    /// - Throws: ``DeskError`` (not found) naming the closest stored name.
    public func revokeToken(name: String) throws {
        guard try store.revokeAccessToken(name: name) else {
            let names = try store.accessTokens().map(\.name)
            let hint = Suggestion.closest(to: name, in: names).map { "; did you mean '\($0)'?" }
                ?? (names.isEmpty ? "; no token is stored" : "; stored: " + names.joined(separator: ", "))
            throw DeskError.notFound("no token named '\(name)'\(hint)")
        }
    }
}

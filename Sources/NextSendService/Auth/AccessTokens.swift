import Foundation
import NextSend

/// Who may call the service: one shared token (`NEXTSEND_TOKEN`), or named tokens from a file
/// (`--tokens-file`) so that every write records who made it and a rep who signs in lands on
/// their own groups.
public struct AccessTokens: Sendable {
    /// The name writes are recorded under when the caller is not named: the shared token, or no token.
    public static let anonymousName = "api"

    /// The shortest token accepted: 22 characters of a random base-64 or longer hex string carry
    /// at least 128 bits; anything shorter can be guessed by a patient script.
    public static let minimumLength = 22

    /// Whom a token stands for.
    public struct Holder: Sendable, Hashable {
        /// The name writes are recorded under.
        public var name: String
        /// The rep's e-mail, as groups name their owner: where signing in lands.
        public var rep: String?
        /// Whether the holder may see every rep's groups on the manager's page.
        public var isManager: Bool
        /// The last day a stored token works: a session signed in with it ends with that day.
        public var expires: Day?

        public init(name: String, rep: String? = nil, isManager: Bool = false, expires: Day? = nil) {
            self.name = name
            self.rep = rep
            self.isManager = isManager
            self.expires = expires
        }
    }

    private var holders: [String: Holder]

    /// No token at all: only for a server that listens on loopback.
    public static let none = AccessTokens(holders: [:])

    public var isEmpty: Bool { holders.isEmpty }

    /// One token everybody shares; writes are recorded as ``anonymousName``.
    ///
    /// - Throws: ``TokensFileError`` for a token too short or too plain to be safe.
    public static func shared(_ token: String) throws -> AccessTokens {
        if let weakness = weakness(of: token) { throw TokensFileError(description: "NEXTSEND_TOKEN: \(weakness)") }
        return AccessTokens(holders: [token: Holder(name: anonymousName)])
    }

    /// Reads lines of `NAME TOKEN`, `NAME EMAIL TOKEN` or `NAME EMAIL manager TOKEN`; `#` starts a
    /// comment, blank lines are skipped.
    ///
    /// - Throws: ``TokensFileError`` naming the file and line of a line of another shape, a token
    ///   used twice, or a token too weak to guard a server (see ``weakness(of:)``).
    public static func parse(_ text: String, file: String) throws -> AccessTokens {
        var holders: [String: Holder] = [:]
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
            if words.isEmpty { continue }
            let place = "\(file):\(index + 1)"
            guard (2...4).contains(words.count) else {
                throw TokensFileError(description: "\(place): expected 'name [email [manager]] token', found \(words.count) words")
            }
            let (name, token) = (words[0], words[words.count - 1])
            var holder = Holder(name: name)
            if words.count >= 3 {
                guard words[1].contains("@") else { throw TokensFileError(description: "\(place): '\(words[1])' is not an e-mail address") }
                holder.rep = words[1]
            }
            if words.count == 4 {
                guard words[2].lowercased() == "manager" else {
                    throw TokensFileError(description: "\(place): expected 'manager' after the e-mail, found '\(words[2])'")
                }
                holder.isManager = true
            }
            if let weakness = weakness(of: token) { throw TokensFileError(description: "\(place): the token of '\(name)' \(weakness)") }
            if let other = holders[token] { throw TokensFileError(description: "\(place): '\(name)' has the same token as '\(other.name)'") }
            holders[token] = holder
        }
        if holders.isEmpty { throw TokensFileError(description: "\(file): no tokens; expected lines of 'name [email [manager]] token'") }
        return AccessTokens(holders: holders)
    }

    /// Why a token is not safe to guard a server with, or `nil` when it is: shorter than
    /// ``minimumLength``, containing whitespace, or made of fewer than 8 different characters
    /// (`aaaaaaaaaaaaaaaaaaaaaaaa`, `abcabcabc…`), which no random generator produces.
    public static func weakness(of token: String) -> String? {
        if token.contains(where: \.isWhitespace) { return "contains whitespace; a token is one word of random characters" }
        if token.count < minimumLength {
            return "is \(token.count) characters; at least \(minimumLength) random characters are needed (e.g. 'openssl rand -base64 24')"
        }
        if Set(token).count < 8 { return "repeats a few characters; use random characters (e.g. 'openssl rand -base64 24')" }
        return nil
    }

    /// The caller's name for `token`, or `nil` when it is not one of ours.
    public func name(for token: String) -> String? { holder(for: token)?.name }

    /// Whom `token` stands for, or `nil` when it is not one of ours.
    ///
    /// Every stored token is compared in full, whatever matches, so the time taken tells an
    /// attacker nothing about how close a guess was.
    public func holder(for token: String) -> Holder? {
        var found: Holder?
        let given = Array(token.utf8)
        for (candidate, holder) in holders where AccessTokens.equal(Array(candidate.utf8), given) { found = holder }
        return found
    }

    private static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for index in 0..<max(a.count, b.count) {
            difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0)
        }
        return difference == 0
    }
}

/// A tokens file that cannot be used, with `file:line`.
public struct TokensFileError: Error, CustomStringConvertible {
    public var description: String
}

import Foundation

/// Who may call the service: one shared token (`NEXTSEND_TOKEN`), or named tokens from a file
/// (`--tokens-file`, one `name token` pair per line) so that every write records who made it.
public struct AccessTokens: Sendable {
    /// The name writes are recorded under when the caller is not named: the shared token, or no token.
    public static let anonymousName = "api"

    private var names: [String: String]

    /// No token at all: only for a server that listens on loopback.
    public static let none = AccessTokens(names: [:])

    public var isEmpty: Bool { names.isEmpty }

    /// One token everybody shares; writes are recorded as ``anonymousName``.
    public static func shared(_ token: String) -> AccessTokens { AccessTokens(names: [token: anonymousName]) }

    /// Reads `name token` lines; `#` starts a comment, blank lines are skipped.
    ///
    /// - Throws: ``TokensFileError`` naming the file and line of a line that is not a name and a
    ///   token, a token used twice, or a token shorter than 16 characters (easy to guess).
    public static func parse(_ text: String, file: String) throws -> AccessTokens {
        var names: [String: String] = [:]
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
            if words.isEmpty { continue }
            let place = "\(file):\(index + 1)"
            guard words.count == 2 else {
                throw TokensFileError(description: "\(place): expected 'name token', found \(words.count) word\(words.count == 1 ? "" : "s")")
            }
            let (name, token) = (words[0], words[1])
            guard token.count >= 16 else { throw TokensFileError(description: "\(place): the token of '\(name)' is shorter than 16 characters") }
            if let other = names[token] { throw TokensFileError(description: "\(place): '\(name)' has the same token as '\(other)'") }
            names[token] = name
        }
        if names.isEmpty { throw TokensFileError(description: "\(file): no tokens; expected lines of 'name token'") }
        return AccessTokens(names: names)
    }

    /// The caller's name for `token`, or `nil` when it is not one of ours.
    ///
    /// Every stored token is compared in full, whatever matches, so the time taken tells an
    /// attacker nothing about how close a guess was.
    public func name(for token: String) -> String? {
        var found: String?
        let given = Array(token.utf8)
        for (candidate, name) in names where AccessTokens.equal(Array(candidate.utf8), given) { found = name }
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

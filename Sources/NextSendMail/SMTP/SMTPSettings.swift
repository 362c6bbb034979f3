import Foundation

/// Where and how to send: read from `NEXTSEND_SMTP=smtp://[user@]host[:port][?starttls=require|opportunistic|none]`
/// or `smtps://…`, the password from the file `NEXTSEND_SMTP_PASSWORD_FILE` names, a private CA from
/// `NEXTSEND_SMTP_CA_FILE`. The password is never part of a message or a description.
public struct SMTPSettings: Sendable, CustomStringConvertible {
    public enum Security: String, Sendable {
        /// TLS from the first byte (`smtps://`, port 465).
        case implicitTLS
        /// STARTTLS, and refuse to go on without it (the default for `smtp://`).
        case requireStartTLS = "require"
        /// STARTTLS when the server offers it.
        case opportunistic
        /// Plain text: only for a relay on the same host or a test server.
        case none
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var user: String?
    public var password: String?
    /// PEM file of the CA that signed the server's certificate, when it is not in the system's store.
    public var caFile: String?
    /// Seconds to wait for a connection or a reply.
    public var timeout: Int64 = 30

    public init(host: String, port: Int, security: Security, user: String? = nil, password: String? = nil, caFile: String? = nil) {
        self.host = host
        self.port = port
        self.security = security
        self.user = user
        self.password = password
        self.caFile = caFile
    }

    /// The settings from the environment, or a configuration error that says what to set.
    public static func from(environment: [String: String]) throws -> SMTPSettings {
        guard let text = environment["NEXTSEND_SMTP"], !text.isEmpty else {
            throw MailError(.configuration, "NEXTSEND_SMTP is not set; set it to smtp://[user@]host[:port] (or smtps://…) to send mail, "
                + "or use --dry-run DIR to write the messages as .eml files")
        }
        var settings = try parse(text)
        if settings.user != nil {
            guard let file = environment["NEXTSEND_SMTP_PASSWORD_FILE"], !file.isEmpty else {
                throw MailError(.configuration, "NEXTSEND_SMTP names a user; put the password in a file and set NEXTSEND_SMTP_PASSWORD_FILE to its path")
            }
            guard let data = FileManager.default.contents(atPath: file) else {
                throw MailError(.configuration, "cannot read the password file \(file) (NEXTSEND_SMTP_PASSWORD_FILE)")
            }
            settings.password = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
        }
        if let ca = environment["NEXTSEND_SMTP_CA_FILE"], !ca.isEmpty {
            guard FileManager.default.isReadableFile(atPath: ca) else {
                throw MailError(.configuration, "cannot read the CA file \(ca) (NEXTSEND_SMTP_CA_FILE)")
            }
            settings.caFile = ca
        }
        return settings
    }

    /// Parses the URL. A password in it is refused: it would show in `ps` and in shell history.
    public static func parse(_ text: String) throws -> SMTPSettings {
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(), ["smtp", "smtps"].contains(scheme),
              let host = url.host, !host.isEmpty else {
            throw MailError(.configuration, "NEXTSEND_SMTP: expected smtp://[user@]host[:port][?starttls=require|opportunistic|none] or smtps://…, "
                + "found '\(SMTPSettings.redacted(text))'")
        }
        if url.password != nil {
            throw MailError(.configuration, "NEXTSEND_SMTP: leave the password out of the URL; put it in a file named by NEXTSEND_SMTP_PASSWORD_FILE")
        }
        var security: Security = scheme == "smtps" ? .implicitTLS : .requireStartTLS
        for item in url.queryItems ?? [] {
            guard item.name == "starttls", scheme == "smtp" else {
                throw MailError(.configuration, "NEXTSEND_SMTP: unknown setting '\(item.name)'; smtp:// takes ?starttls=require|opportunistic|none")
            }
            switch item.value ?? "" {
            case "require": security = .requireStartTLS
            case "opportunistic": security = .opportunistic
            case "none": security = .none
            default:
                throw MailError(.configuration, "NEXTSEND_SMTP: starttls must be require, opportunistic or none, not '\(item.value ?? "")'")
            }
        }
        let port = url.port ?? (scheme == "smtps" ? 465 : 587)
        guard (1...65535).contains(port) else { throw MailError(.configuration, "NEXTSEND_SMTP: port \(port) is out of range") }
        let user = url.percentEncodedUser.flatMap { $0.removingPercentEncoding }
        return SMTPSettings(host: host, port: port, security: security, user: user?.isEmpty == true ? nil : user)
    }

    /// The URL with anything after a `:` in its user part masked, for messages.
    static func redacted(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@"), let scheme = text.range(of: "://") else { return text }
        let user = text[scheme.upperBound..<at]
        guard let colon = user.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }

    public var description: String {
        let scheme = security == .implicitTLS ? "smtps" : "smtp"
        let query = security == .implicitTLS || security == .requireStartTLS ? "" : "?starttls=\(security.rawValue)"
        return "\(scheme)://\(user.map { "\($0)@" } ?? "")\(host):\(port)\(query)"
    }
}

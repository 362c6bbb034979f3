import NIOCore
import NIOSSL

/// What went wrong sending mail, by what the sender can do about it: try again later, fix the
/// configuration, or give up on one recipient.
public struct MailError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The settings are wrong (the URL, the sender, a missing password file): fix them.
        case configuration
        /// The server cannot be reached, does not trust us or we do not trust it, refuses the login.
        case unavailable
        /// Try again later: a 4xx reply, a dropped connection, a timeout.
        case temporary
        /// The server refused this message or recipient for good (5xx).
        case permanent
    }

    public var kind: Kind
    public var message: String
    /// The server's reply, when there was one.
    public var reply: SMTPReply?

    public init(_ kind: Kind, _ message: String, reply: SMTPReply? = nil) {
        self.kind = kind
        self.message = message
        self.reply = reply
    }

    public var description: String { message + (reply.map { " (the server said: \($0))" } ?? "") }

    static func protocolError(_ what: String) -> MailError { MailError(.temporary, "the mail server broke the protocol: \(what)") }
    static func connectionLost(_ what: String) -> MailError { MailError(.temporary, what) }

    /// A reply to a command, as an error: 4xx temporary, 5xx permanent.
    static func refused(_ what: String, _ reply: SMTPReply) -> MailError {
        MailError(reply.isTemporary ? .temporary : .permanent, what, reply: reply)
    }

    /// A lower layer's error in words a person can act on.
    public static func from(_ error: any Error) -> MailError {
        if let error = error as? MailError { return error }
        if let error = error as? NIOSSLError {
            switch error {
            case .handshakeFailed:
                return MailError(.unavailable, "the TLS handshake with the mail server failed (\(error)); if it uses a private CA, "
                    + "point NEXTSEND_SMTP_CA_FILE at the CA's certificate")
            default:
                return MailError(.unavailable, "TLS with the mail server failed: \(error)")
            }
        }
        if let error = error as? BoringSSLError {
            return MailError(.unavailable, "the mail server's certificate is not trusted, or TLS failed (\(error)); if it uses a private CA, "
                + "point NEXTSEND_SMTP_CA_FILE at the CA's certificate")
        }
        if error is ChannelError { return MailError(.temporary, "the connection to the mail server failed: \(error)") }
        return MailError(.temporary, "talking to the mail server failed: \(error)")
    }
}

import Foundation
import NextSend

/// Where messages go: an SMTP server, or a folder of `.eml` files for a dry run.
public protocol MailTransport: Sendable {
    /// Opens a session that sends many messages (one SMTP connection).
    func connect() async throws -> any MailSession
}

/// One open session; `close` ends it whatever happened.
public protocol MailSession: Sendable {
    func send(_ message: MailMessage) async throws
    func close() async
}

/// Sends through an SMTP server, one connection for many messages.
public struct SMTPTransport: MailTransport {
    public var settings: SMTPSettings

    public init(settings: SMTPSettings) { self.settings = settings }

    public func connect() async throws -> any MailSession { try await SMTPConnection.open(settings) }
}

extension SMTPConnection: MailSession {}

/// Writes each message as `<recipient>-<id>.eml` into a folder instead of sending it (`--dry-run DIR`);
/// the id part (from the Message-ID) keeps a rep's and marketing's messages to one address apart.
public struct EMLFolder: MailTransport, MailSession {
    public var path: String

    public init(path: String) { self.path = path }

    public func connect() async throws -> any MailSession {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw MailError(.configuration, "cannot create \(path) for the .eml files: \(error.localizedDescription)")
        }
        return self
    }

    public func send(_ message: MailMessage) async throws {
        let name = message.to.address.map { $0.isLetter || $0.isNumber || "@._+-".contains($0) ? $0 : "_" }
        let url = URL(fileURLWithPath: path).appendingPathComponent(String(name) + "-" + StableHash.hex(message.messageID).prefix(8) + ".eml")
        do {
            try Data(message.rendered().utf8).write(to: url, options: .atomic)
        } catch {
            throw MailError(.configuration, "cannot write \(url.path): \(error.localizedDescription)")
        }
    }

    public func close() async {}
}

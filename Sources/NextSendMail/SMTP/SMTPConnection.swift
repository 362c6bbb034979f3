import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// One SMTP session over SwiftNIO, reused for many messages: connect, greet, STARTTLS (verifying the
/// server's certificate), authenticate only over TLS, then `send` each message; `close` says QUIT.
///
/// There is no well-kept Swift SMTP client to depend on, so this is the small part of RFC 5321 a
/// digest needs: EHLO, STARTTLS (RFC 3207), AUTH PLAIN and LOGIN (RFC 4954), MAIL, RCPT, DATA with
/// dot-stuffing, RSET and QUIT; every wait bounded by the settings' timeout.
public final class SMTPConnection: Sendable {
    let channel: any Channel
    let handler: NIOLoopBound<SMTPReplyHandler>
    let settings: SMTPSettings
    let isEncrypted: Bool

    private init(channel: any Channel, handler: NIOLoopBound<SMTPReplyHandler>, settings: SMTPSettings, isEncrypted: Bool) {
        self.channel = channel
        self.handler = handler
        self.settings = settings
        self.isEncrypted = isEncrypted
    }

    /// Connects and gets the session ready to send: greeting, EHLO, STARTTLS as the settings say, AUTH.
    ///
    /// - Throws: ``MailError`` — `unavailable` when the server cannot be reached, will not do TLS
    ///   that `require` asks for, is not trusted, or refuses the login.
    public static func open(_ settings: SMTPSettings, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
                            clientName: String = "nextsend.localhost") async throws -> SMTPConnection {
        let tls = try tlsContext(settings)
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(.seconds(settings.timeout))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if settings.security == .implicitTLS {
                        try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: tls, serverHostname: serverName(settings.host)))
                    }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPReplyDecoder()))
                    try channel.pipeline.syncOperations.addHandler(SMTPReplyHandler(), name: "smtp-replies")
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: settings.host, port: settings.port).get()
        } catch {
            throw MailError(.unavailable, "cannot connect to the mail server \(settings.host):\(settings.port): \(error)")
        }
        let handler = try await channel.eventLoop.submit {
            NIOLoopBound(try channel.pipeline.syncOperations.handler(type: SMTPReplyHandler.self), eventLoop: channel.eventLoop)
        }.get()
        var connection = SMTPConnection(channel: channel, handler: handler, settings: settings, isEncrypted: settings.security == .implicitTLS)
        do {
            let greeting = try await connection.reply(to: nil)
            guard greeting.code == 220 else { throw MailError(.unavailable, "the mail server did not greet us", reply: greeting) }
            var extensions = try await connection.hello(clientName)
            if settings.security == .requireStartTLS || (settings.security == .opportunistic && extensions.contains("STARTTLS")) {
                guard extensions.contains("STARTTLS") else {
                    throw MailError(.unavailable, "the mail server \(settings.host) does not offer STARTTLS, which NEXTSEND_SMTP requires "
                        + "(add ?starttls=opportunistic or ?starttls=none only for a server on a trusted network)")
                }
                let ready = try await connection.reply(to: "STARTTLS")
                guard ready.code == 220 else { throw MailError(.unavailable, "the mail server refused STARTTLS", reply: ready) }
                try await channel.eventLoop.submit {
                    try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: tls, serverHostname: serverName(settings.host)),
                                                                   position: .first)
                }.get()
                connection = SMTPConnection(channel: channel, handler: handler, settings: settings, isEncrypted: true)
                // What a server offered before TLS is forgotten (RFC 3207 §4.2): ask again.
                extensions = try await connection.hello(clientName)
            }
            if let user = settings.user {
                try await connection.authenticate(user: user, password: settings.password ?? "", offered: extensions)
            }
            return connection
        } catch {
            channel.close(promise: nil)
            throw MailError.from(error)
        }
    }

    /// Sends one message to one recipient.
    ///
    /// - Throws: ``MailError``: `permanent` for a 5xx (the session stays usable), `temporary` for
    ///   a 4xx or a lost connection.
    public func send(_ message: MailMessage) async throws {
        let steps: [(String, String)] = [
            ("MAIL FROM:<\(message.from.address)>", "the sender \(message.from.address) was refused"),
            ("RCPT TO:<\(message.to.address)>", "\(message.to.address) was refused"),
        ]
        for (command, refusal) in steps {
            let reply = try await reply(to: command)
            guard reply.isPositive else {
                try? await reset()
                throw MailError.refused(refusal, reply)
            }
        }
        let go = try await reply(to: "DATA")
        guard go.code == 354 else {
            try? await reset()
            throw MailError.refused("the server would not take the message for \(message.to.address)", go)
        }
        let accepted = try await reply(to: SMTPConnection.dotStuffed(message.rendered()) + ".")
        guard accepted.isPositive else { throw MailError.refused("the message to \(message.to.address) was refused", accepted) }
    }

    /// Says goodbye and closes; errors on the way out are of no interest.
    public func close() async {
        _ = try? await reply(to: "QUIT")
        try? await channel.close().get()
    }

    // MARK: - Steps

    func hello(_ name: String) async throws -> Set<String> {
        let reply = try await reply(to: "EHLO \(name)")
        guard reply.code == 250 else { throw MailError(.unavailable, "the mail server refused EHLO", reply: reply) }
        // "AUTH PLAIN LOGIN" offers two mechanisms: each word of the extension lines, upper-cased.
        return Set(reply.lines.dropFirst().flatMap { line in
            let words = line.uppercased().split(separator: " ").map(String.init)
            return words.first == "AUTH" ? words.dropFirst().map { "AUTH=\($0)" } + ["AUTH"] : Array(words.prefix(1))
        })
    }

    func authenticate(user: String, password: String, offered: Set<String>) async throws {
        // The password never crosses a connection anyone on the way could read.
        guard isEncrypted else {
            throw MailError(.configuration, "NEXTSEND_SMTP names a user, but the connection is not encrypted; "
                + "AUTH is sent only over TLS (use smtps:// or ?starttls=require)")
        }
        let result: SMTPReply
        if offered.contains("AUTH=PLAIN") || !offered.contains("AUTH=LOGIN") {
            let token = Base64.encode(Array("\0\(user)\0\(password)".utf8))
            result = try await reply(to: "AUTH PLAIN \(token)")
        } else {
            let first = try await reply(to: "AUTH LOGIN")
            guard first.code == 334 else { throw MailError(.unavailable, "the mail server refused AUTH LOGIN", reply: first) }
            let second = try await reply(to: Base64.encode(Array(user.utf8)))
            guard second.code == 334 else { throw MailError(.unavailable, "the mail server refused the user name", reply: second) }
            result = try await reply(to: Base64.encode(Array(password.utf8)))
        }
        guard result.code == 235 else {
            throw MailError(.unavailable, "the mail server refused the login for \(user) (check NEXTSEND_SMTP_PASSWORD_FILE)", reply: result)
        }
    }

    func reset() async throws { _ = try await reply(to: "RSET") }

    /// Writes one command (or a DATA body ending in its `.` line) and waits for its reply; `nil`
    /// waits for the greeting. No command's text goes into an error: an AUTH line holds the password.
    func reply(to command: String?) async throws -> SMTPReply {
        let eventLoop = channel.eventLoop
        let promise = eventLoop.makePromise(of: SMTPReply.self)
        let (handler, channel, timeout) = (handler, channel, settings.timeout)
        eventLoop.execute {
            handler.value.expect(promise)
            if let command {
                channel.writeAndFlush(ByteBuffer(string: command + "\r\n"), promise: nil)
            }
            // A silent server fails the wait, and the session with it.
            let timer = eventLoop.scheduleTask(in: .seconds(timeout)) {
                handler.value.failAll(MailError(.temporary, "the mail server did not answer within \(timeout) seconds"))
                channel.close(promise: nil)
            }
            promise.futureResult.whenComplete { _ in timer.cancel() }
        }
        do {
            return try await promise.futureResult.get()
        } catch {
            throw MailError.from(error)
        }
    }

    /// A line of the message that starts with a dot gets a second one (RFC 5321 §4.5.2).
    static func dotStuffed(_ text: String) -> String {
        text.split(separator: "\r\n", omittingEmptySubsequences: false).map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n")
    }

    static func tlsContext(_ settings: SMTPSettings) throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = .fullVerification
        if let ca = settings.caFile {
            do {
                configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(ca))
            } catch {
                throw MailError(.configuration, "NEXTSEND_SMTP_CA_FILE: \(ca) holds no PEM certificate (\(error))")
            }
        }
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw MailError(.configuration, "cannot set up TLS: \(error)")
        }
    }

    /// SNI takes a name, not an address.
    static func serverName(_ host: String) -> String? {
        host.allSatisfy { $0.isNumber || $0 == "." || $0 == ":" } ? nil : host
    }
}

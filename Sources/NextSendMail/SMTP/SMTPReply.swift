import Foundation
import NIOCore

/// A server's reply: a three-digit code and its text lines (several for a multi-line reply such
/// as EHLO's list of extensions).
public struct SMTPReply: Sendable, Hashable, CustomStringConvertible {
    public var code: Int
    public var lines: [String]

    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// 2xx and 3xx: the command went through (354 asks for the message).
    public var isPositive: Bool { (200..<400).contains(code) }
    /// 4xx: try again later (a greylist, a full mailbox, a busy server).
    public var isTemporary: Bool { (400..<500).contains(code) }

    public var description: String { "\(code) \(lines.joined(separator: " / "))" }
}

/// Reads replies off the wire: `250-first`, `250-second`, `250 last` is one reply. A line longer
/// than any server sends is an error rather than memory spent waiting for its end.
final class SMTPReplyDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPReply
    static let longestLine = 4096
    private var lines: [String] = []

    func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        let view = buffer.readableBytesView
        guard let newline = view.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > SMTPReplyDecoder.longestLine { throw MailError.protocolError("a reply line longer than \(SMTPReplyDecoder.longestLine) bytes") }
            return .needMoreData
        }
        let length = view.distance(from: view.startIndex, to: newline) + 1
        guard var line = buffer.readString(length: length) else { return .needMoreData }
        line = line.trimmingCharacters(in: .newlines)
        let characters = Array(line)
        guard characters.count >= 3, let code = Int(String(characters[0..<3])), (200..<600).contains(code) else {
            throw MailError.protocolError("the server sent '\(line.prefix(80))', not a reply")
        }
        let continues = characters.count > 3 && characters[3] == "-"
        lines.append(characters.count > 4 ? String(characters[4...]) : "")
        if !continues {
            context.fireChannelRead(wrapInboundOut(SMTPReply(code: code, lines: lines)))
            lines = []
        }
        return .continue
    }
}

/// Hands each reply to the command waiting for it, in order. Lives on the channel's event loop;
/// everything that touches it runs there.
final class SMTPReplyHandler: ChannelInboundHandler {
    typealias InboundIn = SMTPReply
    private var waiting: [EventLoopPromise<SMTPReply>] = []
    private var unclaimed: [SMTPReply] = []
    private var closedWith: (any Error)?

    /// Registers the next reply's promise (the greeting arrives before anyone asks for it).
    func expect(_ promise: EventLoopPromise<SMTPReply>) {
        if !unclaimed.isEmpty {
            promise.succeed(unclaimed.removeFirst())
        } else if let closedWith {
            promise.fail(closedWith)
        } else {
            waiting.append(promise)
        }
    }

    /// Fails every command still waiting (a timeout, a TLS error) and remembers why.
    func failAll(_ error: any Error) {
        if closedWith == nil { closedWith = error }
        let pending = waiting
        waiting = []
        for promise in pending { promise.fail(closedWith ?? error) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let reply = unwrapInboundIn(data)
        if waiting.isEmpty { unclaimed.append(reply) } else { waiting.removeFirst().succeed(reply) }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        failAll(MailError.from(error))
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        failAll(MailError.connectionLost("the server closed the connection"))
        context.fireChannelInactive()
    }
}

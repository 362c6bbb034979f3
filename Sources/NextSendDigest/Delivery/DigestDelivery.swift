import Foundation
import Logging
import NextSend
import NextSendMail
import NextSendStore

/// Sends what `nextsend digest` wrote for a week: each rep's digest to the rep's address, the
/// marketing digest to the addresses given, each exactly once per (week, recipient) as far as SMTP
/// allows.
///
/// The delivery ledger records a message when the server accepts it, so a rerun, a second shard or
/// a killed run started again sends only what is missing. SMTP leaves one window: a message
/// accepted and then the process killed before the ledger write. At most that one message goes
/// again, with the same Message-ID, which mail clients fold into one.
public enum DigestDelivery {
    public struct Options: Sendable {
        public var week: IsoWeek
        public var outDirectory: String
        public var owner: String?
        public var shard: Shard?
        /// Send again even what the ledger says was delivered.
        public var force: Bool
        public var from: MailAddress
        public var marketingTo: [String]
        /// An address for `List-Unsubscribe`, when the team has one.
        public var unsubscribe: String?
        /// The `Date` header: when the run started.
        public var now: Date
        /// Tries per message for a temporary failure, and the wait before the second (doubling).
        public var attempts: Int
        public var retryDelay: Double
        /// A dry run writes no ledger.
        public var dryRun: Bool
        /// A chat webhook for the team's summary of the week, and where the service's pages are.
        public var webhook: Webhook?
        public var baseURL: String?

        public init(week: IsoWeek, outDirectory: String, owner: String? = nil, shard: Shard? = nil, force: Bool = false, from: MailAddress,
                    marketingTo: [String] = [], unsubscribe: String? = nil, now: Date, attempts: Int = 3, retryDelay: Double = 2,
                    dryRun: Bool = false, webhook: Webhook? = nil, baseURL: String? = nil) {
            self.week = week
            self.outDirectory = outDirectory
            self.owner = owner
            self.shard = shard
            self.force = force
            self.from = from
            self.marketingTo = marketingTo
            self.unsubscribe = unsubscribe
            self.now = now
            self.attempts = max(1, attempts)
            self.retryDelay = retryDelay
            self.dryRun = dryRun
            self.webhook = webhook
            self.baseURL = baseURL
        }
    }

    /// What became of each recipient in a run.
    public struct Summary: Sendable, Encodable {
        public struct Failure: Sendable, Encodable {
            public var recipient: String
            public var reason: String
        }

        public var week: String
        public var delivered: [String] = []
        public var alreadyDelivered: [String] = []
        /// Owners that are not e-mail addresses, with why.
        public var skipped: [Failure] = []
        /// Refused for good (5xx): reported, the others still sent.
        public var refused: [Failure] = []
        /// Still failing temporarily after the run's tries: the next run sends them.
        public var retryLater: [Failure] = []
        public var dryRun: Bool
        /// Whether the team's summary was posted (`nil` without a webhook), and why not.
        public var notified: Bool?
        public var notifyError: String?
    }

    /// One message to send, and its ledger key.
    struct Outgoing {
        var key: String
        var message: MailMessage
    }

    public static func run(store: any Store, options: Options, transport: any MailTransport, logger: Logger = .silent) async throws -> Summary {
        let outgoing = try messages(options)
        var summary = Summary(week: options.week.description, dryRun: options.dryRun)
        // The team's summary goes once, with the first shard, and not on a dry run.
        if let webhook = options.webhook, !options.dryRun, options.owner == nil, options.shard.map({ $0.index == 1 }) ?? true {
            let reps = try WrittenDigests.reps(in: options.outDirectory, week: options.week).map(\.digest)
            do {
                try await webhook.post(text: TeamSummary.text(reps, week: options.week, baseURL: options.baseURL))
                summary.notified = true
            } catch {
                summary.notified = false
                summary.notifyError = MailError.from(error).description
            }
        }
        summary.skipped = outgoing.skipped
        if options.force, !options.dryRun { try store.clearDeliveries(week: options.week.description, recipients: outgoing.messages.map(\.key)) }
        let done = try store.deliveries(week: options.week.description)
        var queue: [Outgoing] = []
        for item in outgoing.messages {
            if done[item.key] != nil { summary.alreadyDelivered.append(item.key) } else { queue.append(item) }
        }
        guard !queue.isEmpty else { return summary }
        // The first connection failing is the run failing: nothing can be sent (exit 69 or 65).
        var session: (any MailSession)? = try await transport.connect()
        do {
            try await send(queue, options: options, store: store, transport: transport, session: &session, summary: &summary, logger: logger)
        } catch {
            await session?.close()
            throw error
        }
        await session?.close()
        return summary
    }

    /// Sends each message, retrying a temporary failure with a doubling wait, reconnecting when the
    /// connection was lost; a permanent refusal is noted and the next message goes on.
    static func send(_ queue: [Outgoing], options: Options, store: any Store, transport: any MailTransport, session: inout (any MailSession)?,
                     summary: inout Summary, logger: Logger) async throws {
        for item in queue {
            var attempt = 1
            while true {
                do {
                    if session == nil { session = try await transport.connect() }
                    try await session!.send(item.message)
                    if !options.dryRun { try store.recordDelivery(week: options.week.description, recipient: item.key, messageID: item.message.messageID) }
                    summary.delivered.append(item.key)
                    logger.info("delivered", metadata: ["recipient": "\(item.key)"])
                    break
                } catch let error as MailError where error.kind == .permanent {
                    summary.refused.append(.init(recipient: item.key, reason: error.description))
                    break
                } catch {
                    let failure = MailError.from(error)
                    // A reply leaves the session usable; a lost connection or a timeout does not.
                    if failure.reply == nil, let open = session {
                        await open.close()
                        session = nil
                    }
                    if attempt >= options.attempts {
                        summary.retryLater.append(.init(recipient: item.key, reason: failure.description))
                        break
                    }
                    let wait = options.retryDelay * Double(1 << (attempt - 1))
                    logger.info("retrying", metadata: ["recipient": "\(item.key)", "in": "\(wait)s", "after": "\(failure)"])
                    try await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
                    attempt += 1
                }
            }
        }
    }

    /// The week's messages, read from what `digest` wrote, and the owners that cannot be mailed.
    static func messages(_ options: Options) throws -> (messages: [Outgoing], skipped: [Summary.Failure]) {
        let reps = try WrittenDigests.reps(in: options.outDirectory, week: options.week)
        var messages: [Outgoing] = []
        var skipped: [Summary.Failure] = []
        let domain = options.from.address.split(separator: "@").last.map(String.init) ?? "nextsend.invalid"
        var headers: [(name: String, value: String)] = [("Auto-Submitted", "auto-generated"), ("X-Auto-Response-Suppress", "All")]
        if let unsubscribe = options.unsubscribe { headers.append(("List-Unsubscribe", "<mailto:\(unsubscribe)>")) }
        for rep in reps {
            if let owner = options.owner, owner != rep.digest.rep { continue }
            if let shard = options.shard, !shard.contains(rep: rep.digest.rep) { continue }
            guard let address = EmailAddress.parse(rep.digest.rep), address == rep.digest.rep.lowercased() else {
                skipped.append(.init(recipient: rep.digest.rep, reason: "not an e-mail address; set the group owner to the rep's address to mail it"))
                continue
            }
            let key = "rep:\(address)"
            messages.append(Outgoing(key: key, message: MailMessage(
                from: options.from, to: MailAddress(address), subject: rep.digest.subject(week: options.week), text: rep.markdown, html: rep.html,
                messageID: messageID(options.week, key, domain: domain), date: options.now, headers: headers)))
        }
        // Marketing's digest goes with the first shard, as the digest batch writes it.
        if !options.marketingTo.isEmpty, options.owner == nil, options.shard.map({ $0.index == 1 }) ?? true {
            let marketing = try WrittenDigests.marketing(in: options.outDirectory, week: options.week)
            for text in options.marketingTo {
                guard let address = EmailAddress.parse(text) else {
                    throw MailError(.configuration, "--marketing-to: '\(text)' is not an e-mail address")
                }
                let key = "marketing:\(address)"
                messages.append(Outgoing(key: key, message: MailMessage(
                    from: options.from, to: MailAddress(address), subject: marketing.subject(week: options.week), text: marketing.markdown,
                    html: marketing.html, messageID: messageID(options.week, key, domain: domain), date: options.now, headers: headers)))
            }
        }
        return (messages, skipped)
    }

    /// Stable per (week, recipient): a second copy of the same message folds into the first.
    static func messageID(_ week: IsoWeek, _ key: String, domain: String) -> String {
        "<nextsend.\(week).\(StableHash.hex(key))@\(domain)>"
    }
}

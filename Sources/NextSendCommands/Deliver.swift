import ArgumentParser
import Foundation
import NextSend
import NextSendDigest
import NextSendMail
import NextSendStore

/// Which week's digests, in which folder, for whom: what `digest` and `deliver` both ask.
struct WeekFolderOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The ISO week, e.g. 2026-W48 (default: the last complete week).", valueName: "YYYY-Www"))
    var week: String?
    @Option(help: ArgumentHelp("The digests' folder.", valueName: "dir")) var out = "digests"
    @Option(help: ArgumentHelp("Only this rep's digest.", valueName: "rep")) var owner: String?
    @Option(help: ArgumentHelp("This worker's share of the reps.", valueName: "K/N")) var shard: String?

    func validate() throws {
        if let week, IsoWeek(week) == nil { throw ValidationError("--week must be an ISO week such as 2026-W48, not '\(week)'.") }
        if let shard, Shard(shard) == nil { throw ValidationError("--shard must be K/N with 1 ≤ K ≤ N, such as 2/4.") }
    }

    /// The week asked for, else the last complete week as of `day`.
    func chosenWeek(asOf day: Day) -> IsoWeek { week.flatMap { IsoWeek($0) } ?? IsoWeek.lastComplete(asOf: day) }
    var chosenShard: Shard? { shard.flatMap { Shard($0) } }
}

/// The options `deliver` and `digest --deliver` share.
struct DeliveryOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The sender (default: $NEXTSEND_MAIL_FROM), e.g. 'NextSend <digest@rosterline.example>'.", valueName: "address"))
    var from: String?
    @Option(name: .customLong("marketing-to"), help: ArgumentHelp("Send the marketing digest to these addresses, comma separated.",
                                                                  valueName: "addr[,addr]"))
    var marketingTo: String?
    @Option(help: ArgumentHelp("An address for List-Unsubscribe (default: $NEXTSEND_MAIL_UNSUBSCRIBE).", valueName: "address"))
    var unsubscribe: String?
    @Option(name: .customLong("dry-run"), help: ArgumentHelp("Write each message as an .eml file here instead of sending it; records nothing.",
                                                             valueName: "dir"))
    var dryRun: String?
    @Option(name: .customLong("retry-delay"), help: ArgumentHelp("Seconds before the first retry of a temporary failure (doubling).",
                                                                 valueName: "s"))
    var retryDelay: Double = 2
    @Option(name: .customLong("notify-webhook"), help: ArgumentHelp("Post the team's summary of the week to this Slack or Teams webhook (a secret: never printed).",
                                                                     valueName: "url"))
    var notifyWebhook: String?

    func validate() throws {
        if let from, EmailAddress.parse(from) == nil { throw ValidationError("--from: '\(from)' is not an e-mail address.") }
        if retryDelay < 0 { throw ValidationError("--retry-delay must be 0 or more.") }
    }

    /// Sends the week's digests and says what happened; the exit code says what is left to do.
    func deliver(week: IsoWeek, out: String, owner: String?, shard: Shard?, force: Bool, store: any Store, json: Bool,
                 log: LogOptions) async throws {
        let environment = CommandIO.current.environment
        guard let fromText = from ?? environment["NEXTSEND_MAIL_FROM"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            throw UserError(description: "say who the digests come from: --from ADDRESS or NEXTSEND_MAIL_FROM", code: Failure.usage)
        }
        guard let fromAddress = EmailAddress.parse(fromText) else {
            throw UserError(description: "NEXTSEND_MAIL_FROM: '\(fromText)' is not an e-mail address", code: Failure.usage)
        }
        // "NextSend <digest@x.example>" keeps its display name.
        let name = fromText.firstIndex(of: "<").map { String(fromText[..<$0]).trimmingCharacters(in: .whitespaces.union(["\""])) }
        let transport: any MailTransport = try dryRun.map { EMLFolder(path: $0) } ?? SMTPTransport(settings: try SMTPSettings.from(environment: environment))
        let options = DigestDelivery.Options(
            week: week, outDirectory: out, owner: owner, shard: shard, force: force,
            from: MailAddress(fromAddress, name: name?.isEmpty == false ? name : nil),
            marketingTo: (marketingTo ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
            unsubscribe: unsubscribe ?? environment["NEXTSEND_MAIL_UNSUBSCRIBE"].flatMap { $0.isEmpty ? nil : $0 },
            now: Date(), retryDelay: retryDelay, dryRun: dryRun != nil, webhook: try notifyWebhook.map { try Webhook($0) },
            baseURL: environment["NEXTSEND_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 })
        let summary = try await DigestDelivery.run(store: store, options: options, transport: transport, logger: log.logger)
        if json {
            try Console.printJSON(summary)
        } else {
            for skipped in summary.skipped { Console.error("nextsend: skipped \(skipped.recipient): \(skipped.reason)") }
            for refused in summary.refused { Console.error("nextsend: refused for good: \(refused.recipient): \(refused.reason)") }
            if let error = summary.notifyError { Console.error("nextsend: the team's summary was not posted: \(error)") }
            for later in summary.retryLater { Console.error("nextsend: not delivered yet: \(later.recipient): \(later.reason); the next run tries again") }
            let verb = summary.dryRun ? "written to \(dryRun ?? "")" : "delivered"
            Console.print("Digest \(summary.week): \(Words.count(summary.delivered.count, "message")) \(verb)"
                + (summary.alreadyDelivered.isEmpty ? "" : ", \(summary.alreadyDelivered.count) delivered before")
                + (summary.skipped.isEmpty ? "" : ", \(summary.skipped.count) skipped")
                + (summary.refused.isEmpty ? "" : ", \(summary.refused.count) refused")
                + (summary.retryLater.isEmpty ? "" : ", \(summary.retryLater.count) to retry")
                + (summary.notified == true ? "; the team's summary posted" : "") + ".")
        }
        // Something left to try again is a temporary failure; a refusal, once nothing is left, is the service's.
        if !summary.retryLater.isEmpty { throw ExitCode(Failure.tempFailure) }
        if !summary.refused.isEmpty || summary.notified == false { throw ExitCode(Failure.unavailable) }
    }
}

extension NextSendCommand {
    struct Deliver: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "deliver",
            abstract: "E-mail what 'digest' wrote for a week: each rep their digest, marketing theirs.",
            discussion: """
                Sends OUT/WEEK/reps/<rep>.{md,html} to the rep's address as one multipart message (and marketing.{md,html} with \
                --marketing-to), through NEXTSEND_SMTP=smtp://[user@]host[:port][?starttls=require|opportunistic|none] or \
                smtps://…, the password read from NEXTSEND_SMTP_PASSWORD_FILE, a private CA from NEXTSEND_SMTP_CA_FILE. \
                Each (week, recipient) is sent once: a rerun sends only what is missing; --force sends again. A temporary \
                failure is retried, then left for the next run (exit 75); a refusal is reported (exit 69 once nothing is \
                left to retry). An owner that is not an e-mail address is reported and skipped.
                """
        )

        @OptionGroup var digests: WeekFolderOptions
        @Flag(help: "Send again what was delivered before.") var force = false
        @OptionGroup var delivery: DeliveryOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var log: LogOptions
        @OptionGroup var date: DateOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await delivery.deliver(week: digests.chosenWeek(asOf: date.day), out: digests.out, owner: digests.owner,
                                       shard: digests.chosenShard, force: force, store: try store.open(), json: output.json, log: log)
        }
    }
}

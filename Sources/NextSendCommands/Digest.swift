import ArgumentParser
import Foundation
import NextSend
import NextSendDigest
import NextSendReports
import NextSendStore

extension NextSendCommand {
    struct Digest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "digest",
            abstract: "Write the weekly digests: one per rep, one for marketing.",
            discussion: """
                Writes OUT/WEEK/reps/<rep>.{md,html,json} and OUT/WEEK/marketing.{md,html,json}, as of the week's Sunday. \
                Files appear whole (temporary name, then rename). A killed run started again skips the reps already written \
                from the same data; --force writes everything again. --shard K/N lets N workers split the reps; shard 1 also \
                writes the marketing digest. --deliver then e-mails what was written (see 'nextsend deliver --help').
                """
        )

        @OptionGroup var digests: WeekFolderOptions
        @Option(help: ArgumentHelp("Formats to write, comma separated.", valueName: "md,html,json")) var format = "md,html,json"
        @Flag(help: "Write every file, even those a previous run already wrote.") var force = false
        @Option(help: ArgumentHelp("Reps built in parallel (default: one per core).", valueName: "n")) var jobs: Int?
        @Flag(help: "Then e-mail each rep their digest (and marketing theirs), as 'nextsend deliver' does.") var deliver = false
        @OptionGroup var delivery: DeliveryOptions

        @OptionGroup var store: StoreOptions
        @OptionGroup var log: LogOptions
        @OptionGroup var date: DateOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if DigestFormat.parseList(format) == nil { throw ValidationError("--format takes md, html and json, comma separated.") }
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
            if !deliver, delivery.from != nil || delivery.marketingTo != nil || delivery.dryRun != nil || delivery.unsubscribe != nil || delivery.notifyWebhook != nil {
                throw ValidationError("--from, --marketing-to, --unsubscribe and --dry-run are for delivery: add --deliver.")
            }
            if deliver, !DigestFormat.parseList(format)!.isSuperset(of: DigestFormat.allCases) {
                throw ValidationError("--deliver sends the Markdown and the HTML and reads the JSON: keep --format md,html,json.")
            }
        }

        func run() async throws {
            let chosen = digests.chosenWeek(asOf: date.day)
            let options = DigestRun.Options(week: chosen, outDirectory: digests.out, owner: digests.owner, formats: DigestFormat.parseList(format)!,
                                            shard: digests.chosenShard, force: force,
                                            workers: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
            let bar: ProgressBar? = Console.stderrIsTerminal ? ProgressBar(label: "digest \(chosen)") : nil
            var progress: DigestRun.Progress?
            if let bar { progress = { done, total in bar.update(done, total) } }
            let store = try store.open()
            if let owner = digests.owner { try Desk(store: store).requireOwner(owner) }
            let summary = try DigestRun.run(store: store, options: options, logger: log.logger, progress: progress)
            bar?.finish()
            if output.json, !deliver {
                try Console.printJSON(summary)
                return
            }
            if !output.json { Console.print("Digest \(summary.week) in \(summary.folder): \(Words.count(summary.repsWritten.count, "rep digest")) written"
                + (summary.repsAlreadyDone.isEmpty ? "" : ", \(summary.repsAlreadyDone.count) already done")
                + "; marketing \(summary.marketing); \(Words.count(summary.files, "file")).") }
            if deliver {
                try await delivery.deliver(week: chosen, out: digests.out, owner: digests.owner, shard: digests.chosenShard, force: force,
                                           store: store, json: output.json, log: log)
            }
        }
    }
}

/// A one-line progress bar on stderr, redrawn in place; only used when stderr is a terminal.
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let lock = NSLock()

    init(label: String) { self.label = label }

    func update(_ done: Int, _ total: Int) {
        lock.withLock {
            let width = 30
            let filled = total == 0 ? width : done * width / total
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            CommandIO.current.standardError(Data("\r\(label) \(bar) \(done)/\(total) reps".utf8))
        }
    }

    func finish() { CommandIO.current.standardError(Data("\n".utf8)) }
}

import ArgumentParser
import NextSend
import NextSendStore

extension NextSendCommand {
    struct Sent: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that an asset was sent to stakeholders of a group.",
            discussion: """
                The same asset to the same person on the same day is one send, however often it is recorded; with --consumed \
                an existing send is marked consumed. Warns when one-sided content goes into a group with an open conflict, and \
                names a shareable alternative.
                """
        )

        @Argument(help: "The group id.") var group: String
        @Argument(help: "The asset id.") var asset: String
        @Option(help: ArgumentHelp("Who got it: stakeholder ids, comma separated.", valueName: "s[,s]")) var to: String
        @Option(help: "How it went out (email, meeting, …).") var channel: String?
        @Option(help: ArgumentHelp("The day it was sent (default: --as-of, else today).", valueName: "date")) var date: String?
        @Flag(help: "They opened, read or watched it.") var consumed = false

        @OptionGroup var store: StoreOptions
        @OptionGroup var day: DateOptions
        @OptionGroup var recorder: RecorderOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let store = try store.open()
            let group = try store.existingGroup(id: self.group)
            var fields = ["asset": asset, "to": to, "date": date ?? day.day.description, "consumed": consumed ? "true" : "false"]
            fields["channel"] = channel
            let touch = try Recording.checked(positional: ["asset": "ASSET"]) {
                try GroupParser.touch(fields, in: group, knownAssets: try store.assetIDs(), latest: day.day)
            }
            let advisor = try store.advisor(asOf: touch.date)
            let warnings = try store.asset(id: touch.asset).map { try advisor.sendWarnings(for: $0, to: group, on: touch.date) }?
                .map(\.description) ?? []
            let outcome = try store.recordSend(touch, to: group.id, by: recorder.recorder)
            for warning in warnings { Console.error("warning: " + warning) }
            if output.json {
                try Console.printJSON(SentReport(group: group.id, asset: touch.asset, to: touch.to, date: touch.date.description,
                                                 channel: touch.channel, consumed: touch.consumed, added: outcome.added,
                                                 alreadyRecorded: outcome.alreadyRecorded, markedConsumed: outcome.markedConsumed,
                                                 warnings: warnings))
                return
            }
            var names = Vocabulary(advisor.taxonomy).names(in: group)
            var lines: [String] = []
            if !outcome.added.isEmpty {
                lines.append("Recorded: \(touch.asset) sent to " + Words.list(outcome.added.map { names.mention($0) })
                    + " on \(touch.date)" + (touch.consumed ? " (consumed)." : "."))
            }
            let repeated = outcome.alreadyRecorded.filter { !outcome.markedConsumed.contains($0) }
            if !repeated.isEmpty {
                lines.append("Already recorded: \(touch.asset) to " + Words.list(repeated.map { names.mention($0) })
                    + " on \(touch.date); a send is recorded once per person and day.")
            }
            if !outcome.markedConsumed.isEmpty {
                lines.append("Marked consumed: \(touch.asset) for " + Words.list(outcome.markedConsumed.map { names.mention($0) }) + ".")
            }
            Console.print(lines.joined(separator: "\n"))
        }
    }
}

/// `sent --json`.
struct SentReport: Encodable {
    var group: String
    var asset: String
    var to: [String]
    var date: String
    var channel: String?
    var consumed: Bool
    /// Recipients the send was new for, already had it that day, or were newly marked consumed.
    var added: [String]
    var alreadyRecorded: [String]
    var markedConsumed: [String]
    var warnings: [String]
}

import ArgumentParser
import NextSend
import NextSendStore

extension NextSendCommand {
    struct Sent: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that an asset was sent to stakeholders of a group.",
            discussion: "Warns when one-sided content goes into a group with an open conflict, and names a shareable alternative."
        )

        @Argument(help: "The group id.") var group: String
        @Argument(help: "The asset id.") var asset: String
        @Option(help: ArgumentHelp("Who got it: stakeholder ids, comma separated.", valueName: "s[,s]")) var to: String
        @Option(help: "How it went out (email, meeting, …).") var channel: String?
        @Option(help: ArgumentHelp("The day it was sent (default: --as-of, else today).", valueName: "date")) var date: String?
        @Flag(help: "They opened, read or watched it.") var consumed = false

        @OptionGroup var store: StoreOptions
        @OptionGroup var day: DateOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let store = try store.open()
            let group = try store.existingGroup(id: self.group)
            var fields = ["asset": asset, "to": to, "date": date ?? day.day.description, "consumed": consumed ? "true" : "false"]
            fields["channel"] = channel
            let touch = try Recording.checked { try GroupParser.touch(fields, in: group, knownAssets: try store.assetIDs()) }

            let advisor = try store.advisor(asOf: touch.date)
            let warnings = try store.asset(id: touch.asset).map { try advisor.sendWarnings(for: $0, to: group, on: touch.date) }?
                .map(\.description) ?? []
            try store.appendTouch(touch, to: group.id)
            for warning in warnings { Console.error("warning: " + warning) }
            if output.json {
                try Console.printJSON(SentReport(group: group.id, asset: touch.asset, to: touch.to, date: touch.date.description,
                                                 channel: touch.channel, consumed: touch.consumed, warnings: warnings))
            } else {
                var names = Vocabulary(advisor.taxonomy).names(in: group)
                Console.print("Recorded: \(touch.asset) sent to " + Words.list(touch.to.map { names.mention($0) })
                    + " on \(touch.date)" + (touch.consumed ? " (consumed)." : "."))
            }
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
    var warnings: [String]
}

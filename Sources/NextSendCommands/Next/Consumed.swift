import ArgumentParser
import Foundation
import NextSend
import NextSendReports
import NextSendStore

extension NextSendCommand {
    /// `consumed GROUP ASSET --by-recipient S[,S]`: an earlier send was read, watched or used.
    struct Consumed: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "consumed",
            abstract: "Mark an earlier send consumed: the recipients opened, read or watched it.",
            discussion: "Without --date, the latest send of the asset to each recipient is marked. A re-import of the send's source keeps the mark."
        )

        @Argument(help: "The group id.") var group: String
        @Argument(help: "The asset id.") var asset: String
        @Option(name: .customLong("by-recipient"), help: ArgumentHelp("Who consumed it: stakeholder ids, comma separated.", valueName: "s[,s]"))
        var recipients: String
        @Option(help: ArgumentHelp("The day of the send (default: each recipient's latest send of it).", valueName: "date"))
        var date: Day?

        @OptionGroup var store: StoreOptions
        @OptionGroup var recorder: RecorderOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if people.isEmpty { throw ValidationError("--by-recipient names at least one stakeholder id.") }
        }

        var people: [String] {
            recipients.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }

        func run() throws {
            let desk = try store.desk()
            let recorded = try desk.markConsumed(groupID: group, asset: asset, recipients: people, date: date, by: recorder.recorder)
            try recorded.report.print(json: output.json)
        }
    }
}

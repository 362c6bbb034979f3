import ArgumentParser
import NextSend
import NextSendReports
import NextSendStore

extension NextSendCommand {
    struct Sent: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sent",
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
            var fields = ["asset": asset, "to": to, "date": date ?? day.day.description, "consumed": consumed ? "true" : "false"]
            fields["channel"] = channel
            let desk = try store.desk()
            let recorded = try Recording.checked(positional: ["asset": "ASSET"]) {
                try desk.recordTouch(groupID: self.group, fields: fields, today: day.day, by: recorder.recorder)
            }
            let outcome = recorded.report
            for warning in outcome.warnings { Console.error("warning: " + warning) }
            if output.json {
                try Console.printJSON(outcome)
                return
            }
            var names = try desk.names(inGroup: self.group)
            let lines = outcome.sentences(names: &names)
            Console.print(lines.joined(separator: "\n"))
        }
    }
}

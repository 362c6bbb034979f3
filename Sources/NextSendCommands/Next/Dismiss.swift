import ArgumentParser
import NextSend
import NextSendReports
import NextSendStore

extension NextSendCommand {
    /// `dismiss GROUP ASSET`: a rep says no to a pick.
    struct Dismiss: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dismiss",
            abstract: "Say no to a pick for a group: it stays out of that group's picks for 30 days.",
            discussion: "The marketing digest counts dismissals and their reasons per asset. 'nextsend retract GROUP dismissal --asset A --date D' takes one back."
        )

        @Argument(help: "The group id.") var group: String
        @Argument(help: "The asset id.") var asset: String
        @Option(help: "Why, in a few words (marketing reads these).") var reason: String?
        @Option(help: ArgumentHelp("The day of the dismissal (default: --as-of, else today).", valueName: "date")) var date: Day?

        @OptionGroup var store: StoreOptions
        @OptionGroup var day: DateOptions
        @OptionGroup var recorder: RecorderOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let recorded = try Recording.checked {
                try store.desk().recordDismissal(groupID: group, asset: asset, date: date, reason: reason, today: day.day,
                                                                  by: recorder.recorder)
            }
            try recorded.report.print(json: output.json)
        }
    }
}

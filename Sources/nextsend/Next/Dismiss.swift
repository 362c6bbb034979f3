import ArgumentParser
import NextSend
import NextSendStore

extension NextSendCommand {
    /// `dismiss GROUP ASSET`: a rep says no to a pick.
    struct Dismiss: ParsableCommand {
        static let configuration = CommandConfiguration(
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
            let when = date ?? day.day
            guard when <= day.day else {
                throw UserError.badData("--date: \(when) is after \(day.day); a dismissal cannot be dated later than the day it is recorded")
            }
            let store = try store.open()
            let dismissal = Dismissal(asset: asset, date: when, reason: reason.flatMap { $0.isEmpty ? nil : $0 })
            let outcome = try store.recordDismissal(dismissal, in: group, by: recorder.recorder)
            let until = when.adding(days: ScoringPolicy.standard.dismissalDays)
            let message: String
            switch outcome {
            case .added: message = "Dismissed \(asset) for \(group) on \(when): out of its picks until \(until)."
            case .changed: message = "Updated the reason of the dismissal of \(asset) for \(group) on \(when)."
            case .unchanged: message = "Already dismissed: \(asset) for \(group) on \(when)."
            }
            try RecordedReport(group: group, action: "dismissed", fact: asset, date: when.description, by: recorder.recorder.name,
                               message: message).print(json: output.json)
        }
    }
}

import ArgumentParser
import NextSend
import NextSendReports
import NextSendStore

extension NextSendCommand.Group {
    /// `group close GROUP --won|--lost`: the deal ended.
    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "close",
            abstract: "Close a deal as won or lost: it leaves next, the digest and group list; its history stays."
        )

        enum Outcome: String, EnumerableFlag {
            case won, lost
        }

        @Argument(help: "The group id.") var group: String
        @Flag(help: "How the deal ended.") var outcome: Outcome

        @OptionGroup var store: StoreOptions
        @OptionGroup var date: DateOptions
        @OptionGroup var recorder: RecorderOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let status: GroupStatus = outcome == .won ? .won : .lost
            try store.desk().setStatus(groupID: group, status, on: date.day, by: recorder.recorder).report.print(json: output.json)
        }
    }

    /// `group archive GROUP`: out of sight without an outcome.
    struct Archive: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "archive",
            abstract: "Archive a group: it leaves next, the digest and group list; its history stays."
        )

        @Argument(help: "The group id.") var group: String

        @OptionGroup var store: StoreOptions
        @OptionGroup var date: DateOptions
        @OptionGroup var recorder: RecorderOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try store.desk().setStatus(groupID: group, .archived, on: date.day, by: recorder.recorder).report.print(json: output.json)
        }
    }

    /// `group reopen GROUP`: a closed or archived deal is worked again.
    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reopen", abstract: "Reopen a closed or archived group.")

        @Argument(help: "The group id.") var group: String

        @OptionGroup var store: StoreOptions
        @OptionGroup var date: DateOptions
        @OptionGroup var recorder: RecorderOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try store.desk().setStatus(groupID: group, .open, on: date.day, by: recorder.recorder).report.print(json: output.json)
        }
    }
}

import ArgumentParser
import Foundation
import NextSend
import NextSendStore

extension NextSendCommand {
    /// `consumed GROUP ASSET --by-recipient S[,S]`: an earlier send was read, watched or used.
    struct Consumed: ParsableCommand {
        static let configuration = CommandConfiguration(
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
            let store = try store.open()
            let group = try store.existingGroup(id: self.group)
            for person in people where group.stakeholder(person) == nil {
                throw UserError.badData("--by-recipient: no stakeholder '\(person)' in \(group.id)"
                    + Suggestion.hint(for: person, in: group.stakeholders.map(\.id)))
            }
            let marked = try store.markConsumed(asset: asset, in: group.id, recipients: people, date: date, by: recorder.recorder)
            if output.json {
                try Console.printJSON(marked.map { ["recipient": $0.recipient, "date": $0.date.description] })
                return
            }
            let words = Vocabulary(try store.taxonomy())
            var names = words.names(in: group)
            Console.print("Marked consumed: \(asset) for " + Words.list(marked.map { "\(names.mention($0.recipient)) (sent \($0.date))" }) + ".")
        }
    }
}

import ArgumentParser
import NextSend
import NextSendReports

extension NextSendCommand.Catalog {
    struct Preview: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "preview",
            abstract: "How an asset would read as a pick for a group: its reason and send-to, or why it would not be picked.",
            discussion: "Picked: its rank, reason and send-to as `next` shows them. Otherwise the reason it would get on its own and why the picks rank above it, or why it is never picked there (not live, dismissed, or serving none of the group's needs)."
        )

        @Argument(help: "The asset id.") var id: String
        @Option(help: ArgumentHelp("The buying group.", valueName: "id")) var group: String

        @OptionGroup var store: StoreOptions
        @OptionGroup var date: DateOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let answer = try store.desk().preview(assetID: id, groupID: group, asOf: date.day)
            if output.json {
                try Console.printJSON(answer)
                return
            }
            Console.print(Preview.text(answer))
        }

        static func text(_ answer: PreviewAnswer) -> String {
            let preview = answer.preview
            var lines: [String] = []
            switch preview.verdict {
            case .picked:
                lines.append("\(preview.asset) is pick \(preview.rank ?? 0) for \(answer.account) (\(preview.group)).")
            case .ranksLower:
                lines.append("\(preview.asset) serves \(answer.account) (\(preview.group)) but is not among its picks: \(preview.why ?? "").")
            case .notPicked:
                lines.append("\(preview.asset) would not be picked for \(answer.account) (\(preview.group)): \(preview.why ?? "").")
            }
            if let reason = preview.reason {
                lines.append("  reason   \(reason)")
                lines.append("  send to  \(answer.sendToNames.joined(separator: ", "))")
            }
            return lines.joined(separator: "\n")
        }
    }
}

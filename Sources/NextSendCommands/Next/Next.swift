import ArgumentParser
import NextSend
import NextSendReports
import NextSendStore

extension NextSendCommand {
    struct Next: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "next",
            abstract: "What to send next to a buying group, to whom, and why.",
            discussion: "Ranks the live catalog against the group's needs (conflicts, stalled jobs, unreached people, active jobs). Never recommends drafts, retired or expired assets, nor anything a person received in the last 30 days."
        )

        @Argument(help: "The group id.") var group: String
        @Option(help: "How many recommendations.") var limit = 5
        @Option(help: ArgumentHelp("Only what can go to this stakeholder.", valueName: "stakeholder")) var to: String?
        @Flag(help: "Show how each score is made up.") var explain = false

        @OptionGroup var store: StoreOptions
        @OptionGroup var date: DateOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard (1...50).contains(limit) else { throw ValidationError("--limit must be between 1 and 50.") }
        }

        func run() throws {
            let answer = try store.desk().next(groupID: group, limit: limit, to: to, asOf: date.day)
            if output.json {
                try Console.printJSON(answer.report(explain: explain))
                return
            }
            switch answer {
            case let .closed(report):
                Console.print(report.message)
            case let .picks(advice, group, taxonomy):
                Console.print(RecommendationText.render(advice, group: group, vocabulary: Vocabulary(taxonomy), explain: explain))
            }
        }
    }
}

/// Recommendations as a rep reads them in a terminal.
enum RecommendationText {
    static func render(_ advice: Advice, group: BuyingGroup, vocabulary: Vocabulary, explain: Bool) -> String {
        var lines = ["Next for \(group.title) (\(group.id)) as of \(advice.diagnosis.asOf):", ""]
        if advice.recommendations.isEmpty {
            lines.append(vocabulary.nothingToSend(advice.diagnosis))
            return lines.joined(separator: "\n")
        }
        for (pick, row) in zip(advice.recommendations, vocabulary.pickRows(advice.recommendations, in: group)) {
            lines.append("\(row.rank). \(row.title) [\(row.asset)]")
            lines.append("   send to: " + row.sendTo)
            lines.append("   why: " + row.reason)
            if explain {
                lines.append("   score \(NumberText.plain(pick.score)):")
                for part in pick.breakdown {
                    let value = part.kind == .need ? "+\(NumberText.plain(part.value))" : "×\(NumberText.plain(part.value))"
                    lines.append("     \(value.padding(toLength: 8, withPad: " ", startingAt: 0)) \(part.name) — \(part.detail)")
                }
            }
            lines.append("")
        }
        return lines.joined(separator: "\n").trimmingCharacters(in: .newlines)
    }
}

import ArgumentParser
import NextSend
import NextSendStore

extension NextSendCommand {
    struct Next: ParsableCommand {
        static let configuration = CommandConfiguration(
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
            let store = try store.open()
            let group = try store.existingGroup(id: self.group)
            let (status, closedOn) = try store.status(ofGroup: group.id)
            guard status.isOpen else {
                // A closed deal gets no picks: say so rather than print an empty list.
                let text = "\(group.account) (\(group.id)) is \(status == .archived ? "archived" : "closed as \(status.rawValue)")"
                    + "\(closedOn.map { " since \($0)" } ?? ""); nothing to send. 'nextsend group reopen \(group.id)' if it is back."
                if output.json {
                    try Console.printJSON(ClosedGroupReport(group: group.id, asOf: date.day.description, status: status.rawValue,
                                                            message: text))
                } else {
                    Console.print(text)
                }
                return
            }
            if let to, group.stakeholder(to) == nil {
                throw UserError.badData("no stakeholder '\(to)' in \(group.id); expected one of \(group.stakeholders.map(\.id).joined(separator: ", "))")
            }
            let advisor = try store.advisor(asOf: date.day)
            let advice = try advisor.advise(group, asOf: date.day, limit: limit, to: to)
            if output.json {
                try Console.printJSON(RecommendationReport(group: group.id, asOf: advice.diagnosis.asOf, advice.recommendations, explain: explain))
            } else {
                Console.print(RecommendationText.render(advice, group: group, vocabulary: Vocabulary(advisor.taxonomy), explain: explain))
            }
        }
    }
}

/// `next --json` for a closed or archived group: no recommendations, and why.
struct ClosedGroupReport: Encodable {
    var group: String
    var asOf: String
    var status: String
    var message: String
    var recommendations: [String] = []
}

/// Recommendations as a rep reads them in a terminal.
enum RecommendationText {
    static func render(_ advice: Advice, group: BuyingGroup, vocabulary: Vocabulary, explain: Bool) -> String {
        var lines = ["Next for \(group.account) (\(group.id)) as of \(advice.diagnosis.asOf):", ""]
        if advice.recommendations.isEmpty {
            lines.append(advice.diagnosis.needs.isEmpty
                ? "Nothing to send: no open conflict, no stalled or active job, everyone reached."
                : "Nothing in the live catalog serves this group's needs; the marketing digest lists such gaps.")
            return lines.joined(separator: "\n")
        }
        for pick in advice.recommendations {
            var names = vocabulary.names(in: group)
            lines.append("\(pick.rank). \(pick.asset.title) [\(pick.asset.id)]")
            lines.append("   send to: " + pick.sendTo.map { names.mention($0) }.joined(separator: ", "))
            lines.append("   why: " + pick.reason)
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

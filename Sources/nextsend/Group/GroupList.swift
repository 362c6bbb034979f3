import ArgumentParser
import NextSend
import NextSendStore

extension NextSendCommand.Group {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List buying groups with their open conflicts and stalled jobs.")

        @Option(help: ArgumentHelp("Only this rep's groups.", valueName: "rep")) var owner: String?
        @Flag(help: "Closed and archived groups too.") var all = false

        @OptionGroup var store: StoreOptions
        @OptionGroup var date: DateOptions
        @OptionGroup var output: OutputOptions

        struct Line: Encodable {
            var id: String
            var account: String
            var owner: String
            var stakeholders: Int
            var conflicts: Int
            var stalled: [String]
            var unengaged: Int
            var urgency: Double
        }

        func run() throws {
            let store = try store.open()
            if let owner { try store.requireOwner(owner) }
            let asOf = date.day
            let advisor = try store.advisor(asOf: asOf)
            let lines = try store.groups(owner: owner, includeClosed: all).map { group in
                let diagnosis = advisor.diagnose(group, asOf: asOf)
                return Line(id: group.id, account: group.account, owner: group.owner, stakeholders: group.stakeholders.count,
                            conflicts: diagnosis.conflicts.count, stalled: diagnosis.stalledJobs.map(\.job.rawValue),
                            unengaged: diagnosis.unengaged.count, urgency: Rounding.score(diagnosis.urgency))
            }
            if output.json {
                try Console.printJSON(lines)
                return
            }
            if lines.isEmpty {
                Console.error(owner.map { "No open groups owned by \($0); --all lists closed ones too." }
                    ?? (all ? "No groups yet; import some with 'nextsend group import'." : "No open groups; --all lists closed ones too."))
                return
            }
            Console.print(Console.table(lines.map { line in
                [line.id, line.account, line.owner, String(line.stakeholders), String(line.conflicts),
                 line.stalled.isEmpty ? "-" : line.stalled.joined(separator: ", "), String(line.unengaged)]
            }, header: ["ID", "ACCOUNT", "OWNER", "PEOPLE", "CONFLICTS", "STALLED", "UNREACHED"]))
        }
    }
}

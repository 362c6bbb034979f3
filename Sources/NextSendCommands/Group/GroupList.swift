import ArgumentParser
import NextSend
import NextSendReports
import NextSendStore

extension NextSendCommand.Group {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List buying groups with their open conflicts and stalled jobs.")

        @Option(help: ArgumentHelp("Only this rep's groups.", valueName: "rep")) var owner: String?
        @Flag(help: "Closed and archived groups too.") var all = false

        @OptionGroup var store: StoreOptions
        @OptionGroup var date: DateOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let lines = try store.desk().groupLines(owner: owner, includeClosed: all, asOf: date.day)
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
                [line.id, line.deal.map { "\(line.account) — \($0)" } ?? line.account, line.owner, String(line.stakeholders), String(line.conflicts),
                 line.stalled.isEmpty ? "-" : line.stalled.joined(separator: ", "), String(line.unengaged), String(line.missingVoices),
                 line.direction.rawValue]
            }, header: ["ID", "ACCOUNT", "OWNER", "PEOPLE", "CONFLICTS", "STALLED", "UNREACHED", "MISSING", "TREND"]))
        }
    }
}

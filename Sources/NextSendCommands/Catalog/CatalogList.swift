import ArgumentParser
import NextSend
import NextSendReports
import NextSendStore

extension NextSendCommand.Catalog {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List assets, filtered by tag or by a full-text search.")

        @Option(help: "Only assets for this buying job.") var job: BuyingJob?
        @Option(help: "Only assets for this role.") var role: String?
        @Option(help: "Only assets on this topic.") var topic: String?
        @Option(help: "Only assets of this format.") var format: String?
        @Option(help: "Only assets with this status (draft, published, retired).") var status: NextSendAsset.Status?
        @Option(help: ArgumentHelp("Full-text search over title, summary and body; best match first.", valueName: "text"))
        var search: String?

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let assets: [NextSendAsset]
            let desk = try store.desk()
            do {
                assets = try desk.assets(job: job?.rawValue, role: role, topic: topic, format: format,
                                                                  search: search, status: status)
            } catch let error as DeskError where error.kind == .badInput {
                // A mistyped filter is a usage error (64), caught where it is typed.
                throw ValidationError("--\(error.field ?? "filter"): \(error.message)")
            }
            if output.json {
                try Console.printJSON(assets, omitBody: true)
                return
            }
            if assets.isEmpty {
                let suggestion: String? = try search.flatMap { try desk.searchSuggestion($0) }
                let hint = suggestion.map { "; did you mean '\($0)'?" } ?? "."
                Console.error("No asset matches\(search == nil ? "" : " '\(search!)'")\(hint)")
                return
            }
            let rows = assets.map { asset in
                [asset.id, asset.format, asset.status.rawValue, asset.primaryJob?.rawValue ?? "", asset.title]
            }
            Console.print(Console.table(rows, header: ["ID", "FORMAT", "STATUS", "PRIMARY JOB", "TITLE"]))
        }
    }
}

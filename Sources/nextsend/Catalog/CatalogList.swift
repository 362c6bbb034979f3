import ArgumentParser
import NextSend
import NextSendStore

extension NextSendCommand.Catalog {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List assets, filtered by tag or by a full-text search.")

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
            let store = try store.open()
            // A mistyped filter is caught where it is typed, not answered with "No asset matches".
            let taxonomy = role == nil && topic == nil && format == nil ? nil : try store.taxonomy()
            for (option, value, known) in [("--role", role, taxonomy?.roles ?? []), ("--topic", topic, taxonomy?.topics.map(\.id) ?? []),
                                           ("--format", format, taxonomy?.formats ?? [])] {
                if let value, !known.contains(value) {
                    throw ValidationError("\(option): '\(value)' is not in the taxonomy\(Suggestion.hint(for: value, in: known))")
                }
            }
            let filter = AssetFilter(job: job, role: role, topic: topic, format: format, status: status, search: search)
            let assets = try store.assets(matching: filter)
            if output.json {
                try Console.printJSON(assets, omitBody: true)
                return
            }
            if assets.isEmpty {
                Console.error("No asset matches.")
                return
            }
            let rows = assets.map { asset in
                [asset.id, asset.format, asset.status.rawValue, asset.primaryJob?.rawValue ?? "", asset.title]
            }
            Console.print(Console.table(rows, header: ["ID", "FORMAT", "STATUS", "PRIMARY JOB", "TITLE"]))
        }
    }
}

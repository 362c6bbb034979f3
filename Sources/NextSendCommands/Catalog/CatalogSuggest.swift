import ArgumentParser
import NextSend
import NextSendReports

extension NextSendCommand.Catalog {
    struct Suggest: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "suggest",
            abstract: "Propose jobs, roles, topics and industries an asset's own words point to, each with the sentence that did.",
            discussion: """
                Reads the title, summary and body against the taxonomy's topic labels and says: phrases, role names and labels, \
                the stored CRM mappings' title words for each role, industry names and the common words for each buying job. \
                Tags the asset already has are left out. Nothing is applied: review, then run the catalog tag command printed.
                """
        )

        @Argument(help: ArgumentHelp("The asset ids.", valueName: "id")) var ids: [String] = []
        @Flag(name: .long, help: "Every asset that is not retired.") var all = false

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if ids.isEmpty == !all { throw ValidationError("Name asset ids, or --all for every asset.") }
        }

        func run() throws {
            let found = try store.desk().tagSuggestions(ids: ids)
            if output.json {
                try Console.printJSON(found)
                return
            }
            Console.print(Suggest.text(found, all: all))
        }

        static func text(_ found: [AssetSuggestions], all: Bool) -> String {
            var blocks: [String] = []
            for item in found where !item.suggestions.isEmpty || !all {
                guard !item.suggestions.isEmpty, let command = item.command else {
                    blocks.append("\(item.asset): nothing to suggest; its words name no tag it lacks.")
                    continue
                }
                var lines = ["\(item.asset) — \(item.title)"]
                for suggestion in item.suggestions {
                    let more = suggestion.sentences > 1 ? " (and \(Words.count(suggestion.sentences - 1, "more sentence")))" : ""
                    let field = ["jobs": "job", "roles": "role", "topics": "topic", "industries": "industry"][suggestion.field] ?? suggestion.field
                    lines.append("  \(field) \(suggestion.value): “\(Suggest.clip(suggestion.sentence))”\(more)")
                }
                lines.append("  to apply: \(command)")
                blocks.append(lines.joined(separator: "\n"))
            }
            if blocks.isEmpty { return "Nothing to suggest: every asset's words name only tags it has." }
            return blocks.joined(separator: "\n\n")
        }

        /// A sentence cut to about 140 characters at a word.
        static func clip(_ sentence: String) -> String {
            guard sentence.count > 140 else { return sentence }
            let cut = sentence.prefix(140)
            return String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + "…"
        }
    }
}

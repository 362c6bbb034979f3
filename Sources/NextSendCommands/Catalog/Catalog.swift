import ArgumentParser

extension NextSendCommand {
    /// `nextsend catalog …`: the enablement content, kept as Markdown files and stored in SQLite.
    struct Catalog: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "catalog",
            abstract: "Import, lint, search, tag and measure the catalog of enablement content.",
            subcommands: [Import.self, List.self, Show.self, Lint.self, Tag.self, Suggest.self, Preview.self, Coverage.self]
        )
    }
}

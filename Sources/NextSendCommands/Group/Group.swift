import ArgumentParser

extension NextSendCommand {
    /// `nextsend group …`: buying groups, their history and their diagnosis.
    struct Group: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "group",
            abstract: "Import, inspect and update buying groups.",
            subcommands: [Import.self, List.self, Show.self, ClaimCommand.self, EventCommand.self, StakeholderCommand.self,
                          Close.self, Archive.self, Reopen.self]
        )
    }
}

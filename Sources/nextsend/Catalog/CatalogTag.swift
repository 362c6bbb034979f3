import ArgumentParser
import Foundation
import NextSend
import NextSendStore

extension NextSendCommand.Catalog {
    struct Tag: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add or remove job, role and topic tags, in the asset's file and in the store.",
            discussion: "Edits only the lines it must: the body, other fields and comments stay byte for byte. The result is validated before anything is written."
        )

        @Argument(help: "The asset id.") var id: String

        @Option(name: .customLong("add-job"), help: "A buying job to add (repeatable).") var addJob: [String] = []
        @Option(name: .customLong("remove-job"), help: "A buying job to remove (repeatable).") var removeJob: [String] = []
        @Option(name: .customLong("add-role"), help: "A role to add (repeatable).") var addRole: [String] = []
        @Option(name: .customLong("remove-role"), help: "A role to remove (repeatable).") var removeRole: [String] = []
        @Option(name: .customLong("add-topic"), help: "A topic to add (repeatable).") var addTopic: [String] = []
        @Option(name: .customLong("remove-topic"), help: "A topic to remove (repeatable).") var removeTopic: [String] = []

        @Option(help: ArgumentHelp("The catalog folder holding ID.md (default: where it was imported from).", valueName: "dir"))
        var dir: String?

        @OptionGroup var store: StoreOptions
        @OptionGroup var date: DateOptions
        @OptionGroup var output: OutputOptions

        var edit: TagEdit {
            TagEdit(addJobs: addJob, removeJobs: removeJob, addRoles: addRole, removeRoles: removeRole,
                    addTopics: addTopic, removeTopics: removeTopic)
        }

        func validate() throws {
            // The id names a file: only a plain id, never a path.
            guard Identifier.isValid(id) else { throw ValidationError("'\(id)' is not an asset id (lowercase letters, digits and hyphens).") }
            if edit.isEmpty { throw ValidationError("Name at least one tag to add or remove, e.g. --add-role finance.") }
        }

        func run() throws {
            let outcome = try store.open().tagAsset(id: id, edit: edit, folder: dir, asOf: date.day)
            let asset = outcome.asset
            if output.json {
                try Console.printJSON(asset, omitBody: true)
            } else {
                Console.print("\(id): jobs [\(asset.jobs.map(\.rawValue).joined(separator: ", "))], "
                    + "roles [\(asset.roles.joined(separator: ", "))], topics [\(asset.topics.joined(separator: ", "))]"
                    + (outcome.changed ? "" : " (unchanged)"))
            }
        }
    }
}

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

        func validate() throws {
            // The id names a file: only a plain id, never a path.
            guard Identifier.isValid(id) else { throw ValidationError("'\(id)' is not an asset id (lowercase letters, digits and hyphens).") }
            if (addJob + removeJob + addRole + removeRole + addTopic + removeTopic).isEmpty {
                throw ValidationError("Name at least one tag to add or remove, e.g. --add-role finance.")
            }
        }

        func run() throws {
            let store = try store.open()
            let taxonomy = try store.taxonomy()
            let path: String
            if let dir {
                path = (dir as NSString).appendingPathComponent("\(id).md")
            } else if let stored = try store.assetPath(id: id) {
                path = stored
            } else {
                path = "content/catalog/\(id).md"
            }
            let original = try ContentFolder.readText(path: path, what: "asset file")
            var text = original
            do {
                text = try FrontMatterEditor.edit(text, field: "jobs", add: addJob, remove: removeJob)
                text = try FrontMatterEditor.edit(text, field: "roles", add: addRole, remove: removeRole)
                text = try FrontMatterEditor.edit(text, field: "topics", add: addTopic, remove: removeTopic)
            } catch let failure as FrontMatterEditor.Failure {
                throw ValidationFailure([Diagnostic(.error, file: path, line: 1, field: nil, message: failure.description)])
            }
            let result = AssetParser.parse(text, id: id, file: path, taxonomy: taxonomy, asOf: date.day)
            guard let asset = result.asset else { throw ValidationFailure(result.diagnostics) }
            if text != original {
                try ContentFolder.writeAtomically(text, to: path)
                try store.saveAsset(asset, path: path)
            }
            if output.json {
                try Console.printJSON(asset, omitBody: true)
            } else {
                Console.print("\(id): jobs [\(asset.jobs.map(\.rawValue).joined(separator: ", "))], "
                    + "roles [\(asset.roles.joined(separator: ", "))], topics [\(asset.topics.joined(separator: ", "))]"
                    + (text == original ? " (unchanged)" : ""))
            }
        }
    }
}

import ArgumentParser
import Foundation
import NextSend
import NextSendReports
import NextSendStore

extension NextSendCommand.Catalog {
    struct Tag: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tag",
            abstract: "Add or remove jobs, roles, topics, industries and resolves, or set shareable, in asset files and in the store.",
            discussion: """
                Edits only the lines it must: the body, other fields and comments stay byte for byte. Several ids take the same \
                edit, all or nothing: every edited asset is validated before any file or the store changes. Removing a topic that \
                resolves still names is refused unless --with-resolves (which removes it from both); a topic added to resolves is \
                added to topics too.
                """
        )

        @Argument(help: ArgumentHelp("The asset ids.", valueName: "id")) var ids: [String]

        @Option(name: .customLong("add-job"), help: "A buying job to add (repeatable).") var addJob: [String] = []
        @Option(name: .customLong("remove-job"), help: "A buying job to remove (repeatable).") var removeJob: [String] = []
        @Option(name: .customLong("add-role"), help: "A role to add (repeatable).") var addRole: [String] = []
        @Option(name: .customLong("remove-role"), help: "A role to remove (repeatable).") var removeRole: [String] = []
        @Option(name: .customLong("add-topic"), help: "A topic to add (repeatable).") var addTopic: [String] = []
        @Option(name: .customLong("remove-topic"), help: "A topic to remove (repeatable).") var removeTopic: [String] = []
        @Option(name: .customLong("add-industry"), help: "An industry edition to add (repeatable).") var addIndustry: [String] = []
        @Option(name: .customLong("remove-industry"), help: "An industry to remove (repeatable).") var removeIndustry: [String] = []
        @Option(name: .customLong("add-resolves"), help: "A topic whose conflicts the asset settles (repeatable).") var addResolves: [String] = []
        @Option(name: .customLong("remove-resolves"), help: "A topic to take out of resolves (repeatable).") var removeResolves: [String] = []
        @Flag(name: .customLong("with-resolves"), help: "Removing a topic removes it from resolves too.") var withResolves = false
        @Option(help: ArgumentHelp("Whether a rep may forward the asset as is: true or false.", valueName: "bool")) var shareable: Bool?

        @Option(help: ArgumentHelp("The catalog folder holding ID.md (default: where it was imported from).", valueName: "dir"))
        var dir: String?

        @OptionGroup var store: StoreOptions
        @OptionGroup var date: DateOptions
        @OptionGroup var output: OutputOptions

        var edit: TagEdit {
            TagEdit(addJobs: addJob, removeJobs: removeJob, addRoles: addRole, removeRoles: removeRole,
                    addTopics: addTopic, removeTopics: removeTopic, addIndustries: addIndustry, removeIndustries: removeIndustry,
                    addResolves: addResolves, removeResolves: removeResolves, withResolves: withResolves, shareable: shareable)
        }

        func validate() throws {
            // An id names a file: only a plain id, never a path.
            for id in ids where !Identifier.isValid(id) {
                throw ValidationError("'\(id)' is not an asset id (lowercase letters, digits and hyphens).")
            }
            if edit.isEmpty { throw ValidationError("Name at least one tag to add or remove, e.g. --add-role finance.") }
        }

        func run() throws {
            let outcomes = try store.desk().tagAssets(ids: ids, edit: edit, folder: dir, asOf: date.day)
            if output.json {
                let assets = outcomes.map(\.asset)
                if assets.count == 1 { try Console.printJSON(assets[0], omitBody: true) } else { try Console.printJSON(assets, omitBody: true) }
                return
            }
            Console.print(outcomes.map { outcome in
                let asset = outcome.asset
                return "\(asset.id): jobs [\(asset.jobs.map(\.rawValue).joined(separator: ", "))], "
                    + "roles [\(asset.roles.joined(separator: ", "))], topics [\(asset.topics.joined(separator: ", "))]"
                    + (asset.industries.isEmpty ? "" : ", industries [\(asset.industries.joined(separator: ", "))]")
                    + (asset.resolves.isEmpty ? "" : ", resolves [\(asset.resolves.map(\.topic).joined(separator: ", "))]")
                    + ", \(asset.shareable ? "shareable" : "not shareable")"
                    + (outcome.changed ? "" : " (unchanged)")
            }.joined(separator: "\n"))
        }
    }
}

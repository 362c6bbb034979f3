import ArgumentParser
import Logging
import NextSend
import NextSendReports
import NextSendStore

extension NextSendCommand.Group {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import buying groups from YAML files or JSON Lines, merged with what reps recorded.",
            discussion: """
                FILE is a .yaml/.yml file (one group), a .jsonl file (one group per line), or a folder of them. The input is \
                checked against the stored taxonomy and catalog as it is merged, in one transaction; any error anywhere \
                writes nothing (exit 65). Each file is a \
                source: importing it again replaces only what it brought before (compared fact by fact) and keeps what reps \
                recorded. --replace also removes recorded history, after saying how much. --dry-run prints the plan and writes nothing.
                """
        )

        @Argument(help: "A group file or a folder of group files.") var path: String
        @Flag(help: "Also remove what reps recorded in these groups (the counts are printed first).") var replace = false
        @Flag(name: .customLong("dry-run"), help: "Print what the import would do; write nothing.") var dryRun = false

        @OptionGroup var store: StoreOptions
        @OptionGroup var date: DateOptions
        @OptionGroup var log: LogOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let desk = try store.desk()
            if replace && !dryRun {
                // Say what --replace will remove before removing it (cron reads it in the log).
                let plan = try desk.importGroups(path: path, asOf: date.day, replace: true, dryRun: true, logger: .silent)
                if plan.summary.otherRemoved > 0 {
                    Console.error("--replace removes \(Words.count(plan.summary.otherRemoved, "recorded fact")) in "
                        + "\(Words.count(plan.summary.groupsWithRemovals.count, "group")): \(Words.list(plan.summary.groupsWithRemovals, limit: 10)).")
                }
            }
            let result = try desk.importGroups(path: path, asOf: date.day, replace: replace, dryRun: dryRun, logger: log.logger)
            for warning in result.warnings { Console.error(warning.description) }
            if output.json {
                try Console.printJSON(result.summary)
                return
            }
            Console.print(GroupImportText.render(result.summary, path: path, verbose: log.verbose))
        }
    }
}

/// An import's summary as a person reads it.
enum GroupImportText {
    static func render(_ summary: GroupImportSummary, path: String, verbose: Bool) -> String {
        let facts = summary.facts
        var lines = [(summary.dryRun ? "Would import" : "Imported") + " \(path): "
            + "\(Words.count(summary.added.count, "new group")), \(summary.updated.count) updated, \(summary.unchanged.count) unchanged; "
            + "facts \(facts.added) added, \(facts.changed) changed, \(facts.removed) removed, \(facts.kept) kept from elsewhere"
            + (summary.replace ? ", \(summary.otherRemoved) recorded removed (--replace)" : "") + "."]
        if !summary.groupsKeepingOthers.isEmpty {
            lines.append("  recorded history kept in: " + Words.list(summary.groupsKeepingOthers, limit: verbose ? .max : 10))
        }
        if !summary.groupsWithRemovals.isEmpty {
            lines.append("  something removed in: " + Words.list(summary.groupsWithRemovals, limit: verbose ? .max : 10))
        }
        if verbose {
            for change in summary.groups {
                let f = change.facts
                lines.append("  \(change.group): \(change.isNew ? "new" : change.changedAnything ? "updated" : "unchanged"); "
                    + "+\(f.added) ~\(f.changed) -\(f.removed) kept \(f.kept)" + (change.otherRemoved > 0 ? ", \(change.otherRemoved) recorded removed" : ""))
            }
        }
        if summary.dryRun { lines.append("Nothing was written (--dry-run).") }
        return lines.joined(separator: "\n")
    }
}

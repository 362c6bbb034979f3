import ArgumentParser
import NextSend
import NextSendStore

extension NextSendCommand.Group {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import buying groups from YAML files or JSON Lines, all or nothing.",
            discussion: "FILE is a .yaml/.yml file (one group), a .jsonl file (one group per line), or a folder of them. The whole input is checked against the stored taxonomy and catalog first; any error writes nothing (exit 65). Re-importing a group replaces its state."
        )

        @Argument(help: "A group file or a folder of group files.") var path: String

        @OptionGroup var store: StoreOptions
        @OptionGroup var log: LogOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let result = try store.open().importGroups(path: path, logger: log.logger)
            for warning in result.warnings { Console.error(warning.description) }
            if output.json {
                try Console.printJSON(result.summary)
                return
            }
            let summary = result.summary
            Console.print("Imported \(Words.count(summary.added.count + summary.replaced.count, "group")) from \(path): "
                + "\(summary.added.count) new, \(summary.replaced.count) replaced.")
        }
    }
}

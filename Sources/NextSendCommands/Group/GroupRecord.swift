import ArgumentParser
import NextSend
import NextSendReports
import NextSendStore

extension NextSendCommand.Group {
    struct ClaimCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "claim",
            abstract: "Record what a stakeholder now holds on a topic (their earlier claims stay in the history).",
            discussion: "A choice topic takes --position, a number topic takes --value."
        )

        @Argument(help: "The group id.") var group: String
        @Option(help: "The stakeholder id.") var stakeholder: String
        @Option(help: "The topic id.") var topic: String
        @Option(help: "The position held, for a choice topic.") var position: String?
        @Option(help: "The figure held, for a number topic.") var value: String?
        @Option(help: "Where they got it (analyst, peer, web, …).") var source: String?
        @Option(help: ArgumentHelp("The day of the claim (default: --as-of, else today).", valueName: "date")) var date: String?

        @OptionGroup var store: StoreOptions
        @OptionGroup var day: DateOptions
        @OptionGroup var recorder: RecorderOptions

        func run() throws {
            var fields = ["stakeholder": stakeholder, "topic": topic, "date": date ?? day.day.description]
            fields["position"] = position
            fields["value"] = value
            fields["source"] = source
            let desk = try store.desk()
            let recorded = try Recording.checked {
                try desk.recordClaim(groupID: group, fields: fields, today: day.day, by: recorder.recorder)
            }
            Console.print(recorded.report.message)
        }
    }

    struct EventCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "event",
            abstract: "Record that a buying job started, progressed, completed or was reopened."
        )

        @Argument(help: "The group id.") var group: String
        @Option(help: "The buying job.") var job: String
        @Option(help: "started, progressed, completed or reopened.") var type: String
        @Option(help: ArgumentHelp("The day it happened (default: --as-of, else today).", valueName: "date")) var date: String?
        @Option(help: "A short note.") var note: String?

        @OptionGroup var store: StoreOptions
        @OptionGroup var day: DateOptions
        @OptionGroup var recorder: RecorderOptions

        func run() throws {
            var fields = ["job": job, "type": type, "date": date ?? day.day.description]
            fields["note"] = note
            let desk = try store.desk()
            let recorded = try Recording.checked {
                try desk.recordEvent(groupID: group, fields: fields, today: day.day, by: recorder.recorder)
            }
            Console.print(recorded.report.message)
        }
    }

    struct StakeholderCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stakeholder",
            abstract: "Manage the people in a buying group.",
            subcommands: [Add.self]
        )

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a person to a buying group.")

            @Argument(help: "The group id.") var group: String
            @Option(help: "A kebab-case id for the person.") var id: String
            @Option(help: "Their full name.") var name: String
            @Option(help: "Their role (a role of the taxonomy).") var role: String
            @Option(help: "decision-maker, champion, influencer or user.") var influence: String
            @Option(help: "Their job title.") var title: String?

            @OptionGroup var store: StoreOptions
            @OptionGroup var recorder: RecorderOptions

            func run() throws {
                var fields = ["id": id, "name": name, "role": role, "influence": influence]
                fields["title"] = title
                let desk = try store.desk()
                let recorded = try Recording.checked {
                    try desk.addStakeholder(groupID: group, fields: fields, by: recorder.recorder)
                }
                Console.print(recorded.report.message)
            }
        }
    }
}

/// Shared steps of the commands that record new state.
enum Recording {
    /// Runs a check, naming fields as the user typed them: options as `--topic`, not `topic`, and
    /// positional arguments by their name in the usage (`ASSET`).
    static func checked<T>(positional: [String: String] = [:], _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let failure as ValidationFailure {
            throw ValidationFailure(failure.diagnostics.map { diagnostic in
                var diagnostic = diagnostic
                diagnostic.field = diagnostic.field.map { positional[$0] ?? "--" + $0 }
                return diagnostic
            })
        }
    }
}

import ArgumentParser
import NextSend
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
            let store = try store.open()
            let group = try store.existingGroup(id: self.group)
            var fields = ["stakeholder": stakeholder, "topic": topic, "date": date ?? day.day.description]
            fields["position"] = position
            fields["value"] = value
            fields["source"] = source
            let taxonomy = try store.taxonomy()
            let claim = try Recording.checked { try GroupParser.claim(fields, in: group, taxonomy: taxonomy, latest: day.day) }
            let outcome = try store.recordClaim(claim, to: group.id, by: recorder.recorder)
            let words = Vocabulary(taxonomy)
            var names = words.names(in: group)
            let fact = "\(names.mention(claim.stakeholder)) holds \(words.value(claim.value, topic: claim.topic)) "
                + "on \(words.topic(claim.topic)) as of \(claim.date)"
            switch outcome {
            case .added: Console.print("Recorded: \(fact).")
            case .changed: Console.print("Updated the claim of that day: \(fact).")
            case .unchanged: Console.print("Already recorded: \(fact).")
            }
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
            let store = try store.open()
            let group = try store.existingGroup(id: self.group)
            var fields = ["job": job, "type": type, "date": date ?? day.day.description]
            fields["note"] = note
            let event = try Recording.checked { try GroupParser.event(fields, latest: day.day) }
            let outcome = try store.recordEvent(event, to: group.id, by: recorder.recorder)
            Console.print("\(outcome == .added ? "Recorded" : "Already recorded"): \(Words.capitalized(event.job.phrase)) "
                + "\(event.type.rawValue) on \(event.date).")
        }
    }

    struct StakeholderCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stakeholder",
            abstract: "Manage the people in a buying group.",
            subcommands: [Add.self]
        )

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Add a person to a buying group.")

            @Argument(help: "The group id.") var group: String
            @Option(help: "A kebab-case id for the person.") var id: String
            @Option(help: "Their full name.") var name: String
            @Option(help: "Their role (a role of the taxonomy).") var role: String
            @Option(help: "decision-maker, champion, influencer or user.") var influence: String
            @Option(help: "Their job title.") var title: String?

            @OptionGroup var store: StoreOptions
            @OptionGroup var recorder: RecorderOptions

            func run() throws {
                let store = try store.open()
                let group = try store.existingGroup(id: self.group)
                var fields = ["id": id, "name": name, "role": role, "influence": influence]
                fields["title"] = title
                let taxonomy = try store.taxonomy()
                let person = try Recording.checked { try GroupParser.stakeholder(fields, in: group, taxonomy: taxonomy) }
                try store.addStakeholder(person, to: group.id, by: recorder.recorder)
                Console.print("Added \(Vocabulary(taxonomy).personWithInfluence(person)) to \(group.id).")
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

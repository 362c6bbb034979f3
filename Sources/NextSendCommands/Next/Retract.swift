import ArgumentParser
import NextSend
import NextSendReports
import NextSendStore

extension NextSendCommand {
    /// `retract GROUP KIND …`: withdraw a recorded fact; it stays in the history, marked.
    struct Retract: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retract",
            abstract: "Withdraw a recorded fact: it stays in the history, marked retracted, and stops counting.",
            discussion: """
                Name the fact by its key:
                  retract GROUP claim --stakeholder S --topic T --date D [--origin O]
                  retract GROUP event --job J --type started|progressed|completed|reopened --date D
                  retract GROUP send --asset A --to S[,S] --date D
                  retract GROUP consumed --asset A --to S[,S] --date D   (takes back a consumed mark; the send stays)
                  retract GROUP dismissal --asset A --date D
                  retract GROUP stakeholder --id S
                Recorded facts (from the CLI or the service) and claims read from notes can be retracted; a fact from a file or \
                a CRM is changed there. A retracted note claim never returns when the note is read again.
                """
        )

        enum Kind: String, ExpressibleByArgument, CaseIterable {
            case claim, event, send, consumed, dismissal, stakeholder
        }

        @Argument(help: "The group id.") var group: String
        @Argument(help: "What kind of fact: claim, event, send, consumed, dismissal or stakeholder.") var kind: Kind
        @Option(help: "The stakeholder (claim).") var stakeholder: String?
        @Option(help: "The topic (claim).") var topic: String?
        @Option(help: "The buying job (event).") var job: BuyingJob?
        @Option(help: "The event type (event).") var type: String?
        @Option(help: "The asset (send, dismissal).") var asset: String?
        @Option(help: ArgumentHelp("The recipients (send), comma separated.", valueName: "s[,s]")) var to: String?
        @Option(help: "The stakeholder id (stakeholder).") var id: String?
        @Option(help: ArgumentHelp("The fact's date.", valueName: "date")) var date: Day?
        @Option(help: ArgumentHelp("Where the claim came from, when a recorded and a note's claim share person, topic and day "
                                   + "(as group show --json lists it: recorded, note:…).", valueName: "origin")) var origin: String?

        @OptionGroup var store: StoreOptions
        @OptionGroup var asOf: DateOptions
        @OptionGroup var recorder: RecorderOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            _ = try fact()
        }

        /// The fact named by the options; a missing one is a usage error naming it.
        func fact() throws -> FactReference {
            func need<T>(_ value: T?, _ option: String) throws -> T {
                guard let value else { throw ValidationError("retract \(kind.rawValue) needs --\(option).") }
                return value
            }
            switch kind {
            case .claim:
                return .claim(stakeholder: try need(stakeholder, "stakeholder"), topic: try need(topic, "topic"), date: try need(date, "date"),
                              origin: origin)
            case .event:
                let name = try need(type, "type")
                guard let eventType = JobEvent.Kind(rawValue: name) else {
                    throw ValidationError("--type must be started, progressed, completed or reopened, not '\(name)'.")
                }
                return .event(job: try need(job, "job"), type: eventType, date: try need(date, "date"))
            case .send:
                let people = try need(to, "to").split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
                return .send(asset: try need(asset, "asset"), to: people, date: try need(date, "date"))
            case .consumed:
                let people = try need(to, "to").split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
                return .consumed(asset: try need(asset, "asset"), to: people, date: try need(date, "date"))
            case .dismissal:
                return .dismissal(asset: try need(asset, "asset"), date: try need(date, "date"))
            case .stakeholder:
                return .stakeholder(id: try need(id, "id"))
            }
        }

        func run() throws {
            let desk = try store.desk()
            try desk.retract(groupID: group, fact: try fact(), on: asOf.day, by: recorder.recorder).report.print(json: output.json)
        }
    }
}

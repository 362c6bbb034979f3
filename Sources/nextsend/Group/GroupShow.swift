import ArgumentParser
import NextSend
import NextSendStore

extension NextSendCommand.Group {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Where a deal really is: the six jobs, open conflicts and who nobody has reached."
        )

        @Argument(help: "The group id.") var id: String

        @OptionGroup var store: StoreOptions
        @OptionGroup var date: DateOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let store = try store.open()
            let taxonomy = try store.taxonomy()
            let group = try store.existingGroup(id: id)
            let diagnosis = Diagnoser.diagnose(group, taxonomy: taxonomy, asOf: date.day)
            if output.json {
                try Console.printJSON(DiagnosisReport(diagnosis, group: group, taxonomy: taxonomy))
            } else {
                Console.print(GroupText.render(diagnosis, group: group, taxonomy: taxonomy))
            }
        }
    }
}

/// A group's diagnosis as a person reads it in a terminal.
enum GroupText {
    static func render(_ diagnosis: Diagnosis, group: BuyingGroup, taxonomy: Taxonomy) -> String {
        var lines = ["\(group.account) (\(group.id)) · owner \(group.owner) · as of \(diagnosis.asOf)", ""]
        let rows = diagnosis.jobs.map { state -> [String] in
            let status: String
            switch state.status {
            case .notStarted: status = "not started"
            case .active: status = "active"
            case .stalled: status = Console.highlight("STALLED", "1;31")
            case .done: status = "done"
            }
            let idle = state.idleDays.map { "\($0)d" } ?? "-"
            var note = ""
            if state.status == .stalled { note = "idle past its \(state.stallDays)-day threshold" }
            if state.loops > 0 { note += (note.isEmpty ? "" : "; ") + "reopened \(state.loops)×" }
            return [state.job.rawValue, status, idle, String(state.loops), note]
        }
        lines.append(Console.table(rows, header: ["JOB", "STATUS", "IDLE", "LOOPS", ""]))

        lines.append("")
        if diagnosis.conflicts.isEmpty {
            lines.append("No open conflicts.")
        } else {
            lines.append("Open conflicts:")
            for conflict in diagnosis.conflicts {
                lines.append("  " + conflictLine(conflict, group: group, taxonomy: taxonomy))
            }
        }

        lines.append("")
        if diagnosis.unengaged.isEmpty {
            lines.append("Everyone was reached in the last \(Diagnoser.engagementWindowDays) days.")
        } else {
            lines.append("Nobody has reached (no touch or claim in \(Diagnoser.engagementWindowDays) days):")
            for id in diagnosis.unengaged {
                lines.append("  " + Describe.person(id, in: group, withInfluence: true))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// "tco (Three-year total cost of ownership): Dana Reyes (finance) $120,000 · Lee Park (it) $310,000"
    static func conflictLine(_ conflict: Conflict, group: BuyingGroup, taxonomy: Taxonomy) -> String {
        let topic = taxonomy.topic(conflict.topic)
        let sides = conflict.sides.map { side in
            let people = side.stakeholders.map { Describe.person($0, in: group) }.joined(separator: ", ")
            return "\(people): \(Describe.value(side.value, topic: topic))"
        }
        return "\(conflict.topic) (\(topic?.label ?? conflict.topic)) — " + sides.joined(separator: " vs ")
    }
}

/// Words for people and values, shared by every text output.
enum Describe {
    static func person(_ id: String, in group: BuyingGroup, withInfluence: Bool = false) -> String {
        guard let person = group.stakeholder(id) else { return id }
        return withInfluence ? "\(person.name) (\(person.role), \(person.influence))" : "\(person.name) (\(person.role))"
    }

    static func value(_ value: Claim.Value, topic: Topic?) -> String { Words.value(value, topic: topic) }
}

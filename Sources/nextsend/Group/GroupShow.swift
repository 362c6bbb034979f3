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
            let group = try store.existingGroup(id: id)
            let advisor = try store.advisor(asOf: date.day)
            let diagnosis = advisor.diagnose(group, asOf: date.day)
            if output.json {
                try Console.printJSON(DiagnosisReport(diagnosis, group: group, taxonomy: advisor.taxonomy))
            } else {
                Console.print(GroupText.render(diagnosis, group: group, vocabulary: Vocabulary(advisor.taxonomy)))
            }
        }
    }
}

/// A group's diagnosis as a person reads it in a terminal.
enum GroupText {
    static func render(_ diagnosis: Diagnosis, group: BuyingGroup, vocabulary words: Vocabulary) -> String {
        var lines = ["\(group.account) (\(group.id)) · owner \(group.owner) · as of \(diagnosis.asOf)", ""]
        let rows = diagnosis.jobs.map { state -> [String] in
            let status = state.status == .stalled ? Console.highlight("STALLED", "1;31") : words.status(state.status)
            let idle = state.idleDays.map { "\($0)d" } ?? "-"
            var note = ""
            if state.status == .stalled { note = "idle past its \(state.stallDays)-day threshold" }
            if state.loops > 0 { note += (note.isEmpty ? "" : "; ") + "reopened \(Words.times(state.loops))" }
            return [state.job.rawValue, status, idle, String(state.loops), note]
        }
        lines.append(Console.table(rows, header: ["JOB", "STATUS", "IDLE", "LOOPS", ""]))

        lines.append("")
        if diagnosis.conflicts.isEmpty {
            lines.append("No open conflicts.")
        } else {
            lines.append("Open conflicts:")
            for conflict in diagnosis.conflicts {
                var names = words.names(in: group)
                lines.append("  \(conflict.topic) (\(words.topicTitle(conflict.topic))) — " + words.conflictLine(conflict, names: &names))
            }
        }

        lines.append("")
        let window = Words.count(Diagnoser.engagementWindowDays, "day")
        if diagnosis.unengaged.isEmpty {
            lines.append("Everyone was reached in the last \(window).")
        } else {
            lines.append("Nobody has reached (no touch or claim in \(window)):")
            for id in diagnosis.unengaged {
                lines.append("  " + (group.stakeholder(id).map(words.personWithInfluence) ?? id))
            }
        }
        return lines.joined(separator: "\n")
    }
}

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
            let history = try store.history(ofGroup: id)
            let advisor = try store.advisor(asOf: date.day)
            let diagnosis = advisor.diagnose(group, asOf: date.day)
            if output.json {
                try Console.printJSON(GroupShowReport(diagnosis: DiagnosisReport(diagnosis, group: group, taxonomy: advisor.taxonomy),
                                                      history: history))
            } else {
                let words = Vocabulary(advisor.taxonomy)
                Console.print(GroupText.render(diagnosis, group: group, vocabulary: words)
                    + "\n\n" + GroupText.history(history, group: group, vocabulary: words))
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

    /// The sends as recorded, with where each came from, and what was retracted.
    static func history(_ history: GroupHistory, group: BuyingGroup, vocabulary words: Vocabulary) -> String {
        var lines: [String] = []
        if !history.status.isOpen {
            lines.append("Status: \(history.status.rawValue)\(history.statusDate.map { " on \($0)" } ?? ""); the group is out of next and the digest.")
            lines.append("")
        }
        if history.sends.isEmpty {
            lines.append("Nothing sent yet.")
        } else {
            lines.append("Sends:")
            for send in history.sends {
                var names = words.names(in: group)
                var notes = [send.channel, send.consumed ? "consumed" : nil, describe(send.provenance)].compactMap { $0 }
                if send.provenance.isRetracted { notes.append("RETRACTED by \(send.provenance.retractedBy!)") }
                lines.append("  \(send.date)  \(send.asset) → \(Words.list(send.to.map { names.mention($0) }))  (\(notes.joined(separator: "; ")))")
            }
        }
        if !history.dismissals.isEmpty {
            lines.append("")
            lines.append("Dismissed picks:")
            for entry in history.dismissals {
                let (dismissal, provenance) = (entry.dismissal, entry.provenance)
                let reason = dismissal.reason.map { " — “\($0)”" } ?? ""
                let state = provenance.isRetracted ? "; RETRACTED by \(provenance.retractedBy!)" : ""
                lines.append("  \(dismissal.date)  \(dismissal.asset)\(reason)  (\(describe(provenance))\(state))")
            }
        }
        let retracted = history.retracted
        if !retracted.isEmpty {
            lines.append("")
            lines.append("Retracted (kept in the history, no longer counted):")
            for item in retracted { lines.append("  \(item.fact) — retracted by \(item.provenance.retractedBy ?? "?")") }
        }
        return lines.joined(separator: "\n")
    }

    /// "recorded by alice", "from /path/groups/x.yaml".
    static func describe(_ provenance: Provenance) -> String {
        if provenance.origin == Origin.recorded { return "recorded by \(provenance.recordedBy ?? "unknown")" }
        if provenance.origin.hasPrefix("file:") { return "from " + provenance.origin.dropFirst(5) }
        return "from " + provenance.origin
    }
}

/// `group show --json`: the diagnosis in the brief's shape, plus the people and the sends with
/// their origins, the group's status, and what was retracted.
struct GroupShowReport: Encodable {
    struct Person: Encodable {
        var id, name, role, influence, origin: String
        var title, recordedBy, retractedBy: String?
    }

    struct Send: Encodable {
        var asset: String
        var to: [String]
        var date: String
        var channel: String?
        var consumed: Bool
        var origin: String
        var recordedBy: String?
        var retractedBy: String?
    }

    struct Retraction: Encodable {
        var fact: String
        var retractedBy: String?
    }

    var diagnosis: DiagnosisReport
    var history: GroupHistory

    struct DismissalEntry: Encodable {
        var asset: String
        var date: String
        var reason: String?
        var origin: String
        var recordedBy: String?
        var retractedBy: String?
    }

    enum Keys: String, CodingKey { case status, statusDate, stakeholders, touches, dismissals, retracted }

    func encode(to encoder: any Encoder) throws {
        try diagnosis.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(history.status.rawValue, forKey: .status)
        try container.encodeIfPresent(history.statusDate?.description, forKey: .statusDate)
        try container.encode(history.people.map { person in
            Person(id: person.stakeholder.id, name: person.stakeholder.name, role: person.stakeholder.role,
                   influence: person.stakeholder.influence, origin: person.provenance.origin, title: person.stakeholder.title,
                   recordedBy: person.provenance.recordedBy, retractedBy: person.provenance.retractedBy)
        }, forKey: .stakeholders)
        try container.encode(history.sends.map { send in
            Send(asset: send.asset, to: send.to, date: send.date.description, channel: send.channel, consumed: send.consumed,
                 origin: send.provenance.origin, recordedBy: send.provenance.recordedBy, retractedBy: send.provenance.retractedBy)
        }, forKey: .touches)
        try container.encode(history.dismissals.map { entry in
            let (dismissal, provenance) = (entry.dismissal, entry.provenance)
            return DismissalEntry(asset: dismissal.asset, date: dismissal.date.description, reason: dismissal.reason, origin: provenance.origin,
                           recordedBy: provenance.recordedBy, retractedBy: provenance.retractedBy)
        }, forKey: .dismissals)
        try container.encode(history.retracted.map { Retraction(fact: $0.fact, retractedBy: $0.provenance.retractedBy) }, forKey: .retracted)
    }
}

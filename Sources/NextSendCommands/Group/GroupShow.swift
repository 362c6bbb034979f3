import ArgumentParser
import NextSend
import NextSendReports
import NextSendStore

extension NextSendCommand.Group {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Where a deal really is: the six jobs, open conflicts and who nobody has reached."
        )

        @Argument(help: "The group id.") var id: String

        @OptionGroup var store: StoreOptions
        @OptionGroup var date: DateOptions
        @OptionGroup var output: OutputOptions
        @Flag(name: .long, help: "Print the last twelve weeks: open conflicts, stalled jobs, unreached people, missing voices and sends.")
        var trend = false

        func run() throws {
            let view = try store.desk().groupView(id: id, asOf: date.day)
            if output.json {
                try Console.printJSON(view.report)
            } else if trend {
                Console.print(GroupText.trend(view.trend, group: view.group))
            } else {
                let words = Vocabulary(view.taxonomy)
                Console.print(GroupText.render(view.diagnosis, group: view.group, vocabulary: words)
                    + "\n\n" + GroupText.history(view.history, group: view.group, vocabulary: words, asOf: view.diagnosis.asOf))
            }
        }
    }
}

/// A group's diagnosis as a person reads it in a terminal.
enum GroupText {
    static func render(_ diagnosis: Diagnosis, group: BuyingGroup, vocabulary words: Vocabulary) -> String {
        var lines = ["\(group.title) (\(group.id)) · owner \(group.owner) · as of \(diagnosis.asOf)"]
        if let deal = group.deal?.summary { lines.append("Deal: \(deal)") }
        lines.append("")
        let rows = diagnosis.jobs.map(words.jobRow).map { row -> [String] in
            // A terminal table keeps its columns narrow: the id, "12d".
            let status = row.isStalled ? Console.highlight("STALLED", "1;31") : row.status
            return [row.job.rawValue, status, row.idleDays.map { "\($0)d" } ?? "-", String(row.loops), row.note]
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
        if !diagnosis.missingVoices.isEmpty {
            lines.append("")
            lines.append("Missing voices (a role that usually weighs in, and nobody in it is known):")
            for line in words.missingVoiceLines(diagnosis, group: group) { lines.append("  " + line) }
        }
        return lines.joined(separator: "\n")
    }

    /// `group show --trend`: one row per week, oldest first, and the direction in words.
    static func trend(_ trend: ConsensusTrend, group: BuyingGroup) -> String {
        let rows = trend.weeks.map { week -> [String] in
            [week.week.description, week.asOf.description, String(week.conflicts), String(week.stalled), String(week.unreached),
             String(week.missingVoices), String(week.openProblems), week.sends == 0 ? "-" : "\(week.sends) (\(week.consumed) read)"]
        }
        return "\(group.title) (\(group.id)) — the last \(trend.weeks.count) weeks, each as of its Sunday\n\n"
            + Console.table(rows, header: ["WEEK", "AS OF", "CONFLICTS", "STALLED", "UNREACHED", "MISSING", "OPEN", "SENDS"])
            + "\n\n" + trend.direction.sentence + "."
    }

    /// The sends as recorded, with where each came from, and what was retracted.
    static func history(_ history: GroupHistory, group: BuyingGroup, vocabulary words: Vocabulary, asOf: Day) -> String {
        var lines: [String] = []
        if !history.status.isOpen {
            lines.append("Status: \(history.status.rawValue)\(history.statusDate.map { " on \($0)" } ?? ""); the group is out of next and the digest.")
            lines.append("")
        }
        // Each person's latest claim on each topic: what counts. `--json` lists every live claim.
        let current = history.currentClaims(asOf: asOf)
        if current.isEmpty {
            lines.append("No claims recorded.")
        } else {
            lines.append("Claims (each person's latest on each topic):")
            for entry in current {
                let row = words.claimRow(entry.claim, in: group)
                let origin = [row.source, describe(entry.provenance)].compactMap { $0 }.joined(separator: "; ")
                lines.append("  \(row.date)  \(row.person): \(row.holds) on \(row.topic)\(row.heard)  (\(origin))")
            }
        }
        lines.append("")
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

    /// "recorded by alice", "from the group file", "from groups.jsonl".
    static func describe(_ provenance: Provenance) -> String {
        if provenance.origin == Origin.recorded { return "recorded by \(provenance.recordedBy ?? "unknown")" }
        if provenance.origin.hasPrefix("file:") {
            let parts = provenance.origin.dropFirst(5).split(separator: ":")
            return parts.count > 1 ? "from " + parts[0] : "from the group file"
        }
        return "from " + provenance.origin
    }
}

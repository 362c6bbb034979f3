import NextSend
import NextSendReports
import NextSendStore

/// A form of the group page: what it records, through the same ``Desk`` call as the API.
protocol WebForm: Decodable, Sendable {
    /// Records the form and returns the sentence to show on the next page.
    func record(on desk: Desk, group: String, today: Day, by recorder: Recorder) throws -> String
}

/// "Mark sent": a pick went to the checked people.
struct SentForm: WebForm {
    var asset: String
    var to: [String]?
    var channel: String?
    /// The catalog search the form was sent from, shown again when the send is refused.
    var q: String?

    func record(on desk: Desk, group: String, today: Day, by recorder: Recorder) throws -> String {
        var fields = ["asset": asset, "to": (to ?? []).joined(separator: ",")]
        fields["channel"] = channel.flatMap { $0.isEmpty ? nil : $0 }
        guard !(to ?? []).isEmpty else { throw DeskError.badInput(field: "to", "tick at least one person to send it to") }
        var report = try desk.recordTouch(groupID: group, fields: fields, today: today, by: recorder).report
        // The page names an asset by its title, as a rep knows it.
        report.asset = try desk.title(ofAsset: asset)
        var names = try desk.names(inGroup: group)
        var sentence = report.sentences(names: &names).joined(separator: " ")
        for warning in report.warnings { sentence += " Warning: \(warning)" }
        return sentence
    }
}

/// "Record a claim": what someone now holds on a topic.
struct ClaimForm: WebForm, Equatable {
    var stakeholder: String
    var topic: String
    /// The position (choice topic) or the figure (number topic), as typed.
    var holds: String
    var source: String?

    func record(on desk: Desk, group: String, today: Day, by recorder: Recorder) throws -> String {
        let taxonomy = try desk.taxonomy()
        var fields = ["stakeholder": stakeholder, "topic": topic]
        let holds = holds.trimmingCharacters(in: .whitespaces)
        // One box for both kinds of topic: the taxonomy says which field it is.
        if case .number? = taxonomy.topic(topic)?.kind { fields["value"] = holds } else { fields["position"] = holds }
        fields["source"] = source.flatMap { $0.isEmpty ? nil : $0 }
        return try desk.recordClaim(groupID: group, fields: fields, today: today, by: recorder).report.message
    }
}

/// "Paste notes": call notes, an e-mail or a transcript, read into claims. `intent` is `preview`
/// (show what was read, store nothing) or `save`.
struct NotesForm: WebForm, Equatable {
    var text: String
    var date: String?
    var from: String?
    var intent: String?

    var isSave: Bool { intent == "save" }

    func read(on desk: Desk, group: String, today: Day, by recorder: Recorder, dryRun: Bool) throws -> NoteReport {
        let day = try date.flatMap { $0.isEmpty ? nil : $0 }.map { text -> Day in
            guard let day = Day(text) else { throw DeskError.badInput(field: "date", "'\(text)' is not a day; expected YYYY-MM-DD") }
            return day
        }
        return try desk.readNote(groupID: group, text: text, date: day, from: from.flatMap { $0.isEmpty ? nil : $0 }, today: today,
                                 by: recorder, dryRun: dryRun).report
    }

    func record(on desk: Desk, group: String, today: Day, by recorder: Recorder) throws -> String {
        let report = try read(on: desk, group: group, today: today, by: recorder, dryRun: false)
        return report.lines.first ?? ""
    }
}

/// "Dismiss": a rep says no to a pick.
struct DismissForm: WebForm {
    var asset: String
    var reason: String?

    func record(on desk: Desk, group: String, today: Day, by recorder: Recorder) throws -> String {
        _ = try desk.recordDismissal(groupID: group, asset: asset, date: nil, reason: reason, today: today, by: recorder)
        let title = try desk.title(ofAsset: asset)
        return "Dismissed \(title): out of this group's picks until \(today.adding(days: ScoringPolicy.standard.dismissalDays))."
    }
}

/// "Mark consumed" on a row of what was sent: the recipients of that send read it.
struct ConsumedForm: WebForm {
    var asset: String
    var to: [String]?
    var date: String?

    func record(on desk: Desk, group: String, today: Day, by recorder: Recorder) throws -> String {
        let day = try date.map { text -> Day in
            guard let day = Day(text) else { throw DeskError.badInput(field: "date", "'\(text)' is not a day") }
            return day
        }
        return try desk.markConsumed(groupID: group, asset: asset, recipients: to ?? [], date: day, by: recorder).report.message
    }
}

/// An undo on the page: a send, a consumed mark or a dismissal taken back (a retraction, kept in the history).
struct RetractForm: WebForm {
    var kind: String
    var asset: String
    var to: [String]?
    var date: String?

    func record(on desk: Desk, group: String, today: Day, by recorder: Recorder) throws -> String {
        guard ["send", "consumed", "dismissal"].contains(kind) else {
            throw DeskError.badInput(field: "kind", "the page takes back a send, a consumed mark or a dismissal, not '\(kind)'")
        }
        var fields = ["asset": asset]
        fields["date"] = date
        let fact = try Desk.fact(kind: kind, fields: fields, to: to)
        _ = try desk.retract(groupID: group, fact: fact, on: today, by: recorder)
        let title = try desk.title(ofAsset: asset)
        switch kind {
        case "send": return "Took back the send of \(title) on \(date ?? ""): it no longer counts."
        case "consumed": return "\(title) sent on \(date ?? "") is no longer marked consumed."
        default: return "\(title) is back among the picks."
        }
    }
}

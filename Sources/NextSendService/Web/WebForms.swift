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

    func record(on desk: Desk, group: String, today: Day, by recorder: Recorder) throws -> String {
        var fields = ["asset": asset, "to": (to ?? []).joined(separator: ",")]
        fields["channel"] = channel.flatMap { $0.isEmpty ? nil : $0 }
        let report = try desk.recordTouch(groupID: group, fields: fields, today: today, by: recorder).report
        var names = Vocabulary(try desk.store.taxonomy()).names(in: try desk.store.existingGroup(id: group))
        var sentence = report.sentences(names: &names).joined(separator: " ")
        for warning in report.warnings { sentence += " Warning: \(warning)" }
        return sentence
    }
}

/// "Record a claim": what someone now holds on a topic.
struct ClaimForm: WebForm {
    var stakeholder: String
    var topic: String
    /// The position (choice topic) or the figure (number topic), as typed.
    var holds: String
    var source: String?

    func record(on desk: Desk, group: String, today: Day, by recorder: Recorder) throws -> String {
        let taxonomy = try desk.store.taxonomy()
        var fields = ["stakeholder": stakeholder, "topic": topic]
        let holds = holds.trimmingCharacters(in: .whitespaces)
        // One box for both kinds of topic: the taxonomy says which field it is.
        if case .number? = taxonomy.topic(topic)?.kind { fields["value"] = holds } else { fields["position"] = holds }
        fields["source"] = source.flatMap { $0.isEmpty ? nil : $0 }
        return try desk.recordClaim(groupID: group, fields: fields, today: today, by: recorder).report.message
    }
}

/// "Dismiss": a rep says no to a pick.
struct DismissForm: WebForm {
    var asset: String
    var reason: String?

    func record(on desk: Desk, group: String, today: Day, by recorder: Recorder) throws -> String {
        try desk.recordDismissal(groupID: group, asset: asset, date: nil, reason: reason, today: today, by: recorder).report.message
    }
}

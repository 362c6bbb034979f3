import NextSend

/// `sent --json` and `POST /v1/groups/{id}/touches`: what recording a send did, person by person.
public struct TouchReport: Sendable, Hashable, Encodable {
    public var group: String
    public var asset: String
    public var to: [String]
    public var date: String
    public var channel: String?
    public var consumed: Bool
    /// Recipients the send was new for, already had it that day, or were newly marked consumed.
    public var added: [String]
    public var alreadyRecorded: [String]
    public var markedConsumed: [String]
    /// What a rep should hear about this send (one-sided content into a split group…).
    public var warnings: [String]
}

extension TouchReport {
    /// What recording the send did, as a rep reads it: who got it, who already had it that day,
    /// who was marked consumed. `names` mentions people ("Lee Park (IT)", then "Lee").
    public func sentences(names: inout PersonNames) -> [String] {
        var lines: [String] = []
        if !added.isEmpty {
            lines.append("Recorded: \(asset) sent to " + Words.list(added.map { names.mention($0) }) + " on \(date)" + (consumed ? " (consumed)." : "."))
        }
        let repeated = alreadyRecorded.filter { !markedConsumed.contains($0) }
        if !repeated.isEmpty {
            lines.append("Already recorded: \(asset) to " + Words.list(repeated.map { names.mention($0) })
                + " on \(date); a send is recorded once per person and day.")
        }
        if !markedConsumed.isEmpty {
            lines.append("Marked consumed: \(asset) for " + Words.list(markedConsumed.map { names.mention($0) }) + ".")
        }
        return lines
    }
}

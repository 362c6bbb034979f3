/// One claim as a person reads it — `group show`, the group's page and the digest's "what changed"
/// all show this row, so its words are chosen once, here.
public struct ClaimRow: Sendable, Hashable {
    public var date: Day
    public var stakeholder: String
    /// "Dana Reyes (finance)".
    public var person: String
    /// "$120,000", "hybrid".
    public var holds: String
    /// The topic inside a sentence: "three-year total cost of ownership".
    public var topic: String
    /// The topic as a heading or a table cell: "Three-year total cost of ownership".
    public var topicTitle: String
    /// The words the claim was read from, when it came from a note, an e-mail or a transcript.
    public var quote: String?
    /// The quote as it follows a claim in a line: " — “Dana budgeted $120k.”", or "".
    public var heard: String
    /// Where the words came from (`call`, `meeting`, `email`, `note`), or a peer the figure came
    /// from; `nil` for a claim typed in.
    public var source: String?
    /// The claim in one sentence: "Dana Reyes (finance) holds $120,000 on three-year total cost of
    /// ownership — “Dana budgeted $120k.” (call, 2026-11-02)."
    public var sentence: String
}

extension Vocabulary {
    /// The row of `claim` in `group`.
    public func claimRow(_ claim: Claim, in group: BuyingGroup) -> ClaimRow {
        var names = names(in: group)
        let person = names.mention(claim.stakeholder)
        let holds = value(claim.value, topic: claim.topic)
        let heard = claim.quote.map { " — “\($0)”" } ?? ""
        // A quoted claim says where it was heard; a typed one only when it was recorded.
        let how = claim.quote != nil ? " (\(claim.source ?? "note"), \(claim.date))" : " (\(claim.date))"
        return ClaimRow(date: claim.date, stakeholder: claim.stakeholder, person: person, holds: holds, topic: topic(claim.topic),
                        topicTitle: topicTitle(claim.topic), quote: claim.quote, heard: heard, source: claim.source,
                        sentence: "\(person) holds \(holds) on \(topic(claim.topic))\(heard)\(how).")
    }
}

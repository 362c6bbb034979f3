/// `sent --json` and `POST /v1/groups/{id}/touches`: what recording a send did, person by person.
public struct SentReport: Sendable, Hashable, Encodable {
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

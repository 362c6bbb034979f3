/// Where a stored fact came from, who recorded it, and whether it was retracted.
public struct Provenance: Sendable, Hashable, Codable {
    /// `file:<absolute path>`, `salesforce:<Id>`, `hubspot:<Record ID>`, or `recorded`.
    public var origin: String
    /// Who recorded it, for recorded facts.
    public var recordedBy: String?
    /// Who retracted it; a retracted fact stays in the history and no longer counts.
    public var retractedBy: String?

    public var isRetracted: Bool { retractedBy != nil }
}

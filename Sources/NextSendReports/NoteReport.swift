import NextSend

/// What reading one note did (`nextsend note`, `POST /v1/groups/{id}/notes`, the page's paste box):
/// the claims read, the statements skipped and why, and what was stored.
public struct NoteReport: Sendable, Hashable, Encodable {
    /// A claim as `group show --json` lists it (section 15 of the design).
    public struct ClaimRow: Sendable, Hashable, Encodable {
        public var stakeholder: String
        public var topic: String
        public var position: String?
        public var value: Double?
        public var date: String
        public var origin: String
        public var quote: String
        public var recordedBy: String?
        /// `added`, `unchanged`, `changed`, or `retracted` (a rep took it back before: it stays out).
        public var stored: String
    }

    public var group: String
    public var format: String
    public var date: String
    public var origin: String
    public var dryRun: Bool
    public var claims: [ClaimRow]
    public var skipped: [SkippedStatement]
    public var added: Int
    public var unchanged: Int
    public var changed: Int
    public var keptRetracted: Int
    /// The sentences the CLI prints.
    public var lines: [String]

    enum CodingKeys: String, CodingKey {
        case group, format, date, origin, dryRun, claims, skipped, added, unchanged, changed, keptRetracted
    }

    public var message: String { lines.joined(separator: "\n") }
}

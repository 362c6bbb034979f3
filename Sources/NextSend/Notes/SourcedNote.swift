/// A note that came from somewhere a team already keeps text: a CRM activity's description, an
/// e-mail's body, a meeting's notes. It is read like pasted notes, under its own origin, so a
/// re-import of the same record adds nothing and a retracted claim stays retracted.
public struct SourcedNote: Sendable, Hashable {
    /// The group it belongs to.
    public var group: String
    /// Where it came from: `note:salesforce:00T…`, `note:hubspot:90001`.
    public var origin: String
    /// `call`, `meeting`, `email` or `note`: how the claims read from it are labelled.
    public var source: String
    /// The activity's day: the claims are dated by it.
    public var date: Day
    public var document: NoteDocument

    public init(group: String, origin: String, source: String, date: Day, document: NoteDocument) {
        self.group = group
        self.origin = origin
        self.source = source
        self.date = date
        self.document = document
    }
}

/// Text to read claims from: a call note, meeting notes, an e-mail or a transcript.
public struct NoteDocument: Sendable, Hashable {
    public var text: String
    public var format: NoteFormat
    /// The stakeholder who wrote a first-person note or sent the e-mail, when the caller knows it
    /// (`--from`, the CRM's sender); an e-mail's `From:` is matched to the group otherwise.
    public var from: String?
    /// For an e-mail: `true` when a contact sent it, `false` when the seller did, `nil` to decide
    /// from its `From:` (a stakeholder's address or name means inbound).
    public var inbound: Bool?

    public init(text: String, format: NoteFormat, from: String? = nil, inbound: Bool? = nil) {
        self.text = text
        self.format = format
        self.from = from
        self.inbound = inbound
    }
}

/// A claim read from text, with the words it came from.
public struct NoteClaim: Sendable, Hashable, Codable {
    public var stakeholder: String
    public var topic: String
    public var value: Claim.Value
    /// The statement, at most ``NoteReader/quoteLimit`` characters.
    public var quote: String
    /// The day the text itself gives the statement, when it is not the document's: a message quoted
    /// below the top one ("On Mon, Jul 9, 2029 … wrote:", a forwarded "Sent:" line). `nil` means the
    /// document's own day.
    public var date: Day?

    public init(stakeholder: String, topic: String, value: Claim.Value, quote: String, date: Day? = nil) {
        self.stakeholder = stakeholder
        self.topic = topic
        self.value = value
        self.quote = quote
        self.date = date
    }
}

/// Why a statement that names a topic or a figure was not read as a claim (a fixed list, in the
/// order the reader checks them).
public enum SkipReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// It asks ("Tom asked if we could do a pilot").
    case question
    /// It holds only under a condition ("if we go hybrid…", "as long as…").
    case conditional
    /// It denies or drops a view ("Lee no longer insists on on-prem").
    case negation
    /// The seller's own words ("I quoted $140k", an outbound e-mail in the first person).
    case vendor
    /// Someone outside the buying group ("their consultant from Huron").
    case unknownPerson = "unknown-person"
    /// A first name two stakeholders share.
    case ambiguousName = "ambiguous-name"
    /// A figure in a unit the topic cannot convert (€ on a USD topic, sprints).
    case otherUnit = "other-unit"
    /// A number topic without a figure, or a choice topic without one position held.
    case noFigure = "no-figure"
    /// A figure or a view with no topic of the taxonomy.
    case noTopic = "no-topic"

    /// A short phrase for people ("a question").
    public var phrase: String {
        switch self {
        case .question: return "a question"
        case .conditional: return "holds only under a condition"
        case .negation: return "denies or drops a view"
        case .vendor: return "our side's own words"
        case .unknownPerson: return "someone outside the group"
        case .ambiguousName: return "a first name two people share"
        case .otherUnit: return "a unit the topic cannot convert"
        case .noFigure: return "no figure or single position"
        case .noTopic: return "no topic of the taxonomy"
        }
    }
}

/// A statement the reader did not take, and why.
public struct SkippedStatement: Sendable, Hashable, Codable {
    public var quote: String
    public var why: SkipReason

    public init(quote: String, why: SkipReason) {
        self.quote = quote
        self.why = why
    }
}

/// What reading one document gave: claims in the order they were written, and the statements
/// that named a topic or a figure but were not taken.
public struct NoteReading: Sendable, Hashable, Codable {
    public var claims: [NoteClaim]
    public var skipped: [SkippedStatement]

    public init(claims: [NoteClaim] = [], skipped: [SkippedStatement] = []) {
        self.claims = claims
        self.skipped = skipped
    }
}

import NextSend
import NextSendStore

/// `group show --json`: the diagnosis in the brief's shape, plus the people and the sends with
/// their origins, the group's status, and what was retracted.
public struct GroupReport: Sendable, Encodable {
    public struct Person: Encodable, Sendable {
        public var id, name, role, influence, origin: String
        public var title, email, recordedBy, retractedBy: String?
    }

    public struct Send: Encodable, Sendable {
        public var asset: String
        public var to: [String]
        public var date: String
        public var channel: String?
        public var consumed: Bool
        public var origin: String
        public var recordedBy: String?
        public var retractedBy: String?
    }

    /// A claim in the brief's fixed shape (section 15).
    public struct ClaimEntry: Encodable, Sendable {
        public var stakeholder, topic: String
        public var position: String?
        public var value: Double?
        public var date: String
        public var source: String?
        public var origin: String
        public var quote: String?
        public var recordedBy: String?
    }

    public struct Retraction: Encodable, Sendable {
        public var fact: String
        public var retractedBy: String?
    }

    /// One week of the trend in the brief's shape.
    public struct TrendEntry: Encodable, Sendable {
        public var week: String
        public var conflicts, stalled, unreached, missingVoices, sends, consumed: Int
    }

    public var diagnosis: DiagnosisReport
    public var history: GroupHistory
    public var trend: ConsensusTrend

    public init(diagnosis: DiagnosisReport, history: GroupHistory, trend: ConsensusTrend) {
        self.diagnosis = diagnosis
        self.history = history
        self.trend = trend
    }

    public struct DismissalEntry: Encodable, Sendable {
        public var asset: String
        public var date: String
        public var reason: String?
        public var origin: String
        public var recordedBy: String?
        public var retractedBy: String?
    }

    enum Keys: String, CodingKey { case status, statusDate, stakeholders, claims, touches, dismissals, retracted, trend, direction }

    // The rows below are the JSON's, built once: the CLI encodes them, and the service moves them
    // into the contract's types field by field.

    public var trendRows: [TrendEntry] {
        trend.weeks.map {
            TrendEntry(week: $0.week.description, conflicts: $0.conflicts, stalled: $0.stalled, unreached: $0.unreached,
                       missingVoices: $0.missingVoices, sends: $0.sends, consumed: $0.consumed)
        }
    }

    public var people: [Person] {
        history.people.map { person in
            Person(id: person.stakeholder.id, name: person.stakeholder.name, role: person.stakeholder.role,
                   influence: person.stakeholder.influence, origin: person.provenance.origin, title: person.stakeholder.title,
                   email: person.stakeholder.email, recordedBy: person.provenance.recordedBy, retractedBy: person.provenance.retractedBy)
        }
    }

    public var claims: [ClaimEntry] {
        history.claims.map { entry in
            let claim = entry.claim
            var row = ClaimEntry(stakeholder: claim.stakeholder, topic: claim.topic, date: claim.date.description, source: claim.source,
                                 origin: entry.provenance.origin, quote: claim.quote, recordedBy: entry.provenance.recordedBy)
            switch claim.value {
            case let .position(position): row.position = position
            case let .number(value): row.value = value
            }
            return row
        }
    }

    public var sends: [Send] {
        history.sends.map { send in
            Send(asset: send.asset, to: send.to, date: send.date.description, channel: send.channel, consumed: send.consumed,
                 origin: send.provenance.origin, recordedBy: send.provenance.recordedBy, retractedBy: send.provenance.retractedBy)
        }
    }

    public var dismissals: [DismissalEntry] {
        history.dismissals.map { entry in
            let (dismissal, provenance) = (entry.dismissal, entry.provenance)
            return DismissalEntry(asset: dismissal.asset, date: dismissal.date.description, reason: dismissal.reason, origin: provenance.origin,
                                  recordedBy: provenance.recordedBy, retractedBy: provenance.retractedBy)
        }
    }

    public var retractions: [Retraction] { history.retracted.map { Retraction(fact: $0.fact, retractedBy: $0.provenance.retractedBy) } }

    public func encode(to encoder: any Encoder) throws {
        try diagnosis.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(history.status.rawValue, forKey: .status)
        try container.encode(trendRows, forKey: .trend)
        try container.encode(trend.direction, forKey: .direction)
        try container.encodeIfPresent(history.statusDate?.description, forKey: .statusDate)
        try container.encode(people, forKey: .stakeholders)
        try container.encode(claims, forKey: .claims)
        try container.encode(sends, forKey: .touches)
        try container.encode(dismissals, forKey: .dismissals)
        try container.encode(retractions, forKey: .retracted)
    }
}

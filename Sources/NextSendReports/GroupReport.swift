import NextSend
import NextSendStore

/// `group show --json`: the diagnosis in the brief's shape, plus the people and the sends with
/// their origins, the group's status, and what was retracted.
public struct GroupReport: Sendable, Encodable {
    struct Person: Encodable, Sendable {
        var id, name, role, influence, origin: String
        var title, email, recordedBy, retractedBy: String?
    }

    struct Send: Encodable, Sendable {
        var asset: String
        var to: [String]
        var date: String
        var channel: String?
        var consumed: Bool
        var origin: String
        var recordedBy: String?
        var retractedBy: String?
    }

    /// A claim in the brief's fixed shape (section 15).
    struct ClaimEntry: Encodable, Sendable {
        var stakeholder, topic: String
        var position: String?
        var value: Double?
        var date: String
        var source: String?
        var origin: String
        var quote: String?
        var recordedBy: String?
    }

    struct Retraction: Encodable, Sendable {
        var fact: String
        var retractedBy: String?
    }

    /// One week of the trend in the brief's shape.
    struct TrendEntry: Encodable, Sendable {
        var week: String
        var conflicts, stalled, unreached, missingVoices, sends, consumed: Int
    }

    public var diagnosis: DiagnosisReport
    public var history: GroupHistory
    public var trend: ConsensusTrend

    public init(diagnosis: DiagnosisReport, history: GroupHistory, trend: ConsensusTrend) {
        self.diagnosis = diagnosis
        self.history = history
        self.trend = trend
    }

    struct DismissalEntry: Encodable, Sendable {
        var asset: String
        var date: String
        var reason: String?
        var origin: String
        var recordedBy: String?
        var retractedBy: String?
    }

    enum Keys: String, CodingKey { case status, statusDate, stakeholders, claims, touches, dismissals, retracted, trend, direction }

    public func encode(to encoder: any Encoder) throws {
        try diagnosis.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(history.status.rawValue, forKey: .status)
        try container.encode(trend.weeks.map {
            TrendEntry(week: $0.week.description, conflicts: $0.conflicts, stalled: $0.stalled, unreached: $0.unreached,
                       missingVoices: $0.missingVoices, sends: $0.sends, consumed: $0.consumed)
        }, forKey: .trend)
        try container.encode(trend.direction, forKey: .direction)
        try container.encodeIfPresent(history.statusDate?.description, forKey: .statusDate)
        try container.encode(history.people.map { person in
            Person(id: person.stakeholder.id, name: person.stakeholder.name, role: person.stakeholder.role,
                   influence: person.stakeholder.influence, origin: person.provenance.origin, title: person.stakeholder.title,
                   email: person.stakeholder.email, recordedBy: person.provenance.recordedBy, retractedBy: person.provenance.retractedBy)
        }, forKey: .stakeholders)
        try container.encode(history.claims.map { entry in
            let claim = entry.claim
            var row = ClaimEntry(stakeholder: claim.stakeholder, topic: claim.topic, date: claim.date.description, source: claim.source,
                                 origin: entry.provenance.origin, quote: claim.quote, recordedBy: entry.provenance.recordedBy)
            switch claim.value {
            case let .position(position): row.position = position
            case let .number(value): row.value = value
            }
            return row
        }, forKey: .claims)
        try container.encode(history.sends.map { send in
            Send(asset: send.asset, to: send.to, date: send.date.description, channel: send.channel, consumed: send.consumed,
                 origin: send.provenance.origin, recordedBy: send.provenance.recordedBy, retractedBy: send.provenance.retractedBy)
        }, forKey: .touches)
        try container.encode(history.dismissals.map { entry in
            let (dismissal, provenance) = (entry.dismissal, entry.provenance)
            return DismissalEntry(asset: dismissal.asset, date: dismissal.date.description, reason: dismissal.reason, origin: provenance.origin,
                           recordedBy: provenance.recordedBy, retractedBy: provenance.retractedBy)
        }, forKey: .dismissals)
        try container.encode(history.retracted.map { Retraction(fact: $0.fact, retractedBy: $0.provenance.retractedBy) }, forKey: .retracted)
    }
}

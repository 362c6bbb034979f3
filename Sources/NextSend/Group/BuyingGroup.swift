/// The people on the buyer's side of one deal, what each of them believes, how their buying jobs
/// have moved, and what has been sent to them.
///
/// A group is history: claims, events and touches are dated facts, never overwritten. What the
/// group *needs* is derived from that history as of a day, by ``Diagnoser``.
public struct BuyingGroup: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var account: String
    /// The rep who owns the deal.
    public var owner: String
    public var industry: String?
    public var stakeholders: [Stakeholder]
    public var claims: [Claim]
    public var events: [JobEvent]
    public var touches: [Touch]
    /// Picks a rep said no to; each keeps its asset out of the group's picks for a while.
    public var dismissals: [Dismissal]
    /// The CRM deal, when the group came from one (or its file names it).
    public var deal: Deal?
    /// Facts retracted on a known day, which counted before it (see ``ConsensusTrend``).
    public var retractions: GroupRetractions

    public init(id: String, account: String, owner: String, industry: String? = nil, stakeholders: [Stakeholder] = [],
                claims: [Claim] = [], events: [JobEvent] = [], touches: [Touch] = [], dismissals: [Dismissal] = [], deal: Deal? = nil,
                retractions: GroupRetractions = GroupRetractions()) {
        self.id = id
        self.account = account
        self.owner = owner
        self.industry = industry
        self.stakeholders = stakeholders
        self.claims = claims
        self.events = events
        self.touches = touches
        self.dismissals = dismissals
        self.deal = deal
        self.retractions = retractions
    }

    public func stakeholder(_ id: String) -> Stakeholder? { stakeholders.first { $0.id == id } }
}

/// A person in the buying group.
public struct Stakeholder: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var name: String
    /// A role of the taxonomy (`finance`, `it`, …).
    public var role: String
    /// An influence of the taxonomy (`decision-maker`, `champion`, …).
    public var influence: String
    public var title: String?
    /// Their e-mail address, so an e-mail they send is read as theirs (see ``NoteReader``).
    public var email: String?

    public init(id: String, name: String, role: String, influence: String, title: String? = nil, email: String? = nil) {
        self.id = id
        self.name = name
        self.role = role
        self.influence = influence
        self.title = title
        self.email = email
    }

    /// The first name, for sentences: "Dana (finance)".
    public var shortName: String {
        let first = name.drop { $0 == " " }.prefix { $0 != " " }
        return first.isEmpty ? name : String(first)
    }
}

/// One piece of information a stakeholder holds on a topic, with where it came from and when.
public struct Claim: Sendable, Hashable, Codable {
    public enum Value: Sendable, Hashable, Codable, CustomStringConvertible {
        case position(String)
        case number(Double)

        public var description: String {
            switch self {
            case let .position(position): return position
            case let .number(number): return NumberText.plain(number)
            }
        }

        public var isNumber: Bool {
            if case .number = self { return true }
            return false
        }
    }

    public var stakeholder: String
    public var topic: String
    public var value: Value
    public var source: String?
    public var date: Day
    /// The words a claim read from text came from ("Lee thinks the three-year cost is closer to $310k").
    public var quote: String?

    public init(stakeholder: String, topic: String, value: Value, source: String? = nil, date: Day, quote: String? = nil) {
        self.stakeholder = stakeholder
        self.topic = topic
        self.value = value
        self.source = source
        self.date = date
        self.quote = quote
    }
}

/// A step in one buying job: started, progressed, completed, or reopened after completion.
public struct JobEvent: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case started, progressed, completed, reopened
    }

    public var job: BuyingJob
    public var type: Kind
    public var date: Day
    public var note: String?

    public init(job: BuyingJob, type: Kind, date: Day, note: String? = nil) {
        self.job = job
        self.type = type
        self.date = date
        self.note = note
    }
}

/// An asset sent to some stakeholders on a day, and whether they consumed it.
public struct Touch: Sendable, Hashable, Codable {
    public var asset: String
    public var to: [String]
    public var date: Day
    public var channel: String?
    public var consumed: Bool

    public init(asset: String, to: [String], date: Day, channel: String? = nil, consumed: Bool = false) {
        self.asset = asset
        self.to = to
        self.date = date
        self.channel = channel
        self.consumed = consumed
    }
}

/// A rep's "no" to a pick for a group: the asset stays out of that group's picks for
/// ``ScoringPolicy/dismissalDays`` days.
public struct Dismissal: Sendable, Hashable, Codable {
    public var asset: String
    public var date: Day
    public var reason: String?

    public init(asset: String, date: Day, reason: String? = nil) {
        self.asset = asset
        self.date = date
        self.reason = reason
    }
}

/// Facts of a group that were retracted on a known day. They no longer count, but they did before
/// that day: a look back at an earlier week (``ConsensusTrend``) sees them as they stood then.
///
/// Retractions recorded before NextSend kept their day are not here: they count in no week.
public struct GroupRetractions: Sendable, Hashable, Codable {
    public var claims: [Retracted<Claim>]
    public var events: [Retracted<JobEvent>]
    public var stakeholders: [Retracted<Stakeholder>]

    public init(claims: [Retracted<Claim>] = [], events: [Retracted<JobEvent>] = [], stakeholders: [Retracted<Stakeholder>] = []) {
        self.claims = claims
        self.events = events
        self.stakeholders = stakeholders
    }

    public var isEmpty: Bool { claims.isEmpty && events.isEmpty && stakeholders.isEmpty }
}

/// A fact and the day it was retracted: it counted up to the day before.
public struct Retracted<Fact: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
    public var fact: Fact
    public var on: Day

    public init(_ fact: Fact, on day: Day) {
        self.fact = fact
        on = day
    }
}

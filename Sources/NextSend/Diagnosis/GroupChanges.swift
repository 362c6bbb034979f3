/// What changed in a group between two days: conflicts opened and closed, job steps, touches.
///
/// The digest shows reps "what changed since last week" from this, comparing the diagnosis at
/// the end of the previous week with the one at the end of this week.
public struct GroupChanges: Sendable, Hashable, Codable {
    public var since: Day
    public var until: Day
    /// Topics in conflict at `until` but not at `since`.
    public var conflictsOpened: [String]
    /// Topics in conflict at `since` but not at `until`.
    public var conflictsClosed: [String]
    /// Job events dated after `since`, up to `until`, in date order.
    public var events: [JobEvent]
    /// Touches dated after `since`, up to `until`, in date order.
    public var touches: [Touch]
    /// Claims dated after `since`, up to `until` (typed or read from notes), in date order.
    public var claims: [Claim]

    public var isEmpty: Bool { conflictsOpened.isEmpty && conflictsClosed.isEmpty && events.isEmpty && touches.isEmpty && claims.isEmpty }

    public init(group: BuyingGroup, taxonomy: Taxonomy, since: Day, until: Day) {
        self.since = since
        self.until = until
        let before = Set(ConflictDetector.detect(group.claims, taxonomy: taxonomy, asOf: since).map(\.topic))
        let after = Set(ConflictDetector.detect(group.claims, taxonomy: taxonomy, asOf: until).map(\.topic))
        conflictsOpened = after.subtracting(before).sorted()
        conflictsClosed = before.subtracting(after).sorted()
        let inWindow: (Day) -> Bool = { $0 > since && $0 <= until }
        events = group.events.enumerated().filter { inWindow($0.element.date) }
            .sorted { $0.element.date != $1.element.date ? $0.element.date < $1.element.date : $0.offset < $1.offset }.map(\.element)
        touches = group.touches.enumerated().filter { inWindow($0.element.date) }
            .sorted { $0.element.date != $1.element.date ? $0.element.date < $1.element.date : $0.offset < $1.offset }.map(\.element)
        claims = group.claims.enumerated().filter { inWindow($0.element.date) }
            .sorted { $0.element.date != $1.element.date ? $0.element.date < $1.element.date : $0.offset < $1.offset }.map(\.element)
    }
}

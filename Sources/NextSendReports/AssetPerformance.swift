import NextSend
import NextSendStore

/// How one asset did (`catalog show`): its sends and what followed each, by the one follow-up
/// rule (a send is met when a conflict it addressed closed or a stalled job it addressed moved
/// within the window; pending while the window is open; not met after), and how often reps
/// dismissed it.
public struct AssetPerformance: Sendable, Hashable, Encodable {
    /// Sends of the asset on or before the day: one per group, day and set of recipients.
    public var sends: Int
    public var met: Int
    public var notMet: Int
    public var pending: Int
    /// Sends that addressed no open conflict or stalled job (sent for another reason): neither
    /// met nor missed.
    public var noNeed: Int
    public var dismissals: Int
    /// Groups it was sent to, sorted.
    public var groups: [String]

    /// The sentence `catalog show` prints.
    public var sentence: String {
        guard sends > 0 || dismissals > 0 else { return "never sent, never dismissed" }
        var parts = ["\(Words.count(sends, "send")) to \(Words.count(groups.count, "group"))"]
        if sends > 0 {
            parts.append("\(met) met, \(notMet) not met, \(pending) pending" + (noNeed > 0 ? ", \(noNeed) for no open need" : ""))
        }
        parts.append("dismissed \(Words.count(dismissals, "time"))")
        return parts.joined(separator: "; ")
    }
}

extension Desk {
    /// `catalog show`'s results: every group's sends of the asset, as of `asOf`.
    public func performance(ofAsset id: String, asOf: Day) throws -> AssetPerformance {
        let asset = try self.asset(id: id)
        let taxonomy = try store.taxonomy()
        let window = ScoringPolicy.standard.followUpDays
        var performance = AssetPerformance(sends: 0, met: 0, notMet: 0, pending: 0, noNeed: 0, dismissals: 0, groups: [])
        var groups = Set<String>()
        for group in try store.groups(owner: nil, includeClosed: true) {
            for touch in group.touches where touch.asset == id && touch.date <= asOf {
                performance.sends += 1
                groups.insert(group.id)
                let states = TouchFollowUp.of(touch, asset: asset, in: group, taxonomy: taxonomy, windowDays: window)
                    .map { $0.state(asOf: asOf, windowDays: window) }
                if states.isEmpty {
                    performance.noNeed += 1
                } else if states.contains(.met) {
                    performance.met += 1
                } else if states.contains(.pending) {
                    performance.pending += 1
                } else {
                    performance.notMet += 1
                }
            }
            performance.dismissals += group.dismissals.filter { $0.asset == id && $0.date <= asOf }.count
        }
        performance.groups = groups.sorted()
        return performance
    }
}

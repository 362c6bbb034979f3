import Foundation

/// Stakeholders whose latest claims on one topic disagree.
public struct Conflict: Sendable, Hashable, Codable {
    /// One distinct position or figure, and who holds it.
    public struct Side: Sendable, Hashable, Codable {
        public var value: Claim.Value
        /// Stakeholder ids, sorted.
        public var stakeholders: [String]
    }

    public var topic: String
    /// Sides in the taxonomy's position order, or ascending figures.
    public var sides: [Side]

    /// Everyone in the conflict, sorted.
    public var stakeholders: [String] { sides.flatMap(\.stakeholders).sorted() }

    /// The positions on the conflict's sides (empty for a number topic).
    public var positions: [String] {
        sides.compactMap { if case let .position(position) = $0.value { return position } else { return nil } }
    }
}

/// Finds the open conflicts in a group's claims.
///
/// Each stakeholder's latest claim per topic counts (a later claim supersedes theirs, and one
/// that agrees closes a conflict). On a `choice` topic, positions conflict unless they are equal
/// or declared compatible; on a `number` topic, figures conflict when
/// |a − b| / max(|a|, |b|) exceeds the tolerance. The result does not depend on the order of
/// stakeholders or claims in the input.
public enum ConflictDetector {
    public static func detect(_ claims: [Claim], taxonomy: Taxonomy, asOf: Day) -> [Conflict] {
        latestByTopic(claims, asOf: asOf).compactMap { topicID, holders in
            guard let topic = taxonomy.topic(topicID) else { return nil }
            return conflict(on: topic, holders: holders)
        }
    }

    /// How many topics are in conflict: what ``detect(_:taxonomy:asOf:)`` would find, counted
    /// without building the sides (the consensus trend needs only the number, twelve times a group).
    static func count(_ claims: [Claim], taxonomy: Taxonomy, asOf: Day) -> Int {
        latestByTopic(claims, asOf: asOf).reduce(0) { count, entry in
            guard let topic = taxonomy.topic(entry.topic) else { return count }
            var values: [Claim.Value] = []
            for holder in entry.holders where !values.contains(holder.value) {
                if values.contains(where: { !agree($0, holder.value, on: topic) }) { return count + 1 }
                values.append(holder.value)
            }
            return count
        }
    }

    /// Each topic's holders with their latest value, topics in id order.
    ///
    /// A group holds a few dozen claims on about ten topics: small arrays searched in a line beat
    /// hashing every topic and person twice (the digest runs this a dozen times a group, for its
    /// trend). A group with many more claims takes the keyed path.
    static func latestByTopic(_ claims: [Claim], asOf: Day) -> [(topic: String, holders: [(stakeholder: String, value: Claim.Value)])] {
        guard claims.count <= linearLimit else {
            return latestClaims(claims, asOf: asOf).sorted { $0.key < $1.key }.map { topic, latest in
                (topic, latest.map { ($0.key, $0.value.value) })
            }
        }
        var topics: [String] = []
        var latest: [[(stakeholder: String, claim: Int)]] = []
        // (Fields are read in place: copying a whole claim retains every string in it.)
        for index in claims.indices where claims[index].date <= asOf {
            guard let slot = topics.firstIndex(of: claims[index].topic) else {
                topics.append(claims[index].topic)
                latest.append([(claims[index].stakeholder, index)])
                continue
            }
            guard let held = latest[slot].firstIndex(where: { $0.stakeholder == claims[index].stakeholder }) else {
                latest[slot].append((claims[index].stakeholder, index))
                continue
            }
            // The same rule as ``latestClaims(_:asOf:)``: later wins, a same-day tie goes by value.
            let current = latest[slot][held].claim
            if claims[index].date < claims[current].date { continue }
            if claims[index].date == claims[current].date, claims[index].value.sortKey <= claims[current].value.sortKey { continue }
            latest[slot][held].claim = index
        }
        return topics.indices.sorted { topics[$0] < topics[$1] }.map { slot in
            (topics[slot], latest[slot].map { ($0.stakeholder, claims[$0.claim].value) })
        }
    }

    /// The most claims a group may hold for ``detect(_:taxonomy:asOf:)`` to search them in a line.
    static let linearLimit = 256

    /// The latest claim of each stakeholder per topic, as of `asOf`: topic → stakeholder → claim.
    ///
    /// Two claims by one person on one topic on the same day are ordered by value, so the
    /// outcome never depends on the order of lines in a file.
    public static func latestClaims(_ claims: [Claim], asOf: Day) -> [String: [String: Claim]] {
        var latest: [String: [String: Claim]] = [:]
        for claim in claims where claim.date <= asOf {
            if let current = latest[claim.topic]?[claim.stakeholder] {
                if claim.date < current.date { continue }
                if claim.date == current.date, claim.value.sortKey <= current.value.sortKey { continue }
            }
            latest[claim.topic, default: [:]][claim.stakeholder] = claim
        }
        return latest
    }

    /// The conflict on one topic among each holder's latest value, if any two values disagree.
    /// The sides come out in one order whatever the order of `holders`.
    static func conflict(on topic: Topic, holders: [(stakeholder: String, value: Claim.Value)]) -> Conflict? {
        var values: [Claim.Value] = []
        var people: [[String]] = []
        for holder in holders {
            if let index = values.firstIndex(of: holder.value) {
                people[index].append(holder.stakeholder)
            } else {
                values.append(holder.value)
                people.append([holder.stakeholder])
            }
        }
        var disagree = false
        outer: for i in values.indices {
            for j in values.indices where j > i {
                if !agree(values[i], values[j], on: topic) {
                    disagree = true
                    break outer
                }
            }
        }
        guard disagree else { return nil }
        let sides = values.indices.map { Conflict.Side(value: values[$0], stakeholders: people[$0].sorted()) }
            .sorted { precedes($0.value, $1.value, on: topic) }
        return Conflict(topic: topic.id, sides: sides)
    }

    /// The order of a conflict's sides: figures ascending, positions in the taxonomy's order.
    static func precedes(_ lhs: Claim.Value, _ rhs: Claim.Value, on topic: Topic) -> Bool {
        switch (lhs, rhs) {
        case let (.number(a), .number(b)): return a < b
        case let (.position(a), .position(b)):
            let ia = topic.positions.firstIndex(of: a) ?? Int.max, ib = topic.positions.firstIndex(of: b) ?? Int.max
            return ia != ib ? ia < ib : a < b
        default: return lhs.sortKey < rhs.sortKey
        }
    }

    static func agree(_ a: Claim.Value, _ b: Claim.Value, on topic: Topic) -> Bool {
        switch (a, b) {
        case let (.position(x), .position(y)): return topic.areCompatible(x, y)
        case let (.number(x), .number(y)): return topic.areCompatible(x, y)
        default: return false
        }
    }
}

extension Claim.Value {
    /// A total order over values, for deterministic tie-breaks.
    public var sortKey: String {
        switch self {
        case let .position(position): return "p:" + position
        case let .number(number): return "n:" + String(format: "%030.6f", number + 1e15)
        }
    }
}

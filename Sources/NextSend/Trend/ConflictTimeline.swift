/// A group's claims prepared once for counting its open conflicts on many days: the consensus
/// trend asks twelve times a group.
///
/// Counting from scratch each day built the group as it stood and then, topic by topic, each
/// person's latest claim, comparing topic and person names as text: about 70,000 instructions a
/// day for a few dozen claims. Here topics and people become small numbers once, and a day is one
/// pass over the claims into a table of each person's latest claim per topic. The count is what
/// ``ConflictDetector/count(_:taxonomy:asOf:)`` gives on the claims of ``TrendHistory/group(on:)``
/// (`ConsensusTrendTests` holds the two equal on random groups).
struct ConflictTimeline {
    /// One claim as the count reads it.
    private struct Entry {
        let topic: Int
        let person: Int
        let date: Day
        /// The day it was retracted, if it was: it counts on the days before.
        let retractedOn: Day?
        let value: Claim.Value
    }

    private let entries: [Entry]
    /// The taxonomy's topic for each topic number; `nil` for a topic it does not know (never a conflict).
    private let topics: [Topic?]
    private let people: Int

    init(_ group: BuyingGroup, taxonomy: Taxonomy) {
        var topicNumbers: [String: Int] = [:], personNumbers: [String: Int] = [:]
        var topics: [Topic?] = []
        var entries: [Entry] = []
        entries.reserveCapacity(group.claims.count + group.retractions.claims.count)
        /// The key's number, the next one when it is new.
        func number(_ key: String, in numbers: inout [String: Int]) -> Int {
            if let known = numbers[key] { return known }
            numbers[key] = numbers.count
            return numbers.count - 1
        }
        func add(_ claim: Claim, retractedOn: Day?) {
            let topic = number(claim.topic, in: &topicNumbers)
            if topic == topics.count { topics.append(taxonomy.topic(claim.topic)) }
            let person = number(claim.stakeholder, in: &personNumbers)
            entries.append(Entry(topic: topic, person: person, date: claim.date, retractedOn: retractedOn, value: claim.value))
        }
        for claim in group.claims { add(claim, retractedOn: nil) }
        for retracted in group.retractions.claims { add(retracted.fact, retractedOn: retracted.on) }
        self.entries = entries
        self.topics = topics
        people = personNumbers.count
    }

    /// How many topics are in conflict on `day`: each person's latest claim per topic dated on or
    /// before it, among the claims not yet retracted then.
    func count(on day: Day) -> Int {
        guard !entries.isEmpty else { return 0 }
        // latest[topic * people + person]: the entry of that person's latest claim on the topic, or -1.
        var latest = [Int](repeating: -1, count: topics.count * people)
        for index in entries.indices {
            let entry = entries[index]
            guard entry.date <= day else { continue }
            if let retracted = entry.retractedOn, retracted <= day { continue }
            let slot = entry.topic * people + entry.person
            let current = latest[slot]
            if current >= 0 {
                // The detector's rule: later wins, a same-day tie goes by value.
                let held = entries[current]
                if entry.date < held.date { continue }
                if entry.date == held.date, entry.value.sortKey <= held.value.sortKey { continue }
            }
            latest[slot] = index
        }
        var count = 0
        var values: [Claim.Value] = []
        for (number, topic) in topics.enumerated() {
            guard let topic else { continue }
            values.removeAll(keepingCapacity: true)
            holders: for person in 0..<people {
                let index = latest[number * people + person]
                guard index >= 0 else { continue }
                let value = entries[index].value
                guard !values.contains(value) else { continue }
                if values.contains(where: { !ConflictDetector.agree($0, value, on: topic) }) {
                    count += 1
                    break holders
                }
                values.append(value)
            }
        }
        return count
    }
}

import Foundation

/// Writes the one plain sentence that says why an asset is recommended, naming people and need.
///
/// "Dana (finance) and Lee (IT) disagree on three-year total cost of ownership: $120,000 vs
/// $310,000 — this shared tool is made to reconcile exactly that."
public struct ReasonWriter: Sendable {
    let group: BuyingGroup
    let diagnosis: Diagnosis
    let taxonomy: Taxonomy

    public init(group: BuyingGroup, diagnosis: Diagnosis, taxonomy: Taxonomy) {
        self.group = group
        self.diagnosis = diagnosis
        self.taxonomy = taxonomy
    }

    public func sentence(for asset: Asset, needs: [Need], sendTo: [String]) -> String {
        guard let first = needs.first else { return "" }
        var sentence = main(asset, first, sendTo: sendTo)
        let others = alsoHelps(Array(needs.dropFirst()))
        if !others.isEmpty { sentence += "; it also helps with " + Words.list(others, limit: 3) }
        return sentence + "."
    }

    func main(_ asset: Asset, _ need: Need, sendTo: [String]) -> String {
        let this = (asset.shareable ? "this shared " : "this ") + Words.format(asset.format)
        switch need.kind {
        case let .conflict(topicID):
            guard let conflict = diagnosis.conflicts.first(where: { $0.topic == topicID }) else { return "" }
            let topic = taxonomy.topic(topicID)
            let people = Words.list(conflict.sides.flatMap(\.stakeholders).map(person))
            let values = conflict.sides.map { Words.value($0.value, topic: topic) }.joined(separator: " vs ")
            let action: String
            if asset.resolves.contains(where: { $0.topic == topicID }) {
                action = "is made to reconcile exactly that"
            } else if asset.topics.contains(topicID) {
                action = "lays out \(label(topicID)) for every side"
            } else {
                action = "works on \(asset.primaryJob?.phrase ?? "the job") where this gets decided"
            }
            return "\(people) disagree on \(label(topicID)): \(values) — \(this) \(action)"
        case let .stalledJob(job):
            let state = diagnosis.job(job)
            var situation = "\(Words.capitalized(job.phrase)) has stalled: no movement for \(state?.idleDays ?? 0) days"
            if let loops = state?.loops, loops > 0 { situation += " after being reopened \(Words.times(loops))" }
            return "\(situation) — \(this) is built for \(job.phrase) and speaks to \(Words.list(sendTo.map(person), limit: 3))"
        case let .activeJob(job):
            var situation = "\(Words.capitalized(job.phrase)) is under way"
            if let loops = diagnosis.job(job)?.loops, loops > 0 { situation += " again, reopened \(Words.times(loops))" }
            return "\(situation) — \(this) helps \(Words.list(sendTo.map(person), limit: 3)) move it forward"
        case let .unengagedStakeholder(id):
            let who = group.stakeholder(id).map { "\($0.name) (\(Words.role($0.role)), \($0.influence))" } ?? id
            let way = asset.channel == .repLed ? this : this.replacingOccurrences(of: "this ", with: "this self-serve ", options: .anchored)
            return "Nobody has reached \(who) in \(Diagnoser.engagementWindowDays) days — \(way) gives them a way in on \(asset.primaryJob?.phrase ?? "the deal")"
        }
    }

    /// The other needs in a few words each, unreached people gathered into one item:
    /// "the stalled validation", "reaching Ed, Fiona and 3 others".
    func alsoHelps(_ needs: [Need]) -> [String] {
        var items: [String] = []
        var unreached: [String] = []
        for need in needs {
            switch need.kind {
            case let .conflict(topic): items.append("the split on \(label(topic))")
            case let .stalledJob(job): items.append("the stalled \(job.phrase)")
            case let .activeJob(job): items.append(job.phrase)
            case let .unengagedStakeholder(id):
                if unreached.isEmpty { items.append("") }
                unreached.append(group.stakeholder(id)?.shortName ?? id)
            }
        }
        if let slot = items.firstIndex(of: "") { items[slot] = "reaching " + Words.list(unreached, limit: 2) }
        return items
    }

    func person(_ id: String) -> String {
        guard let person = group.stakeholder(id) else { return id }
        return "\(person.shortName) (\(Words.role(person.role)))"
    }

    func label(_ topicID: String) -> String {
        guard let label = taxonomy.topic(topicID)?.label else { return topicID }
        return Words.lowercasingFirst(label)
    }
}

/// Small helpers for writing English, shared by every text output.
public enum Words {
    /// "a", "a and b", "a, b and c"; with a limit, "a, b, c and 2 others".
    public static func list(_ items: [String], limit: Int = .max) -> String {
        var items = items
        if items.count > limit {
            let rest = items.count - limit
            items = Array(items.prefix(limit)) + ["\(rest) other\(rest == 1 ? "" : "s")"]
        }
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }

    public static func role(_ role: String) -> String {
        role.count <= 2 ? role.uppercased() : role.split(separator: "-").joined(separator: " ")
    }

    public static func format(_ format: String) -> String {
        switch format {
        case "faq": return "FAQ"
        default: return format.split(separator: "-").joined(separator: " ")
        }
    }

    public static func times(_ count: Int) -> String {
        switch count {
        case 1: return "once"
        case 2: return "twice"
        default: return "\(count) times"
        }
    }

    public static func value(_ value: Claim.Value, topic: Topic?) -> String {
        switch value {
        case let .position(position): return position
        case let .number(number):
            if case let .number(unit, _)? = topic?.kind { return NumberText.withUnit(number, unit: unit) }
            return NumberText.grouped(number)
        }
    }

    public static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// "Three-year total cost" → "three-year total cost", but "EHR integration" stays.
    public static func lowercasingFirst(_ text: String) -> String {
        guard let first = text.split(separator: " ").first, first.count > 1,
              first.dropFirst().allSatisfy({ $0.isLowercase || !$0.isLetter }) else { return text }
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}

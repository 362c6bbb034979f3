import Foundation
import NextSend

/// Stored facts that name a value a new taxonomy no longer has: a stakeholder's role, a claim's
/// topic or position, a group's industry. A catalog import that would leave them is refused (they
/// would silently stop counting) unless it is told to retract them.
public struct OrphanFacts: Sendable, Hashable, Codable {
    /// The facts that name one dropped value.
    public struct Entry: Sendable, Hashable, Codable {
        /// What was dropped, as a person reads it: `topic tco`, `position on-prem of deployment`.
        public var value: String
        /// `stakeholder`, `claim` or `group industry`.
        public var fact: String

        /// What `--allow-orphans` does with them: "retracted" facts, a "cleared" industry.
        public var done: String { fact == "group industry" ? "cleared" : "retracted" }
        public var toDo: String { fact == "group industry" ? "clear" : "retract" }
        /// Group id → how many of its facts name the value.
        public var groups: [String: Int]
        /// The hint for keeping them: the `taxonomy rename` to run instead (`nil` for a changed kind).
        public var rename: String?

        public var total: Int { groups.values.reduce(0, +) }

        /// Up to five groups, most facts first, then by id: `mercy-valley-health 3, granite-peak-health 2`.
        public var groupList: String {
            let sorted = groups.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            var text = sorted.prefix(5).map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            if sorted.count > 5 { text += " and \(Words.count(sorted.count - 5, "more group"))" }
            return text
        }
    }

    public var entries: [Entry] = []

    public var isEmpty: Bool { entries.isEmpty }

    /// The refusal, one line per dropped value.
    public var refusal: String {
        var lines = ["this taxonomy drops values that stored facts still use, so they would stop counting; nothing was changed:"]
        for entry in entries {
            lines.append("  \(entry.value): \(Words.count(entry.total, entry.fact)) in \(entry.groupList)")
        }
        let renames = entries.compactMap(\.rename)
        if !renames.isEmpty {
            lines.append("To keep them under the new name, run \(renames.map { "nextsend taxonomy rename \($0) NEW" }.joined(separator: "; ")) "
                         + "(it finishes a taxonomy already edited by hand);")
            lines.append("to retract them (and clear a dropped industry), import again with --allow-orphans.")
        } else {
            lines.append("To retract them (and clear a dropped industry), import again with --allow-orphans.")
        }
        return lines.joined(separator: "\n")
    }
}

extension StoreQueries {
    /// The live facts `taxonomy` would orphan.
    static func orphans(under taxonomy: Taxonomy, _ db: any SQLSession) throws -> OrphanFacts {
        var entries: [String: OrphanFacts.Entry] = [:]
        func add(_ value: String, _ fact: String, _ group: String, _ count: Int, rename: String?) {
            let key = "\(fact)\u{0}\(value)"
            entries[key, default: OrphanFacts.Entry(value: value, fact: fact, groups: [:], rename: rename)].groups[group, default: 0] += count
        }
        let roles = Set(taxonomy.roles)
        for row in try db.rows("SELECT groupId, role, COUNT(*) AS n FROM stakeholder WHERE retractedBy IS NULL GROUP BY groupId, role") {
            let role = try row.string("role")
            if !roles.contains(role) { add("role \(role)", "stakeholder", try row.string("groupId"), try row.int("n"), rename: "role \(role)") }
        }
        let topics = Dictionary(uniqueKeysWithValues: taxonomy.topics.map { ($0.id, $0) })
        for row in try db.rows("""
            SELECT groupId, topic, position, CASE WHEN value IS NULL THEN 0 ELSE 1 END AS figure, COUNT(*) AS n
            FROM claim WHERE retractedBy IS NULL GROUP BY groupId, topic, position, CASE WHEN value IS NULL THEN 0 ELSE 1 END
            """) {
            let group = try row.string("groupId"), count = try row.int("n"), topicID = try row.string("topic")
            guard let topic = topics[topicID] else {
                add("topic \(topicID)", "claim", group, count, rename: "topic \(topicID)")
                continue
            }
            let position = row.optionalString("position")
            if topic.isNumber, position != nil {
                add("topic \(topicID) (now a number topic)", "claim", group, count, rename: nil)
            } else if !topic.isNumber, let position, !topic.positions.contains(position) {
                add("position \(position) of \(topicID)", "claim", group, count, rename: "position \(topicID) \(position)")
            } else if !topic.isNumber, position == nil {
                add("topic \(topicID) (now a choice topic)", "claim", group, count, rename: nil)
            }
        }
        if !taxonomy.industries.isEmpty {
            let industries = Set(taxonomy.industries)
            for row in try db.rows("SELECT id, industry FROM buyingGroup WHERE industry IS NOT NULL") {
                let industry = try row.string("industry")
                if !industries.contains(industry) {
                    add("industry \(industry)", "group industry", try row.string("id"), 1, rename: "industry \(industry)")
                }
            }
        }
        return OrphanFacts(entries: entries.values.sorted { ($0.value, $0.fact) < ($1.value, $1.fact) })
    }

    /// Retracts the live facts `taxonomy` would orphan, each with a note saying why; a group's
    /// industry it no longer has is cleared (an industry is not a fact with a history).
    ///
    /// - Returns: the groups whose stakeholders or claims were retracted, for their follow-ups to
    ///   be worked out again.
    @discardableResult
    static func retractOrphans(under taxonomy: Taxonomy, on day: Day?, _ db: any SQLSession) throws -> Set<String> {
        var touched = Set<String>()
        let note = { (value: String) in "nextsend: \(value) left the taxonomy (catalog import\(day.map { " \($0)" } ?? ""))" }
        let on = day?.description
        for role in try db.strings("SELECT DISTINCT role FROM stakeholder WHERE retractedBy IS NULL") where !taxonomy.roles.contains(role) {
            touched.formUnion(try db.strings("SELECT DISTINCT groupId FROM stakeholder WHERE retractedBy IS NULL AND role = ?", [role]))
            try db.execute("UPDATE stakeholder SET retractedBy = ?, retractedOn = ? WHERE retractedBy IS NULL AND role = ?",
                           [note("role \(role)"), on, role])
        }
        for row in try db.rows("SELECT DISTINCT topic, position, CASE WHEN value IS NULL THEN 0 ELSE 1 END AS figure FROM claim WHERE retractedBy IS NULL") {
            let topicID = try row.string("topic"), position = row.optionalString("position")
            let why: String?
            switch taxonomy.topic(topicID) {
            case nil: why = "topic \(topicID)"
            case let topic? where topic.isNumber: why = position == nil ? nil : "the choice topic \(topicID) (now a number topic)"
            case let topic?:
                if let position { why = topic.positions.contains(position) ? nil : "position \(position) of \(topicID)" } else {
                    why = "the number topic \(topicID) (now a choice topic)"
                }
            }
            guard let why else { continue }
            let figure = try row.int("figure") == 1 ? "value IS NOT NULL" : "value IS NULL"
            touched.formUnion(try db.strings("SELECT DISTINCT groupId FROM claim WHERE retractedBy IS NULL AND topic = ? AND \(figure)", [topicID]))
            if let position {
                try db.execute("UPDATE claim SET retractedBy = ?, retractedOn = ? WHERE retractedBy IS NULL AND topic = ? AND position = ? AND \(figure)",
                               [note(why), on, topicID, position])
            } else {
                try db.execute("UPDATE claim SET retractedBy = ?, retractedOn = ? WHERE retractedBy IS NULL AND topic = ? AND position IS NULL AND \(figure)",
                               [note(why), on, topicID])
            }
        }
        if !taxonomy.industries.isEmpty {
            for industry in try db.strings("SELECT DISTINCT industry FROM buyingGroup WHERE industry IS NOT NULL") where !taxonomy.industries.contains(industry) {
                try db.execute("UPDATE buyingGroup SET industry = NULL WHERE industry = ?", [industry])
            }
        }
        return touched
    }
}

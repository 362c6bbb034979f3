import Foundation
import NextSend

/// What a vocabulary rename changed in the database.
public struct StoredRename: Sendable, Equatable, Codable {
    /// Whether the stored taxonomy was renamed (false when it already had the new name).
    public var taxonomy = false
    /// Assets whose tags or `resolves` named the value.
    public var assets = 0
    /// Stakeholders in the role (live and retracted).
    public var stakeholders = 0
    /// Claims on the topic or in the position (live and retracted).
    public var claims = 0
    /// Groups in the industry.
    public var groups = 0
    /// Follow-ups of sends made for a conflict on the topic or for the role's missing voice.
    public var followUps = 0
    /// The CRMs whose stored mapping named the value.
    public var mappings: [String] = []
    /// The CRMs whose stored mapping could not be read to rename it (it keeps the old name; import
    /// with --mapping to replace it).
    public var mappingsNotRenamed: [String] = []

    public init() {}

    /// How many stored rows changed, taxonomy and mappings included.
    public var total: Int { (taxonomy ? 1 : 0) + assets + stakeholders + claims + groups + followUps + mappings.count }
}

extension SQLStore {
    /// Renames a taxonomy value in everything the database holds, in one transaction: the stored
    /// taxonomy, the assets' tags, stakeholders' roles, claims, groups' industries, the follow-ups
    /// learning counts, and the stored CRM mappings. Running it again changes nothing.
    public func renameStored(_ rename: VocabularyRename, dryRun: Bool) throws -> StoredRename {
        // A rerun that finds everything renamed writes nothing: the data version (what digests
        // and caches are keyed on) moves only when a row changed.
        try write(changesData: false, dryRun: dryRun) { db in
            var counts = StoredRename()
            let old = rename.old, new = rename.new
            if let json = try db.string("SELECT json FROM taxonomy WHERE id = 1") {
                let taxonomy = try JSONDecoder().decode(Taxonomy.self, from: Data(json.utf8))
                if (try? rename.progress(in: taxonomy, file: "stored taxonomy")) == .toDo {
                    let source = try db.string("SELECT source FROM taxonomy WHERE id = 1") ?? ""
                    // The stored text follows when it reads; it is kept for reference, not parsed again.
                    let text = (try? rename.rewriteTaxonomy(source, file: "stored taxonomy").text) ?? source
                    try StoreQueries.saveTaxonomy(rename.apply(to: taxonomy), source: text, db)
                    counts.taxonomy = true
                }
            }
            var assets = Set<String>()
            func touch(_ table: String, _ column: String, extra: String = "", _ arguments: SQLArguments = []) throws {
                assets.formUnion(try db.strings("SELECT assetId FROM \(table) WHERE \(column) = ?\(extra)", [old as (any SQLBindable)?] + arguments))
                try db.execute("UPDATE \(table) SET \(column) = ? WHERE \(column) = ?\(extra)", [new, old] as SQLArguments + arguments)
            }
            switch rename.kind {
            case .topic:
                try touch("assetTopic", "topic")
                try touch("assetResolve", "topic")
                counts.claims = try db.execute("UPDATE claim SET topic = ? WHERE topic = ?", [new, old])
                counts.followUps = try db.execute("UPDATE sendFollowUp SET need = ? WHERE need = ?", ["conflict:\(new)", "conflict:\(old)"])
                if counts.followUps > 0 { try EvidenceByClose.rebuild(db) }
            case .role:
                try touch("assetRole", "role")
                counts.stakeholders = try db.execute("UPDATE stakeholder SET role = ? WHERE role = ?", [new, old])
                for job in BuyingJob.allCases {
                    counts.followUps += try db.execute("UPDATE sendFollowUp SET need = ? WHERE need = ?",
                                                       ["missing-voice:\(job.rawValue):\(new)", "missing-voice:\(job.rawValue):\(old)"])
                }
                if counts.followUps > 0 { try EvidenceByClose.rebuild(db) }
            case .industry:
                try touch("assetIndustry", "industry")
                counts.groups = try db.execute("UPDATE buyingGroup SET industry = ? WHERE industry = ?", [new, old])
            case .position:
                let topic = rename.topic ?? ""
                try touch("assetResolvePosition", "position", extra: """
                     AND EXISTS (SELECT 1 FROM assetResolve r WHERE r.assetId = assetResolvePosition.assetId \
                    AND r.ordinal = assetResolvePosition.ordinal AND r.topic = ?)
                    """, [topic])
                counts.claims = try db.execute("UPDATE claim SET position = ? WHERE topic = ? AND position = ?", [new, topic, old])
            }
            counts.assets = assets.count
            for row in try db.rows("SELECT crm, yaml FROM crmMappingFor ORDER BY crm") {
                let crm = try row.string("crm")
                guard let rewritten = try? rename.rewriteCRMMapping(try row.string("yaml"), file: "stored \(crm) mapping") else {
                    counts.mappingsNotRenamed.append(crm)
                    continue
                }
                guard rewritten.count > 0 else { continue }
                try db.execute("UPDATE crmMappingFor SET yaml = ? WHERE crm = ?", [rewritten.text, crm])
                counts.mappings.append(crm)
            }
            if counts.taxonomy || counts.assets > 0 {
                // Caches of the catalog index are keyed on this.
                try db.execute("UPDATE storeVersion SET catalog = catalog + 1 WHERE id = 1")
            }
            if counts.total > 0 { try Self.bumpDataVersion(db) }
            if counts.followUps > 0 { try StoreQueries.bumpFollowUpVersion(db) }
            return counts
        }
    }
}

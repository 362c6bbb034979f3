import Foundation
import NextSend

/// Copies a team's data from one store to another — SQLite to PostgreSQL when a team moves to a
/// shared database, or back — row for row, history and provenance included.
///
/// The copy is one transaction on the target, read from one consistent view of the source, and
/// checked by counting every table on both sides before it commits: a count that differs rolls
/// it all back. A target that already holds a catalog or groups is refused unless `force`, which
/// replaces what it holds.
package enum StoreCopy {
    /// One table: its columns as both schemas name them, and the order rows are read in (the
    /// order they were written, where the order carries meaning).
    struct Table {
        var name: String
        var columns: [String]
        var order: String
    }

    static let tables: [Table] = [
        Table(name: "taxonomy", columns: ["id", "json", "source"], order: "id"),
        Table(name: "asset", columns: AssetRecord.columns + ["firstImported", "retiredOn"], order: "id"),
        Table(name: "assetJob", columns: ["assetId", "job", "position"], order: "assetId, position"),
        Table(name: "assetRole", columns: ["assetId", "role", "position"], order: "assetId, position"),
        Table(name: "assetTopic", columns: ["assetId", "topic", "position"], order: "assetId, position"),
        Table(name: "assetIndustry", columns: ["assetId", "industry", "position"], order: "assetId, position"),
        Table(name: "assetResolve", columns: ["assetId", "ordinal", "topic"], order: "assetId, ordinal"),
        // The positions' order is their insertion order (rowid on both databases).
        Table(name: "assetResolvePosition", columns: ["assetId", "ordinal", "position"], order: "rowid"),
        Table(name: "buyingGroup", columns: ["id", "account", "owner", "industry", "source", "origin", "status", "statusDate", "statusBy",
                                             "dealName", "dealStage", "dealAmount", "dealCurrency", "dealCloseDate"],
              order: "id"),
        // Origins before the facts that refer to them by number.
        Table(name: "factOrigin", columns: ["originId", "origin"], order: "originId"),
        Table(name: "stakeholder", columns: ["groupId", "id", "name", "role", "influence", "title", "email", "position", "originId", "recordedBy",
                                             "retractedBy", "retractedOn"], order: "groupId, position, id"),
        Table(name: "claim", columns: ["groupId", "seq", "stakeholderId", "topic", "position", "value", "source", "date", "originId",
                                       "recordedBy", "retractedBy", "quote", "retractedOn"], order: "groupId, seq"),
        Table(name: "jobEvent", columns: ["groupId", "seq", "job", "type", "date", "note", "originId", "recordedBy", "retractedBy",
                                          "retractedOn"], order: "groupId, seq"),
        Table(name: "send", columns: ["groupId", "seq", "assetId", "stakeholderId", "date", "channel", "consumed", "consumedBy", "originId",
                                      "recordedBy", "retractedBy", "retractedOn"], order: "groupId, seq"),
        Table(name: "dismissal", columns: ["groupId", "seq", "assetId", "date", "reason", "originId", "recordedBy", "retractedBy",
                                           "retractedOn"], order: "groupId, seq"),
        Table(name: "sendFollowUp", columns: ["groupId", "assetId", "need", "sent", "windowEnd", "met"], order: "groupId, assetId, need, sent"),
        Table(name: "evidenceByClose", columns: ["assetId", "need", "closes", "sends", "successes"], order: "assetId, need, closes"),
        Table(name: "digestLedger", columns: ["week", "outDir", "item", "storeVersion", "formats"], order: "week, outDir, item"),
        Table(name: "deliveryLedger", columns: ["week", "recipient", "messageId"], order: "week, recipient"),
        Table(name: "crmMapping", columns: ["id", "yaml", "source"], order: "id"),
        Table(name: "crmMappingFor", columns: ["crm", "yaml", "source"], order: "crm"),
        // Named tokens move with the data, so that callers keep their access; web sessions do
        // not: signing in again after a move is no loss.
        Table(name: "accessToken", columns: ["name", "tokenHash", "rep", "manager", "created", "expires", "lastUsed"], order: "name"),
    ]

    /// What a copy moved: rows per table, in copy order.
    package struct Summary: Sendable, Encodable {
        package struct Table: Sendable, Encodable {
            package var table: String
            package var rows: Int
        }

        package var from: String
        package var to: String
        package var tables: [Table] = []
        package var rows: Int { tables.reduce(0) { $0 + $1.rows } }
    }

    /// - Throws: ``StoreError``: `notEmpty` when the target holds data and `force` is not set,
    ///   `refused` when source and target are the same database, `damaged` when a count differs
    ///   after copying (nothing is then written).
    package static func copy(from source: any SQLStore, to target: any SQLStore, force: Bool) throws -> Summary {
        guard source.location != target.location else {
            throw StoreError(.refused, "\(source.location) is both the source and the target of the copy")
        }
        return try source.read { from in
            try target.write(changesData: false) { to in
                let held = try to.int("SELECT (SELECT COUNT(*) FROM asset) + (SELECT COUNT(*) FROM buyingGroup) + (SELECT COUNT(*) FROM taxonomy)") ?? 0
                if held > 0 {
                    guard force else {
                        throw StoreError(.notEmpty, "\(target.location) already holds a catalog or groups; "
                            + "copy into an empty database, or pass --force to replace what it holds")
                    }
                    for table in tables.reversed() { try to.execute("DELETE FROM \(table.name)") }
                    if to.dialect == .sqlite { try to.execute("DELETE FROM assetSearch") }
                }
                // What the target kept describes what it held: the versions set below never match it
                // again, so the row would only take room.
                if to.dialect == .sqlite { try to.execute("DELETE FROM keptCatalog") }
                var summary = Summary(from: source.location, to: target.location)
                for table in tables {
                    let columns = table.columns.joined(separator: ", ")
                    let placeholders = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
                    let insert = "INSERT INTO \(table.name) (\(columns)) VALUES (\(placeholders))"
                    var count = 0
                    for row in try from.rows("SELECT \(columns) FROM \(table.name) ORDER BY \(table.order)") {
                        try to.execute(insert, row.values.map { $0 as (any SQLBindable)? })
                        count += 1
                    }
                    summary.tables.append(.init(table: table.name, rows: count))
                }
                if to.dialect == .sqlite {
                    // SQLite's search index is a table of its own; PostgreSQL's is a generated column.
                    try to.execute("INSERT INTO assetSearch (rowid, id, title, summary, body) SELECT rowid, id, title, COALESCE(summary, ''), body FROM asset")
                }
                // Versions: a digest resumed on the target knows what it already wrote. The catalog and
                // follow-up versions only key caches: they move past both sides' numbers, so nothing the
                // target kept (a `next` running beside the copy may still write its kept catalog) can
                // match the copy's.
                if let versions = try from.rows("SELECT version, catalog, followUps FROM storeVersion WHERE id = 1").first,
                   let held = try to.rows("SELECT catalog, followUps FROM storeVersion WHERE id = 1").first {
                    let catalog = max(versions.int(at: 1) ?? 0, held.int(at: 0) ?? 0) + 1
                    let followUps = max(versions.int(at: 2) ?? 0, held.int(at: 1) ?? 0) + 1
                    try to.execute("UPDATE storeVersion SET version = ?, catalog = ?, followUps = ? WHERE id = 1",
                                   [versions[0], catalog, followUps])
                }
                for table in tables {
                    let there = try to.int("SELECT COUNT(*) FROM \(table.name)") ?? -1
                    let here = try from.int("SELECT COUNT(*) FROM \(table.name)") ?? -2
                    guard there == here else {
                        throw StoreError(.damaged, "copying \(table.name) left \(there) rows in \(target.location) for \(here) in "
                            + "\(source.location); nothing was written")
                    }
                }
                return summary
            }
        }
    }
}

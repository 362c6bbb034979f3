import Foundation
import NextSend
import NextSendCRM
import NextSendStore

/// A CRM whose exports NextSend reads.
public enum CRMSource: String, Sendable, CaseIterable {
    case salesforce, hubspot

    public var name: String { self == .salesforce ? "Salesforce" : "HubSpot" }
    /// The prefix of the groups this CRM's deals become (`sf-…`, `hs-…`).
    var groupPrefix: String { self == .salesforce ? "sf-" : "hs-" }
    var export: any CRMExport.Type { self == .salesforce ? SalesforceExport.self : HubSpotExport.self }
}

/// What one CRM import did: what the export held and skipped, what changed in the store, and the
/// claims read from its activities' text.
public struct CRMImportOutcome: Sendable, Encodable {
    public var source: String
    public var directory: String
    public var read: CRMImportReport
    public var imported: GroupImportSummary
    public var notes: NoteIntake
    /// Groups whose deal is open again at the source, reopened here.
    public var reopened: [String] = []
    /// Which mapping was used when that is news ("no mapping stored for hubspot: using …").
    public var mappingNote: String?
    public var dryRun: Bool

    enum CodingKeys: String, CodingKey { case source, directory, read, imported, notes }

    /// The summary a person reads.
    public var lines: [String] {
        let crm = CRMSource(rawValue: source)?.name ?? source
        var lines = ["\(dryRun ? "Would import" : "Imported") \(directory) (\(crm)): \(read.summary)."]
        let closed = imported.closed.isEmpty ? "" : ", \(imported.closed.count) closed (\(imported.closed.joined(separator: ", ")))"
        let facts = "facts \(imported.facts.added) added, \(imported.facts.changed) changed, \(imported.facts.removed) removed, "
            + "\(imported.facts.kept) kept from reps and other sources"
        lines.append("Groups: \(imported.added.count) new, \(imported.updated.count) updated, \(imported.unchanged.count) unchanged\(closed); \(facts).")
        if let sentence = notes.sentence(dryRun: dryRun) { lines.append(sentence) }
        if dryRun { lines.append("Nothing was written (--dry-run).") }
        return lines
    }
}

/// Claims read from text that came with an import (CRM activities).
public struct NoteIntake: Sendable, Hashable, Encodable {
    /// Activities with text read.
    public var notes = 0
    public var claims = 0
    public var added = 0
    public var changed = 0
    public var unchanged = 0
    public var keptRetracted = 0
    /// Statements not taken, counted by why.
    public var skipped: [String: Int] = [:]
    /// `false` when the taxonomy has no `says:` phrases: nothing can be read.
    public var readable = true

    public init() {}

    func sentence(dryRun: Bool) -> String? {
        guard notes > 0 else { return nil }
        guard readable else {
            return "Notes: \(Words.count(notes, "activity", plural: "activities")) with text, not read: the taxonomy has no says: phrases."
        }
        let stored = [(added, dryRun ? "would be new" : "new"), (changed, "changed"), (unchanged, "already recorded"),
                      (keptRetracted, "retracted before and left out")].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        let left = skipped.values.reduce(0, +)
        return "Notes: \(Words.count(claims, "claim")) read from \(Words.count(notes, "activity", plural: "activities"))"
            + (stored.isEmpty ? "" : " (\(stored.joined(separator: ", ")))")
            + (left == 0 ? "." : "; \(Words.count(left, "statement")) not taken (\(skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))).")
    }
}

extension Desk {
    /// `crm import`: reads a CRM export folder with its mapping, merges its deals into the store
    /// (closing, reopening and taking out deleted deals as the CRM says), stores the mapping for the
    /// next import, and reads claims from the activities' text.
    ///
    /// - Parameters:
    ///   - mappingPath: a mapping file; without it, the one stored for this CRM, else the shipped default.
    ///   - full: the export is complete: a stored deal of this CRM it does not name is gone there.
    /// - Throws: ``DeskError`` (field `mapping`, `directory`) for what cannot be read; ``ValidationFailure``
    ///   for a mapping with mistakes; ``CSVError`` for a file that cannot be read as its export.
    public func importCRM(_ source: CRMSource, directory: String, mappingPath: String?, includeClosed: Bool, full: Bool, dryRun: Bool,
                          today: Day) throws -> CRMImportOutcome {
        let taxonomy = try store.taxonomy()
        let (text, mappingSource, said) = try mappingText(source, path: mappingPath, dryRun: dryRun)
        let mapping = try CRMMappingParser.parse(text, file: mappingSource, taxonomy: taxonomy)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
            throw DeskError.notFound("no folder \(directory)")
        }
        let assets = try store.assets(matching: AssetFilter())
        let read = try source.export.init(directory: directory, mapping: mapping, assets: assets, today: today, includeClosed: includeClosed).read()

        // Deals deleted at the source (IsDeleted, or absent from an export --full says is complete):
        // what this source brought for them is taken out and the group archived; what reps recorded
        // stays in its history.
        var gone = read.deleted
        if full {
            for id in try store.groupIDs(includeClosed: true) where id.hasPrefix(source.groupPrefix) && !read.named.contains(id) && gone[id] == nil {
                // The source as stored: Salesforce ids keep their case there, not in the group id.
                gone[id] = try store.history(ofGroup: id).people.map(\.provenance.origin).first { $0.hasPrefix(source.rawValue + ":") }
                    ?? "\(source.rawValue):\(id.dropFirst(3))"
            }
        }
        var groups = read.groups
        var origins = read.origins
        var closing = read.closed
        for (id, origin) in gone.sorted(by: { $0.key < $1.key }) where origins[id] == nil {
            guard var stored = try store.group(id: id) else { continue }
            // This source now brings nothing for the group: the merge takes out what it brought.
            stored.stakeholders = []
            stored.claims = []
            stored.events = []
            stored.touches = []
            groups.append(stored)
            origins[id] = origin
            closing[id] = (.archived, today)
        }
        // A deal the CRM had closed and now carries open again (reopened at the source) reopens its group.
        let stored = Set(try store.groupIDs(includeClosed: true))
        let reopening = try read.groups.map(\.id).filter { id in
            guard stored.contains(id), read.closed[id] == nil else { return false }
            let status = try store.status(ofGroup: id).status
            return status == .won || status == .lost
        }
        let summary = try store.importGroups(groups, origins: origins, dryRun: dryRun, closing: closing, closedBy: source.rawValue)
        if !dryRun {
            for id in reopening { try store.setStatus(.open, ofGroup: id, on: today, by: Recorder(source.rawValue)) }
            try store.saveCRMMapping(text, source: mappingSource, for: source.rawValue)
        }
        let notes = try readSourcedNotes(read.notes, groups: read.groups, taxonomy: taxonomy, by: Recorder(source.rawValue), dryRun: dryRun)
        return CRMImportOutcome(source: source.rawValue, directory: directory, read: read.report, imported: summary, notes: notes,
                                reopened: reopening, mappingNote: said, dryRun: dryRun)
    }

    /// The mapping named, else the one stored for this CRM, else the shipped default, with a
    /// sentence when what is used changes (a file in the working folder is never read unasked).
    private func mappingText(_ source: CRMSource, path: String?, dryRun: Bool) throws -> (text: String, source: String, note: String?) {
        let crm = source.rawValue
        let storing = dryRun ? "would be stored (--dry-run)" : "stored for later \(crm) imports"
        if let path {
            guard let data = FileManager.default.contents(atPath: path) else { throw DeskError.badInput(field: "mapping", "cannot read \(path)") }
            let standardized = (path as NSString).standardizingPath
            return (String(decoding: data, as: UTF8.self), standardized, "mapping \(standardized), \(storing)")
        }
        if let stored = try store.crmMapping(for: crm) { return (stored.yaml, stored.source, nil) }
        return (ShippedMapping.yaml, ShippedMapping.name, "no mapping stored for \(crm): using \(ShippedMapping.name), \(storing)")
    }

    /// Reads claims from text that came with an import, each note under its own origin, in one
    /// transaction. `groups` are the groups as the import read them (a dry run has not stored them).
    public func readSourcedNotes(_ notes: [SourcedNote], groups: [BuyingGroup], taxonomy: Taxonomy, by recorder: Recorder,
                                 dryRun: Bool) throws -> NoteIntake {
        var intake = NoteIntake()
        intake.notes = notes.count
        guard !notes.isEmpty else { return intake }
        let byID = Dictionary(groups.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var readers: [String: NoteReader] = [:]
        var batches: [NoteClaims] = []
        let template = NoteReader(taxonomy: taxonomy, stakeholders: [])
        for note in notes.sorted(by: { ($0.group, $0.origin) < ($1.group, $1.origin) }) {
            guard let group = try byID[note.group] ?? store.group(id: note.group) else { continue }
            let reader = readers[group.id] ?? template.reading(for: group.stakeholders)
            readers[group.id] = reader
            guard reader.canRead else {
                intake.readable = false
                return intake
            }
            let reading = reader.read(note.document)
            for statement in reading.skipped { intake.skipped[statement.why.rawValue, default: 0] += 1 }
            let claims = reading.claims.map { read in
                Claim(stakeholder: read.stakeholder, topic: read.topic, value: read.value, source: note.source, date: min(read.date ?? note.date, note.date), quote: read.quote)
            }
            intake.claims += claims.count
            if !claims.isEmpty { batches.append(NoteClaims(group: group.id, origin: note.origin, claims: claims)) }
        }
        for outcome in try store.recordNoteClaims(batches, by: recorder, dryRun: dryRun, requireGroups: false) {
            intake.added += outcome.added
            intake.changed += outcome.changed
            intake.unchanged += outcome.unchanged
            intake.keptRetracted += outcome.keptRetracted
        }
        return intake
    }
}

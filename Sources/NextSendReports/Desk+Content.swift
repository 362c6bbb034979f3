import Logging
import NextSend
import NextSendCRM
import NextSendStore

/// The catalog and the content folder: imports, tags, renames, coverage. Every command that
/// changes content goes through here, as every record does through ``Desk``'s record methods.
extension Desk {
    /// `catalog import`: every asset of `directory` validated, then stored in one transaction.
    public func importCatalog(directory: String, taxonomyPath: String?, asOf: Day, allowRetire: Bool, allowOrphans: Bool,
                              dryRun: Bool, logger: Logger) throws -> CatalogFolderImport {
        let imported = try store.importCatalog(directory: directory, taxonomyPath: taxonomyPath, asOf: asOf, allowRetire: allowRetire,
                                               allowOrphans: allowOrphans, dryRun: dryRun, logger: logger)
        // The day's first `next` then reads the kept catalog instead of the tables. Keeping is
        // bookkeeping: should it fail, the import stands and that call reads the tables.
        if !dryRun { _ = try? store.keptCatalog(asOf: asOf) }
        return imported
    }

    /// `catalog tag`: the same edit to several assets' files and the store, all or nothing.
    public func tagAssets(ids: [String], edit: TagEdit, folder: String?, asOf: Day) throws -> [TagOutcome] {
        try store.tagAssets(ids: ids, edit: edit, folder: folder, asOf: asOf)
    }

    /// `taxonomy rename`: a value renamed in the content folder and the database.
    public func renameVocabulary(_ rename: VocabularyRename, content: String, asOf: Day, dryRun: Bool) throws -> RenameReport {
        try store.renameVocabulary(rename, content: content, asOf: asOf, dryRun: dryRun) { text, file, taxonomy in
            _ = try CRMMappingParser.parse(text, file: file, taxonomy: taxonomy)
        }
    }

    /// `catalog coverage`: live assets per buying job and role, topic, industry or format.
    public func coverage(by dimension: CoverageMatrix.Dimension, asOf: Day) throws -> CoverageMatrix {
        CoverageMatrix(assets: try store.assets(), taxonomy: try store.taxonomy(), asOf: asOf, by: dimension)
    }

    /// For a search that found nothing: the search with its first unknown word corrected, or `nil`.
    public func searchSuggestion(_ search: String) throws -> String? { try store.searchSuggestion(search) }

    /// `group import`: group files read, checked and merged a chunk at a time in one transaction;
    /// any error anywhere rolls all of it back.
    public func importGroups(path: String, asOf: Day, replace: Bool, dryRun: Bool,
                             logger: Logger) throws -> (summary: GroupImportSummary, warnings: [Diagnostic]) {
        try store.importGroups(path: path, asOf: asOf, replace: replace, dryRun: dryRun, logger: logger)
    }

    /// `crm mapping show`: the mapping a CRM's next import uses, if one is stored.
    public func storedMapping(for crm: String) throws -> (yaml: String, source: String)? { try store.crmMapping(for: crm) }
}

/// Small lookups the pages and messages need: names, titles, owners.
extension Desk {
    /// The stored taxonomy.
    public func taxonomy() throws -> Taxonomy { try store.taxonomy() }

    /// How a group's people read in a sentence ("Dana Reyes (finance)", then "Dana").
    public func names(inGroup id: String) throws -> PersonNames {
        Vocabulary(try store.taxonomy()).names(in: try store.existingGroup(id: id))
    }

    /// An asset's title, or its id when it is not in the catalog.
    public func title(ofAsset id: String) throws -> String { try store.asset(id: id)?.title ?? id }

    /// One group with its whole history; a missing one is named with the closest id.
    public func group(id: String) throws -> BuyingGroup { try store.existingGroup(id: id) }

    /// Every asset of the catalog, in id order.
    public func allAssets() throws -> [Asset] { try store.assets() }

    /// Whether the group exists.
    public func hasGroup(_ id: String) throws -> Bool { try store.group(id: id) != nil }

    /// The reps who own at least one open group.
    public func owners() throws -> [String] { try store.owners() }

    /// Checks that `owner` owns a group; a typo is named with the closest owner.
    public func requireOwner(_ owner: String) throws { try store.requireOwner(owner) }

    /// Whether the database answers (the service's readiness check).
    public func ping() throws { _ = try store.catalogVersion() }
}

import Logging
import NextSend

/// The outcome of importing a catalog folder: what changed, and the warnings worth showing.
public struct CatalogFolderImport: Sendable {
    public var summary: CatalogImportSummary
    public var warnings: [Diagnostic]
    public var taxonomyPath: String
}

extension Store {
    /// Validates every asset of `directory` against the taxonomy, then imports them all in one transaction.
    ///
    /// - Parameters:
    ///   - taxonomyPath: the taxonomy file; `nil` for `taxonomy.yaml` beside the catalog folder.
    ///   - logger: where the steps are logged (at info).
    /// - Throws: ``ValidationFailure`` with every diagnostic of every file when any file has an
    ///   error; the database is then untouched.
    public func importCatalog(directory: String, taxonomyPath: String?, asOf: Day, allowRetire: Bool = false, allowOrphans: Bool = false,
                              dryRun: Bool = false,
                              logger: Logger = .silent) throws -> CatalogFolderImport {
        let path = ContentFolder.taxonomyPath(explicit: taxonomyPath, catalogDirectory: directory)
        let (taxonomy, source) = try ContentFolder.loadTaxonomy(path: path)
        logger.info("taxonomy read", metadata: ["path": "\(path)", "roles": "\(taxonomy.roles.count)", "topics": "\(taxonomy.topics.count)"])
        let catalog = try ContentFolder.loadCatalog(directory: directory, taxonomy: taxonomy, asOf: asOf)
        let errors = catalog.diagnostics.filter { $0.severity == .error }.count
        logger.info("catalog checked", metadata: ["folder": "\(directory)", "files": "\(catalog.fileCount)", "errors": "\(errors)",
                                                  "warnings": "\(catalog.diagnostics.count - errors)"])
        if catalog.hasErrors { throw ValidationFailure(catalog.diagnostics) }
        let summary = try importCatalog(catalog.assets, taxonomy: taxonomy, taxonomySource: source, paths: catalog.paths,
                                        allowRetire: allowRetire, allowOrphans: allowOrphans, dryRun: dryRun, asOf: asOf)
        logger.info("catalog stored", metadata: ["added": "\(summary.added.count)", "updated": "\(summary.updated.count)",
                                                 "retired": "\(summary.retired.count)", "unchanged": "\(summary.unchanged)"])
        return CatalogFolderImport(summary: summary, warnings: catalog.diagnostics, taxonomyPath: path)
    }
}

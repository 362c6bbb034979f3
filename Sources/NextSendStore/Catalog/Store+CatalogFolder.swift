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
    /// - Throws: ``ValidationFailure`` with every diagnostic of every file when any file has an
    ///   error; the database is then untouched.
    public func importCatalog(directory: String, taxonomyPath: String?, asOf: Day) throws -> CatalogFolderImport {
        let path = ContentFolder.taxonomyPath(explicit: taxonomyPath, catalogDirectory: directory)
        let (taxonomy, source) = try ContentFolder.loadTaxonomy(path: path)
        let catalog = try ContentFolder.loadCatalog(directory: directory, taxonomy: taxonomy, asOf: asOf)
        if catalog.hasErrors { throw ValidationFailure(catalog.diagnostics) }
        let summary = try importCatalog(catalog.assets, taxonomy: taxonomy, taxonomySource: source, paths: catalog.paths)
        return CatalogFolderImport(summary: summary, warnings: catalog.diagnostics, taxonomyPath: path)
    }
}

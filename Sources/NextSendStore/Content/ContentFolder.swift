import Foundation
import NextSend

/// Reads the content folder: the taxonomy and the catalog's Markdown files.
///
/// The library parses text; this type is where text comes from disk. It never follows a path
/// out of the folder it was given: a symbolic link that leads elsewhere is refused.
public enum ContentFolder {
    /// A catalog folder read and checked, file by file.
    public struct Catalog: Sendable {
        public var assets: [Asset]
        /// Every diagnostic of every file, in file then line order.
        public var diagnostics: [Diagnostic]
        /// Asset id → the absolute path of the file it came from.
        public var paths: [String: String]
        public var fileCount: Int

        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Where the taxonomy is: the explicit path, else `taxonomy.yaml` in the catalog folder's parent.
    public static func taxonomyPath(explicit: String?, catalogDirectory: String) -> String {
        if let explicit { return explicit }
        // Said as the user typed the folder ("content/taxonomy.yaml" for "content/catalog"), so
        // messages name the file the way the user knows it; "." and ".." need the real parent.
        let last = (catalogDirectory as NSString).lastPathComponent
        guard last != ".", last != "..", !last.isEmpty else {
            let folder = URL(fileURLWithPath: catalogDirectory).standardizedFileURL
            return folder.deletingLastPathComponent().appendingPathComponent("taxonomy.yaml").path
        }
        return ((catalogDirectory as NSString).deletingLastPathComponent as NSString).appendingPathComponent("taxonomy.yaml")
    }

    /// Reads and validates the taxonomy file.
    ///
    /// - Throws: ``ContentError`` when the file is missing or unreadable, ``ValidationFailure`` when it is wrong.
    public static func loadTaxonomy(path: String) throws -> (taxonomy: Taxonomy, source: String) {
        let source = try readText(path: path, what: "taxonomy")
        return (try TaxonomyParser.parse(source, file: path), source)
    }

    /// Reads every `*.md` file of `directory` (not its subfolders) and checks each against `taxonomy`.
    public static func loadCatalog(directory: String, taxonomy: Taxonomy, asOf: Day) throws -> Catalog {
        let files = try markdownFiles(in: directory)
        var catalog = Catalog(assets: [], diagnostics: [], paths: [:], fileCount: files.count)
        let root = URL(fileURLWithPath: directory).resolvingSymlinksInPath().standardizedFileURL.path
        // Files are independent: parsed side by side, gathered in file order.
        let outcomes = try files.parallelMap { file -> Result<(path: String, asset: Asset?, diagnostics: [Diagnostic]), ContentError> in
            let path = (directory as NSString).appendingPathComponent(file)
            let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
            guard resolved.hasPrefix(root + "/") else {
                return .success((path, nil, [Diagnostic(.error, file: path, line: nil, field: nil,
                                                        message: "is a symbolic link to \(resolved), outside the catalog folder; refused")]))
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                return .failure(ContentError(.unreadable, "cannot read \(path)"))
            }
            guard let text = String(data: data, encoding: .utf8) else {
                return .success((path, nil, [Diagnostic(.error, file: path, line: 1, field: nil, message: "the file is not valid UTF-8 text")]))
            }
            let parsed = AssetParser.parse(text, id: String(file.dropLast(3)), file: path, taxonomy: taxonomy, asOf: asOf)
            return .success((path, parsed.asset, parsed.diagnostics))
        }.map { try $0.get() }
        for outcome in outcomes {
            catalog.diagnostics.append(contentsOf: outcome.diagnostics)
            if let asset = outcome.asset {
                catalog.assets.append(asset)
                // Stored absolute, so `catalog tag` finds the file from any folder later.
                catalog.paths[asset.id] = URL(fileURLWithPath: outcome.path).standardizedFileURL.path
            }
        }
        catalog.diagnostics.sort(by: Diagnostic.byLocation)
        return catalog
    }

    /// Reads a whole file as UTF-8 text, with errors that say which file and why.
    public static func readText(path: String, what: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ContentError(.missingInput, "\(what) not found: \(path)")
        }
        guard !isDirectory.boolValue else { throw ContentError(.missingInput, "\(what) \(path) is a folder, expected a file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ContentError(.unreadable, "cannot read \(what) \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ValidationFailure([Diagnostic(.error, file: path, line: 1, field: nil, message: "the file is not valid UTF-8 text")])
        }
        return text
    }

    /// Replaces a file's content atomically: a temporary file beside it, then a rename.
    public static func writeAtomically(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw ContentError.writing(path, error)
        }
        guard rename(temporary.path, url.path) == 0 else {
            let failure = ContentError.writing(path, errno: errno)
            try? FileManager.default.removeItem(at: temporary)
            throw failure
        }
    }

    private static func markdownFiles(in directory: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw ContentError(.missingInput, "catalog folder not found: \(directory)")
        }
        guard isDirectory.boolValue else { throw ContentError(.missingInput, "\(directory) is not a folder") }
        return try ContentListing.files(in: directory, extensions: ["md"]).map { ($0 as NSString).lastPathComponent }
    }
}

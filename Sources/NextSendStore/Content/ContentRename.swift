import Foundation
import NextSend

/// What `taxonomy rename` changed, file by file and in the database.
public struct RenameReport: Sendable, Encodable {
    /// One content file the rename rewrote (or, in a dry run, would rewrite).
    public struct File: Sendable, Encodable, Equatable {
        /// `taxonomy`, `asset`, `group` or `crm-mapping`.
        public var kind: String
        public var path: String
        /// How many values in it changed.
        public var changes: Int
    }

    public var rename: String
    public var dryRun: Bool
    /// True when the taxonomy file already had the new name (an earlier run, or an edit by hand):
    /// this run renamed what still used the old one.
    public var resumed: Bool
    public var files: [File]
    public var stored: StoredRename

    /// Whether anything was (or would be) changed.
    public var changedAnything: Bool { !files.isEmpty || stored.total > 0 }
}

/// The points between a rename's steps, for tests that stop it there as a crash would.
package enum RenameCheckpoint: Sendable {
    /// Every new file is written under its temporary name; the database is untouched.
    case staged
    /// The database committed; no file is in place yet.
    case committed
}

extension Store {
    /// Renames a taxonomy value everywhere: the content folder's `taxonomy.yaml`, its catalog's
    /// front matter, its group files and `crm.yaml`, and the database (``renameStored(_:dryRun:)``).
    ///
    /// Every file's new text is validated against the renamed taxonomy and written to a hidden
    /// temporary name first; then the database commits in one transaction; then the files are
    /// renamed into place, the taxonomy last. A crash before the commit changes nothing; after
    /// it, the taxonomy file still has the old name, so running the same rename again rewrites
    /// the files still left and finds the database done.
    ///
    /// - Throws: ``ValidationFailure`` (nothing changed) when the taxonomy has neither name or
    ///   both, or a rewritten file would not be valid; ``ContentError`` when a file cannot be
    ///   read or written.
    ///
    /// - Parameter checkMapping: reads a rewritten `crm.yaml` against the renamed taxonomy (the
    ///   CRM module's parser: the store does not know the mapping's rules), throwing
    ///   ``ValidationFailure`` when it no longer reads.
    public func renameVocabulary(_ rename: VocabularyRename, content: String, asOf: Day, dryRun: Bool,
                                 checkMapping: (_ text: String, _ file: String, _ taxonomy: Taxonomy) throws -> Void = { _, _, _ in }) throws -> RenameReport {
        try renameVocabulary(rename, content: content, asOf: asOf, dryRun: dryRun, checkMapping: checkMapping, checkpoint: { _ in })
    }

    package func renameVocabulary(_ rename: VocabularyRename, content: String, asOf: Day, dryRun: Bool,
                                  checkMapping: (_ text: String, _ file: String, _ taxonomy: Taxonomy) throws -> Void = { _, _, _ in },
                                  checkpoint: (RenameCheckpoint) throws -> Void) throws -> RenameReport {
        let taxonomyPath = (content as NSString).appendingPathComponent("taxonomy.yaml")
        let taxonomyText = try ContentFolder.readText(path: taxonomyPath, what: "taxonomy")
        let current = try TaxonomyParser.parse(taxonomyText, file: taxonomyPath)
        let progress = try rename.progress(in: current, file: taxonomyPath)

        var plans: [(file: RenameReport.File, text: String)] = []
        var problems: [Diagnostic] = []
        var renamed = current
        if progress == .toDo {
            let rewritten = try rename.rewriteTaxonomy(taxonomyText, file: taxonomyPath)
            renamed = try TaxonomyParser.parse(rewritten.text, file: taxonomyPath)
            // The text rules and the model must agree, or a value was missed (or hit) somewhere.
            guard renamed == rename.apply(to: current) else {
                throw ValidationFailure([Diagnostic(.error, file: taxonomyPath, line: nil, field: nil,
                                                    message: "cannot rename \(rename) in this file safely (it uses the value somewhere "
                                                        + "a rename does not expect); edit it by hand, then run the rename again")])
            }
            plans.append((RenameReport.File(kind: "taxonomy", path: taxonomyPath, changes: rewritten.count), rewritten.text))
        }

        let catalog = (content as NSString).appendingPathComponent("catalog")
        for path in try Self.files(in: catalog, extensions: ["md"]) {
            let text = try ContentFolder.readText(path: path, what: "asset file")
            let rewritten = try rename.rewriteAssetFile(text, file: path)
            guard rewritten.count > 0 else { continue }
            let id = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            problems += AssetParser.parse(rewritten.text, id: id, file: path, taxonomy: renamed, asOf: asOf)
                .diagnostics.filter { $0.severity == .error }
            plans.append((RenameReport.File(kind: "asset", path: path, changes: rewritten.count), rewritten.text))
        }

        let groups = (content as NSString).appendingPathComponent("groups")
        for path in try Self.files(in: groups, extensions: GroupFiles.yamlExtensions.union(GroupFiles.jsonLinesExtensions)) {
            let text = try ContentFolder.readText(path: path, what: "group file")
            let lines = GroupFiles.jsonLinesExtensions.contains((path as NSString).pathExtension.lowercased())
            let rewritten = lines ? try rename.rewriteGroupLines(text, file: path) : try rename.rewriteGroupFile(text, file: path)
            guard rewritten.count > 0 else { continue }
            let parsed = lines ? GroupParser.parseJSONLines(rewritten.text, file: path, taxonomy: renamed)
                               : GroupParser.parseYAML(rewritten.text, file: path, taxonomy: renamed)
            problems += parsed.diagnostics.filter { $0.severity == .error }
            plans.append((RenameReport.File(kind: "group", path: path, changes: rewritten.count), rewritten.text))
        }

        let mappingPath = (content as NSString).appendingPathComponent("crm.yaml")
        if FileManager.default.fileExists(atPath: mappingPath) {
            let text = try ContentFolder.readText(path: mappingPath, what: "CRM mapping")
            let rewritten = try rename.rewriteCRMMapping(text, file: mappingPath)
            if rewritten.count > 0 {
                do {
                    try checkMapping(rewritten.text, mappingPath, renamed)
                } catch let failure as ValidationFailure {
                    problems += failure.errors
                }
                plans.append((RenameReport.File(kind: "crm-mapping", path: mappingPath, changes: rewritten.count), rewritten.text))
            }
        }
        if !problems.isEmpty { throw ValidationFailure(problems) }

        // The taxonomy goes last: while it still has the old name, a rerun knows there is work left.
        plans.sort { ($0.file.kind == "taxonomy" ? 1 : 0, $0.file.path) < ($1.file.kind == "taxonomy" ? 1 : 0, $1.file.path) }
        var staged: [(temporary: String, path: String)] = []
        let stored: StoredRename
        do {
            if !dryRun {
                for plan in plans {
                    // A linked file (content/crm.yaml often is) is rewritten where it lives; the link stays.
                    let target = URL(fileURLWithPath: plan.file.path).resolvingSymlinksInPath().path
                    let temporary = Self.temporaryName(for: target)
                    try Self.stage(plan.text, at: temporary, like: target, for: plan.file.path)
                    staged.append((temporary, target))
                }
            }
            try checkpoint(.staged)
            stored = try renameStored(rename, dryRun: dryRun)
        } catch {
            for file in staged { try? FileManager.default.removeItem(atPath: file.temporary) }
            throw error
        }
        try checkpoint(.committed)
        for file in staged where Foundation.rename(file.temporary, file.path) != 0 {
            throw ContentError.writing(file.path, errno: errno)
        }
        // The renames themselves reach the disk with each folder's entry.
        for folder in Set(staged.map { ($0.path as NSString).deletingLastPathComponent }).sorted() {
            let descriptor = open(folder, O_RDONLY)
            if descriptor >= 0 {
                _ = fsync(descriptor)
                close(descriptor)
            }
        }
        return RenameReport(rename: rename.description, dryRun: dryRun, resumed: progress == .done, files: plans.map(\.file), stored: stored)
    }

    /// Writes `text` to `temporary` with the permissions of `original`, flushed to disk, so that
    /// after the database commits the rename can only put complete files in place.
    static func stage(_ text: String, at temporary: String, like original: String, for path: String) throws {
        let mode = (try? FileManager.default.attributesOfItem(atPath: original)[.posixPermissions] as? NSNumber)?.uint16Value ?? 0o644
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, mode_t(mode))
        guard descriptor >= 0 else { throw ContentError.writing(path, errno: errno) }
        defer { close(descriptor) }
        _ = fchmod(descriptor, mode_t(mode))  // whatever the umask took away
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { throw ContentError.writing(path, errno: errno) }
            written += count
        }
        guard fsync(descriptor) == 0 else { throw ContentError.writing(path, errno: errno) }
    }

    /// Where a file's new text waits for the commit: hidden, beside it, never read as content
    /// (no `.md` or `.yaml` ending), and the same name every run, so a rerun replaces a crashed
    /// run's leftover instead of adding another.
    static func temporaryName(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).rename.tmp").path
    }

    /// The files of a folder with these extensions (``ContentListing``); none when the folder does not
    /// exist: a content folder without groups has nothing to rename there.
    private static func files(in folder: String, extensions: Set<String>) throws -> [String] {
        ContentListing.isFolder(folder) ? try ContentListing.files(in: folder, extensions: extensions) : []
    }
}

import Foundation

/// The files of a content folder that NextSend reads: the catalog's Markdown files, the group files,
/// the files a rename rewrites. One rule for all of them: only the folder's own files (not its
/// subfolders), no hidden file (an editor's swap file, a rename's staged text), no catalog README,
/// in name order so every run reads them in the same order.
enum ContentListing {
    /// The paths of `folder`'s files with one of `extensions` (lower case, no dot), sorted by name.
    ///
    /// - Throws: ``ContentError`` (`.unreadable`) when the folder exists but cannot be listed. A caller
    ///   decides what a missing folder means before it asks.
    static func files(in folder: String, extensions: Set<String>) throws -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw ContentError(.unreadable, "cannot list \(folder): \((error as NSError).localizedFailureReason ?? error.localizedDescription)")
        }
        return names.filter { name in
            !name.hasPrefix(".") && extensions.contains((name as NSString).pathExtension.lowercased()) && name.lowercased() != "readme.md"
        }.sorted().map { (folder as NSString).appendingPathComponent($0) }
    }

    /// Whether `path` is a folder (`false` when it is a file or does not exist).
    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

import Foundation
import Logging
import NextSend

/// Reads buying groups from a YAML file, a JSON Lines file, or a folder of them.
public enum GroupFiles {
    /// Every group of the input, and every diagnostic; groups are only usable when there are no errors.
    public struct Load: Sendable {
        public var groups: [BuyingGroup]
        /// Group id → "file:line" it came from, for messages.
        public var sources: [String: String]
        /// Group id → the origin its facts are stored with: `file:<absolute path>`.
        public var origins: [String: String]
        public var diagnostics: [Diagnostic]

        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    static let yamlExtensions: Set<String> = ["yaml", "yml"]
    static let jsonLinesExtensions: Set<String> = ["jsonl", "ndjson"]

    /// Reads `path` (a file, or a folder's `*.yaml`, `*.yml` and `*.jsonl` files, not its subfolders).
    ///
    /// - Throws: ``ContentError`` when the path does not exist or cannot be read.
    ///
    /// - Parameter latest: the last day a fact may be dated (today, or `--as-of`).
    public static func load(path: String, taxonomy: Taxonomy, knownAssets: Set<String>?, latest: Day? = nil) throws -> Load {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ContentError(.missingInput, "group input not found: \(path)")
        }
        var files: [String] = []
        if isDirectory.boolValue {
            files = try ContentListing.files(in: path, extensions: yamlExtensions.union(jsonLinesExtensions))
            if files.isEmpty { throw ContentError(.missingInput, "no .yaml, .yml or .jsonl files in \(path)") }
        } else {
            files = [path]
        }
        var load = Load(groups: [], sources: [:], origins: [:], diagnostics: [])
        let root = isDirectory.boolValue ? URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path : nil
        for file in files {
            if let root {
                let resolved = URL(fileURLWithPath: file).resolvingSymlinksInPath().standardizedFileURL.path
                guard resolved.hasPrefix(root + "/") else {
                    load.diagnostics.append(Diagnostic(.error, file: file, line: nil, field: nil,
                                                       message: "is a symbolic link to \(resolved), outside the group folder; refused"))
                    continue
                }
            }
            let text: String
            do {
                text = try ContentFolder.readText(path: file, what: "group file")
            } catch let failure as ValidationFailure {
                load.diagnostics.append(contentsOf: failure.diagnostics)
                continue
            }
            let ext = (file as NSString).pathExtension.lowercased()
            let result = jsonLinesExtensions.contains(ext)
                ? GroupParser.parseJSONLines(text, file: file, taxonomy: taxonomy, knownAssets: knownAssets, latest: latest)
                : GroupParser.parseYAML(text, file: file, taxonomy: taxonomy, knownAssets: knownAssets, latest: latest)
            load.diagnostics.append(contentsOf: result.diagnostics)
            for group in result.groups {
                let line = result.lines[group.id] ?? 1
                if let first = load.sources[group.id] {
                    load.diagnostics.append(Diagnostic(.error, file: file, line: line, field: "id",
                                                       message: "group '\(group.id)' is also defined at \(first)"))
                    continue
                }
                load.sources[group.id] = "\(file):\(line)"
                load.origins[group.id] = Origin.file(file, group: group.id)
                load.groups.append(group)
            }
        }
        load.diagnostics.sort(by: Diagnostic.byLocation)
        return load
    }
}

extension Store {
    /// Reads and validates every group of `path` against the stored taxonomy and catalog, then
    /// merges them in one transaction (see ``importGroups(_:origins:replace:dryRun:)``); any error
    /// anywhere writes nothing.
    ///
    /// - Parameter asOf: the day of the import: facts dated after it are errors.
    public func importGroups(path: String, asOf: Day, replace: Bool = false, dryRun: Bool = false,
                             logger: Logger = .silent) throws -> (summary: GroupImportSummary, warnings: [Diagnostic]) {
        let load = try GroupFiles.load(path: path, taxonomy: try taxonomy(), knownAssets: try assetIDs(), latest: asOf)
        logger.info("groups checked", metadata: ["path": "\(path)", "groups": "\(load.groups.count)",
                                                 "problems": "\(load.diagnostics.count)"])
        if load.hasErrors { throw ValidationFailure(load.diagnostics) }
        let summary = try importGroups(load.groups, origins: load.origins, replace: replace, dryRun: dryRun)
        logger.info("groups merged", metadata: ["new": "\(summary.added.count)", "updated": "\(summary.updated.count)",
                                                "unchanged": "\(summary.unchanged.count)", "dryRun": "\(dryRun)"])
        return (summary, load.diagnostics)
    }
}

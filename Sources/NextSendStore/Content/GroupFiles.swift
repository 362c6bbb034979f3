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

    /// Groups read so far, handed over while the rest of the input is still being read.
    public struct Chunk: Sendable {
        public var groups: [BuyingGroup]
        /// Group id → the origin its facts are stored with: `file:<absolute path>`.
        public var origins: [String: String]
        /// Whether any error was found so far: the input will be refused, so a caller can stop
        /// doing work with what it is given.
        public var errorsSoFar: Bool
    }

    /// What reading the whole input found, once every chunk was handed over.
    public struct Outcome: Sendable {
        /// Group id → "file:line" it came from.
        public var sources: [String: String]
        public var diagnostics: [Diagnostic]

        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Reads `path` (a file, or a folder's `*.yaml`, `*.yml` and `*.jsonl` files, not its subfolders).
    ///
    /// - Throws: ``ContentError`` when the path does not exist or cannot be read.
    ///
    /// - Parameter latest: the last day a fact may be dated (today, or `--as-of`).
    public static func load(path: String, taxonomy: Taxonomy, knownAssets: Set<String>?, latest: Day? = nil) throws -> Load {
        var groups: [BuyingGroup] = [], origins: [String: String] = [:]
        let outcome = try stream(path: path, taxonomy: taxonomy, knownAssets: knownAssets, latest: latest) { chunk in
            groups += chunk.groups
            origins.merge(chunk.origins) { first, _ in first }
        }
        return Load(groups: groups, sources: outcome.sources, origins: origins, diagnostics: outcome.diagnostics)
    }

    /// Reads `path` as ``load(path:taxonomy:knownAssets:latest:)`` does, handing the groups to
    /// `consume` a chunk at a time: a JSON Lines file is read and parsed a few thousand lines at a
    /// time on other threads while `consume` works on the chunk before, so memory stays flat
    /// however long the file is. `consume` runs on the calling thread, in file order; what it
    /// throws stops the reading and is rethrown.
    public static func stream(path: String, taxonomy: Taxonomy, knownAssets: Set<String>?, latest: Day? = nil,
                              linesPerChunk: Int = 2_000, _ consume: (Chunk) throws -> Void) throws -> Outcome {
        let files = try inputFiles(path)
        let pipe = ChunkPipe(capacity: 2)
        let reading = GroupFileReading(files: files, taxonomy: taxonomy, knownAssets: knownAssets, latest: latest,
                                       linesPerChunk: max(1, linesPerChunk), pipe: pipe)
        let finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            reading.run()
            finished.signal()
        }
        var failure: (any Error)?
        do {
            while let chunk = try pipe.take() { try consume(chunk) }
        } catch {
            pipe.cancel()
            failure = error
        }
        finished.wait()
        if let failure { throw failure }
        return reading.outcome
    }

    /// The files `path` names, each resolved inside the folder it was given as.
    static func inputFiles(_ path: String) throws -> [(file: String, outside: String?)] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ContentError(.missingInput, "group input not found: \(path)")
        }
        guard isDirectory.boolValue else { return [(path, nil)] }
        let files = try ContentListing.files(in: path, extensions: yamlExtensions.union(jsonLinesExtensions))
        if files.isEmpty { throw ContentError(.missingInput, "no .yaml, .yml or .jsonl files in \(path)") }
        let root = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
        return files.map { file in
            let resolved = URL(fileURLWithPath: file).resolvingSymlinksInPath().standardizedFileURL.path
            return (file, resolved.hasPrefix(root + "/") ? nil : resolved)
        }
    }
}

extension Store {
    /// Reads and validates every group of `path` against the stored taxonomy and catalog, then
    /// merges them in one transaction (see ``importGroups(_:origins:replace:dryRun:)``); any error
    /// anywhere writes nothing.
    ///
    /// - Parameter asOf: the day of the import: facts dated after it are errors.
    ///
    /// - Parameter linesPerChunk: JSON Lines records parsed and merged at a time (see
    ///   ``GroupFiles/stream(path:taxonomy:knownAssets:latest:linesPerChunk:_:)``).
    public func importGroups(path: String, asOf: Day, replace: Bool = false, dryRun: Bool = false, linesPerChunk: Int = 2_000,
                             logger: Logger = .silent) throws -> (summary: GroupImportSummary, warnings: [Diagnostic]) {
        let (taxonomy, knownAssets) = (try taxonomy(), try assetIDs())
        var outcome: GroupFiles.Outcome?
        // Read, checked and merged in one transaction: each chunk is merged while the next is being
        // parsed, and an error anywhere in the input rolls all of it back.
        let summary = try mergeGroups(from: { merge in
            let read = try GroupFiles.stream(path: path, taxonomy: taxonomy, knownAssets: knownAssets, latest: asOf,
                                             linesPerChunk: linesPerChunk) { chunk in
                if !chunk.errorsSoFar { try merge(chunk.groups, chunk.origins) }
            }
            outcome = read
            logger.info("groups checked", metadata: ["path": "\(path)", "groups": "\(read.sources.count)",
                                                     "problems": "\(read.diagnostics.count)"])
            if read.hasErrors { throw ValidationFailure(read.diagnostics) }
        }, replace: replace, dryRun: dryRun, closing: [:], closedBy: "import")
        logger.info("groups merged", metadata: ["new": "\(summary.added.count)", "updated": "\(summary.updated.count)",
                                                "unchanged": "\(summary.unchanged.count)", "dryRun": "\(dryRun)"])
        return (summary, outcome?.diagnostics ?? [])
    }
}

import Foundation
import NextSend

/// What `catalog tag` did.
public struct TagOutcome: Sendable {
    public var asset: Asset
    /// The asset file that was (or would have been) edited.
    public var path: String
    /// False when the file already had every tag asked for and none of those to remove.
    public var changed: Bool
}

extension Store {
    /// Edits one asset's tags; see ``tagAssets(ids:edit:folder:asOf:)``.
    public func tagAsset(id: String, edit: TagEdit, folder: String? = nil, asOf: Day) throws -> TagOutcome {
        try tagAssets(ids: [id], edit: edit, folder: folder, asOf: asOf)[0]
    }

    /// Edits the tags of several assets in their files and in the store, all or nothing: the file
    /// each was imported from, or `ID.md` in `folder` when given.
    ///
    /// Every edited asset is validated first; then the new files are written beside the old ones
    /// under temporary names, the store takes every asset in one transaction, and only then do the
    /// files replace the old ones — a failure before the commit leaves every file and the store as
    /// they were.
    ///
    /// - Throws: ``StoreError`` when an asset is unknown or was never imported from a file,
    ///   ``ContentError`` when a file cannot be read or written, ``ValidationFailure`` with every
    ///   problem of every asset when an edit breaks a rule (nothing is written then).
    public func tagAssets(ids: [String], edit: TagEdit, folder: String? = nil, asOf: Day) throws -> [TagOutcome] {
        let taxonomy = try taxonomy()
        var plans: [(outcome: TagOutcome, original: String, text: String)] = []
        var problems: [Diagnostic] = []
        for id in ids.reduce(into: [String](), { if !$0.contains($1) { $0.append($1) } }) {
            let path = try taggedFile(id: id, folder: folder)
            let original = try ContentFolder.readText(path: path, what: "asset file")
            do {
                let (text, asset) = try edit.apply(to: original, id: id, file: path, taxonomy: taxonomy, asOf: asOf)
                plans.append((TagOutcome(asset: asset, path: path, changed: text != original), original, text))
            } catch let failure as ValidationFailure {
                problems += failure.diagnostics
            }
        }
        if !problems.isEmpty { throw ValidationFailure(problems) }
        let changed = plans.filter(\.outcome.changed)
        guard !changed.isEmpty else { return plans.map(\.outcome) }
        var staged: [(temporary: String, path: String)] = []
        do {
            for plan in changed {
                let temporary = (plan.outcome.path as NSString).deletingLastPathComponent + "/.\(plan.outcome.asset.id).md.tag-\(ProcessInfo.processInfo.processIdentifier).tmp"
                do {
                    try Data(plan.text.utf8).write(to: URL(fileURLWithPath: temporary))
                } catch {
                    throw ContentError.writing(plan.outcome.path, error)
                }
                staged.append((temporary, plan.outcome.path))
            }
            try saveAssets(changed.map { ($0.outcome.asset, $0.outcome.path) })
        } catch {
            for file in staged { try? FileManager.default.removeItem(atPath: file.temporary) }
            throw error
        }
        for file in staged where rename(file.temporary, file.path) != 0 {
            throw ContentError.writing(file.path, errno: errno)
        }
        return plans.map(\.outcome)
    }

    private func taggedFile(id: String, folder: String?) throws -> String {
        if let folder { return (folder as NSString).appendingPathComponent("\(id).md") }
        if let stored = try assetPath(id: id) { return stored }
        if try asset(id: id) == nil { throw StoreError.noAsset(id, known: try assetIDs()) }
        throw StoreError(.notFound, "asset '\(id)' was not imported from a file; name its catalog folder with --dir")
    }
}

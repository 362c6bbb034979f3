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
    /// Edits an asset's tags in its file and in the store: the file the catalog was imported from,
    /// or `ID.md` in `folder` when given. The result is validated before the file is written.
    ///
    /// - Throws: ``StoreError`` when the asset is unknown or was never imported from a file,
    ///   ``ContentError`` when the file cannot be read or written, ``ValidationFailure`` when the
    ///   edited asset breaks a rule (nothing is written then).
    public func tagAsset(id: String, edit: TagEdit, folder: String? = nil, asOf: Day) throws -> TagOutcome {
        let taxonomy = try taxonomy()
        let path: String
        if let folder {
            path = (folder as NSString).appendingPathComponent("\(id).md")
        } else if let stored = try assetPath(id: id) {
            path = stored
        } else if try asset(id: id) == nil {
            throw StoreError.noAsset(id, known: try assetIDs())
        } else {
            throw StoreError(.notFound, "asset '\(id)' was not imported from a file; name its catalog folder with --dir")
        }
        let original = try ContentFolder.readText(path: path, what: "asset file")
        let (text, asset) = try edit.apply(to: original, id: id, file: path, taxonomy: taxonomy, asOf: asOf)
        guard text != original else { return TagOutcome(asset: asset, path: path, changed: false) }
        try ContentFolder.writeAtomically(text, to: path)
        try saveAsset(asset, path: path)
        return TagOutcome(asset: asset, path: path, changed: true)
    }
}

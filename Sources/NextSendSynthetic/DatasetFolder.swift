import Foundation
import NextSend
import NextSendStore

/// Writes a synthetic dataset to disk in the layout the benchmark and the import commands read:
/// `taxonomy.yaml`, `catalog/<id>.md` and `groups.jsonl`.
public enum DatasetFolder {
    /// - Parameters:
    ///   - taxonomySource: the taxonomy's text, written beside the catalog so the folder imports as is.
    /// - Throws: ``ContentError`` (`cannotCreate`) when the folder or a file cannot be written.
    public static func write(_ generator: DatasetGenerator, taxonomySource: String, to folder: String) throws {
        let root = URL(fileURLWithPath: folder)
        let catalog = root.appendingPathComponent("catalog")
        do {
            try FileManager.default.createDirectory(at: catalog, withIntermediateDirectories: true)
            try Data(taxonomySource.utf8).write(to: root.appendingPathComponent("taxonomy.yaml"))
            try generator.generateAssets { id, text in
                try Data(text.utf8).write(to: catalog.appendingPathComponent("\(id).md"))
            }
            let path = root.appendingPathComponent("groups.jsonl").path
            guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
                throw ContentError(.cannotCreate, "cannot create \(path)")
            }
            defer { try? handle.close() }
            // Groups are streamed in 1 MiB chunks: a large dataset never sits in memory.
            var buffer = Data()
            try generator.generateGroups { line in
                buffer.append(contentsOf: Array(line.utf8))
                buffer.append(UInt8(ascii: "\n"))
                if buffer.count > 1 << 20 {
                    try handle.write(contentsOf: buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try handle.write(contentsOf: buffer)
        } catch let error as ContentError {
            throw error
        } catch {
            throw ContentError.writing(folder, error)
        }
    }
}

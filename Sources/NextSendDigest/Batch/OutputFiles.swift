import Foundation
import NextSend
import NextSendStore

/// Writes digest files safely: never outside the output folder, never half-written under a final name.
///
/// Each file is written to a hidden temporary name in its folder, flushed to disk, then renamed
/// over the final name, so a reader (or a killed run) sees either the old file or the new one.
public struct OutputFiles: Sendable {
    /// The week's folder: `OUT/2026-W48`.
    public let root: URL
    static let temporaryMarker = ".nextsend-tmp-"

    /// This process's part of a temporary name: host, process id and a random part, so shards on
    /// several machines (or started together on one) never take each other's files for leftovers.
    static let temporaryPrefix: String = {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
        let host = String(ProcessInfo.processInfo.hostName.prefix(40).map { allowed.contains($0) ? $0 : "-" })
        return "\(temporaryMarker)\(host)~\(ProcessInfo.processInfo.processIdentifier)~\(UInt32.random(in: 0...UInt32.max))~"
    }()

    public init(outDirectory: String, week: String) throws {
        let base = URL(fileURLWithPath: outDirectory).standardizedFileURL
        root = base.appendingPathComponent(week, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: root.appendingPathComponent("reps"), withIntermediateDirectories: true)
        } catch {
            throw ContentError.writing(root.path, error)
        }
    }

    /// A file name derived from a rep id that is safe on every file system and cannot name a path.
    ///
    /// Letters, digits and `. _ @ + -` are kept; anything else becomes `_`, and a short hash of the
    /// original id is added whenever the name had to change, so two ids never share a file.
    public static func fileName(forRep rep: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._@+-")
        var name = String(rep.prefix(120).map { allowed.contains($0) ? $0 : "_" })
        if name.isEmpty || name.hasPrefix(".") { name = "_" + name }
        if name != rep { name += "-" + StableHash.hex(rep).prefix(8) }
        return name
    }

    /// The final path of a rep's file: `reps/<name>.<format>`.
    public func repFile(_ rep: String, _ format: DigestFormat) -> URL {
        root.appendingPathComponent("reps").appendingPathComponent("\(OutputFiles.fileName(forRep: rep)).\(format.rawValue)")
    }

    public func marketingFile(_ format: DigestFormat) -> URL {
        root.appendingPathComponent("marketing.\(format.rawValue)")
    }

    /// Writes `text` to `url` through a temporary file and a rename.
    public func write(_ text: String, to url: URL) throws {
        var text = text
        try write(to: url) { emit in try text.withUTF8 { try emit(UnsafeRawBufferPointer($0)) } }
    }

    /// Writes what `body` hands its `emit` to `url`, through a temporary file and a rename, so a
    /// long file need not be held whole: the bytes go out in blocks of 64 KB as they come.
    public func write(to url: URL, _ body: (_ emit: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        let final = url.standardizedFileURL
        // Belt and braces: names come from fileName(forRep:), but nothing may leave the week's folder.
        guard final.path.hasPrefix(root.path + "/") else {
            throw ContentError(.cannotCreate, "refusing to write \(final.path): outside \(root.path)")
        }
        let folder = final.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent("\(OutputFiles.temporaryPrefix)\(final.lastPathComponent)")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw ContentError.writing(temporary.path, errno: errno)
        }
        func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
            var written = 0
            while written < bytes.count {
                let result = Foundation.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    throw ContentError.writing(final.path, errno: errno)
                }
                written += result
            }
        }
        var failure: (any Error)?
        do {
            var block: [UInt8] = []
            block.reserveCapacity(OutputFiles.block)
            try body { bytes in
                if block.count + bytes.count > OutputFiles.block {
                    try block.withUnsafeBytes(writeAll)
                    block.removeAll(keepingCapacity: true)
                }
                if bytes.count >= OutputFiles.block { try writeAll(bytes) } else { block.append(contentsOf: bytes) }
            }
            try block.withUnsafeBytes(writeAll)
            if fsync(descriptor) != 0 {
                throw ContentError(.writeFailed, "cannot flush \(final.path): \(String(cString: strerror(errno)))")
            }
        } catch {
            failure = error
        }
        close(descriptor)
        if let failure {
            unlink(temporary.path)
            throw failure
        }
        guard rename(temporary.path, final.path) == 0 else {
            let failure = ContentError.writing(final.path, errno: errno)
            unlink(temporary.path)
            throw failure
        }
    }

    /// How many bytes ``write(to:_:)`` gathers before it writes them.
    static let block = 1 << 16

    /// Removes temporary files a killed run left behind — never another live run's.
    ///
    /// A temporary file is a leftover when the process that wrote it, on this host, is gone, or
    /// when it is older than a day (a run elsewhere that never came back). Another shard writing
    /// into the same folder right now keeps its files.
    ///
    /// - Throws: ``ContentError`` when a folder of the run cannot be listed.
    public func removeLeftovers(now: Date = Date()) throws {
        let host = OutputFiles.temporaryPrefix.dropFirst(OutputFiles.temporaryMarker.count).split(separator: "~").first.map(String.init)
        for folder in [root, root.appendingPathComponent("reps")] {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            } catch {
                throw ContentError(.unreadable, "cannot list \(folder.path): \(OutputFiles.reason(error))")
            }
            for name in names where name.hasPrefix(OutputFiles.temporaryMarker) {
                let url = folder.appendingPathComponent(name)
                let parts = name.dropFirst(OutputFiles.temporaryMarker.count).split(separator: "~", maxSplits: 3)
                let modified = (try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? now
                let stale = now.timeIntervalSince(modified) > 86_400
                var orphaned = false
                if parts.count == 4, String(parts[0]) == host, let pid = Int32(parts[1]) {
                    orphaned = kill(pid, 0) != 0 && errno == ESRCH
                }
                if stale || orphaned { try? FileManager.default.removeItem(at: url) }
            }
        }
    }

    static func reason(_ error: any Error) -> String {
        (error as NSError).localizedFailureReason ?? error.localizedDescription
    }
}

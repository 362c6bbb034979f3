import Foundation
import Testing

/// The application layer is the only way in (#26): a command or a page asks `Desk`, never the
/// store. Read from the sources, so a new command that reaches past the desk fails here.
@Suite struct ApplicationLayerTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// Files that open a store to hand it whole to a layer of its own, and why.
    static let handsOver: [String: String] = [
        "NextSendCommands/Support/CommonOptions.swift": "opens the store --db names",
        "NextSendCommands/Digest.swift": "the weekly batch (DigestRun) reads one snapshot of the whole store",
        "NextSendCommands/Deliver.swift": "delivery (DigestDelivery) keeps its ledger in the store",
        "NextSendCommands/Serve.swift": "the service builds a desk per request and keeps tokens and sessions",
        "NextSendCommands/DB/DBCommand.swift": "db copy moves one whole store into another",
    ]

    static func swiftFiles(under folder: String) throws -> [(path: String, text: String)] {
        let root = sources.appendingPathComponent(folder)
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var files: [(String, String)] = []
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            files.append((folder + url.path.dropFirst(root.path.count), try String(contentsOf: url, encoding: .utf8)))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    /// A call of a store method: `store.taxonomy()`, `desk.store.asset(id:)`, `store.open().tagAssets(…)`.
    /// `store.desk()` (the `--db` options making the desk) is the way in, not past it.
    static let storeCall = try! NSRegularExpression(pattern: #"(?<![A-Za-z_.])(desk\.)?store\.(open\(\)\.)?(?!open\(|desk\(\))[a-z][A-Za-z]*\("#)

    @Test func noCommandCallsTheStoreExceptThroughTheDesk() throws {
        let files = try Self.swiftFiles(under: "NextSendCommands")
        #expect(files.count > 30, "every command file is read")
        for (path, text) in files {
            for (number, line) in text.components(separatedBy: "\n").enumerated() {
                let range = NSRange(line.startIndex..., in: line)
                // The one line that makes every command's desk hands it the store's advisor.
                let makesTheDesk = path == "NextSendCommands/Support/CommonOptions.swift" && line.contains("return Desk(store: store)")
                #expect(makesTheDesk || Self.storeCall.firstMatch(in: line, range: range) == nil,
                        "\(path):\(number + 1) calls the store directly; add the question to Desk: \(line)")
                if line.contains("store.open()") && !line.contains("Desk(store: try store.open())") {
                    #expect(Self.handsOver[path] != nil, "\(path):\(number + 1) opens the store outside the desk: \(line)")
                }
            }
        }
    }

    @Test func noPageOrEndpointCallsTheStoreExceptThroughTheDesk() throws {
        // Web sessions are the service's own bookkeeping, not the product's data.
        for (path, text) in try Self.swiftFiles(under: "NextSendService/Web") + Self.swiftFiles(under: "NextSendService/API")
        where !path.hasSuffix("WebSessions.swift") {
            for (number, line) in text.components(separatedBy: "\n").enumerated() {
                let range = NSRange(line.startIndex..., in: line)
                #expect(Self.storeCall.firstMatch(in: line, range: range) == nil, "\(path):\(number + 1) calls the store directly: \(line)")
            }
        }
    }

    /// A pick row, a job board row and a claim row are worded once (`Vocabulary.pickRow`, `jobRow`,
    /// `claimRow`): no command, page or digest builds a recipient list, a job's status words or a
    /// claim's quote of its own.
    @Test func picksAndJobRowsAreWordedInOneFile() throws {
        let surfaces = try Self.swiftFiles(under: "NextSendCommands") + Self.swiftFiles(under: "NextSendService")
            + Self.swiftFiles(under: "NextSendDigest")
        #expect(surfaces.count > 60)
        for (path, text) in surfaces {
            for (number, line) in text.components(separatedBy: "\n").enumerated() {
                #expect(!line.contains("pick.sendTo.map"), "\(path):\(number + 1) words a recipient list; use Vocabulary.pickRow: \(line)")
                #expect(!line.contains("idle past its"), "\(path):\(number + 1) words a job row; use Vocabulary.jobRow: \(line)")
                #expect(!line.contains("claim.quote.map"), "\(path):\(number + 1) words a claim's quote; use Vocabulary.claimRow: \(line)")
            }
        }
    }

    @Test func theCheckFindsADirectCall() {
        // The pattern itself, on lines a later change could bring.
        for line in ["let t = try store.taxonomy()", "try desk.store.asset(id: a)", "try store.open().tagAssets(ids: ids)"] {
            #expect(Self.storeCall.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil, "\(line)")
        }
        for line in ["let desk = Desk(store: try store.open())", "@OptionGroup var store: StoreOptions", "self.store.path"] {
            #expect(Self.storeCall.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) == nil, "\(line)")
        }
    }
}

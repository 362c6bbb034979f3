import Foundation
import NextSend

/// Small, readable inputs for tests: a taxonomy, asset files and helpers to lay them out on disk.
public enum Samples {
    public static let asOf = Day("2026-11-29")!

    public static let taxonomyYAML = """
        roles: [executive, finance, it, security, procurement, legal, operations, clinical]
        influence: {decision-maker: 1.0, champion: 0.8, influencer: 0.6, user: 0.4}
        formats: [article, guide, checklist, tool, case-study, comparison, faq, deck, template]
        stallDays: {default: 14, validation: 10}
        topics:
          deployment:
            label: Deployment model
            kind: choice
            positions: [cloud-only, hybrid, on-prem-required]
            compatible: [[cloud-only, hybrid]]
            jobs: [requirements-building, supplier-selection]
          tco:
            label: Three-year total cost of ownership
            kind: number
            unit: USD
            tolerance: 0.2
            jobs: [validation, consensus-creation]
        """

    public static var taxonomy: Taxonomy { try! TaxonomyParser.parse(taxonomyYAML, file: "taxonomy.yaml") }

    public static let body = """
        Finance and IT often arrive at very different figures for the same project. Finance counts subscription
        fees; IT counts servers, staff time, interfaces and upgrades. This model puts every cost line in one place
        for three years, so that both teams work from one set of numbers and the gap turns into assumptions to check.
        """

    /// A valid asset file; `fields` replaces or adds front-matter lines by key (nil removes the line).
    public static func assetFile(_ fields: [String: String?] = [:], body: String = Samples.body) -> String {
        var lines: [(String, String)] = [
            ("title", "Three-year TCO model"),
            ("summary", "A shared model finance and IT fill in together."),
            ("url", "https://example.com/assets/tco-model"),
            ("format", "tool"),
            ("jobs", "[validation, consensus-creation]      # first = primary job"),
            ("roles", "[finance, it]"),
            ("topics", "[tco, deployment]"),
            ("resolves", "\n  - topic: tco\n  - topic: deployment\n    positions: [cloud-only, on-prem-required]"),
            ("shareable", "true"),
            ("channel", "self-serve"),
            ("minutes", "15"),
            ("published", "2026-03-01"),
            ("reviewBy", "2027-03-01"),
            ("owner", "maria@vendor.example"),
            ("status", "published"),
        ]
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            if let index = lines.firstIndex(where: { $0.0 == key }) {
                if let value { lines[index].1 = value } else { lines.remove(at: index) }
            } else if let value {
                lines.append((key, value))
            }
        }
        let front = lines.map { $0.1.hasPrefix("\n") ? "\($0.0):\($0.1)" : "\($0.0): \($0.1)" }.joined(separator: "\n")
        return "---\n\(front)\n---\n\n\(body)\n"
    }

    /// The 1-based line of `key:` in a file made by ``assetFile(_:body:)``.
    public static func line(of key: String, in text: String) -> Int? {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix("\(key):") }
            .map { $0 + 1 }
    }
}

/// A temporary folder removed when the value goes away.
public final class TemporaryFolder: @unchecked Sendable {
    public let url: URL

    public init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("nextsend-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    public var path: String { url.path }

    public func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

    /// Writes `text` at `relative`, creating folders as needed; returns the full path.
    @discardableResult
    public func write(_ relative: String, _ text: String) -> String {
        let file = url.appendingPathComponent(relative)
        try! FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: file)
        return file.path
    }

    public func read(_ relative: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path(relative)) ?? Data(), as: UTF8.self)
    }

    /// Every file below `relative` (or the folder itself), by its path inside it, with its bytes.
    public func files(under relative: String = ".") throws -> [String: Data] {
        let root = url.appendingPathComponent(relative).standardizedFileURL
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let item = enumerator?.nextObject() as? URL {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: item.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[String(item.standardizedFileURL.path.dropFirst(root.path.count))] = try Data(contentsOf: item)
            }
        }
        return result
    }

    /// A content folder: `content/taxonomy.yaml` and `content/catalog/<id>.md` for each asset.
    public func makeContent(assets: [String: String], taxonomy: String = Samples.taxonomyYAML) {
        write("content/taxonomy.yaml", taxonomy)
        try! FileManager.default.createDirectory(atPath: path("content/catalog"), withIntermediateDirectories: true)
        for (id, text) in assets { write("content/catalog/\(id).md", text) }
    }
}

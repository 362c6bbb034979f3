import Foundation
import Mustache
import NextSend

/// Renders digests as Markdown and HTML through the Mustache templates in `Templates/`, and as JSON.
///
/// HTML templates escape every value (`{{value}}`); Markdown templates escape the characters that
/// would change a document's structure. Output depends only on the digest, so reruns give the
/// same bytes.
public struct DigestRenderer: Sendable {
    let library: MustacheLibrary

    public init() {
        MarkdownContent.registerOnce
        var library = MustacheLibrary()
        for (name, bytes) in [("rep.md", PackageResources.rep_md_mustache), ("rep.html", PackageResources.rep_html_mustache),
                              ("marketing.md", PackageResources.marketing_md_mustache),
                              ("marketing.html", PackageResources.marketing_html_mustache)] {
            // The templates ship inside the binary and are covered by tests: a parse error is a build defect.
            try! library.register(String(decoding: bytes, as: UTF8.self), named: name)
        }
        self.library = library
    }

    public func render(_ digest: RepDigest, as format: DigestFormat) throws -> String {
        switch format {
        case .md: return tidy(library.render(digest, withTemplate: "rep.md") ?? "")
        case .html: return library.render(RepPage(digest), withTemplate: "rep.html") ?? ""
        case .json: return try json(digest)
        }
    }

    public func render(_ digest: MarketingDigest, as format: DigestFormat) throws -> String {
        switch format {
        case .md: return tidy(library.render(digest, withTemplate: "marketing.md") ?? "")
        case .html: return library.render(MarketingPage(digest: digest, chart: CoverageChart(digest.coverage)), withTemplate: "marketing.html") ?? ""
        case .json: return try json(digest)
        }
    }

    func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// Collapses the blank lines template sections leave behind, so the Markdown reads cleanly.
    func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingCharacters(in: .whitespaces).isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(line.trimmingCharacters(in: .whitespaces).isEmpty ? "" : line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The rep HTML's context: email clients clip long messages, so the most urgent groups are shown
/// in full and the rest as one line each (the Markdown and JSON always hold every group in full).
struct RepPage {
    struct Line {
        var rank: Int
        var account: String
        var id: String
        var headline: String
        var next: String
    }

    /// Groups shown in full.
    static let detailed = 8
    /// Further groups shown as one line each.
    static let lines = 150

    let digest: RepDigest
    /// Named apart from `digest.groups`, which the template also reads: Mustache looks names up
    /// from the innermost context outwards.
    let detailed: [GroupSection]
    let others: [Line]
    /// Groups beyond ``lines``, or nil when none.
    let omitted: Int?

    init(_ digest: RepDigest) {
        self.digest = digest
        detailed = Array(digest.groups.prefix(RepPage.detailed))
        let rest = digest.groups.dropFirst(RepPage.detailed)
        others = rest.prefix(RepPage.lines).map { section in
            Line(rank: section.rank, account: section.account, id: section.id, headline: section.headline,
                 next: section.recommendations.first?.title ?? "nothing to send")
        }
        omitted = rest.count > RepPage.lines ? rest.count - RepPage.lines : nil
    }
}

/// The marketing HTML's context: the digest, and the coverage chart laid out for SVG.
struct MarketingPage {
    let digest: MarketingDigest
    let chart: CoverageChart
}

/// Escapes values in Markdown so that a title cannot open a link, a table cell or raw HTML.
struct MarkdownContent: MustacheContentType {
    static let registerOnce: Void = MustacheContentTypes.register(MarkdownContent(), named: "MARKDOWN")

    func escapeText(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "|", "#": escaped += "\\\(character)"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "&": escaped += "&amp;"
            case "\n", "\r": escaped += " "
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

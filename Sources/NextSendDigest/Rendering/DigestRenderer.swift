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

    /// Renders a rep digest in several formats at once.
    public func render(_ digest: RepDigest, formats: [DigestFormat]) throws -> [DigestFormat: String] {
        // One encoding serves all three: it is the JSON file, and parsed back it is the templates' context.
        let json = try encode(digest)
        let context = try JSONSerialization.jsonObject(with: json)
        var output: [DigestFormat: String] = [:]
        for format in formats {
            switch format {
            case .md: output[.md] = tidy(library.render(context, withTemplate: "rep.md") ?? "")
            case .html: output[.html] = library.render(RepPage.context(digest: context), withTemplate: "rep.html") ?? ""
            case .json: output[.json] = String(decoding: json, as: UTF8.self) + "\n"
            }
        }
        return output
    }

    /// Renders the marketing digest in several formats at once.
    public func render(_ digest: MarketingDigest, formats: [DigestFormat]) throws -> [DigestFormat: String] {
        var output: [DigestFormat: String] = [:]
        for format in formats {
            switch format {
            case .md: output[.md] = tidy(library.render(MarketingPage.tables(try context(digest)), withTemplate: "marketing.md") ?? "")
            case .html:
                let page = MarketingPage(digest: digest, chart: CoverageChart(digest.coverage))
                output[.html] = library.render(MarketingPage.tables(try context(page)), withTemplate: "marketing.html") ?? ""
            case .json: output[.json] = try json(digest)
            }
        }
        return output
    }

    func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encode(value), as: UTF8.self) + "\n"
    }

    func encode<T: Encodable>(_ value: T) throws -> Data {
        try JSONOutput.encode(value)
    }

    /// The value as the plain dictionaries and arrays of its JSON form, which Mustache reads by key.
    ///
    /// Mustache would otherwise find each field through `Mirror` reflection, which made rendering
    /// most of the digest's cost; dictionaries also render exactly what the JSON says.
    func context<T: Encodable>(_ value: T) throws -> Any {
        try JSONSerialization.jsonObject(with: try JSONEncoder().encode(value))
    }

    /// Collapses the blank lines template sections leave behind, so the Markdown reads cleanly.
    func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let blank = line.allSatisfy { $0 == " " || $0 == "\t" }
            if blank, lines.last?.isEmpty ?? true { continue }
            lines.append(blank ? "" : line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The rep HTML's context: email clients clip long messages, so the most urgent groups are shown
/// in full and the rest as one line each (the Markdown and JSON always hold every group in full).
enum RepPage {
    /// Groups shown in full.
    static let detailed = 8
    /// Further groups shown as one line each.
    static let lines = 150

    /// `digest` is the rep digest's JSON form. Its groups shown in full are named `detailed`, apart
    /// from `digest.groups`: Mustache looks names up from the innermost context outwards.
    static func context(digest: Any) -> [String: Any] {
        let groups = ((digest as? [String: Any])?["groups"] as? [Any]) ?? []
        let rest = groups.dropFirst(detailed)
        let others: [[String: Any]] = rest.prefix(lines).compactMap { item in
            guard let group = item as? [String: Any] else { return nil }
            let next = ((group["recommendations"] as? [Any])?.first as? [String: Any])?["title"] as? String
            return ["rank": group["rank"] ?? "", "account": group["account"] ?? "", "id": group["id"] ?? "",
                    "headline": group["headline"] ?? "", "next": next ?? "nothing to send"]
        }
        var page: [String: Any] = ["digest": digest, "detailed": Array(groups.prefix(detailed)), "others": others]
        if rest.count > lines { page["omitted"] = rest.count - lines }
        return page
    }
}

/// The marketing HTML's context: the digest, the coverage chart laid out for SVG, and the long
/// lists cut to their top rows — an e-mail stays under 100 KB whatever the catalog's size, and
/// the Markdown and JSON hold every row.
struct MarketingPage: Encodable {
    /// Gaps, rows of reviews due, of "what followed each send" and of dismissed picks shown in the e-mail.
    static let rows = 25

    let digest: MarketingDigest
    let chart: CoverageChart
    /// The gaps most groups have; a long backlog is counted after them.
    let topGaps: [MarketingDigest.Gap]
    let moreGaps: Int?
    /// The reviews missed longest ago or due soonest come first: those are the ones to act on.
    let topExpiring: [MarketingDigest.Expiring]
    let moreExpiring: Int?
    let topEffects: [MarketingDigest.Effect]
    let moreEffects: Int?
    let topDismissals: [MarketingDigest.Dismissed]
    let moreDismissals: Int?

    /// `context` (the JSON form of a digest or a page) with what the tables show but the JSON leaves
    /// to its reader: each dismissal reason's words ("no reason given" for none), its groups and
    /// reps joined with commas — built here so that no separator is ever left dangling.
    static func tables(_ context: Any) -> Any {
        guard var top = context as? [String: Any] else { return context }
        for key in ["dismissals", "topDismissals"] {
            guard let entries = top[key] as? [[String: Any]] else { continue }
            top[key] = entries.map { entry -> [String: Any] in
                var entry = entry
                entry["reasons"] = (entry["reasons"] as? [[String: Any]] ?? []).map { reason -> [String: Any] in
                    var reason = reason
                    reason["text"] = reason["reason"] as? String ?? "no reason given"
                    reason["groupsText"] = (reason["groups"] as? [String] ?? []).joined(separator: ", ")
                    reason["repsText"] = (reason["reps"] as? [String] ?? []).joined(separator: ", ")
                    return reason
                }
                return entry
            }
        }
        return top
    }

    init(digest: MarketingDigest, chart: CoverageChart) {
        self.digest = digest
        self.chart = chart
        topGaps = Array(digest.gaps.prefix(MarketingPage.rows))
        moreGaps = digest.gaps.count > MarketingPage.rows ? digest.gaps.count - MarketingPage.rows : nil
        topExpiring = Array(digest.expiring.prefix(MarketingPage.rows))
        moreExpiring = digest.expiring.count > MarketingPage.rows ? digest.expiring.count - MarketingPage.rows : nil
        topEffects = Array(digest.effectiveness.prefix(MarketingPage.rows))
        moreEffects = digest.effectiveness.count > MarketingPage.rows ? digest.effectiveness.count - MarketingPage.rows : nil
        topDismissals = Array(digest.dismissals.prefix(MarketingPage.rows))
        moreDismissals = digest.dismissals.count > MarketingPage.rows ? digest.dismissals.count - MarketingPage.rows : nil
    }
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

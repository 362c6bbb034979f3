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
        HTMLContent.registerOnce
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
        // The templates read the typed digest (TemplateFields.swift); JSON is only the JSON file.
        var output: [DigestFormat: String] = [:]
        for format in formats {
            switch format {
            case .md: output[.md] = tidy(library.render(digest, withTemplate: "rep.md") ?? "")
            case .html: output[.html] = library.render(RepPage(digest: digest), withTemplate: "rep.html") ?? ""
            case .json: output[.json] = try json(digest)
            }
        }
        return output
    }

    /// Renders the marketing digest in several formats at once.
    public func render(_ digest: MarketingDigest, formats: [DigestFormat]) throws -> [DigestFormat: String] {
        var output: [DigestFormat: String] = [:]
        for format in formats {
            switch format {
            case .md: output[.md] = tidy(library.render(digest, withTemplate: "marketing.md") ?? "")
            case .html:
                output[.html] = library.render(MarketingPage(digest: digest, chart: CoverageChart(digest.coverage)), withTemplate: "marketing.html") ?? ""
            case .json: output[.json] = try json(digest)
            }
        }
        return output
    }

    /// Marketing's JSON, the same bytes as ``render(_:formats:)`` gives, handed to `emit` piece by
    /// piece: the outcome table and the reviews due are encoded a row at a time (``StreamedJSON``).
    public func writeJSON(_ digest: MarketingDigest, emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        var shell = digest
        shell.effectiveness = []
        shell.expiring = []
        try StreamedJSON.write(shell: encode(shell), rows: [
            .init(key: "effectiveness", count: digest.effectiveness.count) { try encode(digest.effectiveness[$0]) },
            .init(key: "expiring", count: digest.expiring.count) { try encode(digest.expiring[$0]) },
        ], emit: emit)
    }

    func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encode(value), as: UTF8.self) + "\n"
    }

    func encode<T: Encodable>(_ value: T) throws -> Data {
        try JSONOutput.encode(value)
    }

    /// Collapses the blank lines template sections leave behind, so the Markdown reads cleanly: a line
    /// of spaces and tabs is empty, runs of empty lines (and any at the start) become one, none is left
    /// at the end, and the text ends with one line break.
    ///
    /// Works on the UTF-8 bytes: splitting the text into `Character`s to find its lines cost more than
    /// rendering the template did (7% of a whole digest run). A line break is a LF not preceded by CR,
    /// as it is for `Character`, where CR LF is one character.
    func tidy(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 1)
            // Whether the last line kept was empty, or nothing was kept yet: a blank line then adds nothing.
            var lastEmpty = true
            // Empty lines kept but not yet written: only written when a line with text follows.
            var pendingEmpty = 0
            var start = 0
            var index = 0
            func endLine(_ end: Int) {
                let line = bytes[start..<end]
                if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) {
                    if !lastEmpty { pendingEmpty += 1 }
                    lastEmpty = true
                } else {
                    if !output.isEmpty {
                        // The break ending the line before, and the empty line kept between.
                        output.append(UInt8(ascii: "\n"))
                        for _ in 0..<pendingEmpty { output.append(UInt8(ascii: "\n")) }
                    }
                    pendingEmpty = 0
                    output.append(contentsOf: line)
                    lastEmpty = false
                }
            }
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "\n"), index == 0 || bytes[index - 1] != UInt8(ascii: "\r") {
                    endLine(index)
                    start = index + 1
                }
                index += 1
            }
            endLine(bytes.count)
            output.append(UInt8(ascii: "\n"))
            return String(decoding: output, as: UTF8.self)
        }
    }
}

/// The rep HTML's context: email clients clip long messages, so the most urgent groups are shown
/// in full and the rest as one line each (the Markdown and JSON always hold every group in full).
struct RepPage: MustacheParent {
    /// Groups shown in full.
    static let detailed = 8
    /// Further groups shown as one line each.
    static let lines = 150

    /// A group past the first eight: its rank, account, headline and first pick.
    struct OtherLine: MustacheParent {
        let group: GroupSection

        func child(named name: String) -> Any? {
            switch name {
            case "rank": group.rank
            case "account": group.account
            case "id": group.id
            case "headline": group.headline
            case "next": group.recommendations.first?.title ?? "nothing to send"
            default: nil
            }
        }
    }

    let digest: RepDigest

    /// The groups shown in full are named `detailed`, apart from `digest.groups`: Mustache looks names
    /// up from the innermost context outwards.
    func child(named name: String) -> Any? {
        switch name {
        case "digest": digest
        case "detailed": Array(digest.groups.prefix(Self.detailed))
        case "others": digest.groups.dropFirst(Self.detailed).prefix(Self.lines).map(OtherLine.init)
        case "omitted": digest.groups.count - Self.detailed > Self.lines ? digest.groups.count - Self.detailed - Self.lines : nil
        default: nil
        }
    }
}

/// The marketing HTML's context: the digest, the coverage chart laid out for SVG, and the long
/// lists cut to their top rows — an e-mail stays under 100 KB whatever the catalog's size, and
/// the Markdown and JSON hold every row.
struct MarketingPage: MustacheParent {
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

    func child(named name: String) -> Any? {
        switch name {
        case "digest": digest
        case "chart": chart
        case "topGaps": topGaps
        case "moreGaps": moreGaps
        case "topExpiring": topExpiring
        case "moreExpiring": moreExpiring
        case "topEffects": topEffects
        case "moreEffects": moreEffects
        case "topDismissals": topDismissals.map(DismissalView.init)
        case "moreDismissals": moreDismissals
        default: nil
        }
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

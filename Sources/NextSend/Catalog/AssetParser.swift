import Foundation

/// Reads one catalog file (`content/catalog/<id>.md`) and checks it against the taxonomy.
///
/// Errors make the asset unusable (an unknown job id, a missing title); warnings are things a
/// marketer should fix soon (review date close, no summary) but that do not block an import.
///
/// ```swift
/// let result = AssetParser.parse(text, id: "tco-model", file: "content/catalog/tco-model.md",
///                                taxonomy: taxonomy, asOf: Day("2026-11-29")!)
/// result.diagnostics.forEach { print($0) }
/// ```
public enum AssetParser {
    public struct Result: Sendable {
        /// The asset, when the file had no errors.
        public var asset: Asset?
        public var diagnostics: [Diagnostic]
    }

    public static let fields = ["title", "summary", "url", "format", "jobs", "roles", "topics", "resolves", "shareable",
                                "channel", "minutes", "industries", "published", "reviewBy", "owner", "status"]
    /// Days before `reviewBy` from which a warning reminds the owner.
    public static let reviewWarningDays = 30
    /// Bodies with fewer words than this get a warning: search and tag suggestions need text.
    public static let minimumBodyWords = 40

    /// Asset files larger than this are refused: they are meant to be short Markdown documents,
    /// and the limit keeps a broken or hostile file from tying up an import.
    public static let maximumFileBytes = 1 << 20

    public static func parse(_ text: String, id: String, file: String, taxonomy: Taxonomy, asOf: Day) -> Result {
        var diagnostics = DiagnosticCollector(file: file)
        if text.utf8.count > maximumFileBytes {
            diagnostics.error(nil, line: 1, "the file is \(text.utf8.count / 1024) KiB; asset files are at most \(maximumFileBytes / 1024) KiB")
            return Result(asset: nil, diagnostics: diagnostics.diagnostics)
        }
        let asset = parse(text, id: id, taxonomy: taxonomy, asOf: asOf, into: &diagnostics)
        return Result(asset: diagnostics.hasErrors ? nil : asset, diagnostics: diagnostics.diagnostics)
    }

    static func parse(_ text: String, id: String, taxonomy: Taxonomy, asOf: Day,
                      into diagnostics: inout DiagnosticCollector) -> Asset? {
        if !Identifier.isValid(id) {
            diagnostics.error("id", line: 1, "file name '\(id).md' must be a kebab-case id (lowercase letters, digits, hyphens), e.g. tco-model.md")
        }
        let frontMatter: FrontMatter
        switch FrontMatter.split(text) {
        case let .success(value): frontMatter = value
        case .failure(.missingOpeningFence):
            diagnostics.error(nil, line: 1, "expected front matter: the file must start with a line '---'")
            return nil
        case .failure(.missingClosingFence):
            diagnostics.error(nil, line: 1, "front matter is not closed: expected a line '---' after the fields")
            return nil
        }
        guard let root = YAMLSource.parse(frontMatter.yaml, lineOffset: frontMatter.lineOffset, into: &diagnostics) else {
            return nil
        }
        guard let reader = MappingReader(root, path: "", lineOffset: frontMatter.lineOffset, into: &diagnostics) else {
            return nil
        }
        reader.rejectUnknownKeys(allowed: fields, into: &diagnostics)

        let title = reader.string("title", required: true, into: &diagnostics)
        let summary = reader.string("summary", into: &diagnostics)
        let url = reader.string("url", into: &diagnostics)
        if let url, URL(string: url)?.scheme == nil || WebLink.safe(url) == nil {
            // Only web links: a javascript: or data: url would be a live link wherever a title is one.
            diagnostics.error("url", line: reader.line(of: "url"), "expected an http or https URL such as https://example.com/asset, found '\(url)'")
        }

        let format = reader.string("format", required: true, into: &diagnostics)
        if let format, !taxonomy.formats.contains(format) {
            diagnostics.error("format", line: reader.line(of: "format"), unknown("format", format, taxonomy.formats))
        }

        var jobs: [BuyingJob] = []
        let jobValues = reader.strings("jobs", into: &diagnostics)
        if jobValues.isEmpty {
            diagnostics.error("jobs", line: reader.line(of: "jobs"), "at least one buying job is required (the first is the primary job); expected some of \(BuyingJob.idList)")
        }
        for (value, line) in jobValues {
            if let job = BuyingJob(rawValue: value) {
                if jobs.contains(job) { diagnostics.warning("jobs", line: line, "'\(value)' is listed twice") } else { jobs.append(job) }
            } else {
                diagnostics.error("jobs", line: line, unknown("buying job", value, BuyingJob.allCases.map(\.rawValue)))
            }
        }

        let roles = tags("roles", "role", reader, known: taxonomy.roles, into: &diagnostics)
        let topics = tags("topics", "topic", reader, known: taxonomy.topics.map(\.id), into: &diagnostics)
        let industries = taxonomy.industries.isEmpty
            ? kebabTags("industries", reader, into: &diagnostics)
            : tags("industries", "industry", reader, known: taxonomy.industries, into: &diagnostics)

        var resolves: [Asset.Resolution] = []
        for item in reader.mappings("resolves", into: &diagnostics) {
            item.rejectUnknownKeys(allowed: ["topic", "positions"], into: &diagnostics)
            guard let topicID = item.string("topic", required: true, into: &diagnostics) else { continue }
            guard let topic = taxonomy.topic(topicID) else {
                diagnostics.error(item.field("topic"), line: item.line(of: "topic"), unknown("topic", topicID, taxonomy.topics.map(\.id)))
                continue
            }
            let positions = item.strings("positions", into: &diagnostics)
            if topic.isNumber, !positions.isEmpty {
                diagnostics.error(item.field("positions"), line: item.line(of: "positions"), "\(topicID) is a number topic; it has no positions")
                continue
            }
            var valid = true
            for (position, line) in positions where !topic.positions.contains(position) {
                diagnostics.error(item.field("positions"), line: line, unknown("position of \(topicID)", position, topic.positions))
                valid = false
            }
            if positions.count == 1 {
                diagnostics.error(item.field("positions"), line: item.line(of: "positions"),
                                  "a conflict is between at least two positions; list both sides or leave positions out for any conflict on \(topicID)")
                valid = false
            }
            if valid { resolves.append(Asset.Resolution(topic: topicID, positions: positions.map(\.value))) }
        }
        for resolution in resolves where !topics.contains(resolution.topic) {
            diagnostics.warning("resolves", line: reader.line(of: "resolves"),
                                "resolves \(resolution.topic) but does not list it under topics; add it so search and coverage find it")
        }

        let shareable = reader.bool("shareable", into: &diagnostics) ?? false
        var channel = Asset.Channel.either
        if let value = reader.string("channel", into: &diagnostics) {
            if let parsed = Asset.Channel(rawValue: value) { channel = parsed } else {
                diagnostics.error("channel", line: reader.line(of: "channel"), unknown("channel", value, Asset.Channel.allCases.map(\.rawValue)))
            }
        }
        let minutes = reader.integer("minutes", into: &diagnostics)
        if let minutes, minutes <= 0 {
            diagnostics.error("minutes", line: reader.line(of: "minutes"), "expected the minutes it takes to consume, above 0, found \(minutes)")
        }
        let published = reader.day("published", into: &diagnostics)
        let reviewBy = reader.day("reviewBy", into: &diagnostics)
        if let published, let reviewBy, reviewBy < published {
            diagnostics.error("reviewBy", line: reader.line(of: "reviewBy"), "review date \(reviewBy) is before the publication date \(published)")
        }
        let owner = reader.string("owner", into: &diagnostics)

        var status = Asset.Status.draft
        if let value = reader.string("status", required: true, into: &diagnostics) {
            if let parsed = Asset.Status(rawValue: value) { status = parsed } else {
                diagnostics.error("status", line: reader.line(of: "status"), unknown("status", value, Asset.Status.allCases.map(\.rawValue)))
            }
        }

        // Warnings: things to fix soon that do not make the asset wrong.
        if let reviewBy, status == .published {
            if asOf > reviewBy {
                diagnostics.warning("reviewBy", line: reader.line(of: "reviewBy"), "expired on \(reviewBy); it is no longer recommended until reviewed")
            } else if asOf.days(until: reviewBy) <= reviewWarningDays {
                diagnostics.warning("reviewBy", line: reader.line(of: "reviewBy"), "due for review on \(reviewBy), within \(Words.count(reviewWarningDays, "day"))")
            }
        }
        if summary == nil {
            diagnostics.warning("summary", line: reader.line, "no summary; reps and the digest show it next to the title")
        }
        let body = frontMatter.body.trimmingCharacters(in: .whitespacesAndNewlines)
        let words = body.split(whereSeparator: { $0.isWhitespace }).count
        if words < minimumBodyWords {
            diagnostics.warning("body", line: frontMatter.lineOffset + frontMatter.yaml.split(separator: "\n", omittingEmptySubsequences: false).count + 2,
                                "the body is almost empty (\(Words.count(words, "word"))); search and tag suggestions read it")
        }

        guard let title, let format else { return nil }
        return Asset(id: id, title: title, summary: summary, url: url, format: format, jobs: jobs, roles: roles,
                     topics: topics, resolves: resolves, shareable: shareable, channel: channel, minutes: minutes,
                     industries: industries, published: published, reviewBy: reviewBy, owner: owner, status: status,
                     body: body)
    }

    private static func tags(_ key: String, _ noun: String, _ reader: MappingReader, known: [String],
                             into diagnostics: inout DiagnosticCollector) -> [String] {
        var result: [String] = []
        for (value, line) in reader.strings(key, into: &diagnostics) {
            if !known.contains(value) {
                diagnostics.error(key, line: line, unknown(noun, value, known))
            } else if result.contains(value) {
                diagnostics.warning(key, line: line, "'\(value)' is listed twice")
            } else {
                result.append(value)
            }
        }
        return result
    }

    private static func kebabTags(_ key: String, _ reader: MappingReader, into diagnostics: inout DiagnosticCollector) -> [String] {
        var result: [String] = []
        for (value, line) in reader.strings(key, into: &diagnostics) {
            if !Identifier.isValid(value) {
                diagnostics.error(key, line: line, "'\(value)' is not a kebab-case id")
            } else if !result.contains(value) {
                result.append(value)
            }
        }
        return result
    }

    /// "unknown role 'finanse'; did you mean 'finance'?" or "…; expected one of a, b, c".
    static func unknown(_ noun: String, _ value: String, _ known: [String]) -> String {
        var message = "unknown \(noun) '\(value)'"
        if let suggestion = Suggestion.closest(to: value, in: known) {
            message += "; did you mean '\(suggestion)'?"
        } else {
            message += "; expected one of \(known.joined(separator: ", "))"
        }
        return message
    }
}

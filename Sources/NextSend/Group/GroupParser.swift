import Foundation
import Yams

/// Reads buying groups from YAML files (one group each) or JSON Lines (one group per line) and
/// checks them against the taxonomy.
///
/// Every problem is reported with the file, the line (for JSON Lines, the record's line) and the
/// field, and a group with any error is not returned, so a caller can refuse the whole input.
///
/// ```swift
/// let result = GroupParser.parseYAML(text, file: "groups/acme.yaml", taxonomy: taxonomy)
/// ```
public enum GroupParser {
    public struct Result: Sendable {
        /// Groups without errors, in input order.
        public var groups: [BuyingGroup]
        /// Line of each group's record in its file, by group id.
        public var lines: [String: Int]
        public var diagnostics: [Diagnostic]

        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    static let groupKeys = ["id", "account", "owner", "industry", "deal", "stakeholders", "claims", "events", "touches"]
    static let stakeholderKeys = ["id", "name", "role", "influence", "title", "email"]
    static let claimKeys = ["stakeholder", "topic", "position", "value", "source", "date", "quote"]
    static let eventKeys = ["job", "type", "date", "note"]
    static let touchKeys = ["asset", "to", "date", "channel", "consumed"]
    static let dealKeys = ["name", "stage", "amount", "currency", "closeDate"]

    /// A group file (YAML) or one JSON Lines record larger than this is refused: real groups are a
    /// few kilobytes, and the limit bounds the time and memory a hostile input can take.
    public static let maximumRecordBytes = 4 << 20

    /// Parses one group from a YAML file.
    ///
    /// - Parameters:
    ///   - knownAssets: asset ids touches may name; `nil` skips that check.
    ///   - latest: the last day a fact may be dated (today, or `--as-of`); `nil` skips that check.
    public static func parseYAML(_ text: String, file: String, taxonomy: Taxonomy, knownAssets: Set<String>? = nil,
                                 latest: Day? = nil) -> Result {
        var diagnostics = DiagnosticCollector(file: file)
        var result = Result(groups: [], lines: [:], diagnostics: [])
        if text.utf8.count > maximumRecordBytes {
            diagnostics.error(nil, line: 1, "the file is \(text.utf8.count / 1024) KiB; a group file is at most \(maximumRecordBytes / 1024) KiB")
            result.diagnostics = diagnostics.diagnostics
            return result
        }
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        if let root = YAMLSource.parse(body, into: &diagnostics),
           let reader = MappingReader(root, path: "", lineOffset: 0, into: &diagnostics) {
            if let group = parseGroup(reader, taxonomy: taxonomy, knownAssets: knownAssets, latest: latest, into: &diagnostics),
               !diagnostics.hasErrors {
                result.groups.append(group)
                result.lines[group.id] = reader.line
            }
        }
        result.diagnostics = diagnostics.diagnostics
        return result
    }

    /// Parses JSON Lines: one group object per line; blank lines are skipped.
    public static func parseJSONLines(_ text: String, file: String, taxonomy: Taxonomy, knownAssets: Set<String>? = nil,
                                      latest: Day? = nil) -> Result {
        // Split on bytes: splitting a large export by Characters (grapheme clusters) is slow.
        var lines: [(number: Int, text: String)] = []
        for (offset, bytes) in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            var line = Substring(bytes)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if offset == 0, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            lines.append((offset + 1, String(line)))
        }
        return parseJSONLines(lines, file: file, taxonomy: taxonomy, knownAssets: knownAssets, latest: latest)
    }

    /// Parses JSON Lines records already split into lines (`number`: the line in `file`, from 1),
    /// side by side: a caller streaming a large export hands them over a chunk at a time.
    public static func parseJSONLines(_ lines: [(number: Int, text: String)], file: String, taxonomy: Taxonomy,
                                      knownAssets: Set<String>? = nil, latest: Day? = nil) -> Result {
        var result = Result(groups: [], lines: [:], diagnostics: [])
        // Each line is a group of its own: parsed side by side, gathered in file order.
        let parsed = lines.parallelMap { line -> (group: BuyingGroup?, diagnostics: [Diagnostic]) in
            var diagnostics = DiagnosticCollector(file: file)
            let group = parseJSONRecord(line.text, line: line.number, taxonomy: taxonomy, knownAssets: knownAssets,
                                        latest: latest, into: &diagnostics)
            return (group, diagnostics.diagnostics)
        }
        for (line, outcome) in zip(lines, parsed) {
            if let group = outcome.group {
                result.groups.append(group)
                result.lines[group.id] = line.number
            }
            result.diagnostics.append(contentsOf: outcome.diagnostics)
        }
        return result
    }

    /// - Parameter fast: try ``GroupRecordReader`` first; it answers only for a record read here
    ///   without a word, so turning it off changes the time a file takes, never what it gives.
    static func parseJSONRecord(_ line: String, line number: Int, taxonomy: Taxonomy, knownAssets: Set<String>?,
                                latest: Day? = nil, fast: Bool = true, into diagnostics: inout DiagnosticCollector) -> BuyingGroup? {
        guard line.utf8.count <= maximumRecordBytes else {
            diagnostics.error(nil, line: number, "the record is \(line.utf8.count / 1024) KiB; a group record is at most \(maximumRecordBytes / 1024) KiB")
            return nil
        }
        guard line.first == "{" else {
            diagnostics.error(nil, line: number, "expected one JSON object per line, starting with '{'")
            return nil
        }
        if fast, let group = GroupRecordReader.group(line, taxonomy: taxonomy, knownAssets: knownAssets, latest: latest) {
            return group
        }
        // The record becomes the same node tree a YAML file gives, so one reader checks both formats alike.
        var local = DiagnosticCollector(file: diagnostics.file)
        let root: Node
        switch JSONRecord.parse(line) {
        case let .success(node): root = node
        case let .failure(problem):
            diagnostics.error(nil, line: number, problem.message)
            return nil
        }
        guard let reader = MappingReader(root, path: "", lineOffset: 0, fixedLine: number, into: &diagnostics) else { return nil }
        let group = parseGroup(reader, taxonomy: taxonomy, knownAssets: knownAssets, latest: latest, into: &local)
        diagnostics.append(contentsOf: local.diagnostics)
        return local.hasErrors ? nil : group
    }

    static func parseGroup(_ reader: MappingReader, taxonomy: Taxonomy, knownAssets: Set<String>?, latest: Day? = nil,
                           into diagnostics: inout DiagnosticCollector) -> BuyingGroup? {
        reader.rejectUnknownKeys(allowed: groupKeys, into: &diagnostics)
        let id = reader.string("id", required: true, into: &diagnostics)
        if let id, !Identifier.isValid(id) {
            diagnostics.error("id", line: reader.line(of: "id"), "'\(id)' is not a kebab-case group id (lowercase letters, digits, hyphens)")
        }
        let account = reader.string("account", required: true, into: &diagnostics)
        let owner = reader.string("owner", required: true, into: &diagnostics)
        if let owner, let problem = RepID.problem(owner) {
            diagnostics.error("owner", line: reader.line(of: "owner"), problem)
        }
        let industry = reader.string("industry", into: &diagnostics)
        if let industry, !taxonomy.industries.isEmpty, !taxonomy.industries.contains(industry) {
            diagnostics.error("industry", line: reader.line(of: "industry"), AssetParser.unknown("industry", industry, taxonomy.industries))
        }

        var stakeholders: [Stakeholder] = []
        let stakeholderReaders = reader.mappings("stakeholders", into: &diagnostics)
        if stakeholderReaders.isEmpty, !reader.has("stakeholders") {
            diagnostics.error("stakeholders", line: reader.line, "required field is missing: a group needs at least one stakeholder")
        }
        for item in stakeholderReaders {
            if let stakeholder = parseStakeholder(item, taxonomy: taxonomy, into: &diagnostics) {
                if stakeholders.contains(where: { $0.id == stakeholder.id }) {
                    diagnostics.error(item.field("id"), line: item.line(of: "id"), "stakeholder '\(stakeholder.id)' is listed twice")
                } else {
                    stakeholders.append(stakeholder)
                }
            }
        }
        let people = Set(stakeholders.map(\.id))
        let claims = reader.mappings("claims", into: &diagnostics).compactMap {
            parseClaim($0, stakeholders: people, taxonomy: taxonomy, latest: latest, into: &diagnostics)
        }
        let events = reader.mappings("events", into: &diagnostics).compactMap { parseEvent($0, latest: latest, into: &diagnostics) }
        let touches = reader.mappings("touches", into: &diagnostics).compactMap {
            parseTouch($0, stakeholders: people, knownAssets: knownAssets, latest: latest, into: &diagnostics)
        }
        let deal = reader.mapping("deal", into: &diagnostics).flatMap { parseDeal($0, into: &diagnostics) }
        guard let id, let account, let owner else { return nil }
        return BuyingGroup(id: id, account: account, owner: owner, industry: industry, stakeholders: stakeholders,
                           claims: claims, events: events, touches: touches, deal: deal)
    }

    /// `deal: {name, stage, amount, currency, closeDate}`, as a CRM keeps the deal.
    static func parseDeal(_ item: MappingReader, into diagnostics: inout DiagnosticCollector) -> Deal? {
        item.rejectUnknownKeys(allowed: dealKeys, into: &diagnostics)
        var deal = Deal(name: item.string("name", into: &diagnostics), stage: item.string("stage", into: &diagnostics),
                        amount: item.number("amount", into: &diagnostics), currency: item.string("currency", into: &diagnostics),
                        closeDate: item.day("closeDate", into: &diagnostics))
        if let amount = deal.amount, amount < 0 {
            diagnostics.error(item.field("amount"), line: item.line(of: "amount"), "a deal's amount cannot be negative")
            deal.amount = nil
        }
        if let currency = deal.currency {
            if let code = Deal.currencyCode(currency) { deal.currency = code } else {
                diagnostics.error(item.field("currency"), line: item.line(of: "currency"), "expected an ISO currency code such as USD, found '\(currency)'")
            }
        }
        return deal.isEmpty ? nil : deal
    }

    static func parseStakeholder(_ item: MappingReader, taxonomy: Taxonomy, into diagnostics: inout DiagnosticCollector) -> Stakeholder? {
        item.rejectUnknownKeys(allowed: stakeholderKeys, into: &diagnostics)
        let id = item.string("id", required: true, into: &diagnostics)
        if let id, !Identifier.isValid(id) {
            diagnostics.error(item.field("id"), line: item.line(of: "id"), "'\(id)' is not a kebab-case stakeholder id")
        }
        let name = item.string("name", into: &diagnostics)
        let role = item.string("role", required: true, into: &diagnostics)
        if let role, !taxonomy.roles.contains(role) {
            diagnostics.error(item.field("role"), line: item.line(of: "role"), AssetParser.unknown("role", role, taxonomy.roles))
        }
        let influence = item.string("influence", required: true, into: &diagnostics)
        if let influence, taxonomy.influence[influence] == nil {
            diagnostics.error(item.field("influence"), line: item.line(of: "influence"),
                              AssetParser.unknown("influence", influence, taxonomy.influenceNames))
        }
        let title = item.string("title", into: &diagnostics)
        let email = item.string("email", into: &diagnostics)
        if let email, !EmailAddress.isValid(email) {
            diagnostics.error(item.field("email"), line: item.line(of: "email"), "expected an e-mail address like lee.park@example.org, found '\(email)'")
        }
        guard let id, let role, let influence else { return nil }
        return Stakeholder(id: id, name: name ?? id, role: role, influence: influence, title: title, email: email)
    }

    static func parseClaim(_ item: MappingReader, stakeholders: Set<String>, taxonomy: Taxonomy, latest: Day? = nil,
                           into diagnostics: inout DiagnosticCollector) -> Claim? {
        item.rejectUnknownKeys(allowed: claimKeys, into: &diagnostics)
        let stakeholder = item.string("stakeholder", required: true, into: &diagnostics)
        if let stakeholder, !stakeholders.contains(stakeholder) {
            diagnostics.error(item.field("stakeholder"), line: item.line(of: "stakeholder"),
                              AssetParser.unknown("stakeholder", stakeholder, stakeholders.sorted()))
        }
        let topicID = item.string("topic", required: true, into: &diagnostics)
        var value: Claim.Value?
        if let topicID {
            if let topic = taxonomy.topic(topicID) {
                value = claimValue(item, topic: topic, into: &diagnostics)
            } else {
                diagnostics.error(item.field("topic"), line: item.line(of: "topic"), AssetParser.unknown("topic", topicID, taxonomy.topics.map(\.id)))
            }
        }
        let source = item.string("source", into: &diagnostics)
        let quote = item.string("quote", into: &diagnostics)
        if let quote, quote.count > NoteReader.quoteLimit {
            diagnostics.error(item.field("quote"), line: item.line(of: "quote"), "expected at most \(NoteReader.quoteLimit) characters, found \(quote.count)")
        }
        let date = notAfter(latest, item.day("date", required: true, into: &diagnostics), item, into: &diagnostics)
        guard let stakeholder, let topicID, let value, let date else { return nil }
        return Claim(stakeholder: stakeholder, topic: topicID, value: value, source: source, date: date, quote: quote)
    }

    /// A choice topic takes `position`, a number topic takes `value`; anything else says which is expected.
    static func claimValue(_ item: MappingReader, topic: Topic, into diagnostics: inout DiagnosticCollector) -> Claim.Value? {
        if topic.isNumber {
            if item.has("position") {
                diagnostics.error(item.field("position"), line: item.line(of: "position"),
                                  "\(topic.id) is a number topic; give its figure as value, e.g. value: 120000")
                return nil
            }
            guard item.has("value") else {
                diagnostics.error(item.field("value"), line: item.line, "required field is missing: \(topic.id) needs a number as value")
                return nil
            }
            guard let value = item.number("value", into: &diagnostics) else { return nil }
            if case let .number(unit, _) = topic.kind, let problem = FigureUnit.problem(value, unit: unit) {
                diagnostics.error(item.field("value"), line: item.line(of: "value"), "\(NumberText.plain(value)) on \(topic.id): \(problem)")
                return nil
            }
            return .number(value)
        }
        if item.has("value") {
            diagnostics.error(item.field("value"), line: item.line(of: "value"),
                              "\(topic.id) is a choice topic; give a position (one of \(topic.positions.joined(separator: ", "))), not a value")
            return nil
        }
        guard let position = item.string("position", into: &diagnostics) else {
            diagnostics.error(item.field("position"), line: item.line,
                              "required field is missing: \(topic.id) needs a position, one of \(topic.positions.joined(separator: ", "))")
            return nil
        }
        guard topic.positions.contains(position) else {
            diagnostics.error(item.field("position"), line: item.line(of: "position"),
                              AssetParser.unknown("position of \(topic.id)", position, topic.positions))
            return nil
        }
        return .position(position)
    }

    static func parseEvent(_ item: MappingReader, latest: Day? = nil, into diagnostics: inout DiagnosticCollector) -> JobEvent? {
        item.rejectUnknownKeys(allowed: eventKeys, into: &diagnostics)
        var job: BuyingJob?
        if let value = item.string("job", required: true, into: &diagnostics) {
            job = BuyingJob(rawValue: value)
            if job == nil {
                diagnostics.error(item.field("job"), line: item.line(of: "job"), AssetParser.unknown("buying job", value, BuyingJob.allCases.map(\.rawValue)))
            }
        }
        var kind: JobEvent.Kind?
        if let value = item.string("type", required: true, into: &diagnostics) {
            kind = JobEvent.Kind(rawValue: value)
            if kind == nil {
                diagnostics.error(item.field("type"), line: item.line(of: "type"),
                                  AssetParser.unknown("event type", value, JobEvent.Kind.allCases.map(\.rawValue)))
            }
        }
        let date = notAfter(latest, item.day("date", required: true, into: &diagnostics), item, into: &diagnostics)
        let note = item.string("note", into: &diagnostics)
        guard let job, let kind, let date else { return nil }
        return JobEvent(job: job, type: kind, date: date, note: note)
    }

    static func parseTouch(_ item: MappingReader, stakeholders: Set<String>, knownAssets: Set<String>?, latest: Day? = nil,
                           into diagnostics: inout DiagnosticCollector) -> Touch? {
        item.rejectUnknownKeys(allowed: touchKeys, into: &diagnostics)
        let asset = item.string("asset", required: true, into: &diagnostics)
        if let asset, let knownAssets, !knownAssets.contains(asset) {
            diagnostics.error(item.field("asset"), line: item.line(of: "asset"),
                              "unknown asset '\(asset)'; it is not in the catalog" + Suggestion.hint(for: asset, in: knownAssets.sorted()))
        }
        let recipients = item.strings("to", into: &diagnostics)
        if recipients.isEmpty {
            diagnostics.error(item.field("to"), line: item.line(of: "to"), "expected at least one stakeholder the asset was sent to")
        }
        for (recipient, line) in recipients where !stakeholders.contains(recipient) {
            diagnostics.error(item.field("to"), line: line, AssetParser.unknown("stakeholder", recipient, stakeholders.sorted()))
        }
        let date = notAfter(latest, item.day("date", required: true, into: &diagnostics), item, into: &diagnostics)
        let channel = item.string("channel", into: &diagnostics)
        let consumed = item.bool("consumed", into: &diagnostics) ?? false
        guard let asset, let date, !recipients.isEmpty else { return nil }
        return Touch(asset: asset, to: recipients.map(\.value), date: date, channel: channel, consumed: consumed)
    }
}

extension GroupParser {
    /// `date`, unless it is after `latest`: a claim, event or send cannot have happened after today
    /// (or the `--as-of` day); such a date is an error at its line.
    static func notAfter(_ latest: Day?, _ date: Day?, _ item: MappingReader, into diagnostics: inout DiagnosticCollector) -> Day? {
        guard let date, let latest, date > latest else { return date }
        diagnostics.error(item.field("date"), line: item.line(of: "date"),
                          "\(date) is after \(latest); a fact cannot be dated later than the day it is recorded")
        return nil
    }
}

/// Rep ids come from CRMs (usually email addresses); they are checked only for what no id should
/// hold. The digest derives safe file names from them itself.
public enum RepID {
    /// Why `id` is not acceptable as a rep id, or `nil` when it is.
    public static func problem(_ id: String) -> String? {
        if id.count > 200 { return "a rep id is at most 200 characters" }
        if id.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "a rep id must not contain control characters such as tabs or line breaks"
        }
        return nil
    }
}

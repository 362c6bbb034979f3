import Foundation

/// One value of the taxonomy renamed everywhere it is used: a topic, a role, an industry, or a
/// position of one choice topic (`nextsend taxonomy rename`).
///
/// The library part is pure: it checks the rename against a taxonomy, applies it to a taxonomy
/// value, and rewrites the text of each kind of content file — only the scalars that hold the
/// value where that kind of file uses it, every other byte as it was. The store renames the
/// stored facts; the caller stages and swaps the files.
///
/// ```swift
/// let rename = try VocabularyRename(.topic, from: "tco", to: "total-cost")
/// let (text, count) = try rename.rewriteAssetFile(markdown, file: "content/catalog/roi.md")
/// ```
public struct VocabularyRename: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        case topic, role, industry, position
    }

    public let kind: Kind
    /// For a position: the choice topic it belongs to.
    public let topic: String?
    public let old: String
    public let new: String

    /// - Throws: ``ValidationFailure`` when a value is not a kebab-case id, both are the same, or a
    ///   position names no topic.
    public init(_ kind: Kind, from old: String, to new: String, topic: String? = nil) throws {
        var problems: [String] = []
        for value in [old, new] + (topic.map { [$0] } ?? []) where !Identifier.isValid(value) {
            problems.append("'\(value)' is not a kebab-case id (lowercase letters, digits and single hyphens)")
        }
        if old == new { problems.append("the old and the new name are the same ('\(old)')") }
        if kind == .position, topic == nil { problems.append("a position is renamed within its topic: taxonomy rename position TOPIC OLD NEW") }
        if kind != .position, topic != nil { problems.append("only a position is renamed within a topic") }
        guard problems.isEmpty else {
            throw ValidationFailure(problems.map { Diagnostic(.error, file: "<command line>", line: nil, field: nil, message: $0) })
        }
        self.kind = kind
        self.topic = topic
        self.old = old
        self.new = new
    }

    /// `topic tco → total-cost`, `position deployment: on-prem-required → on-prem`.
    public var description: String {
        switch kind {
        case .position: return "position \(topic ?? ""): \(old) → \(new)"
        default: return "\(kind.rawValue) \(old) → \(new)"
        }
    }

    // MARK: The taxonomy

    /// Where a taxonomy stands with this rename.
    public enum Progress: Sendable, Equatable {
        /// It has the old value and not the new one: the rename is still to do.
        case toDo
        /// It has the new value and not the old one: a rename already made (files or facts may lag).
        case done
    }

    /// Whether `taxonomy` still has to be renamed, or already was.
    ///
    /// - Throws: ``ValidationFailure`` naming `file` when the taxonomy has neither value (with the
    ///   closest it has), both (a rename would merge two values), or the topic is not a choice topic.
    public func progress(in taxonomy: Taxonomy, file: String) throws -> Progress {
        let values: [String]
        let field: String
        switch kind {
        case .topic: (values, field) = (taxonomy.topics.map(\.id), "topics")
        case .role: (values, field) = (taxonomy.roles, "roles")
        case .industry: (values, field) = (taxonomy.industries, "industries")
        case .position:
            field = "topics.\(topic ?? "")"
            guard let found = taxonomy.topic(topic ?? "") else {
                throw problem(file, "topics", "no topic '\(topic ?? "")'" + hint(topic ?? "", taxonomy.topics.map(\.id)))
            }
            guard !found.isNumber else { throw problem(file, field, "'\(found.id)' is a number topic: it has no positions to rename") }
            values = found.positions
        }
        switch (values.contains(old), values.contains(new)) {
        case (true, false): return .toDo
        case (false, true): return .done
        case (true, true):
            throw problem(file, field, "both '\(old)' and '\(new)' are \(plural) already; renaming one to the other would merge them, "
                          + "which a rename does not do")
        case (false, false):
            throw problem(file, field, "no \(singular) '\(old)'" + hint(old, values))
        }
    }

    /// The taxonomy with the value renamed (labels, voices and position phrases follow it).
    public func apply(to taxonomy: Taxonomy) -> Taxonomy {
        var result = taxonomy
        switch kind {
        case .role:
            result.roles = taxonomy.roles.map(renamed)
            if let label = result.roleLabels.removeValue(forKey: old) { result.roleLabels[new] = label }
            result.voices = taxonomy.voices.mapValues { $0.map(renamed) }
        case .industry:
            result.industries = taxonomy.industries.map(renamed)
        case .topic:
            result.topics = taxonomy.topics.map { topic in
                guard topic.id == old else { return topic }
                var copy = topic
                copy.id = new
                if copy.label == old { copy.label = new }  // a topic without a label reads as its id
                return copy
            }.sorted { $0.id < $1.id }
        case .position:
            result.topics = taxonomy.topics.map { topic in
                guard topic.id == self.topic, case let .choice(positions, compatible) = topic.kind else { return topic }
                var copy = topic
                copy.kind = .choice(positions: positions.map(renamed), compatible: compatible.map { $0.map(renamed) })
                if let phrases = copy.says.removeValue(forKey: old) { copy.says[new] = phrases }
                return copy
            }
        }
        return result
    }

    /// `value` renamed when it is the old value.
    public func renamed(_ value: String) -> String { value == old ? new : value }

    // MARK: Content files

    /// The taxonomy file with the value renamed: a role in `roles`, `roleLabels` and `voices`; an
    /// industry in `industries`; a topic's key under `topics`; a position in its topic's
    /// `positions`, `compatible` and `says`.
    public func rewriteTaxonomy(_ text: String, file: String) throws -> (text: String, count: Int) {
        try rewrite(text, file: file, lineOffset: 0) { site in
            switch kind {
            case .role: return site.at("roles", "*") || (site.isKey && site.at("roleLabels", old)) || site.at("voices", "_", "*")
            case .industry: return site.at("industries", "*")
            case .topic: return site.isKey && site.at("topics", old)
            case .position:
                let topic = self.topic ?? ""
                return site.at("topics", topic, "positions", "*") || site.at("topics", topic, "compatible", "*", "*")
                    || (site.isKey && site.at("topics", topic, "says", old))
            }
        }
    }

    /// An asset file with the value renamed in its front matter (`roles`, `topics`, `industries`,
    /// `resolves`); the body is left as it is.
    public func rewriteAssetFile(_ text: String, file: String) throws -> (text: String, count: Int) {
        // Split here rather than with FrontMatter, which drops "\r": a file with CRLF endings
        // keeps them.
        let lines = YAMLScalarRewriter.lines(of: text)
        func fence(_ line: String, _ marks: [String]) -> Bool {
            var line = Substring(line)
            if line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            return marks.contains(line.trimmingCharacters(in: .whitespaces.union(.init(charactersIn: "\r"))))
        }
        guard let first = lines.first, fence(first, ["---"]),
              let close = lines.indices.dropFirst().first(where: { fence(lines[$0], ["---", "..."]) }) else {
            return (text, 0)
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let rewritten = try rewrite(yaml, file: file, lineOffset: 1) { site in
            guard !site.isKey else { return false }
            switch kind {
            case .role: return site.at("roles") || site.at("roles", "*")
            case .industry: return site.at("industries") || site.at("industries", "*")
            case .topic: return site.at("topics") || site.at("topics", "*") || site.at("resolves", "*", "topic")
            case .position:
                return (site.at("resolves", "*", "positions") || site.at("resolves", "*", "positions", "*"))
                    && site.sibling("topic") == topic
            }
        }
        guard rewritten.count > 0 else { return (text, 0) }
        return (([first, rewritten.text] + lines[close...]).joined(separator: "\n"), rewritten.count)
    }

    /// A YAML group file with the value renamed: stakeholders' roles, claims' topics and
    /// positions, the group's industry.
    public func rewriteGroupFile(_ text: String, file: String) throws -> (text: String, count: Int) {
        try rewrite(text, file: file, lineOffset: 0, where: groupRule)
    }

    /// A JSON Lines group file, line by line (each line is one group).
    public func rewriteGroupLines(_ text: String, file: String) throws -> (text: String, count: Int) {
        var count = 0
        var lines: [String] = []
        for (index, line) in YAMLScalarRewriter.lines(of: text).enumerated() {
            guard line.contains(old) else {
                lines.append(line)
                continue
            }
            let rewritten = try rewrite(line, file: file, lineOffset: index, where: groupRule)
            lines.append(rewritten.text)
            count += rewritten.count
        }
        return (count == 0 ? text : lines.joined(separator: "\n"), count)
    }

    /// A CRM mapping with the value renamed: the roles its rules and `defaultRole` give, the
    /// industries it maps to, the topics of the fields that hold claims.
    public func rewriteCRMMapping(_ text: String, file: String) throws -> (text: String, count: Int) {
        try rewrite(text, file: file, lineOffset: 0) { site in
            guard !site.isKey else { return false }
            switch kind {
            case .role: return site.at("roles", "*", "role") || site.at("defaultRole")
            case .industry: return site.at("industries", "_")
            case .topic: return site.at("claims", "*", "topic")
            case .position: return false
            }
        }
    }

    private func groupRule(_ site: YAMLScalarRewriter.Site) -> Bool {
        guard !site.isKey else { return false }
        switch kind {
        case .role: return site.at("stakeholders", "*", "role")
        case .industry: return site.at("industry")
        case .topic: return site.at("claims", "*", "topic")
        case .position: return site.at("claims", "*", "position") && site.sibling("topic") == topic
        }
    }

    private func rewrite(_ text: String, file: String, lineOffset: Int,
                         where rule: (YAMLScalarRewriter.Site) -> Bool) throws -> (text: String, count: Int) {
        guard text.contains(old) else { return (text, 0) }
        do {
            return try YAMLScalarRewriter.replace(old, with: new, in: text, where: rule)
        } catch let failure as YAMLScalarRewriter.Failure {
            var line: Int?
            if case let .notAt(at, _) = failure { line = at + lineOffset }
            throw ValidationFailure([Diagnostic(.error, file: file, line: line, field: nil,
                                                message: "cannot rename \(description) here: \(failure)")])
        }
    }

    private var singular: String { kind == .position ? "position of \(topic ?? "")" : kind.rawValue }
    private var plural: String {
        switch kind {
        case .topic: return "topics"
        case .role: return "roles"
        case .industry: return "industries"
        case .position: return "positions of \(topic ?? "")"
        }
    }

    private func hint(_ value: String, _ known: [String]) -> String {
        Suggestion.closest(to: value, in: known).map { "; did you mean '\($0)'?" } ?? "; expected one of \(known.joined(separator: ", "))"
    }

    private func problem(_ file: String, _ field: String, _ message: String) -> ValidationFailure {
        ValidationFailure([Diagnostic(.error, file: file, line: nil, field: field, message: message)])
    }
}

import Yams

/// Reads and validates `taxonomy.yaml`.
///
/// ```swift
/// let taxonomy = try TaxonomyParser.parse(yaml, file: "content/taxonomy.yaml")
/// ```
public enum TaxonomyParser {
    static let topLevelKeys = ["roles", "roleLabels", "influence", "formats", "stallDays", "topics", "industries", "voices"]
    static let topicKeys = ["label", "kind", "positions", "compatible", "unit", "tolerance", "jobs", "says"]

    /// Parses a taxonomy, throwing a ``ValidationFailure`` that lists every problem with its line.
    public static func parse(_ text: String, file: String) throws -> Taxonomy {
        var diagnostics = DiagnosticCollector(file: file)
        let taxonomy = parse(text, into: &diagnostics)
        try diagnostics.throwIfErrors()
        guard let taxonomy else { throw ValidationFailure(diagnostics.diagnostics) }
        return taxonomy
    }

    static func parse(_ text: String, into diagnostics: inout DiagnosticCollector) -> Taxonomy? {
        guard let root = YAMLSource.parse(text, into: &diagnostics) else { return nil }
        guard let reader = MappingReader(root, path: "", lineOffset: 0, into: &diagnostics) else { return nil }
        reader.rejectUnknownKeys(allowed: topLevelKeys, into: &diagnostics)

        let roles = idList("roles", in: reader, required: true, into: &diagnostics)
        let formats = idList("formats", in: reader, required: true, into: &diagnostics)
        let industries = idList("industries", in: reader, required: false, into: &diagnostics)

        var influence: [String: Double] = [:]
        if let map = reader.mapping("influence", into: &diagnostics) {
            for entry in map.entries {
                guard Identifier.isValid(entry.key) else {
                    diagnostics.error(map.field(entry.key), line: entry.line, "expected a kebab-case influence id")
                    continue
                }
                if let weight = map.number(entry.key, required: true, into: &diagnostics) {
                    if weight <= 0 || weight > 1 {
                        diagnostics.error(map.field(entry.key), line: entry.line, "expected a weight above 0 and at most 1, found \(weight)")
                    } else {
                        influence[entry.key] = weight
                    }
                }
            }
        }
        if influence.isEmpty, !diagnostics.hasErrors {
            diagnostics.error("influence", line: reader.line(of: "influence"), "expected at least one influence with its weight, e.g. {decision-maker: 1.0}")
        }

        // How a role reads in sentences ("IT", "end user"); a role without one reads as its id, hyphens as spaces.
        var roleLabels: [String: String] = [:]
        if let map = reader.mapping("roleLabels", into: &diagnostics) {
            for entry in map.entries {
                guard roles.contains(entry.key) else {
                    let hint = Suggestion.closest(to: entry.key, in: roles).map { "; did you mean '\($0)'?" } ?? ""
                    diagnostics.error(map.field(entry.key), line: entry.line, "'\(entry.key)' is not one of the roles\(hint)")
                    continue
                }
                if let label = map.string(entry.key, required: true, into: &diagnostics) {
                    roleLabels[entry.key] = label
                }
            }
        }

        var defaultStallDays = 14
        var stallDays: [BuyingJob: Int] = [:]
        if let map = reader.mapping("stallDays", into: &diagnostics) {
            for entry in map.entries {
                guard let days = map.integer(entry.key, required: true, into: &diagnostics) else { continue }
                guard days > 0 else {
                    diagnostics.error(map.field(entry.key), line: entry.line, "expected a number of days above 0, found \(days)")
                    continue
                }
                if entry.key == "default" {
                    defaultStallDays = days
                } else if let job = BuyingJob(rawValue: entry.key) {
                    stallDays[job] = days
                } else {
                    diagnostics.error(map.field(entry.key), line: entry.line, "expected 'default' or a buying job (\(BuyingJob.idList))")
                }
            }
        }

        let voices = parseVoices(reader, roles: roles, into: &diagnostics)

        var topics: [Topic] = []
        if let map = reader.mapping("topics", into: &diagnostics) {
            var phraseOwners: [String: String] = [:]
            for entry in map.entries {
                if let topic = parseTopic(entry, in: map, into: &diagnostics) {
                    rejectSharedPhrases(topic, line: entry.line, owners: &phraseOwners, into: &diagnostics)
                    topics.append(topic)
                }
            }
        } else {
            diagnostics.error("topics", line: reader.line, "required field is missing")
        }

        return Taxonomy(roles: roles, influence: influence, formats: formats, defaultStallDays: defaultStallDays,
                        stallDays: stallDays, topics: topics, industries: industries, roleLabels: roleLabels, voices: voices)
    }

    /// `voices: {validation: [it, security]}`: for each buying job, the roles that usually weigh in.
    private static func parseVoices(_ reader: MappingReader, roles: [String], into diagnostics: inout DiagnosticCollector) -> [BuyingJob: [String]] {
        guard let node = reader.node("voices"), !MappingReader.isNull(node) else { return [:] }
        guard case .mapping = node, let map = reader.mapping("voices", into: &diagnostics) else {
            diagnostics.error("voices", line: reader.line(of: "voices"),
                              "expected the roles that weigh in on each buying job, e.g. voices: {validation: [it, security]}")
            return [:]
        }
        var voices: [BuyingJob: [String]] = [:]
        for entry in map.entries {
            guard let job = BuyingJob(rawValue: entry.key) else {
                diagnostics.error(map.field(entry.key), line: entry.line,
                                  "'\(entry.key)' is not a buying job\(Suggestion.hint(for: entry.key, in: BuyingJob.allCases.map(\.rawValue))); expected one of \(BuyingJob.idList)")
                continue
            }
            var list: [String] = []
            for (role, line) in map.strings(entry.key, into: &diagnostics) {
                if !roles.contains(role) {
                    diagnostics.error(map.field(entry.key), line: line, "'\(role)' is not one of the roles\(Suggestion.hint(for: role, in: roles))")
                } else if list.contains(role) {
                    diagnostics.error(map.field(entry.key), line: line, "'\(role)' is listed twice")
                } else {
                    list.append(role)
                }
            }
            if !list.isEmpty { voices[job] = list }
        }
        return voices
    }

    private static func idList(_ key: String, in reader: MappingReader, required: Bool,
                               into diagnostics: inout DiagnosticCollector) -> [String] {
        let values = reader.strings(key, into: &diagnostics)
        if required, values.isEmpty {
            diagnostics.error(key, line: reader.line(of: key), "expected a non-empty list of ids")
        }
        var seen = Set<String>()
        var ids: [String] = []
        for (value, line) in values {
            if !Identifier.isValid(value) {
                diagnostics.error(key, line: line, "'\(value)' is not a kebab-case id (lowercase letters, digits and hyphens)")
            } else if !seen.insert(value).inserted {
                diagnostics.error(key, line: line, "'\(value)' is listed twice")
            } else {
                ids.append(value)
            }
        }
        return ids
    }

    private static func parseTopic(_ entry: MappingReader.Entry, in parent: MappingReader,
                                   into diagnostics: inout DiagnosticCollector) -> Topic? {
        let id = entry.key
        guard Identifier.isValid(id) else {
            diagnostics.error(parent.field(id), line: entry.line, "'\(id)' is not a kebab-case topic id")
            return nil
        }
        guard let topic = MappingReader(entry.value, path: parent.field(id), lineOffset: parent.lineOffset, keyLine: entry.line,
                                        into: &diagnostics) else {
            return nil
        }
        topic.rejectUnknownKeys(allowed: topicKeys, into: &diagnostics)
        let label = topic.string("label", into: &diagnostics) ?? id
        var jobs: [BuyingJob] = []
        for (value, line) in topic.strings("jobs", into: &diagnostics) {
            if let job = BuyingJob(rawValue: value) { jobs.append(job) } else {
                diagnostics.error(topic.field("jobs"), line: line, "unknown buying job '\(value)'; expected one of \(BuyingJob.idList)")
            }
        }
        let kind = topic.string("kind", required: true, into: &diagnostics)
        switch kind {
        case "choice":
            for key in ["unit", "tolerance"] where topic.has(key) {
                diagnostics.error(topic.field(key), line: topic.line(of: key), "only a number topic has a \(key)")
            }
            let positions = topic.strings("positions", into: &diagnostics)
            if positions.isEmpty {
                diagnostics.error(topic.field("positions"), line: topic.line(of: "positions"),
                                  "a choice topic needs at least two positions, e.g. positions: [cloud-only, on-prem-required]")
            }
            var known: [String] = []
            for (value, line) in positions {
                if !Identifier.isValid(value) {
                    diagnostics.error(topic.field("positions"), line: line, "'\(value)' is not a kebab-case position id")
                } else if known.contains(value) {
                    diagnostics.error(topic.field("positions"), line: line, "position '\(value)' is listed twice")
                } else {
                    known.append(value)
                }
            }
            if known.count == 1 {
                diagnostics.error(topic.field("positions"), line: topic.line(of: "positions"), "a choice topic needs at least two positions")
            }
            var compatible: [[String]] = []
            if let node = topic.node("compatible"), !MappingReader.isNull(node) {
                let line = topic.line(of: "compatible")
                if case let .sequence(pairs) = node {
                    for (index, pairNode) in pairs.enumerated() {
                        let pairLine = pairNode.mark.map { $0.line + parent.lineOffset } ?? line
                        guard case let .sequence(pair) = pairNode, pair.count == 2,
                              let a = pair[0].scalar?.string, let b = pair[1].scalar?.string else {
                            diagnostics.error("\(topic.field("compatible"))[\(index)]", line: pairLine, "expected a pair of positions like [cloud-only, hybrid]")
                            continue
                        }
                        var valid = true
                        for position in [a, b] where !known.contains(position) {
                            diagnostics.error("\(topic.field("compatible"))[\(index)]", line: pairLine,
                                              "'\(position)' is not a position of \(id); expected one of \(known.joined(separator: ", "))")
                            valid = false
                        }
                        if valid { compatible.append([a, b]) }
                    }
                } else {
                    diagnostics.error(topic.field("compatible"), line: line, "expected a list of position pairs like [[cloud-only, hybrid]]")
                }
            }
            let says = choiceSays(topic, positions: known, into: &diagnostics)
            return Topic(id: id, label: label, kind: .choice(positions: known, compatible: compatible), jobs: jobs, says: says)
        case "number":
            for key in ["positions", "compatible"] where topic.has(key) {
                diagnostics.error(topic.field(key), line: topic.line(of: key), "only a choice topic has \(key)")
            }
            let unit = topic.string("unit", into: &diagnostics)
            guard let tolerance = topic.number("tolerance", required: true, into: &diagnostics) else { return nil }
            guard tolerance > 0 else {
                diagnostics.error(topic.field("tolerance"), line: topic.line(of: "tolerance"),
                                  "expected a relative gap above 0 (0.2 = figures more than 20% apart conflict), found \(tolerance)")
                return nil
            }
            let says = numberSays(topic, into: &diagnostics)
            return Topic(id: id, label: label, kind: .number(unit: unit, tolerance: tolerance), jobs: jobs,
                         says: says.isEmpty ? [:] : [Topic.topicPhrases: says])
        case nil:
            return nil
        case let other?:
            diagnostics.error(topic.field("kind"), line: topic.line(of: "kind"), "expected 'choice' or 'number', found '\(other)'")
            return nil
        }
    }
}

// MARK: - says:

extension TaxonomyParser {
    /// A number topic's phrases: `says: [total cost of ownership, TCO]`.
    static func numberSays(_ topic: MappingReader, into diagnostics: inout DiagnosticCollector) -> [String] {
        guard let node = topic.node("says"), !MappingReader.isNull(node) else { return [] }
        guard case .sequence = node else {
            diagnostics.error(topic.field("says"), line: topic.line(of: "says"),
                              "a number topic's says: is a list of phrases, e.g. says: [total cost of ownership, TCO]")
            return []
        }
        return phrases(topic.strings("says", into: &diagnostics), field: topic.field("says"), into: &diagnostics)
    }

    /// A choice topic's phrases, per position: `says: {on-prem-required: [on-prem, on premises]}`.
    static func choiceSays(_ topic: MappingReader, positions: [String], into diagnostics: inout DiagnosticCollector) -> [String: [String]] {
        guard let node = topic.node("says"), !MappingReader.isNull(node) else { return [:] }
        guard case .mapping = node, let map = topic.mapping("says", into: &diagnostics) else {
            diagnostics.error(topic.field("says"), line: topic.line(of: "says"),
                              "a choice topic's says: gives phrases per position, e.g. says: {hybrid: [hybrid, split hosting]}")
            return [:]
        }
        var says: [String: [String]] = [:]
        var owner: [String: String] = [:]
        for entry in map.entries {
            guard positions.contains(entry.key) else {
                diagnostics.error(map.field(entry.key), line: entry.line,
                                  "'\(entry.key)' is not a position of this topic\(Suggestion.hint(for: entry.key, in: positions)); expected one of \(positions.joined(separator: ", "))")
                continue
            }
            let list = phrases(map.strings(entry.key, into: &diagnostics), field: map.field(entry.key), into: &diagnostics)
            for phrase in list {
                let key = NoteText.phraseKey(phrase)
                if let other = owner[key], other != entry.key {
                    diagnostics.error(map.field(entry.key), line: entry.line, "'\(phrase)' is also a phrase of '\(other)'; a phrase names one position")
                }
                owner[key] = entry.key
            }
            says[entry.key] = list
        }
        return says
    }

    /// A phrase names one topic: "annual" cannot be both a contract term and a review cycle.
    static func rejectSharedPhrases(_ topic: Topic, line: Int, owners: inout [String: String], into diagnostics: inout DiagnosticCollector) {
        for phrase in topic.says.keys.sorted().flatMap({ topic.says[$0]! }) {
            let key = NoteText.phraseKey(phrase)
            if let other = owners[key], other != topic.id {
                diagnostics.error("topics.\(topic.id).says", line: line, "'\(phrase)' is also a phrase of topic '\(other)'; a phrase names one topic")
            }
            owners[key] = topic.id
        }
    }

    private static func phrases(_ values: [(value: String, line: Int)], field: String, into diagnostics: inout DiagnosticCollector) -> [String] {
        var seen = Set<String>()
        var list: [String] = []
        for (value, line) in values {
            let key = NoteText.phraseKey(value)
            if key.isEmpty {
                diagnostics.error(field, line: line, "'\(value)' has no words to look for")
            } else if !seen.insert(key).inserted {
                continue  // "go-live" and "go live" read alike; the second adds nothing
            } else {
                list.append(value)
            }
        }
        return list
    }
}

extension Yams.Node {
    var scalar: Yams.Node.Scalar? {
        if case let .scalar(scalar) = self { return scalar }
        return nil
    }
}

import Foundation
import Yams

/// Reads and checks `content/crm.yaml` against the taxonomy, every problem with its line.
///
/// ```yaml
/// influence: {Economic Buyer: decision-maker, Evaluator: influencer}
/// defaultInfluence: influencer
/// roles:
///   - {role: finance, title: [cfo, finance, controller], department: [finance]}
/// defaultRole: operations          # or leave out: unmatched contacts are skipped with a warning
/// stages:
///   Needs Analysis: {job: requirements-building, type: started}
/// industries: {Hospital & Health Care: hospital}
/// touches: {consumedStatuses: [Completed], consumedTypes: [Meeting]}
/// timeZone: America/Chicago
/// hubspot: {dealName: "Deal Name"}      # column labels, when a portal's differ from English defaults
/// owners: {Alice Moreno: alice@rosterline.example}
/// ```
public enum CRMMappingParser {
    static let topLevelKeys = ["influence", "defaultInfluence", "roles", "defaultRole", "stages", "industries", "touches", "timeZone", "hubspot", "owners"]

    public static func parse(_ text: String, file: String, taxonomy: Taxonomy) throws -> CRMMapping {
        var diagnostics = DiagnosticCollector(file: file)
        let mapping = parse(text, taxonomy: taxonomy, into: &diagnostics)
        try diagnostics.throwIfErrors()
        guard let mapping else { throw ValidationFailure(diagnostics.diagnostics) }
        return mapping
    }

    static func parse(_ text: String, taxonomy: Taxonomy, into diagnostics: inout DiagnosticCollector) -> CRMMapping? {
        guard let root = YAMLSource.parse(text, into: &diagnostics),
              let reader = MappingReader(root, path: "", lineOffset: 0, into: &diagnostics) else { return nil }
        reader.rejectUnknownKeys(allowed: topLevelKeys, into: &diagnostics)
        let influences = Array(taxonomy.influence.keys).sorted()

        func known(_ value: String?, in candidates: [String], what: String, field: String, line: Int) -> String? {
            guard let value else { return nil }
            guard candidates.contains(value) else {
                diagnostics.error(field, line: line, "'\(value)' is not \(what) of the taxonomy" + Suggestion.hint(for: value, in: candidates))
                return nil
            }
            return value
        }

        var influence: [String: String] = [:]
        if let map = reader.mapping("influence", into: &diagnostics) {
            for entry in map.entries {
                if let value = known(map.string(entry.key, required: true, into: &diagnostics), in: influences, what: "an influence",
                                     field: map.field(entry.key), line: entry.line) {
                    influence[entry.key] = value
                }
            }
        }
        let defaultInfluence = known(reader.string("defaultInfluence", required: true, into: &diagnostics), in: influences,
                                     what: "an influence", field: "defaultInfluence", line: reader.line(of: "defaultInfluence"))

        var roles: [CRMMapping.RoleRule] = []
        for (index, rule) in reader.mappings("roles", into: &diagnostics).enumerated() {
            rule.rejectUnknownKeys(allowed: ["role", "title", "department"], into: &diagnostics)
            let role = known(rule.string("role", required: true, into: &diagnostics), in: taxonomy.roles, what: "a role",
                             field: rule.field("role"), line: rule.line(of: "role"))
            let title = rule.strings("title", into: &diagnostics).map(\.value)
            let department = rule.strings("department", into: &diagnostics).map(\.value)
            if title.isEmpty && department.isEmpty {
                diagnostics.error("roles[\(index)]", line: rule.line, "a rule needs title or department words to match")
            }
            if let role { roles.append(CRMMapping.RoleRule(role: role, titleWords: title, departmentWords: department)) }
        }
        let defaultRole = known(reader.string("defaultRole", into: &diagnostics), in: taxonomy.roles, what: "a role",
                                field: "defaultRole", line: reader.line(of: "defaultRole"))

        var stages: [String: [CRMMapping.StageEvent]] = [:]
        if let map = reader.mapping("stages", into: &diagnostics) {
            for entry in map.entries {
                // One event ({job, type}) or a list of them.
                let events: [MappingReader]
                if case .sequence = entry.value {
                    events = map.mappings(entry.key, into: &diagnostics)
                } else {
                    events = map.mapping(entry.key, into: &diagnostics).map { [$0] } ?? []
                }
                for event in events {
                    event.rejectUnknownKeys(allowed: ["job", "type"], into: &diagnostics)
                    let jobText = event.string("job", required: true, into: &diagnostics)
                    let typeText = event.string("type", required: true, into: &diagnostics)
                    let job = jobText.flatMap(BuyingJob.init(rawValue:))
                    let type = typeText.flatMap(JobEvent.Kind.init(rawValue:))
                    if let jobText, job == nil {
                        diagnostics.error(event.field("job"), line: event.line(of: "job"),
                                          "'\(jobText)' is not a buying job" + Suggestion.hint(for: jobText, in: BuyingJob.allCases.map(\.rawValue)))
                    }
                    if let typeText, type == nil {
                        diagnostics.error(event.field("type"), line: event.line(of: "type"),
                                          "'\(typeText)' is not an event type; expected started, progressed, completed or reopened")
                    }
                    if let job, let type { stages[entry.key, default: []].append(CRMMapping.StageEvent(job: job, type: type)) }
                }
            }
        }

        var industries: [String: String] = [:]
        if let map = reader.mapping("industries", into: &diagnostics) {
            for entry in map.entries {
                if let value = known(map.string(entry.key, required: true, into: &diagnostics), in: taxonomy.industries,
                                     what: "an industry", field: map.field(entry.key), line: entry.line) {
                    industries[entry.key] = value
                }
            }
        }

        var touches = CRMMapping.Touches(consumedStatuses: [], consumedTypes: [])
        if let map = reader.mapping("touches", into: &diagnostics) {
            map.rejectUnknownKeys(allowed: ["consumedStatuses", "consumedTypes"], into: &diagnostics)
            touches.consumedStatuses = map.strings("consumedStatuses", into: &diagnostics).map(\.value)
            touches.consumedTypes = map.strings("consumedTypes", into: &diagnostics).map(\.value)
        }

        let timeZone = reader.string("timeZone", into: &diagnostics)
        if let timeZone, TimeZone(identifier: timeZone) == nil {
            diagnostics.error("timeZone", line: reader.line(of: "timeZone"), "'\(timeZone)' is not a time zone; expected an IANA name such as America/Chicago")
        }

        var hubspot: [String: String] = [:]
        if let map = reader.mapping("hubspot", into: &diagnostics) {
            map.rejectUnknownKeys(allowed: CRMMapping.hubspotDefaults.keys.sorted(), into: &diagnostics)
            for entry in map.entries where CRMMapping.hubspotDefaults[entry.key] != nil {
                if let label = map.string(entry.key, required: true, into: &diagnostics) { hubspot[entry.key] = label }
            }
        }

        var owners: [String: String] = [:]
        if let map = reader.mapping("owners", into: &diagnostics) {
            for entry in map.entries {
                guard let email = map.string(entry.key, required: true, into: &diagnostics) else { continue }
                if email.contains("@") { owners[entry.key] = email.lowercased() } else {
                    diagnostics.error(map.field(entry.key), line: entry.line, "expected the rep's e-mail address, found '\(email)'")
                }
            }
        }

        guard let defaultInfluence else { return nil }
        return CRMMapping(influence: influence, defaultInfluence: defaultInfluence, roles: roles, defaultRole: defaultRole, stages: stages,
                          industries: industries, touches: touches, timeZone: timeZone, hubspotColumns: hubspot, owners: owners)
    }
}

import Foundation
import NextSend
import Yams

/// Reads and checks `content/crm.yaml` against the taxonomy, every problem with its line.
///
/// ```yaml
/// influence: {Economic Buyer: decision-maker, Evaluator: influencer}
/// defaultInfluence: influencer
/// roles:
///   - {role: finance, title: [cfo, finance, controller], department: [finance]}
/// defaultRole: operations          # or leave out: unmatched contacts are skipped with a warning
/// pipelines:                        # each pipeline's stages in order, and what reaching each means
///   default:
///     stages:
///       - {stage: Prospecting, starts: [problem-identification]}
///       - {stage: Proposal/Price Quote, starts: [validation], progresses: [supplier-selection]}
///       - {stage: Closed Won, closed: won}
///     keepOpen: [consensus-creation]
/// industries: {Hospital & Health Care: hospital}
/// touches: {consumedStatuses: [Completed], consumedTypes: [Meeting]}
/// timeZone: America/Chicago
/// hubspot: {dealName: "Deal Name"}      # column labels, when a portal's differ from English defaults
/// owners: {Alice Moreno: alice@rosterline.example}
/// ```
public enum CRMMappingParser {
    static let topLevelKeys = ["influence", "defaultInfluence", "roles", "defaultRole", "stages", "pipelines", "industries", "touches", "timeZone",
                               "hubspot", "owners", "dateFormat", "currency", "claims"]

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

        let pipelines = parsePipelines(reader, into: &diagnostics)
        if !pipelines.isEmpty, !stages.isEmpty {
            diagnostics.error("stages", line: reader.line(of: "stages"), "give stages as pipelines: (an ordered path) or as stages: (events per stage), not both")
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
        var mapping = CRMMapping(influence: influence, defaultInfluence: defaultInfluence, roles: roles, defaultRole: defaultRole, stages: stages,
                                 industries: industries, touches: touches, timeZone: timeZone, hubspotColumns: hubspot, owners: owners)
        mapping.pipelines = pipelines
        mapping.influenceWeights = taxonomy.influence
        mapping.claimFields = parseClaimFields(reader, taxonomy: taxonomy, into: &diagnostics)
        if let currency = reader.string("currency", into: &diagnostics) {
            if let code = Deal.currencyCode(currency) { mapping.currency = code } else {
                diagnostics.error("currency", line: reader.line(of: "currency"), "expected an ISO currency code such as USD, found '\(currency)'")
            }
        }
        if let format = reader.string("dateFormat", into: &diagnostics) {
            // A pattern that cannot write a known day cannot read one either.
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = format
            let sample = formatter.string(from: Date(timeIntervalSince1970: 1_795_219_200))  // 2026-11-20
            if !format.contains("d") || !format.contains("M") || !format.lowercased().contains("y") || formatter.date(from: sample) == nil {
                diagnostics.error("dateFormat", line: reader.line(of: "dateFormat"),
                                  "'\(format)' is not a date pattern with day, month and year; expected e.g. MM/dd/yyyy")
            } else {
                mapping.dateFormat = format
            }
        }
        return mapping
    }

    /// `pipelines: {NAME: {stages: [{stage, starts, progresses, completes, closed}], keepOpen: [...]}}`.
    static func parsePipelines(_ reader: MappingReader, into diagnostics: inout DiagnosticCollector) -> [StagePipeline] {
        guard let map = reader.mapping("pipelines", into: &diagnostics) else { return [] }
        func jobs(_ item: MappingReader, _ key: String) -> [BuyingJob] {
            item.strings(key, into: &diagnostics).compactMap { text, line in
                guard let job = BuyingJob(rawValue: text) else {
                    diagnostics.error(item.field(key), line: line,
                                      "'\(text)' is not a buying job" + Suggestion.hint(for: text, in: BuyingJob.allCases.map(\.rawValue)))
                    return nil
                }
                return job
            }
        }
        var pipelines: [StagePipeline] = []
        for entry in map.entries {
            guard let pipeline = map.mapping(entry.key, into: &diagnostics) else { continue }
            pipeline.rejectUnknownKeys(allowed: ["stages", "keepOpen"], into: &diagnostics)
            var stages: [StagePipeline.Stage] = []
            for item in pipeline.mappings("stages", into: &diagnostics) {
                item.rejectUnknownKeys(allowed: ["stage", "starts", "progresses", "completes", "closed"], into: &diagnostics)
                guard let name = item.string("stage", required: true, into: &diagnostics) else { continue }
                if stages.contains(where: { StagePipeline.fold($0.stage) == StagePipeline.fold(name) }) {
                    diagnostics.error(item.field("stage"), line: item.line(of: "stage"), "stage '\(name)' is listed twice in \(entry.key)")
                }
                var closed: StagePipeline.Stage.Closing?
                if let text = item.string("closed", into: &diagnostics) {
                    closed = StagePipeline.Stage.Closing(rawValue: text)
                    if closed == nil { diagnostics.error(item.field("closed"), line: item.line(of: "closed"), "expected won or lost, found '\(text)'") }
                }
                stages.append(StagePipeline.Stage(stage: name, starts: jobs(item, "starts"), progresses: jobs(item, "progresses"),
                                                  completes: jobs(item, "completes"), closed: closed))
            }
            if stages.isEmpty { diagnostics.error(map.field(entry.key), line: entry.line, "a pipeline needs its stages, in order") }
            pipelines.append(StagePipeline(name: entry.key, stages: stages, keepOpen: jobs(pipeline, "keepOpen")))
        }
        return pipelines
    }

    /// `claims:`: deal fields that hold a contact's view, each checked against the taxonomy.
    static func parseClaimFields(_ reader: MappingReader, taxonomy: Taxonomy, into diagnostics: inout DiagnosticCollector) -> [CRMMapping.ClaimField] {
        var fields: [CRMMapping.ClaimField] = []
        for item in reader.mappings("claims", into: &diagnostics) {
            item.rejectUnknownKeys(allowed: ["object", "field", "topic", "holder"], into: &diagnostics)
            if let object = item.string("object", into: &diagnostics), !["opportunity", "deal"].contains(object.lowercased()) {
                diagnostics.error(item.field("object"), line: item.line(of: "object"),
                                  "claims are read from the deal's own fields: expected Opportunity (Salesforce) or Deal (HubSpot), found '\(object)'")
            }
            let field = item.string("field", required: true, into: &diagnostics)
            let topicID = item.string("topic", required: true, into: &diagnostics)
            if let topicID, taxonomy.topic(topicID) == nil {
                diagnostics.error(item.field("topic"), line: item.line(of: "topic"),
                                  "'\(topicID)' is not a topic of the taxonomy" + Suggestion.hint(for: topicID, in: taxonomy.topics.map(\.id)))
            }
            var contactRole: String?
            if let holder = item.mapping("holder", into: &diagnostics) {
                holder.rejectUnknownKeys(allowed: ["contactRole"], into: &diagnostics)
                contactRole = holder.string("contactRole", required: true, into: &diagnostics)
            } else {
                diagnostics.error(item.field("holder"), line: item.line, "required field is missing: whose view the field holds, e.g. holder: {contactRole: Economic Buyer}")
            }
            if let field, let topic = topicID.flatMap(taxonomy.topic), let contactRole {
                fields.append(CRMMapping.ClaimField(field: field, topic: topic, contactRole: contactRole))
            }
        }
        return fields
    }
}

import Foundation
import Yams

extension GroupParser {
    /// Checks one claim given as fields (from the command line) with exactly the rules of a group file.
    ///
    /// - Parameter fields: `stakeholder`, `topic`, `position` or `value`, `source`, `date`.
    public static func claim(_ fields: [String: String], in group: BuyingGroup, taxonomy: Taxonomy, latest: Day? = nil,
                             file: String = "<command line>") throws -> Claim {
        try parseFields(fields, file: file) { reader, diagnostics in
            parseClaim(reader, stakeholders: Set(group.stakeholders.map(\.id)), taxonomy: taxonomy, latest: latest, into: &diagnostics)
        }
    }

    /// Checks one job event given as fields: `job`, `type`, `date`, `note`.
    public static func event(_ fields: [String: String], latest: Day? = nil, file: String = "<command line>") throws -> JobEvent {
        try parseFields(fields, file: file) { reader, diagnostics in parseEvent(reader, latest: latest, into: &diagnostics) }
    }

    /// Checks one touch given as fields: `asset`, `to` (comma separated), `date`, `channel`, `consumed`.
    public static func touch(_ fields: [String: String], in group: BuyingGroup, knownAssets: Set<String>?, latest: Day? = nil,
                             file: String = "<command line>") throws -> Touch {
        var nodes = fields.mapValues { Node($0) }
        if let to = fields["to"] {
            nodes["to"] = Node(to.split(separator: ",").map { Node(String($0).trimmingCharacters(in: .whitespaces)) })
        }
        return try parse(nodes, file: file) { reader, diagnostics in
            parseTouch(reader, stakeholders: Set(group.stakeholders.map(\.id)), knownAssets: knownAssets, latest: latest, into: &diagnostics)
        }
    }

    /// Checks one new stakeholder given as fields: `id`, `name`, `role`, `influence`, `title`.
    public static func stakeholder(_ fields: [String: String], in group: BuyingGroup, taxonomy: Taxonomy,
                                   file: String = "<command line>") throws -> Stakeholder {
        let stakeholder = try parseFields(fields, file: file) { reader, diagnostics in
            parseStakeholder(reader, taxonomy: taxonomy, into: &diagnostics)
        }
        if group.stakeholder(stakeholder.id) != nil {
            throw ValidationFailure([Diagnostic(.error, file: file, line: nil, field: "id",
                                                message: "stakeholder '\(stakeholder.id)' is already in \(group.id)")])
        }
        return stakeholder
    }

    private static func parseFields<T>(_ fields: [String: String], file: String,
                                       _ body: (MappingReader, inout DiagnosticCollector) -> T?) throws -> T {
        try parse(fields.mapValues { Node($0) }, file: file, body)
    }

    private static func parse<T>(_ fields: [String: Node], file: String,
                                 _ body: (MappingReader, inout DiagnosticCollector) -> T?) throws -> T {
        var diagnostics = DiagnosticCollector(file: file)
        let pairs = fields.sorted { $0.key < $1.key }.map { (Node($0.key), $0.value) }
        guard let reader = MappingReader(Node(pairs), path: "", lineOffset: 0, fixedLine: 0, into: &diagnostics) else {
            throw ValidationFailure(diagnostics.diagnostics)
        }
        let value = body(reader, &diagnostics)
        try diagnostics.throwIfErrors()
        guard let value else { throw ValidationFailure(diagnostics.diagnostics) }
        return value
    }
}

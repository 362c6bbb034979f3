import Foundation

/// Tags to add to and remove from an asset's `jobs`, `roles` and `topics`, as `catalog tag` asks.
///
/// Applying an edit changes only the front-matter lines it must (see ``FrontMatterEditor``) and
/// validates the result against the taxonomy before anyone writes it.
public struct TagEdit: Sendable, Hashable {
    public var addJobs: [String] = []
    public var removeJobs: [String] = []
    public var addRoles: [String] = []
    public var removeRoles: [String] = []
    public var addTopics: [String] = []
    public var removeTopics: [String] = []

    public init(addJobs: [String] = [], removeJobs: [String] = [], addRoles: [String] = [], removeRoles: [String] = [],
                addTopics: [String] = [], removeTopics: [String] = []) {
        self.addJobs = addJobs
        self.removeJobs = removeJobs
        self.addRoles = addRoles
        self.removeRoles = removeRoles
        self.addTopics = addTopics
        self.removeTopics = removeTopics
    }

    public var isEmpty: Bool { (addJobs + removeJobs + addRoles + removeRoles + addTopics + removeTopics).isEmpty }

    /// The edited file text and the asset it describes.
    ///
    /// - Throws: ``ValidationFailure`` naming the file and line when the text has no front matter
    ///   or the edited asset breaks a rule (an unknown role, no job left, …).
    public func apply(to text: String, id: String, file: String, taxonomy: Taxonomy, asOf: Day) throws -> (text: String, asset: Asset) {
        try refuseOrphans(in: text, id: id, file: file, taxonomy: taxonomy, asOf: asOf)
        var edited = text
        do {
            edited = try FrontMatterEditor.edit(edited, field: "jobs", add: addJobs, remove: removeJobs)
            edited = try FrontMatterEditor.edit(edited, field: "roles", add: addRoles, remove: removeRoles)
            edited = try FrontMatterEditor.edit(edited, field: "topics", add: addTopics, remove: removeTopics)
        } catch let failure as FrontMatterEditor.Failure {
            throw ValidationFailure([Diagnostic(.error, file: file, line: 1, field: nil, message: failure.description)])
        }
        let result = AssetParser.parse(edited, id: id, file: file, taxonomy: taxonomy, asOf: asOf)
        guard let asset = result.asset else { throw ValidationFailure(result.diagnostics) }
        return (edited, asset)
    }

    /// Edits that would leave the asset saying something it no longer means are refused at the
    /// line that says it: a topic its `resolves` still names (the asset would drop out of that
    /// topic's list without a word), or its last job.
    private func refuseOrphans(in text: String, id: String, file: String, taxonomy: Taxonomy, asOf: Day) throws {
        guard let current = AssetParser.parse(text, id: id, file: file, taxonomy: taxonomy, asOf: asOf).asset else { return }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func line(of field: String) -> Int? {
            lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix(field + ":") }.map { $0 + 1 }
        }
        var problems: [Diagnostic] = []
        for topic in removeTopics where current.resolves.contains(where: { $0.topic == topic }) {
            problems.append(Diagnostic(.error, file: file, line: line(of: "resolves"), field: "topics",
                                       message: "'\(topic)' is still named by resolves; remove it from resolves first, or keep the topic"))
        }
        let jobsLeft = current.jobs.map(\.rawValue).filter { !removeJobs.contains($0) } + addJobs
        if jobsLeft.isEmpty, !removeJobs.isEmpty {
            problems.append(Diagnostic(.error, file: file, line: line(of: "jobs"), field: "jobs",
                                       message: "removing \(removeJobs.joined(separator: ", ")) would leave no job; an asset needs at least one (its first is its primary job)"))
        }
        if !problems.isEmpty { throw ValidationFailure(problems) }
    }
}

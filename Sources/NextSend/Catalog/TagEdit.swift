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
    public var addIndustries: [String] = []
    public var removeIndustries: [String] = []
    /// Topics whose conflicts the asset settles (`resolves`); an added one is listed under topics too.
    public var addResolves: [String] = []
    public var removeResolves: [String] = []
    /// A removed topic goes from `resolves` too, instead of being refused.
    public var withResolves = false
    /// Set `shareable:` (whether a rep may forward the asset as is).
    public var shareable: Bool?

    public init(addJobs: [String] = [], removeJobs: [String] = [], addRoles: [String] = [], removeRoles: [String] = [],
                addTopics: [String] = [], removeTopics: [String] = [], addIndustries: [String] = [], removeIndustries: [String] = [],
                addResolves: [String] = [], removeResolves: [String] = [], withResolves: Bool = false, shareable: Bool? = nil) {
        self.addJobs = addJobs
        self.removeJobs = removeJobs
        self.addRoles = addRoles
        self.removeRoles = removeRoles
        self.addTopics = addTopics
        self.removeTopics = removeTopics
        self.addIndustries = addIndustries
        self.removeIndustries = removeIndustries
        self.addResolves = addResolves
        self.removeResolves = removeResolves
        self.withResolves = withResolves
        self.shareable = shareable
    }

    public var isEmpty: Bool {
        (addJobs + removeJobs + addRoles + removeRoles + addTopics + removeTopics + addIndustries + removeIndustries + addResolves
            + removeResolves).isEmpty && shareable == nil
    }

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
            // A topic the asset now settles is one it is about.
            edited = try FrontMatterEditor.edit(edited, field: "topics", add: addTopics + addResolves, remove: removeTopics)
            edited = try FrontMatterEditor.edit(edited, field: "industries", add: addIndustries, remove: removeIndustries)
            let dropped = removeResolves + (withResolves ? removeTopics : [])
            if !addResolves.isEmpty || !dropped.isEmpty {
                edited = try FrontMatterEditor.editResolves(edited, add: addResolves, remove: dropped)
            }
            if let shareable { edited = try FrontMatterEditor.set(edited, field: "shareable", to: shareable ? "true" : "false") }
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
        for topic in removeTopics where current.resolves.contains(where: { $0.topic == topic }) && !withResolves && !removeResolves.contains(topic) {
            problems.append(Diagnostic(.error, file: file, line: line(of: "resolves"), field: "topics",
                                       message: "'\(topic)' is still named by resolves; pass --with-resolves to remove it from both, or keep the topic"))
        }
        let jobsLeft = current.jobs.map(\.rawValue).filter { !removeJobs.contains($0) } + addJobs
        if jobsLeft.isEmpty, !removeJobs.isEmpty {
            problems.append(Diagnostic(.error, file: file, line: line(of: "jobs"), field: "jobs",
                                       message: "removing \(removeJobs.joined(separator: ", ")) would leave no job; an asset needs at least one (its first is its primary job)"))
        }
        if !problems.isEmpty { throw ValidationFailure(problems) }
    }
}

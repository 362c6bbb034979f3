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
}

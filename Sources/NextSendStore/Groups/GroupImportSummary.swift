/// How many facts an import added, changed and removed from its source, and kept from others.
public struct FactCounts: Sendable, Hashable, Codable {
    public var added = 0
    /// Same key (a claim's stakeholder, topic and date; an event's job, type and date; a send's
    /// asset, date and recipient; a stakeholder's id), other values.
    public var changed = 0
    /// Brought by this source before, gone from it now.
    public var removed = 0
    /// Facts from elsewhere (recorded by reps, other sources) left as they were.
    public var kept = 0

    public init() {}

    static func + (lhs: FactCounts, rhs: FactCounts) -> FactCounts {
        var sum = lhs
        sum.added += rhs.added
        sum.changed += rhs.changed
        sum.removed += rhs.removed
        sum.kept += rhs.kept
        return sum
    }
}

/// What `group import` changed, or with `--dry-run` would change.
public struct GroupImportSummary: Sendable, Hashable, Codable {
    /// One group's part of the import.
    public struct GroupChange: Sendable, Hashable, Codable {
        public var group: String
        public var isNew: Bool
        public var facts: FactCounts
        /// With `--replace`: recorded facts (and other sources') that were removed.
        public var otherRemoved: Int
        /// The group's own details changed: owner, account, industry or deal.
        public var detailsChanged = false

        public var changedAnything: Bool { isNew || detailsChanged || facts.added + facts.changed + facts.removed + otherRemoved > 0 }
    }

    /// Groups the store did not have.
    public var added: [String] = []
    /// Groups the import closed (their deal ended at the source).
    public var closed: [String] = []
    /// Groups that existed and where something changed.
    public var updated: [String] = []
    /// Groups that existed and where nothing changed.
    public var unchanged: [String] = []
    public var facts = FactCounts()
    /// With `--replace`: how many facts from other sources (recorded history) were removed.
    public var otherRemoved = 0
    public var groups: [GroupChange] = []
    public var replace = false
    public var dryRun = false

    public init() {}

    /// Groups where recorded facts (or another source's) were kept: a re-import left them alone.
    public var groupsKeepingOthers: [String] { groups.filter { $0.facts.kept > 0 }.map(\.group) }
    /// Groups where this import removed something.
    public var groupsWithRemovals: [String] { groups.filter { $0.facts.removed + $0.otherRemoved > 0 }.map(\.group) }
}

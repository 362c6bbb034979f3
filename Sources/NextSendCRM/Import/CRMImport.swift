import NextSend
import NextSendStore

/// Buying groups read from a CRM export, ready for ``Store/importGroups(_:origins:replace:dryRun:)``.
public struct CRMImport: Sendable {
    public var groups: [BuyingGroup] = []
    /// Each group's source: its CRM record (`salesforce:<Opportunity Id>`, `hubspot:<Record ID>`).
    public var origins: [String: String] = [:]
    /// Groups whose deal has closed, and how.
    public var closed: [String: (status: GroupStatus, day: Day)] = [:]
    /// Groups whose deal the export marks deleted (`IsDeleted`), with their source: what an earlier
    /// import brought for them is taken out.
    public var deleted: [String: String] = [:]
    /// Every deal the export names, open, closed or deleted: with `--full`, a stored group of this
    /// CRM that is none of them is gone from the CRM.
    public var named: Set<String> = []
    /// Text kept with the activities of the groups read (descriptions, e-mail bodies, meeting
    /// notes), to read claims from.
    public var notes: [SourcedNote] = []
    public var report = CRMImportReport()

    /// Takes the groups read, each with its source, and counts them into the report with what
    /// reading the rows (`rows`) and the files (`files`) skipped.
    mutating func finish(_ groups: [BuyingGroup], origin: (BuyingGroup) -> String, rows: CRMImportReport, files: CRMImportReport) {
        self.groups = groups
        for group in groups { origins[group.id] = origin(group) }
        report = rows
        report.groups = groups.count
        report.people = groups.reduce(0) { $0 + $1.stakeholders.count }
        report.events = groups.reduce(0) { $0 + $1.events.count }
        report.touches = groups.reduce(0) { $0 + $1.touches.count }
        report.closed = closed.count
        report.absorb(files)
    }
}

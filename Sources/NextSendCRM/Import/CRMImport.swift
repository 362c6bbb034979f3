import NextSend
import NextSendStore

/// Buying groups read from a CRM export, ready for ``Store/importGroups(_:origins:replace:dryRun:)``.
public struct CRMImport: Sendable {
    public var groups: [BuyingGroup] = []
    /// Each group's source: its CRM record (`salesforce:<Opportunity Id>`, `hubspot:<Record ID>`).
    public var origins: [String: String] = [:]
    /// Groups whose deal has closed, and how.
    public var closed: [String: (status: GroupStatus, day: Day)] = [:]
    public var report = CRMImportReport()
}

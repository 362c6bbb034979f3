import Foundation
import NextSend
/// How a CRM's export becomes buying groups: the decisions a team makes once, in `content/crm.yaml`.
///
/// CRMs and taxonomies do not share words: Salesforce says "Economic Buyer" where NextSend says
/// `decision-maker`, a title says "VP Finance" where the taxonomy says `finance`, a stage says
/// "Needs Analysis" where a buying job says requirements building. The mapping is where the team
/// writes those translations down; ``CRMMappingParser`` checks every one against the taxonomy.
public struct CRMMapping: Sendable, Hashable, Codable {
    /// Title or department words → a taxonomy role. Rules are tried in order; the first whose
    /// title or department word appears (case-insensitively) in the contact's wins.
    public struct RoleRule: Sendable, Hashable, Codable {
        public var role: String
        public var titleWords: [String]
        public var departmentWords: [String]

        /// Whole words only: `it` matches "Director, IT Infrastructure", not "Nursing Unit".
        public func matches(title: String?, department: String?) -> Bool {
            matches(words: RoleRule.words(title ?? ""), departmentWords: RoleRule.words(department ?? ""))
        }

        /// With the title and department already in ``words(_:)`` form (done once per contact).
        func matches(words title: String, departmentWords department: String) -> Bool {
            titleWords.contains { RoleRule.contains(title, $0) } || departmentWords.contains { RoleRule.contains(department, $0) }
        }

        /// " director it infrastructure ": lowercased, every run of other characters one space, padded.
        static func words(_ text: String) -> String {
            " " + text.lowercased().split { !($0.isLetter || $0.isNumber) }.joined(separator: " ") + " "
        }

        static func contains(_ words: String, _ phrase: String) -> Bool {
            let phrase = RoleRule.words(phrase)
            return phrase != "  " && words.contains(phrase)
        }
    }

    /// What entering a CRM stage says about a buying job.
    public struct StageEvent: Sendable, Hashable, Codable {
        public var job: BuyingJob
        public var type: JobEvent.Kind

        public init(job: BuyingJob, type: JobEvent.Kind) {
            self.job = job
            self.type = type
        }
    }

    /// Which activities are touches, and when one counts as consumed.
    public struct Touches: Sendable, Hashable, Codable {
        /// Activity statuses (Salesforce `Status`) that mean the content was taken in.
        public var consumedStatuses: [String]
        /// Activity types (Salesforce `TaskSubtype`/`Type`, HubSpot engagement type) that mean so.
        public var consumedTypes: [String]
    }

    /// CRM contact role or association label → influence id of the taxonomy.
    public var influence: [String: String]
    /// For a contact without a role, or with one the mapping does not name.
    public var defaultInfluence: String
    public var roles: [RoleRule]
    /// For a contact no rule matches; `nil` skips them with a warning naming them.
    public var defaultRole: String?
    /// Stage name → events, in order: the mapping's older form, read when it has no `pipelines`.
    public var stages: [String: [StageEvent]]
    /// The pipelines, each an ordered path of stages (Salesforce's is named `default`; HubSpot's by
    /// the deal's Pipeline column).
    public var pipelines: [StagePipeline] = []
    /// CRM industry → taxonomy industry.
    public var industries: [String: String]
    public var touches: Touches
    /// An IANA time zone ("America/Chicago") the CRM's timestamps are read in; UTC when absent.
    public var timeZone: String?
    /// HubSpot column labels, by what NextSend reads from them (labels change with a portal's
    /// language and renamed properties).
    public var hubspotColumns: [String: String]
    /// HubSpot exports name a deal's owner, not their e-mail: owner name → e-mail.
    public var owners: [String: String]
    /// A Unicode date pattern (`MM/dd/yyyy`) for exports written in a locale's format, read with
    /// the `en_US_POSIX` locale; ISO dates and timestamps are always read.
    public var dateFormat: String?
    /// The currency of deal amounts when the export has no currency column (USD when absent).
    public var currency: String?
    /// The taxonomy's influence weights, so a contact with several roles ("Champion;Decision
    /// Maker") takes the strongest.
    public var influenceWeights: [String: Double] = [:]
    /// Deal fields that hold a claim directly (`claims:`).
    public var claimFields: [ClaimField] = []

    /// A deal field that holds what one of its contacts believes: `{object: Opportunity, field:
    /// Budget__c, topic: tco, holder: {contactRole: Economic Buyer}}`.
    public struct ClaimField: Sendable, Hashable, Codable {
        /// The column of the opportunity or deal export.
        public var field: String
        /// The topic as the taxonomy defines it (its unit, positions and phrases read the value).
        public var topic: Topic
        /// The contact whose view it is: the one with this contact role (Salesforce) or buying
        /// role (HubSpot), compared in any case.
        public var contactRole: String

        public init(field: String, topic: Topic, contactRole: String) {
            self.field = field
            self.topic = topic
            self.contactRole = contactRole
        }
    }

    /// The claim a deal's field holds, read for a topic: a figure as people type it ("$150k",
    /// "1.2M", "6 months" on a topic in weeks) or a position (its id in any case, or one of the
    /// topic's `says:` phrases: a picklist value "On-premises" is on-prem-required). `nil` when the
    /// value is empty or cannot be read for the topic.
    public static func claimValue(_ text: String, topic: Topic) -> Claim.Value? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        switch topic.kind {
        case let .number(unit, _):
            guard let figure = TypedFigure(trimmed) else { return nil }
            var value = figure.value
            if let given = figure.unit, given.lowercased() != (unit ?? "").lowercased() {
                guard let unit, let converted = FigureUnit.convert(value, from: given, to: unit) else { return nil }
                value = converted
            }
            guard NumberText.isAcceptable(value), FigureUnit.problem(value, unit: unit) == nil else { return nil }
            return .number(value)
        case .choice:
            let key = NoteText.phraseKey(trimmed)
            if let position = topic.positions.first(where: { NoteText.phraseKey($0) == key }) { return .position(position) }
            for (position, phrases) in topic.says.sorted(by: { $0.key < $1.key }) where phrases.contains(where: { NoteText.phraseKey($0) == key }) {
                return .position(position)
            }
            return nil
        }
    }

    /// The pipeline of a deal: the one named `name` (any case); for a deal that names none, the
    /// only one, else `default`. A deal in a pipeline the mapping does not list has none: its
    /// stages say nothing about the buying jobs (the import says so).
    public func pipeline(named name: String?) -> StagePipeline? {
        if let name, !name.isEmpty {
            return pipelines.first { StagePipeline.fold($0.name) == StagePipeline.fold(name) } ?? (pipelines.count == 1 ? pipelines[0] : nil)
        }
        if pipelines.count == 1 { return pipelines[0] }
        return pipelines.first { StagePipeline.fold($0.name) == "default" }
    }

    /// The taxonomy role for a contact, or `nil` when no rule matches and there is no default.
    public func role(title: String?, department: String?) -> String? {
        let (title, department) = (RoleRule.words(title ?? ""), RoleRule.words(department ?? ""))
        return roles.first { $0.matches(words: title, departmentWords: department) }?.role ?? defaultRole
    }

    /// The influence for a contact's role or label (case-insensitive), else the default. A
    /// multi-value field ("Champion;Decision Maker") takes the strongest of the roles it names.
    public func influence(for label: String?) -> String {
        let labels = (label ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let found = labels.compactMap { label in influence.first { $0.key.caseInsensitiveCompare(label) == .orderedSame }?.value }
        return found.max(by: weaker) ?? defaultInfluence
    }

    /// The stronger of two influences by the taxonomy's weights (ties to the one first by name).
    public func stronger(_ a: String, _ b: String) -> String { [a, b].max(by: weaker)! }

    private func weaker(_ a: String, _ b: String) -> Bool { (influenceWeights[a] ?? 0, b) < (influenceWeights[b] ?? 0, a) }

    /// Whether an activity's status or type is one the mapping says means consumed (any case).
    public func meansConsumed(status: String?, types: [String]) -> Bool {
        func among(_ value: String, _ list: [String]) -> Bool { list.contains { $0.caseInsensitiveCompare(value) == .orderedSame } }
        return status.map { among($0, touches.consumedStatuses) } == true || types.contains { among($0, touches.consumedTypes) }
    }

    /// The HubSpot column NextSend reads for `field`, the mapping's or English default.
    public func hubspotColumn(_ field: String) -> String { hubspotColumns[field] ?? CRMMapping.hubspotDefaults[field] ?? field }

    /// HubSpot's English column labels.
    public static let hubspotDefaults: [String: String] = [
        "dealId": "Record ID", "dealName": "Deal Name", "dealStage": "Deal Stage", "pipeline": "Pipeline", "dealOwner": "Deal owner",
        "dealContacts": "Associated Contact IDs", "dealCompanies": "Associated Company IDs", "closeDate": "Close Date",
        "contactId": "Record ID", "firstName": "First Name", "lastName": "Last Name", "jobTitle": "Job Title", "email": "Email",
        "department": "Department", "buyingRole": "Buying Role", "companyId": "Record ID", "companyName": "Company name",
        "industry": "Industry", "activityId": "Record ID", "activityDate": "Activity date", "subject": "Subject", "body": "Body",
        "activityContacts": "Associated Contact IDs", "activityDeals": "Associated Deal IDs", "activityCompanies": "Associated Company IDs",
        "status": "Status", "amount": "Amount", "currency": "Currency",
    ]
}

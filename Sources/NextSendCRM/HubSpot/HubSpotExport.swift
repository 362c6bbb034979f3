import Foundation
import NextSend
import NextSendStore

/// A folder of HubSpot CRM exports read into buying groups.
///
/// HubSpot names its export files after the object and the day ("hubspot-crm-exports-all-deals-
/// 2026-11-29.csv"), so files are found by what their name holds: `deal`, `contact`, `compan`
/// (required), `email` and `meeting` (optional). Headers are property labels, which change with a
/// portal's language and renamed properties: the mapping's `hubspot:` names them (English
/// defaults in ``CRMMapping/hubspotDefaults``).
///
/// An open deal becomes a group `hs-<Record ID>`; its associated contacts its people (influence
/// from their Buying Role), its `Date entered "<stage> (<pipeline>)"` columns its buying-job
/// events, and each e-mail or meeting that carries an asset's url or id a touch of that asset.
public struct HubSpotExport {
    public var directory: String
    public var mapping: CRMMapping
    public var assets: [Asset]
    public var today: Day
    public var includeClosed = false

    public init(directory: String, mapping: CRMMapping, assets: [Asset], today: Day, includeClosed: Bool = false) {
        self.directory = directory
        self.mapping = mapping
        self.assets = assets
        self.today = today
        self.includeClosed = includeClosed
    }

    private func file(_ word: String) throws -> String? {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter {
            $0.lowercased().hasSuffix(".csv") && $0.lowercased().contains(word)
        }.sorted()
        return names.first.map { (directory as NSString).appendingPathComponent($0) }
    }

    private func column(_ field: String) -> String { mapping.hubspotColumn(field) }

    /// HubSpot's own headers of the e-mails, meetings, calls and notes exports, after the mapping's.
    static let subjectColumns = ["Subject", "Email subject", "Meeting name", "Call title"]
    static let bodyColumns = ["Body", "Email body", "Email text", "Meeting description", "Call notes", "Note body"]
    /// Whether an e-mail came in or went out ("INCOMING_EMAIL", "EMAIL", "FORWARDED_EMAIL").
    static let directionColumns = ["Email direction", "Direction"]
    /// The activity's own day first; its created date when that is missing or unreadable.
    static let dateColumns = ["Activity date", "Email send date", "Meeting start time", "Call date", "Create date", "Created at"]

    /// "1201; 1202,1203" → ["1201", "1202", "1203"].
    private func ids(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: { $0 == ";" || $0 == "," }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    public func read() throws -> CRMImport {
        var result = CRMImport()
        var report = CRMImportReport()
        var files = CRMImportReport()
        guard let dealsFile = try file("deal"), let contactsFile = try file("contact"), let companiesFile = try file("compan") else {
            throw CSVError(path: directory, line: nil, "a HubSpot export folder needs the deals, contacts and companies exports (file names holding 'deal', 'contact', 'compan')")
        }
        let days = CRMDays(timeZone: mapping.timeZone, dateFormat: mapping.dateFormat)

        var companies: [String: (name: String, industry: String?)] = [:]
        files.absorb(try CSVRecords.read(companiesFile, key: column("companyId"), required: [column("companyId"), column("companyName")]) { record in
            if let id = record[column("companyId")], let name = record[column("companyName")] { companies[id] = (name, record[column("industry")]) }
        })
        var contacts: [String: CSVRecord] = [:]
        files.absorb(try CSVRecords.read(contactsFile, key: column("contactId"), required: [column("contactId"), column("lastName")]) { record in
            if let id = record[column("contactId")] { contacts[id] = record }
        })

        // HubSpot's users (owners) export, when present, gives each owner's e-mail by name.
        var ownerEmails: [String: String] = [:]
        if let usersFile = try file("owner") ?? file("user") {
            files.absorb(try CSVRecords.read(usersFile, required: ["Email"]) { record in
                let name = record["Name"] ?? [record["First Name"], record["Last Name"]].compactMap { $0 }.joined(separator: " ")
                if let email = record["Email"], email.contains("@"), !name.isEmpty { ownerEmails[name.lowercased()] = email.lowercased() }
            })
        }
        var groups: [String: BuyingGroup] = [:]
        var order: [String] = []
        var unmappedOwners = Set<String>()
        var unmappedPipelines = Set<String>()
        var companyOfGroup: [String: [String]] = [:]
        files.absorb(try CSVRecords.read(dealsFile, key: column("dealId"), required: [column("dealId"), column("dealName"), column("dealStage"), column("dealOwner"),
                                                               column("dealContacts")]) { record in
            guard let id = record[column("dealId")] else {
                report.skip(record.file, line: record.line, "a deal without \(column("dealId"))", kind: "deals without an id")
                return
            }
            let groupID = "hs-" + id.lowercased()
            result.named.insert(groupID)
            let stage = record[column("dealStage")] ?? ""
            let pipeline = mapping.pipeline(named: record[column("pipeline")])
            if pipeline == nil, !mapping.pipelines.isEmpty, let name = record[column("pipeline")], unmappedPipelines.insert(name).inserted {
                report.note("pipeline '\(name)' is not in the mapping: its deals are imported without buying-job events from their stages (first at \(record.file):\(record.line))")
            }
            // A custom pipeline's "Won" closes as its mapping says; without pipelines, "Closed …" stages do.
            let closing: StagePipeline.Stage.Closing? = pipeline.map { $0.closing(of: stage) }
                ?? (stage.lowercased().hasPrefix("closed") ? (stage.lowercased().contains("won") ? .won : .lost) : nil)
            if let closing {
                let day = record[column("closeDate")].flatMap { days.day($0) } ?? today
                result.closed[groupID] = (closing == .won ? .won : .lost, min(day, today))
                if !includeClosed { return }
            }
            if let pipeline, pipeline.position(of: stage) == nil {
                report.skip(record.file, line: record.line, "deal \(id): stage '\(stage)' is not in the mapping's pipeline '\(pipeline.name)'", kind: "stages the mapping's pipeline does not list")
            }
            let ownerText = record[column("dealOwner")] ?? ""
            // Never drop a deal for its owner: without an e-mail for them, the owner's name is the rep.
            let owner: String
            if ownerText.contains("@") {
                owner = ownerText.lowercased()
            } else if let mapped = mapping.owners.first(where: { $0.key.caseInsensitiveCompare(ownerText) == .orderedSame })?.value {
                owner = mapped
            } else if let exported = ownerEmails[ownerText.lowercased()] {
                owner = exported
            } else {
                owner = ownerText.isEmpty ? "unassigned" : ownerText
                if unmappedOwners.insert(owner).inserted {
                    report.note("deal owner '\(owner)' has no e-mail: their deals are kept with '\(owner)' as the rep; name them under owners: in the mapping (first at \(record.file):\(record.line))")
                }
            }
            let companyIDs = ids(record[column("dealCompanies")])
            guard let company = companyIDs.lazy.compactMap({ companies[$0] }).first else {
                report.skip(record.file, line: record.line, "deal \(id): none of its companies (\(companyIDs.joined(separator: ", "))) is in the companies export", kind: "deals whose companies are not in the companies export")
                return
            }
            var group = BuyingGroup(id: groupID, account: company.name, owner: owner, industry: company.industry.flatMap { mapping.industries[$0] },
                                    deal: CRMDeal.read(name: record[column("dealName")], stage: stage.isEmpty ? nil : stage,
                                                       amount: record[column("amount")], currency: record[column("currency")],
                                                       closeDate: record[column("closeDate")], mapping: mapping, days: days))
            for contactID in ids(record[column("dealContacts")]) {
                guard let contact = contacts[contactID] else {
                    report.skip(record.file, line: record.line, "deal \(id): contact \(contactID) is not in the contacts export", kind: "deal contacts not in the contacts export")
                    continue
                }
                let name = [contact[column("firstName")], contact[column("lastName")]].compactMap { $0 }.joined(separator: " ")
                guard let role = mapping.role(title: contact[column("jobTitle")], department: contact[column("department")]) else {
                    report.skip(contact.file, line: contact.line, "\(name) (\(contact[column("jobTitle")] ?? "no job title")): no role rule matches their title or department, and the mapping has no defaultRole", kind: "contacts no role rule matches")
                    continue
                }
                let personID = "c-" + contactID.lowercased()
                if group.stakeholders.contains(where: { $0.id == personID }) { continue }
                group.stakeholders.append(Stakeholder(id: personID, name: name, role: role, influence: mapping.influence(for: contact[column("buyingRole")]),
                                                      title: contact[column("jobTitle")], email: contact[column("email")].flatMap(EmailAddress.parse)))
            }
            // Claims the deal's own fields hold (the mapping's claims:), for its contacts by Buying Role.
            let labels = group.stakeholders.map { person -> (person: String, labels: [String]) in
                let role = contacts[String(person.id.dropFirst(2))]?[column("buyingRole")] ?? ""
                return (person.id, role.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            }
            group.claims += CRMClaimFields(mapping: mapping, days: days).claims(record, people: labels,
                                                                               dateColumns: ["Last Modified Date", "Last Activity Date", "Create Date"],
                                                                               report: &report)
            // `Date entered "Needs Analysis (Sales Pipeline)"`: one column per stage and pipeline.
            var entered: [(day: Day, stage: String)] = []
            for (header, value) in record.columns where header.lowercased().hasPrefix("date entered \"") {
                guard let day = days.day(value) else { continue }
                var stageName = String(header.dropFirst("Date entered \"".count))
                if stageName.hasSuffix("\"") { stageName.removeLast() }
                if let open = stageName.range(of: " (", options: .backwards), stageName.hasSuffix(")") { stageName = String(stageName[..<open.lowerBound]) }
                entered.append((day, stageName))
            }
            let path = entered.sorted(by: { ($0.day, $0.stage) < ($1.day, $1.stage) }).filter { $0.day <= today }
            if let pipeline {
                // Stages as a path: skipped stages' jobs are done, a move back reopens (StagePipeline).
                group.events += pipeline.events(for: path.map { ($0.stage, $0.day) }, source: "HubSpot")
            } else {
                for step in path {
                    for event in mapping.stages[step.stage] ?? [] {
                        group.events.append(JobEvent(job: event.job, type: event.type, date: step.day, note: "entered \(step.stage) in HubSpot"))
                    }
                }
            }
            if groups[groupID] == nil { order.append(groupID) }
            groups[groupID] = group
            companyOfGroup[groupID] = companyIDs
        })

        // Touches: e-mails and meetings that carry an asset's url or id.
        let finder = AssetMentions(assets)
        for (word, type) in [("email", "Email"), ("meeting", "Meeting"), ("call", "Call"), ("note", "Note")] {
            guard let path = try file(word) else { continue }
            // Each activity export has its own headers ("Meeting name", "Email body", "Call notes"):
            // the mapping's label first, then HubSpot's own for each kind.
            let subjects = [column("subject")] + HubSpotExport.subjectColumns
            let bodies = [column("body")] + HubSpotExport.bodyColumns
            let dates = [column("activityDate")] + HubSpotExport.dateColumns
            files.absorb(try CSVRecords.read(path, key: column("activityId"), required: [column("activityContacts")]) { record in
                let body = (bodies.lazy.compactMap { record[$0] }.first ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                let text = [subjects.lazy.compactMap { record[$0] }.first, body].compactMap { $0 }.joined(separator: "\n")
                let asset = finder.asset(in: text)
                guard asset != nil || !body.isEmpty else { return }
                guard let day = dates.lazy.compactMap({ record[$0].flatMap(days.day) }).first else {
                    if let asset {
                        report.skip(record.file, line: record.line, "an activity about \(asset) without a readable date (\(dates.joined(separator: ", ")))", kind: "activities without a date")
                    } else {
                        report.skip(record.file, line: record.line, "an activity's body without a readable date", kind: "activity notes without a date")
                    }
                    return
                }
                if day > today {
                    if asset != nil { report.plans += 1 }
                    return
                }
                let people = ids(record[column("activityContacts")]).map { "c-" + $0.lowercased() }
                let allDeals = ids(record[column("activityDeals")]).map { "hs-" + $0.lowercased() }
                let deals = allDeals.filter { groups[$0] != nil }
                if deals.isEmpty, !allDeals.isEmpty, allDeals.allSatisfy({ result.closed[$0] != nil }) {
                    if asset != nil { report.onClosedDeals += 1 }
                    return
                }
                let companyIDs = Set(ids(record[column("activityCompanies")]))
                // On a deal: that group. Else on a company: its open groups where the contact is a stakeholder.
                let targets = deals.isEmpty ? order.filter { !(companyOfGroup[$0] ?? []).filter(companyIDs.contains).isEmpty } : deals
                if !body.isEmpty, let activity = record[column("activityId")] {
                    // An incoming e-mail with one contact on it is that contact's; any other body is the rep's log.
                    let direction = HubSpotExport.directionColumns.lazy.compactMap { record[$0] }.first?.uppercased()
                    let incoming = direction.map { $0.contains("INCOMING") }
                    for groupID in targets {
                        let members = groups[groupID]!.stakeholders.map(\.id)
                        guard !deals.isEmpty || people.contains(where: members.contains) else { continue }
                        let onIt = people.filter(members.contains)
                        let document = word == "email"
                            ? NoteDocument(text: body, format: .email, from: incoming == true && onIt.count == 1 ? onIt[0] : nil, inbound: incoming ?? false)
                            : NoteDocument(text: body, format: .note)
                        result.notes.append(SourcedNote(group: groupID, origin: "note:hubspot:\(activity)", source: word, date: day, document: document))
                    }
                }
                guard let asset else { return }
                let consumed = mapping.meansConsumed(status: record[column("status")], types: [type])
                var placed = false
                for groupID in targets {
                    let members = Set(groups[groupID]!.stakeholders.map(\.id))
                    let recipients = people.filter(members.contains)
                    guard !recipients.isEmpty else { continue }
                    groups[groupID]!.touches.append(Touch(asset: asset, to: recipients, date: day, channel: type.lowercased(), consumed: consumed))
                    placed = true
                }
                if !placed {
                    report.skip(record.file, line: record.line, "an activity about \(asset) whose contacts are in no open group of its deal or company", kind: "activities whose contacts are in no open group")
                }
            })
        }

        result.finish(order.compactMap { groups[$0] }, origin: { "hubspot:" + $0.id.dropFirst(3) }, rows: report, files: files)
        return result
    }
}

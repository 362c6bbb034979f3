import Foundation
import NextSend
import NextSendStore

/// A Salesforce Data Loader or weekly Data Export folder read into buying groups.
///
/// Files (headers are field API names; extra columns and files are ignored, column order never
/// matters): `Opportunity.csv`, `Account.csv`, `Contact.csv`, `OpportunityContactRole.csv`,
/// `User.csv`, and when present `OpportunityHistory.csv`, `Task.csv`, `Event.csv`,
/// `TaskWhoRelation.csv`, `EventWhoRelation.csv`.
///
/// An open opportunity becomes a group `sf-<18-character id, lowercased>`; its contact roles its
/// people, its stage history its buying-job events (as the mapping says), and each task or event
/// whose subject or description carries an asset's url or id a touch of that asset.
public struct SalesforceExport {
    public var directory: String
    public var mapping: CRMMapping
    /// The catalog, to find assets named in activities.
    public var assets: [Asset]
    /// Activities after this day are plans, not facts.
    public var today: Day
    public var includeClosed = false

    public init(directory: String, mapping: CRMMapping, assets: [Asset], today: Day, includeClosed: Bool = false) {
        self.directory = directory
        self.mapping = mapping
        self.assets = assets
        self.today = today
        self.includeClosed = includeClosed
    }

    private func path(_ file: String) -> String { (directory as NSString).appendingPathComponent(file) }
    private func exists(_ file: String) -> Bool { FileManager.default.fileExists(atPath: path(file)) }

    /// Reads the folder.
    ///
    /// - Throws: ``CSVError`` for a file that cannot be read as its export (a missing required
    ///   column, broken quoting, a required file absent); never for one odd row, which is skipped
    ///   and reported.
    public func read() throws -> CRMImport {
        var result = CRMImport()
        var report = CRMImportReport()
        // What reading the files skipped (odd rows); `report` gets what the rows themselves say.
        var files = CRMImportReport()
        for file in ["Opportunity.csv", "Account.csv", "Contact.csv", "OpportunityContactRole.csv", "User.csv"] where !exists(file) {
            throw CSVError(path: path(file), line: nil, "not found; a Salesforce export folder needs Opportunity, Account, Contact, OpportunityContactRole and User")
        }
        let days = CRMDays(timeZone: mapping.timeZone, dateFormat: mapping.dateFormat)

        var userEmails: [String: String] = [:]
        files.absorb(try CSVRecords.read(path("User.csv"), key: "Id", required: ["Id", "Email"]) { record in
            if let id = record["Id"].map(SalesforceID.normalized), let email = record["Email"] { userEmails[id] = email.lowercased() }
        })
        var accounts: [String: (name: String, industry: String?)] = [:]
        files.absorb(try CSVRecords.read(path("Account.csv"), key: "Id", required: ["Id", "Name"]) { record in
            guard let id = record["Id"].map(SalesforceID.normalized), let name = record["Name"] else {
                report.skip(record.file, line: record.line, "an account without Id or Name", kind: "accounts without Id or Name")
                return
            }
            accounts[id] = (name, record["Industry"])
        })
        var contacts: [String: (record: CSVRecord, name: String)] = [:]
        files.absorb(try CSVRecords.read(path("Contact.csv"), key: "Id", required: ["Id", "LastName"]) { record in
            guard let id = record["Id"].map(SalesforceID.normalized), let last = record["LastName"] else {
                report.skip(record.file, line: record.line, "a contact without Id or LastName", kind: "contacts without Id or LastName")
                return
            }
            contacts[id] = (record, [record["FirstName"], last].compactMap { $0 }.joined(separator: " "))
        })

        // Opportunities: open ones (all with --include-closed) become groups.
        var groups: [String: BuyingGroup] = [:]
        var order: [String] = []
        var opportunityOfGroup: [String: String] = [:]
        var opportunityRecords: [String: CSVRecord] = [:]
        var unmappedOwners = Set<String>()
        files.absorb(try CSVRecords.read(path("Opportunity.csv"), key: "Id", required: ["Id", "Name", "AccountId", "OwnerId", "StageName", "IsClosed"],
                                         deleted: { record in
                                             if let id = record["Id"].map(SalesforceID.normalized) { result.deleted["sf-" + id.lowercased()] = "salesforce:" + id }
                                         }) { record in
            guard let id = record["Id"].map(SalesforceID.normalized) else {
                report.skip(record.file, line: record.line, "an opportunity without Id", kind: "opportunities without Id")
                return
            }
            let groupID = "sf-" + id.lowercased()
            result.named.insert(groupID)
            let isClosed = record["IsClosed"]?.lowercased() == "true"
            if isClosed {
                let won = record["IsWon"].map { $0.lowercased() == "true" } ?? (record["StageName"]?.lowercased().contains("won") ?? false)
                let day = record["CloseDate"].flatMap { days.day($0) } ?? today
                result.closed[groupID] = (won ? .won : .lost, min(day, today))
                // A deal that closed since the last import closes its group; it is only read again with --include-closed.
                if !includeClosed { return }
            }
            guard let accountID = record["AccountId"].map(SalesforceID.normalized), let account = accounts[accountID] else {
                report.skip(record.file, line: record.line, "opportunity \(id): its account \(record["AccountId"] ?? "(none)") is not in Account.csv", kind: "opportunities whose account is not in Account.csv")
                return
            }
            // Never drop a deal for its owner: one missing from User.csv is named by their user id.
            let ownerID = record["OwnerId"].map(SalesforceID.normalized) ?? "unassigned"
            let owner = userEmails[ownerID] ?? ownerID
            if userEmails[ownerID] == nil, unmappedOwners.insert(ownerID).inserted {
                report.note("owner \(ownerID) has no e-mail in User.csv: their opportunities are kept with '\(ownerID)' as the rep (first at \(record.file):\(record.line))")
            }
            let industry = account.industry.flatMap { mapping.industries[$0] }
            // One id may come as 15 and as 18 characters: one group, read once, in the order first seen.
            if groups[groupID] == nil { order.append(groupID) }
            groups[groupID] = BuyingGroup(id: groupID, account: account.name, owner: owner, industry: industry,
                                          deal: CRMDeal.read(name: record["Name"], stage: record["StageName"], amount: record["Amount"],
                                                             currency: record["CurrencyIsoCode"], closeDate: record["CloseDate"], mapping: mapping, days: days))
            opportunityOfGroup[groupID] = id
            opportunityRecords[groupID] = record
        })

        // People: the opportunity's contact roles (and each person's role labels, for claim fields).
        var roleLabels: [String: [String: [String]]] = [:]
        files.absorb(try CSVRecords.read(path("OpportunityContactRole.csv"), key: "Id", required: ["OpportunityId", "ContactId"]) { record in
            guard let opportunity = record["OpportunityId"].map(SalesforceID.normalized) else { return }
            let groupID = "sf-" + opportunity.lowercased()
            guard groups[groupID] != nil else { return }
            guard let contactID = record["ContactId"].map(SalesforceID.normalized), let contact = contacts[contactID] else {
                report.skip(record.file, line: record.line, "contact \(record["ContactId"] ?? "(none)") is not in Contact.csv", kind: "contact roles whose contact is not in Contact.csv")
                return
            }
            let personID = "c-" + contactID.lowercased()
            if let label = record["Role"] { roleLabels[groupID, default: [:]][personID, default: []].append(label) }
            if let index = groups[groupID]!.stakeholders.firstIndex(where: { $0.id == personID }) {
                // A second contact role for the same person: they keep the stronger influence.
                let current = groups[groupID]!.stakeholders[index].influence
                groups[groupID]!.stakeholders[index].influence = mapping.stronger(current, mapping.influence(for: record["Role"]))
                return
            }
            guard let role = mapping.role(title: contact.record["Title"], department: contact.record["Department"]) else {
                report.skip(record.file, line: record.line, "\(contact.name) (\(contact.record["Title"] ?? "no title")): no role rule matches their title or department, and the mapping has no defaultRole", kind: "contacts no role rule matches")
                return
            }
            let person = Stakeholder(id: personID, name: contact.name, role: role, influence: mapping.influence(for: record["Role"]),
                                     title: contact.record["Title"], email: contact.record["Email"].flatMap(EmailAddress.parse))
            groups[groupID]!.stakeholders.append(person)
        })

        // Claims the opportunity's own fields hold (the mapping's claims:), for its people by contact role.
        let claimFields = CRMClaimFields(mapping: mapping, days: days)
        for id in order {
            guard let record = opportunityRecords[id], let group = groups[id] else { continue }
            let labels = group.stakeholders.map { ($0.id, roleLabels[id]?[$0.id] ?? []) }
            groups[id]!.claims += claimFields.claims(record, people: labels, dateColumns: ["LastModifiedDate", "SystemModstamp", "CreatedDate"],
                                                     report: &report)
        }

        // Events: entering a stage, as the mapping says.
        if exists("OpportunityHistory.csv") {
            var history: [String: [(day: Day, stage: String, line: Int)]] = [:]
            files.absorb(try CSVRecords.read(path("OpportunityHistory.csv"), key: "Id", required: ["OpportunityId", "StageName", "CreatedDate"]) { record in
                guard let opportunity = record["OpportunityId"].map(SalesforceID.normalized), groups["sf-" + opportunity.lowercased()] != nil,
                      let stage = record["StageName"] else { return }
                guard let day = record["CreatedDate"].flatMap({ days.day($0) }) else {
                    report.skip(record.file, line: record.line, "CreatedDate '\(record["CreatedDate"] ?? "")' is not a date", kind: "stage changes without a date")
                    return
                }
                history["sf-" + opportunity.lowercased(), default: []].append((day, stage, record.line))
            })
            let pipeline = mapping.pipeline(named: "default")
            for (groupID, entries) in history {
                let ordered = entries.sorted(by: { ($0.day, $0.line) < ($1.day, $1.line) }).filter { $0.day <= today }
                if let pipeline {
                    // Stages as a path: skipped stages' jobs are done, a move back reopens (StagePipeline).
                    for entry in ordered where pipeline.position(of: entry.stage) == nil {
                        report.skip(path("OpportunityHistory.csv"), line: entry.line, "stage '\(entry.stage)' is not in the mapping's pipeline '\(pipeline.name)'", kind: "stages the mapping's pipeline does not list")
                    }
                    groups[groupID]!.events += pipeline.events(for: ordered.map { ($0.stage, $0.day) }, source: "Salesforce")
                    continue
                }
                var previous: String?
                for entry in ordered {
                    defer { previous = entry.stage }
                    guard entry.stage != previous, entry.day <= today else { continue }
                    guard let events = mapping.stages[entry.stage] else {
                        if !entry.stage.lowercased().hasPrefix("closed") {
                            report.skip(path("OpportunityHistory.csv"), line: entry.line, "stage '\(entry.stage)' is not in the mapping's stages", kind: "stages the mapping does not list")
                        }
                        continue
                    }
                    for event in events {
                        groups[groupID]!.events.append(JobEvent(job: event.job, type: event.type, date: entry.day, note: "entered \(entry.stage) in Salesforce"))
                    }
                }
            }
        }

        // Touches: tasks and events that carry an asset's url or id.
        let finder = AssetMentions(assets)
        var extraRecipients: [String: [String]] = [:]
        for (file, key) in [("TaskWhoRelation.csv", "TaskId"), ("EventWhoRelation.csv", "EventId")] where exists(file) {
            files.absorb(try CSVRecords.read(path(file), required: [key, "RelationId"]) { record in
                if let activity = record[key].map(SalesforceID.normalized), let who = record["RelationId"].map(SalesforceID.normalized) {
                    extraRecipients[activity, default: []].append(who)
                }
            })
        }
        var accountOfGroup: [String: String] = [:]
        for id in order { accountOfGroup[id] = groups[id]?.account }
        var accountNameByID: [String: String] = [:]
        for (id, account) in accounts { accountNameByID[id] = account.name }
        // E-mails kept as EmailMessage records: the body is read for claims, as its sender's when it
        // came in from a contact. The task Salesforce logs for the same e-mail is not read twice.
        let emails = try emailMessages(groups: groups, order: order, accountOfGroup: accountOfGroup, accounts: accounts, contacts: contacts,
                                       days: days, into: &result, report: &report, files: &files)
        for file in ["Task.csv", "Event.csv"] where exists(file) {
            files.absorb(try CSVRecords.read(path(file), key: "Id", required: ["Id", "WhoId", "WhatId", "Subject"]) { record in
                let text = [record["Subject"], record["Description"]].compactMap { $0 }.joined(separator: "\n")
                let asset = finder.asset(in: text)
                let activity = record["Id"].map(SalesforceID.normalized) ?? ""
                let description = emails.contains(activity) ? "" : (record["Description"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                guard asset != nil || !description.isEmpty else { return }
                guard let day = days.firstDay(record["ActivityDate"], record["ActivityDateTime"], record["CreatedDate"]) else {
                    if let asset {
                        report.skip(record.file, line: record.line, "an activity about \(asset) without a date", kind: "activities without a date")
                    } else {
                        report.skip(record.file, line: record.line, "an activity's description without a date", kind: "activity notes without a date")
                    }
                    return
                }
                if day > today {
                    if asset != nil { report.plans += 1 }
                    return
                }
                let people = ([record["WhoId"]].compactMap { $0 }.map(SalesforceID.normalized) + (extraRecipients[activity] ?? []))
                    .map { "c-" + $0.lowercased() }
                if let what = record["WhatId"].map(SalesforceID.normalized), result.closed["sf-" + what.lowercased()] != nil,
                   groups["sf-" + what.lowercased()] == nil {
                    if asset != nil { report.onClosedDeals += 1 }
                    return
                }
                guard let what = record["WhatId"].map(SalesforceID.normalized) else {
                    if let asset {
                        report.skip(record.file, line: record.line, "an activity about \(asset) tied to no opportunity or account (WhatId)", kind: "activities tied to no opportunity or account")
                    }
                    return
                }
                // On an opportunity: its group. On an account: that account's open groups where the contact is a stakeholder.
                let onOpportunity = groups["sf-" + what.lowercased()] != nil
                let targets = onOpportunity ? ["sf-" + what.lowercased()]
                    : accountNameByID[what].map { name in order.filter { accountOfGroup[$0] == name } } ?? []
                if !description.isEmpty {
                    // A rep's log of a call or a meeting: read as their notes (their own words are ours).
                    let kind = file == "Event.csv" ? "meeting" : ["call": "call", "email": "email"][record["TaskSubtype"]?.lowercased() ?? ""] ?? "note"
                    for groupID in targets where onOpportunity || groups[groupID]!.stakeholders.contains(where: { people.contains($0.id) }) {
                        result.notes.append(SourcedNote(group: groupID, origin: "note:salesforce:\(activity)", source: kind, date: day,
                                                        document: NoteDocument(text: description, format: .note)))
                    }
                }
                guard let asset else { return }
                let consumed = mapping.meansConsumed(status: record["Status"], types: [record["TaskSubtype"], record["Type"]].compactMap { $0 })
                let channel = record["TaskSubtype"].map { $0.lowercased() } ?? (file == "Event.csv" ? "meeting" : "email")
                var placed = false
                for groupID in targets {
                    let members = Set(groups[groupID]!.stakeholders.map(\.id))
                    let recipients = people.filter(members.contains)
                    guard !recipients.isEmpty else { continue }
                    groups[groupID]!.touches.append(Touch(asset: asset, to: recipients, date: day, channel: channel, consumed: consumed))
                    placed = true
                }
                if !placed {
                    report.skip(record.file, line: record.line, "an activity about \(asset) whose contacts are in no open group of its opportunity or account", kind: "activities whose contacts are in no open group")
                }
            })
        }

        result.named.formUnion(result.deleted.keys)
        result.finish(order.compactMap { groups[$0] }, origin: { "salesforce:" + opportunityOfGroup[$0.id]! }, rows: report, files: files)
        return result
    }
}

extension SalesforceExport {
    /// `EmailMessage.csv` (with `EmailMessageRelation.csv` when present): each e-mail on an open
    /// group's opportunity, or on its account and sent by or to one of its people, becomes a note.
    /// Returns the ids of the tasks those e-mails are logged as.
    func emailMessages(groups: [String: BuyingGroup], order: [String], accountOfGroup: [String: String],
                       accounts: [String: (name: String, industry: String?)], contacts: [String: (record: CSVRecord, name: String)],
                       days: CRMDays, into result: inout CRMImport, report: inout CRMImportReport, files: inout CRMImportReport) throws -> Set<String> {
        guard exists("EmailMessage.csv") else { return [] }
        var contactByAddress: [String: String] = [:]
        for (id, contact) in contacts { if let address = contact.record["Email"].flatMap(EmailAddress.parse) { contactByAddress[address] = id } }
        // Who sent each e-mail, when the relations say (more exact than the address).
        var senders: [String: String] = [:]
        if exists("EmailMessageRelation.csv") {
            files.absorb(try CSVRecords.read(path("EmailMessageRelation.csv"), required: ["EmailMessageId", "RelationId", "RelationType"]) { record in
                guard record["RelationType"]?.lowercased() == "fromaddress", let message = record["EmailMessageId"].map(SalesforceID.normalized),
                      let relation = record["RelationId"].map(SalesforceID.normalized) else { return }
                senders[message] = relation
            })
        }
        var logged = Set<String>()
        files.absorb(try CSVRecords.read(path("EmailMessage.csv"), key: "Id", required: ["Id", "TextBody"]) { record in
            guard let id = record["Id"].map(SalesforceID.normalized) else { return }
            if let activity = record["ActivityId"].map(SalesforceID.normalized) { logged.insert(activity) }
            let body = (record["TextBody"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !body.isEmpty else { return }
            guard let day = days.firstDay(record["MessageDate"], record["CreatedDate"]) else {
                report.skip(record.file, line: record.line, "an e-mail without a date (MessageDate)", kind: "e-mails without a date")
                return
            }
            guard day <= today, let related = record["RelatedToId"].map(SalesforceID.normalized) else { return }
            let incoming = ["true", "1"].contains(record["Incoming"]?.lowercased() ?? "")
            let sender = senders[id] ?? record["FromAddress"].flatMap(EmailAddress.parse).flatMap { contactByAddress[$0] }
            let senderID = sender.map { "c-" + $0.lowercased() }
            let people = Set([senderID].compactMap { $0 } + (record["ToAddress"] ?? "").split(whereSeparator: { $0 == ";" || $0 == "," })
                .compactMap { EmailAddress.parse(String($0)) }.compactMap { contactByAddress[$0] }.map { "c-" + $0.lowercased() })
            let targets = groups["sf-" + related.lowercased()] != nil ? ["sf-" + related.lowercased()]
                : accounts[related].map { account in order.filter { id in
                    accountOfGroup[id] == account.name && groups[id]!.stakeholders.contains { people.contains($0.id) } } } ?? []
            for groupID in targets {
                // Inbound from one of the group's people: their first-person words are theirs.
                let from = incoming ? senderID.flatMap { id in groups[groupID]!.stakeholder(id)?.id } : nil
                result.notes.append(SourcedNote(group: groupID, origin: "note:salesforce:\(id)", source: "email", date: day,
                                                document: NoteDocument(text: body, format: .email, from: from, inbound: incoming)))
            }
        })
        return logged
    }
}

/// Salesforce record ids: 15 characters case-sensitive, or 18 with a case-encoding suffix.
enum SalesforceID {
    /// The 18-character form, so that ids from different exports (and lowercased group ids) agree.
    static func normalized(_ id: String) -> String {
        let bytes = Array(id.utf8)
        guard bytes.count == 15, bytes.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) }) else { return id }
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345".utf8)
        var suffix: [UInt8] = []
        for chunk in stride(from: 0, to: 15, by: 5) {
            var bits = 0
            for offset in 0..<5 where bytes[chunk + offset] >= 65 && bytes[chunk + offset] <= 90 { bits |= 1 << offset }
            suffix.append(alphabet[bits])
        }
        return id + String(decoding: suffix, as: UTF8.self)
    }
}

import Foundation
import NextSend
import NextSendCRM
import NextSendTestSupport
import Testing
import NextSendSynthetic

/// Exports written the way Salesforce and HubSpot write them — repeated rows, upper-case headers,
/// deleted records, owners nobody mapped — read truthfully, and no file makes the reader crash.
@Suite struct ExportTruthTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var content: String { repository.appendingPathComponent("content").path }

    let folder = TemporaryFolder()

    static let taxonomy: Taxonomy = {
        let text = try! String(contentsOfFile: content + "/taxonomy.yaml", encoding: .utf8)
        return try! TaxonomyParser.parse(text, file: "taxonomy.yaml")
    }()

    static let mapping: CRMMapping = {
        let text = try! String(contentsOfFile: content + "/crm.yaml", encoding: .utf8)
        return try! CRMMappingParser.parse(text, file: "crm.yaml", taxonomy: taxonomy)
    }()

    /// A copy of a shipped sample export, to change file by file.
    func copy(_ crm: String) throws -> String {
        let target = folder.path("\(crm)-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: ExportTruthTests.content + "/crm/" + crm, toPath: target)
        return target
    }

    /// Edits a file line by line, keeping its line ends (the samples end lines with CR LF, as
    /// Salesforce's Data Loader does; in Swift "\r\n" is one Character, so "\n" alone splits nothing).
    func edit(_ path: String, _ change: (inout [String]) -> Void) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let end = ExportTruthTests.lineEnd(of: text)
        var lines = text.components(separatedBy: end)
        if lines.last == "" { lines.removeLast() }
        change(&lines)
        try (lines.joined(separator: end) + end).write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func lineEnd(of text: String) -> String { text.contains("\r\n") ? "\r\n" : "\n" }

    func salesforce(_ directory: String) throws -> CRMImport {
        try SalesforceExport(directory: directory, mapping: ExportTruthTests.mapping, assets: [], today: Day("2026-11-29")!).read()
    }

    @Test func aRepeatedOpportunityRowIsReadOnceAndAChangedOneReadsTheLaterRow() throws {
        let original = try salesforce(try copy("salesforce"))
        let directory = try copy("salesforce")
        try edit(directory + "/Opportunity.csv") { lines in lines.insert(lines[1], at: 2) }
        let repeated = try salesforce(directory)
        #expect(repeated.groups.map(\.id) == original.groups.map(\.id))
        #expect(repeated.report.duplicates == 1)
        #expect(repeated.report.summary.contains("1 repeated row read once"))
        // The same id with another owner's account name: the later line wins, both lines named once.
        try edit(directory + "/Opportunity.csv") { lines in
            lines[2] = lines[2].replacingOccurrences(of: "Proposal/Price Quote", with: "Negotiation/Review")
        }
        let changed = try salesforce(directory)
        #expect(changed.groups.map(\.id) == original.groups.map(\.id))
        let skip = try #require(changed.report.skipped.first { $0.file.hasSuffix("Opportunity.csv") })
        #expect(skip.line == 2 && skip.reason.contains("again on line 3"), "\(skip)")
        #expect(changed.report.skipped.filter { $0.file.hasSuffix("Opportunity.csv") }.count == 1)
    }

    /// A nightly export of every deal is full of activities on closed deals and of the same few
    /// problems on many rows: the report counts them by reason, with the first rows of each.
    @Test func skippedRowsAreCountedByReasonAndActivitiesOnClosedDealsAreOnlyCounted() throws {
        let directory = try copy("salesforce")
        let opportunities = try String(contentsOfFile: directory + "/Opportunity.csv", encoding: .utf8)
        let closed = try #require(opportunities.components(separatedBy: ExportTruthTests.lineEnd(of: opportunities))
            .first { $0.contains("Closed Lost") }?.components(separatedBy: ",").first)
        try edit(directory + "/Task.csv") { lines in
            for index in 0..<5 {
                lines.append("00T5g00000X000\(index),0035g00000NwA01,\(closed),Email: cost model,Sent https://rosterline.example/resources/tco-model,2026-10-2\(index),Opened,Email,Normal")
            }
            for index in 0..<4 {
                lines.append("00T5g00000Y000\(index),0035g00000NwA01,,Email: cost model,Sent https://rosterline.example/resources/tco-model,2026-10-2\(index),Opened,Email,Normal")
            }
        }
        let catalog = [Asset(id: "tco-model", title: "TCO", url: "https://rosterline.example/resources/tco-model", format: "tool",
                             jobs: [.validation], roles: ["finance"], topics: ["tco"])]
        let read = try SalesforceExport(directory: directory, mapping: ExportTruthTests.mapping, assets: catalog, today: Day("2026-11-29")!).read()
        #expect(read.report.onClosedDeals == 5)
        #expect(!read.report.skipped.contains { $0.reason.contains(closed) })
        let noWhat = try #require(read.report.skippedByKind.first { $0.kind == "activities tied to no opportunity or account" })
        #expect(noWhat.count == 4)
        #expect(noWhat.first.count == 3 && noWhat.first.allSatisfy { $0.hasPrefix("Task.csv:") })
        #expect(read.report.summary.contains("5 activities on closed deals left out"))
    }

    @Test func headersInAnyCaseAndSpacingAreRead() throws {
        let original = try salesforce(try copy("salesforce"))
        let directory = try copy("salesforce")
        for file in ["Opportunity.csv", "Account.csv", "Contact.csv", "User.csv", "OpportunityContactRole.csv"] {
            try edit(directory + "/" + file) { lines in lines[0] = lines[0].uppercased().replacingOccurrences(of: ",", with: " , ") }
        }
        let shouted = try salesforce(directory)
        #expect(shouted.groups == original.groups)
    }

    @Test func rowsMarkedDeletedAreLeftOut() throws {
        let directory = try copy("salesforce")
        let original = try salesforce(directory)
        let person = try #require(original.groups.first?.stakeholders.first)
        try edit(directory + "/OpportunityContactRole.csv") { lines in
            lines[0] += ",IsDeleted"
            for index in lines.indices.dropFirst() { lines[index] += index == 1 ? ",true" : ",false" }
        }
        let read = try salesforce(directory)
        #expect(read.report.deleted == 1)
        #expect(read.groups.first?.stakeholders.contains(person) == false, "the deleted contact role brings nobody")
        #expect(read.groups.first?.stakeholders.count == original.groups.first!.stakeholders.count - 1)
    }

    @Test func aHubSpotDealWhoseOwnerIsNotMappedIsKeptWithOneNote() throws {
        var mapping = ExportTruthTests.mapping
        mapping.owners = [:]
        let directory = try copy("hubspot")
        let read = try HubSpotExport(directory: directory, mapping: mapping, assets: [], today: Day("2026-11-29")!).read()
        let original = try HubSpotExport(directory: directory, mapping: ExportTruthTests.mapping, assets: [], today: Day("2026-11-29")!).read()
        #expect(read.groups.map(\.id) == original.groups.map(\.id), "no deal dropped")
        #expect(read.groups.allSatisfy { !$0.owner.contains("@") })
        let owners = Set(read.groups.map(\.owner))
        #expect(read.report.notes.filter { $0.hasPrefix("deal owner") }.count == owners.count, "one note per owner: \(read.report.notes)")
    }

    @Test func usDatesStatusesInCapitalsAndSeveralRolesReadAsTheCRMMeantThem() throws {
        let directory = try copy("salesforce")
        // Data Loader with a US locale: 10/20/2026; a status in capitals; a contact with two roles.
        try edit(directory + "/Task.csv") { lines in
            lines[1] = lines[1].replacingOccurrences(of: "2026-10-20", with: "10/20/2026").replacingOccurrences(of: ",Opened,", with: ",OPENED,")
        }
        try edit(directory + "/OpportunityContactRole.csv") { lines in
            lines[1] = lines[1].replacingOccurrences(of: "Economic Buyer", with: "\"Evaluator;Economic Buyer\"")
        }
        var mapping = ExportTruthTests.mapping
        let withoutFormat = try SalesforceExport(directory: directory, mapping: mapping, assets: [], today: Day("2026-11-29")!).read()
        #expect(withoutFormat.groups.first?.stakeholders.first { $0.name == "Grace Okafor" }?.influence == "decision-maker",
                "the strongest of Evaluator and Economic Buyer")
        mapping.dateFormat = "MM/dd/yyyy"
        let catalog = [Asset(id: "tco-model", title: "TCO", url: "https://rosterline.example/resources/tco-model", format: "tool",
                             jobs: [.validation], roles: ["finance"], topics: ["tco"])]
        let read = try SalesforceExport(directory: directory, mapping: mapping, assets: catalog, today: Day("2026-11-29")!).read()
        let touch = try #require(read.groups.first?.touches.first { $0.asset == "tco-model" }, "\(read.report.skipped)")
        #expect(touch.date == Day("2026-10-20")!)
        #expect(touch.consumed, "OPENED is Opened")
    }

    @Test func anActivityWithoutAUsableDateFallsBackToItsCreatedDate() throws {
        let directory = try copy("salesforce")
        try edit(directory + "/Task.csv") { lines in
            lines[0] += ",CreatedDate"
            for index in lines.indices.dropFirst() { lines[index] += ",2026-10-21T15:00:00.000Z" }
            lines[1] = lines[1].replacingOccurrences(of: "2026-10-20", with: "sometime")
        }
        let catalog = [Asset(id: "tco-model", title: "TCO", url: "https://rosterline.example/resources/tco-model", format: "tool",
                             jobs: [.validation], roles: ["finance"], topics: ["tco"])]
        let read = try SalesforceExport(directory: directory, mapping: ExportTruthTests.mapping, assets: catalog, today: Day("2026-11-29")!).read()
        #expect(read.groups.first?.touches.first { $0.asset == "tco-model" }?.date == Day("2026-10-21")!, "\(read.report.skipped)")
    }

    @Test func anOwnerMissingFromUserCsvKeepsTheDealWithANote() throws {
        let directory = try copy("salesforce")
        try edit(directory + "/User.csv") { lines in lines = [lines[0]] }
        let read = try salesforce(directory)
        #expect(read.groups.count == 1)
        #expect(read.report.notes.contains { $0.hasPrefix("owner ") && $0.contains("no e-mail in User.csv") }, "\(read.report.notes)")
    }

    @Test func hubSpotMeetingsAreReadByTheirOwnHeaders() throws {
        let directory = try copy("hubspot")
        let meetings = try FileManager.default.contentsOfDirectory(atPath: directory).first { $0.contains("meetings") }!
        try edit(directory + "/" + meetings) { lines in
            lines[0] = lines[0].replacingOccurrences(of: "\"Subject\"", with: "\"Meeting name\"")
                .replacingOccurrences(of: "\"Body\"", with: "\"Meeting description\"").replacingOccurrences(of: "\"Activity date\"", with: "\"Meeting start time\"")
        }
        let catalog = [Asset(id: "cno-roundtable-video", title: "Roundtable", url: "https://rosterline.example/resources/cno-roundtable-video",
                             format: "video", jobs: [.validation], roles: ["clinical"], topics: [])]
        let read = try HubSpotExport(directory: directory, mapping: ExportTruthTests.mapping, assets: catalog, today: Day("2026-11-29")!).read()
        #expect(read.groups.first?.touches.contains { $0.asset == "cno-roundtable-video" } == true, "\(read.report.skipped)")
    }

    @Test func hubSpotOwnersExportGivesTheOwnersEmail() throws {
        var mapping = ExportTruthTests.mapping
        mapping.owners = [:]
        let directory = try copy("hubspot")
        try "First Name,Last Name,Email\nCarmen,Diaz,carmen.diaz@rosterline.example\n"
            .write(toFile: directory + "/hubspot-crm-exports-all-users-2026-11-29.csv", atomically: true, encoding: .utf8)
        let read = try HubSpotExport(directory: directory, mapping: mapping, assets: [], today: Day("2026-11-29")!).read()
        #expect(read.groups.first?.owner == "carmen.diaz@rosterline.example")
        #expect(!read.report.notes.contains { $0.hasPrefix("deal owner") })
    }

    @Test func aDateFormatThatCannotReadADayIsAMappingError() throws {
        let text = try String(contentsOfFile: ExportTruthTests.content + "/crm.yaml", encoding: .utf8) + "dateFormat: hh:mm\n"
        #expect(throws: ValidationFailure.self) { try CRMMappingParser.parse(text, file: "crm.yaml", taxonomy: ExportTruthTests.taxonomy) }
    }

    /// Files cut, repeated, shuffled and re-cased at random: each read ends in groups or in a
    /// CSVError naming the file, never in a crash.
    @Test(arguments: ["salesforce", "hubspot"])
    func mangledExportsNeverCrashTheReader(crm: String) throws {
        var random = SeededGenerator(seed: crm == "salesforce" ? 25 : 2025)
        for round in 0..<40 {
            let directory = try copy(crm)
            let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".csv") }.sorted()
            for file in files where Int.random(in: 0..<3, using: &random) == 0 {
                let path = directory + "/" + file
                var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
                switch Int.random(in: 0..<4, using: &random) {
                case 0: bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random)))  // cut anywhere
                case 1:
                    let text = String(decoding: bytes, as: UTF8.self), end = ExportTruthTests.lineEnd(of: text)
                    var lines = text.components(separatedBy: end)
                    if lines.count > 2 { for _ in 0..<3 { lines.insert(lines[Int.random(in: 1..<lines.count, using: &random)], at: Int.random(in: 1..<lines.count, using: &random)) } }
                    bytes = Array(lines.joined(separator: end).utf8)
                case 2:
                    let text = String(decoding: bytes, as: UTF8.self), end = ExportTruthTests.lineEnd(of: text)
                    var lines = text.components(separatedBy: end)
                    if lines.count > 2 { lines[1...].shuffle(using: &random) }
                    bytes = Array(lines.joined(separator: end).utf8)
                default:
                    let text = String(decoding: bytes, as: UTF8.self), end = ExportTruthTests.lineEnd(of: text)
                    var lines = text.components(separatedBy: end)
                    lines[0] = Bool.random(using: &random) ? lines[0].uppercased() : lines[0].lowercased()
                    bytes = Array(lines.joined(separator: end).utf8)
                }
                try Data(bytes).write(to: URL(fileURLWithPath: path))
            }
            do {
                let read = crm == "salesforce" ? try salesforce(directory)
                    : try HubSpotExport(directory: directory, mapping: ExportTruthTests.mapping, assets: [], today: Day("2026-11-29")!).read()
                #expect(Set(read.groups.map(\.id)).count == read.groups.count, "round \(round): a group twice")
            } catch let error as CSVError {
                #expect(error.description.contains(directory), "round \(round): \(error)")
            }
        }
    }
}

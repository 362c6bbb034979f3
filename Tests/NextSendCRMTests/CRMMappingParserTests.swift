import Foundation
import NextSend
import NextSendCRM
import Testing

/// The CRM mapping file: the shipped one is valid and says what it means; every mistake is named
/// at its line.
@Suite struct CRMMappingParserTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    var taxonomy: Taxonomy {
        get throws {
            let path = CRMMappingParserTests.repository.appendingPathComponent("content/taxonomy.yaml").path
            return try TaxonomyParser.parse(try String(contentsOfFile: path, encoding: .utf8), file: path)
        }
    }

    @Test func theShippedMappingReadsAsWritten() throws {
        let path = CRMMappingParserTests.repository.appendingPathComponent("content/crm.yaml").path
        let mapping = try CRMMappingParser.parse(try String(contentsOfFile: path, encoding: .utf8), file: path, taxonomy: try taxonomy)
        #expect(mapping.influence(for: "Economic Buyer") == "decision-maker")
        #expect(mapping.influence(for: "economic buyer") == "decision-maker")
        #expect(mapping.influence(for: nil) == "influencer")
        #expect(mapping.influence(for: "Somebody") == "influencer")
        #expect(mapping.role(title: "Chief Financial Officer", department: nil) == "finance")
        #expect(mapping.role(title: "Chief Information Security Officer", department: nil) == "security")
        #expect(mapping.role(title: "Director of IT Infrastructure", department: nil) == "it")
        #expect(mapping.role(title: "Charge Nurse, 4 West", department: nil) == "end-user")
        #expect(mapping.role(title: "Chief Nursing Officer", department: nil) == "clinical")
        #expect(mapping.role(title: "Gardener", department: "Grounds") == nil)
        let salesforce = try #require(mapping.pipeline(named: "default"))
        #expect(salesforce.stages.map(\.stage).prefix(3) == ["Prospecting", "Qualification", "Needs Analysis"])
        #expect(salesforce.stages[2] == StagePipeline.Stage(stage: "Needs Analysis", starts: [.requirementsBuilding], progresses: [.solutionExploration]))
        #expect(salesforce.keepOpen == [.consensusCreation])
        #expect(salesforce.closing(of: "Closed Won") == .won)
        #expect(mapping.pipeline(named: "sales pipeline")?.name == "Sales Pipeline", "HubSpot's Pipeline column, in any case")
        #expect(mapping.stages.isEmpty)
        #expect(mapping.industries["Hospital & Health Care"] == "hospital-system")
        #expect(mapping.timeZone == "America/Chicago")
        #expect(mapping.hubspotColumn("dealName") == "Deal Name")
    }

    /// A deal field read as a claim: a figure as typed, a picklist value as a position or a phrase.
    @Test func claimFieldsReadFiguresAndPositionsAsPeopleWriteThem() throws {
        let taxonomy = try taxonomy
        let tco = try #require(taxonomy.topic("tco")), deployment = try #require(taxonomy.topic("deployment"))
        let weeks = try #require(taxonomy.topic("implementation-time"))
        #expect(CRMMapping.claimValue("$150k", topic: tco) == .number(150_000))
        #expect(CRMMapping.claimValue("150000", topic: tco) == .number(150_000))
        #expect(CRMMapping.claimValue("€150k", topic: tco) == nil, "another currency is not converted")
        #expect(CRMMapping.claimValue("6 months", topic: weeks) == .number(26))
        #expect(CRMMapping.claimValue("On Prem Required", topic: deployment) == .position("on-prem-required"))
        #expect(CRMMapping.claimValue("On-premises", topic: deployment) == .position("on-prem-required"), "a says: phrase")
        #expect(CRMMapping.claimValue("Mainframe", topic: deployment) == nil)
        #expect(CRMMapping.claimValue("  ", topic: tco) == nil)
        let mapping = try CRMMappingParser.parse("defaultInfluence: user\nclaims:\n  - {object: Opportunity, field: Budget__c, topic: tco, holder: {contactRole: Economic Buyer}}\n",
                                                 file: "crm.yaml", taxonomy: taxonomy)
        #expect(mapping.claimFields.map(\.field) == ["Budget__c"] && mapping.claimFields.first?.contactRole == "Economic Buyer")
    }

    @Test(arguments: [
        ("defaultInfluence: user\npipelines:\n  default:\n    stages:\n      - {stage: A, starts: [validaton]}\n", 5, "pipelines.default.stages[0].starts",
         "did you mean 'validation'?"),
        ("defaultInfluence: user\npipelines:\n  default:\n    stages:\n      - {stage: Won, closed: yes}\n", 5, "pipelines.default.stages[0].closed",
         "expected won or lost"),
        ("defaultInfluence: user\npipelines:\n  default:\n    stages:\n      - {stage: A}\n      - {stage: a}\n", 6, "pipelines.default.stages[1].stage",
         "listed twice"),
        ("influence: {Economic Buyer: boss}\ndefaultInfluence: user\n", 1, "influence.Economic Buyer", "'boss' is not an influence"),
        ("defaultInfluence: usr\n", 1, "defaultInfluence", "did you mean 'user'?"),
        ("defaultInfluence: user\nroles:\n  - {role: finanse, title: [cfo]}\n", 3, "roles[0].role", "did you mean 'finance'?"),
        ("defaultInfluence: user\nroles:\n  - {role: finance}\n", 3, "roles[0]", "needs title or department words"),
        ("defaultInfluence: user\nstages:\n  Needs Analysis: {job: requirements, type: started}\n", 3, "stages.Needs Analysis.job", "is not a buying job"),
        ("defaultInfluence: user\nstages:\n  Needs Analysis: {job: validation, type: begun}\n", 3, "stages.Needs Analysis.type", "not an event type"),
        ("defaultInfluence: user\nindustries: {Banking: bank}\n", 2, "industries.Banking", "not an industry"),
        ("defaultInfluence: user\ntimeZone: Mars/Olympus\n", 2, "timeZone", "not a time zone"),
        ("defaultInfluence: user\nhubspot: {dealNam: Deal}\n", 2, "hubspot.dealNam", "did you mean 'dealName'?"),
        ("defaultInfluence: user\nstage: {}\n", 2, "stage", "did you mean 'stages'?"),
        ("defaultInfluence: user\nclaims:\n  - {field: Budget__c, topic: tcoo, holder: {contactRole: Economic Buyer}}\n", 3, "claims[0].topic",
         "did you mean 'tco'?"),
        ("defaultInfluence: user\nclaims:\n  - {field: Budget__c, topic: tco}\n", 3, "claims[0].holder", "whose view the field holds"),
        ("defaultInfluence: user\nclaims:\n  - {object: Account, field: Budget__c, topic: tco, holder: {contactRole: X}}\n", 3, "claims[0].object",
         "expected Opportunity (Salesforce) or Deal (HubSpot)"),
    ])
    func everyMistakeIsNamedAtItsLine(text: String, line: Int, field: String, message: String) throws {
        let failure = try #require(throws: ValidationFailure.self) { try CRMMappingParser.parse(text, file: "crm.yaml", taxonomy: try taxonomy) }
        let error = try #require(failure.errors.first)
        #expect(error.line == line, "\(failure)")
        #expect(error.field == field, "\(failure)")
        #expect(error.message.contains(message), "\(failure)")
    }
}

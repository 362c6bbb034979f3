import Foundation
import NextSend
import NextSendTestSupport
import Testing

@Suite struct VocabularyRenameTests {
    static let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("content")
    static let taxonomyText = try! String(contentsOf: content.appendingPathComponent("taxonomy.yaml"), encoding: .utf8)
    static let taxonomy = try! TaxonomyParser.parse(taxonomyText, file: "taxonomy.yaml")

    /// Every rename the shipped taxonomy allows: each topic, role, industry and position.
    static var everyRename: [VocabularyRename] {
        var renames: [VocabularyRename] = []
        for topic in taxonomy.topics {
            renames.append(try! VocabularyRename(.topic, from: topic.id, to: "renamed-\(topic.id)"))
            for position in topic.positions {
                renames.append(try! VocabularyRename(.position, from: position, to: "renamed-\(position)", topic: topic.id))
            }
        }
        renames += taxonomy.roles.map { try! VocabularyRename(.role, from: $0, to: "renamed-\($0)") }
        renames += taxonomy.industries.map { try! VocabularyRename(.industry, from: $0, to: "renamed-\($0)") }
        return renames
    }

    @Test(arguments: everyRename)
    func theRewrittenTaxonomyFileParsesToTheRenamedTaxonomy(_ rename: VocabularyRename) throws {
        // Property: for every value of the shipped taxonomy, renaming the text and renaming the
        // model agree — no use of the value is missed, and nothing else is touched.
        let rewritten = try rename.rewriteTaxonomy(Self.taxonomyText, file: "taxonomy.yaml")
        #expect(rewritten.count > 0)
        let parsed = try TaxonomyParser.parse(rewritten.text, file: "taxonomy.yaml")
        #expect(parsed == rename.apply(to: Self.taxonomy))
        #expect(try rename.progress(in: parsed, file: "taxonomy.yaml") == .done)
        // Only the lines naming the value changed; comments and layout stay.
        let before = Self.taxonomyText.split(separator: "\n", omittingEmptySubsequences: false)
        let after = rewritten.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(before.count == after.count)
        for (old, new) in zip(before, after) where old != new {
            #expect(new.replacingOccurrences(of: rename.new, with: rename.old) == old)
        }
    }

    @Test func aRoleIsRenamedInRolesLabelsAndVoicesOnly() throws {
        let text = """
            # roles: it is the one to watch
            roles: [executive, it, security]
            roleLabels: {it: IT}
            influence: {decision-maker: 1.0}
            formats: [guide]
            voices:
              validation:
                - it
                - security
            topics:
              it-budget:
                label: it
                kind: number
                tolerance: 0.2
            """
        let rename = try VocabularyRename(.role, from: "it", to: "information-technology")
        let rewritten = try rename.rewriteTaxonomy(text, file: "t.yaml")
        #expect(rewritten.count == 3)
        #expect(rewritten.text.contains("roles: [executive, information-technology, security]"))
        #expect(rewritten.text.contains("roleLabels: {information-technology: IT}"))
        #expect(rewritten.text.contains("    - information-technology\n"))
        // A comment, a topic id that contains the word and a label equal to it are not the role.
        #expect(rewritten.text.contains("# roles: it is the one to watch"))
        #expect(rewritten.text.contains("label: it\n"))
    }

    @Test func anAssetKeepsItsBodyCommentsAndLineEndings() throws {
        let text = "---\r\ntitle: \"TCO for tco people\"\r\ntopics: [tco, deployment]  # tco first\r\nresolves:\r\n  - topic: tco\r\n"
            + "  - {topic: deployment, positions: [on-prem-required]}\r\n---\r\nThe tco model.\r\ntopics: [tco]\r\n"
        let topic = try VocabularyRename(.topic, from: "tco", to: "total-cost").rewriteAssetFile(text, file: "a.md")
        #expect(topic.count == 2)
        #expect(topic.text == text.replacingOccurrences(of: "topics: [tco, deployment]", with: "topics: [total-cost, deployment]")
            .replacingOccurrences(of: "  - topic: tco\r\n", with: "  - topic: total-cost\r\n"))
        let position = try VocabularyRename(.position, from: "on-prem-required", to: "on-prem", topic: "deployment")
            .rewriteAssetFile(text, file: "a.md")
        #expect(position.count == 1)
        #expect(position.text.contains("positions: [on-prem]}\r\n---\r\n"))
    }

    @Test func aPositionIsRenamedOnlyInClaimsOnItsTopic() throws {
        let text = """
            id: g
            industry: behavioral-health
            stakeholders:
              - {id: finance, name: Fin Ance, role: finance, influence: champion}
            claims:
              - {stakeholder: finance, topic: deployment, position: hybrid, date: 2026-10-01}
              - {stakeholder: finance, topic: other, position: hybrid, date: 2026-10-01}
            """
        let position = try VocabularyRename(.position, from: "hybrid", to: "mixed", topic: "deployment").rewriteGroupFile(text, file: "g.yaml")
        #expect(position.count == 1)
        #expect(position.text.contains("topic: deployment, position: mixed"))
        #expect(position.text.contains("topic: other, position: hybrid"))
        // A stakeholder whose id is the role's name keeps the id; only the role changes.
        let role = try VocabularyRename(.role, from: "finance", to: "money").rewriteGroupFile(text, file: "g.yaml")
        #expect(role.count == 1)
        #expect(role.text.contains("{id: finance, name: Fin Ance, role: money, influence: champion}"))
        #expect(role.text.contains("{stakeholder: finance, topic: deployment"))
        let industry = try VocabularyRename(.industry, from: "behavioral-health", to: "mental-health").rewriteGroupFile(text, file: "g.yaml")
        #expect(industry.text.hasPrefix("id: g\nindustry: mental-health\n"))
    }

    @Test func groupLinesAreRewrittenLineByLine() throws {
        let text = """
            {"id":"a","stakeholders":[{"id":"x","role":"end-user"}],"claims":[]}
            {"id":"b","stakeholders":[{"id":"end-user","role":"it"}]}

            """
        let rewritten = try VocabularyRename(.role, from: "end-user", to: "frontline").rewriteGroupLines(text, file: "g.jsonl")
        #expect(rewritten.count == 1)
        #expect(rewritten.text == text.replacingOccurrences(of: "\"role\":\"end-user\"", with: "\"role\":\"frontline\""))
    }

    @Test func aCRMMappingRenamesRolesIndustriesAndClaimTopics() throws {
        let text = """
            roles:
              - {role: it, title: [cio, it]}
            defaultRole: it
            industries: {Hospital: hospital-system, IT Services: it}
            claims:
              - {object: Opportunity, field: TCO__c, topic: tco}
            """
        let role = try VocabularyRename(.role, from: "it", to: "tech").rewriteCRMMapping(text, file: "crm.yaml")
        #expect(role.count == 2)
        #expect(role.text.contains("{role: tech, title: [cio, it]}"))
        #expect(role.text.contains("defaultRole: tech"))
        #expect(role.text.contains("IT Services: it}"))
        let topic = try VocabularyRename(.topic, from: "tco", to: "total-cost").rewriteCRMMapping(text, file: "crm.yaml")
        #expect(topic.text.contains("topic: total-cost}"))
    }

    @Test func aRenameTheTaxonomyCannotTakeSaysWhy() throws {
        let unknown = try VocabularyRename(.topic, from: "tcoo", to: "total-cost")
        #expect(throws: ValidationFailure.self) { try unknown.progress(in: Self.taxonomy, file: "taxonomy.yaml") }
        do {
            _ = try unknown.progress(in: Self.taxonomy, file: "taxonomy.yaml")
        } catch let failure as ValidationFailure {
            #expect(failure.description.contains("no topic 'tcoo'; did you mean 'tco'?"))
        }
        let merge = try VocabularyRename(.role, from: "it", to: "security")
        #expect(throws: ValidationFailure.self) { try merge.progress(in: Self.taxonomy, file: "taxonomy.yaml") }
        let number = try VocabularyRename(.position, from: "a", to: "b", topic: "tco")
        #expect(throws: ValidationFailure.self) { try number.progress(in: Self.taxonomy, file: "taxonomy.yaml") }
        #expect(throws: ValidationFailure.self) { try VocabularyRename(.topic, from: "tco", to: "Total Cost") }
        #expect(throws: ValidationFailure.self) { try VocabularyRename(.topic, from: "tco", to: "tco") }
    }
}

extension VocabularyRename: CustomTestStringConvertible {
    public var testDescription: String { description }
}

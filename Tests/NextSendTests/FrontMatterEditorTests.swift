import NextSend
import NextSendTestSupport
import Testing

@Suite struct FrontMatterEditorTests {
    static let files: [String] = [
        Samples.assetFile(),
        Samples.assetFile(["roles": "\n  - finance   # the budget owner\n  - it"]),
        Samples.assetFile(["roles": "[ finance,it ]"]),
        Samples.assetFile().replacingOccurrences(of: "\n", with: "\r\n"),
    ]

    @Test(arguments: files)
    func addingThenRemovingGivesBackTheIdenticalFile(_ original: String) throws {
        for (field, value) in [("roles", "legal"), ("jobs", "supplier-selection"), ("topics", "deployment-extra")] {
            let added = try FrontMatterEditor.edit(original, field: field, add: [value])
            #expect(added != original)
            let removed = try FrontMatterEditor.edit(added, field: field, remove: [value])
            #expect(removed == original, "\(field): \(value)")
        }
    }

    @Test(arguments: files)
    func editsTouchNothingButTheList(_ original: String) throws {
        let edited = try FrontMatterEditor.edit(original, field: "roles", add: ["legal"], remove: ["it"])
        // Everything after the closing fence is the body; its bytes must be untouched.
        #expect(original.components(separatedBy: "---").last == edited.components(separatedBy: "---").last)
        #expect(original.components(separatedBy: "---").last?.isEmpty == false)
        let parsed = AssetParser.parse(edited, id: "tco-model", file: "x.md", taxonomy: Samples.taxonomy, asOf: Samples.asOf)
        #expect(parsed.asset?.roles.contains("legal") == true)
        #expect(parsed.asset?.roles.contains("it") == false)
        #expect(edited.contains("# first = primary job"), "comments stay")
    }

    @Test func keepsCommentsOnBlockItemsAndFlowLines() throws {
        let original = Samples.assetFile(["roles": "\n  - finance   # the budget owner\n  - it"])
        let edited = try FrontMatterEditor.edit(original, field: "roles", add: ["legal"])
        #expect(edited.contains("  - finance   # the budget owner\n  - it\n  - legal\n"))
        let jobs = try FrontMatterEditor.edit(Samples.assetFile(), field: "jobs", add: ["supplier-selection"])
        #expect(jobs.contains("jobs: [validation, consensus-creation, supplier-selection]      # first = primary job"))
    }

    @Test func addsAMissingListBeforeTheClosingFenceAndRemovesItAgain() throws {
        let original = Samples.assetFile(["topics": nil])
        let added = try FrontMatterEditor.edit(original, field: "topics", add: ["tco"])
        #expect(added.contains("topics: [tco]\n---"))
        #expect(try FrontMatterEditor.edit(added, field: "topics", remove: ["tco"]) == original)
    }

    @Test func addingWhatIsThereOrRemovingWhatIsNotChangesNothing() throws {
        let original = Samples.assetFile()
        #expect(try FrontMatterEditor.edit(original, field: "roles", add: ["finance"]) == original)
        #expect(try FrontMatterEditor.edit(original, field: "roles", remove: ["legal"]) == original)
    }

    @Test func aSingleValueBecomesAList() throws {
        let edited = try FrontMatterEditor.edit(Samples.assetFile(["roles": "finance"]), field: "roles", add: ["it"])
        #expect(edited.contains("roles: [finance, it]\n"))
    }

    @Test func refusesAFileWithoutFrontMatter() {
        #expect(throws: FrontMatterEditor.Failure.self) { try FrontMatterEditor.edit("no fence\n", field: "roles", add: ["it"]) }
    }
}

@Suite struct FrontMatterResolvesTests {
    let file = """
        ---
        title: TCO model
        topics: [tco, deployment]
        resolves:                 # conflicts it settles
          - topic: tco
          - topic: deployment
            positions: [cloud-only, on-prem-required]
        shareable: true           # reps may forward it
        ---

        Body with resolves: and - topic: deployment in it.

        """

    @Test func aResolvesItemGoesWithItsPositionsAndComesBackAsItWas() throws {
        let removed = try FrontMatterEditor.editResolves(file, remove: ["deployment"])
        #expect(removed.contains("resolves:                 # conflicts it settles\n  - topic: tco\nshareable: true"))
        #expect(!removed.contains("positions:"))
        #expect(removed.hasSuffix("Body with resolves: and - topic: deployment in it.\n"), "the body is never touched")
        let added = try FrontMatterEditor.editResolves(file, add: ["payback-months"])
        #expect(added.contains("    positions: [cloud-only, on-prem-required]\n  - topic: payback-months\nshareable"))
        #expect(try FrontMatterEditor.editResolves(added, remove: ["payback-months"]) == file, "add then remove gives the file back")
        let none = try FrontMatterEditor.editResolves(file, remove: ["tco", "deployment"])
        #expect(!none.components(separatedBy: "---")[1].contains("resolves:") && none.contains("topics: [tco, deployment]\nshareable: true"))
    }

    @Test func aScalarIsSetKeepingItsCommentOrAdded() throws {
        let set = try FrontMatterEditor.set(file, field: "shareable", to: "false")
        #expect(set.contains("shareable: false           # reps may forward it"))
        let added = try FrontMatterEditor.set(file, field: "channel", to: "rep-led")
        #expect(added.contains("# reps may forward it\nchannel: rep-led\n---"))
    }
}

import Foundation
import NextSend
import NextSendStore
import NextSendTestSupport
import Testing

@Suite struct GroupStoreTests {
    let folder = TemporaryFolder()

    /// A store with the sample catalog (so touches of `tco-model` are known).
    func makeStore() throws -> Store {
        let store = try Store.inMemory()
        folder.makeContent(assets: ["tco-model": Samples.assetFile()])
        _ = try store.importCatalog(directory: folder.path("content/catalog"), taxonomyPath: nil, asOf: Samples.asOf)
        return store
    }

    @Test func importsAGroupAndReadsItBackIdentically() throws {
        let store = try makeStore()
        let path = folder.write("groups/acme.yaml", Samples.groupYAML)
        let result = try store.importGroups(path: path)
        #expect(result.summary.added == ["acme-health"])
        #expect(try store.group(id: "acme-health") == Samples.group)
        #expect(try store.groupSummaries(owner: "alice@vendor.example").map(\.id) == ["acme-health"])
        #expect(try store.groupSummaries(owner: "nobody@vendor.example").isEmpty)
    }

    @Test func reimportingReplacesTheGroupsState() throws {
        let store = try makeStore()
        let path = folder.write("groups/acme.yaml", Samples.groupYAML)
        _ = try store.importGroups(path: path)
        folder.write("groups/acme.yaml", Samples.groupYAML.replacingOccurrences(of: "value: 310000", with: "value: 125000"))
        let second = try store.importGroups(path: path)
        #expect(second.summary.replaced == ["acme-health"])
        let group = try #require(try store.group(id: "acme-health"))
        #expect(group.claims.count == Samples.group.claims.count, "replaced, not appended")
        #expect(group.claims.contains { $0.value == .number(125_000) })
    }

    @Test func historyIsAppendOnly() throws {
        let store = try makeStore()
        _ = try store.importGroups(path: folder.write("groups/acme.yaml", Samples.groupYAML))
        let newer = Claim(stakeholder: "lee", topic: "tco", value: .number(130_000), date: Day("2026-11-20")!)
        try store.appendClaim(newer, to: "acme-health")
        let group = try #require(try store.group(id: "acme-health"))
        #expect(group.claims.count == Samples.group.claims.count + 1)
        #expect(group.claims.contains { $0.value == .number(310_000) }, "the old claim is kept")
        #expect(Diagnoser.diagnose(group, taxonomy: Samples.taxonomy, asOf: Samples.asOf).conflicts.map(\.topic) == ["deployment"])
        try store.appendEvent(JobEvent(job: .validation, type: .progressed, date: Day("2026-11-28")!), to: "acme-health")
        try store.appendTouch(Touch(asset: "tco-model", to: ["kim"], date: Day("2026-11-28")!), to: "acme-health")
        try store.addStakeholder(Stakeholder(id: "zoe", name: "Zoe", role: "legal", influence: "user"), to: "acme-health")
        let updated = try #require(try store.group(id: "acme-health"))
        #expect(updated.events.count == 3 && updated.touches.count == 2 && updated.stakeholders.last?.id == "zoe")
        #expect(throws: StoreError.self) { try store.appendClaim(newer, to: "no-such-group") }
    }

    @Test func aFolderWithOneBadFileWritesNothing() throws {
        let store = try makeStore()
        folder.write("groups/a.yaml", Samples.groupYAML)
        folder.write("groups/b.yaml", Samples.groupYAML.replacingOccurrences(of: "acme-health", with: "other")
            .replacingOccurrences(of: "role: it", with: "role: wizard"))
        let failure = try #require(throws: ValidationFailure.self) { try store.importGroups(path: folder.path("groups")) }
        #expect(failure.errors.count == 1)
        #expect(failure.errors[0].description.hasSuffix("groups/b.yaml:6: error: stakeholders[1].role: unknown role 'wizard'; expected one of executive, finance, it, security, procurement, legal, operations, clinical"))
        #expect(try store.groupSummaries().isEmpty)
    }

    @Test func aGroupDefinedTwiceIsAnError() throws {
        let store = try makeStore()
        folder.write("groups/a.yaml", Samples.groupYAML)
        folder.write("groups/b.yaml", Samples.groupYAML)
        let failure = try #require(throws: ValidationFailure.self) { try store.importGroups(path: folder.path("groups")) }
        #expect(failure.errors.first?.message.contains("also defined at") == true)
    }

    @Test func jsonLinesImportInOneTransaction() throws {
        let store = try makeStore()
        var lines: [String] = []
        for index in 0..<50 {
            lines.append(#"{"id": "g\#(index)", "account": "G\#(index)", "owner": "rep\#(index % 3)@x.example", "stakeholders": [{"id": "p", "name": "P", "role": "it", "influence": "user"}], "claims": [{"stakeholder": "p", "topic": "tco", "value": \#(1000 + index), "date": "2026-10-01"}]}"#)
        }
        let path = folder.write("groups.jsonl", lines.joined(separator: "\n") + "\n")
        #expect(try store.importGroups(path: path).summary.added.count == 50)
        #expect(try store.groupSummaries(owner: "rep1@x.example").count == 17)
        lines[49] = lines[49].replacingOccurrences(of: "\"it\"", with: "\"wizard\"")
        folder.write("groups.jsonl", lines.joined(separator: "\n"))
        let failure = try #require(throws: ValidationFailure.self) { try store.importGroups(path: path) }
        #expect(failure.errors.first?.line == 50)
    }
}

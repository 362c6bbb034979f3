import Foundation
import NextSend
import NextSendStore
import NextSendTestSupport
import Testing

/// The frozen migration to packed fact tables (SQLite v21-packed-facts, PostgreSQL v13): facts
/// keyed by (group, seq) with their origin as a number. A database an older NextSend wrote, with
/// facts from a file, a rep and a note, two groups and a retraction, reads back the same after
/// it: the same facts in the same order with the same provenance, a re-import changes nothing,
/// and new facts follow the old ones.
@Suite struct PackedFactsMigrationTests {
    let folder = TemporaryFolder()

    @Test(arguments: StoreKind.allCases)
    func factsKeepTheirOrderAndProvenanceAndNewOnesFollow(_ kind: StoreKind) throws {
        guard let old = try OldSchemaDatabase.make(kind, at: folder.path("old.sqlite")) else { return }
        var other = Samples.group
        other.id = "beta-clinic"
        other.account = "Beta Clinic"
        other.claims.reverse()
        // The two groups' rows interleave, as they did when seq counted across all groups.
        let first = OldSchemaDatabase.inserts(Samples.group, origin: "file:acme-health")
        let second = OldSchemaDatabase.inserts(other, origin: "file:beta-clinic")
        var sql = [first[0], second[0]]
        for index in 1..<max(first.count, second.count) {
            if index < first.count { sql.append(first[index]) }
            if index < second.count { sql.append(second[index]) }
        }
        sql.append("""
            INSERT INTO claim (groupId, stakeholderId, topic, position, value, source, date, origin, recordedBy, retractedBy, quote, retractedOn)
                VALUES ('acme-health', 'kim', 'tco', NULL, 450000, 'call', '2026-11-12', 'note:recorded:5e1f', 'maria', 'maria',
                        'Kim thinks it is closer to $450k', '2026-11-14');
            INSERT INTO dismissal (groupId, assetId, date, reason, origin, recordedBy) VALUES ('acme-health', 'tco-model', '2026-11-13', 'not now', 'recorded', 'maria');
            INSERT INTO jobEvent (groupId, job, type, date, note, origin, recordedBy) VALUES ('acme-health', 'validation', 'progressed', '2026-11-15', NULL, 'recorded', 'maria');
            """)
        try old.run(sql.joined(separator: "\n"))

        let store = try old.open()
        folder.makeContent(assets: ["tco-model": Samples.assetFile()])
        _ = try store.importCatalog(directory: folder.path("content/catalog"), taxonomyPath: nil, asOf: Samples.asOf)
        let acme = try #require(try store.group(id: "acme-health"))
        #expect(acme.stakeholders == Samples.group.stakeholders)
        #expect(acme.claims == Samples.group.claims, "the same claims in the order they were written")
        #expect(acme.touches == Samples.group.touches)
        #expect(acme.events == Samples.group.events + [JobEvent(job: .validation, type: .progressed, date: Day("2026-11-15")!)])
        #expect(acme.dismissals == [Dismissal(asset: "tco-model", date: Day("2026-11-13")!, reason: "not now")])
        #expect(try store.group(id: "beta-clinic")?.claims == other.claims)

        let history = try store.history(ofGroup: "acme-health")
        func fields(_ provenance: Provenance) -> [String?] { [provenance.origin, provenance.recordedBy, provenance.retractedBy] }
        #expect(history.people.allSatisfy { fields($0.provenance) == ["file:acme-health", nil, nil] })
        #expect(history.sends.allSatisfy { $0.provenance.origin == "file:acme-health" })
        #expect(history.dismissals.map { fields($0.provenance) } == [["recorded", "maria", nil]])
        let note = try #require(history.retracted.first { $0.fact.contains("tco") })
        #expect(fields(note.provenance) == ["note:recorded:5e1f", "maria", "maria"])
        let origins = try store.read { try $0.strings("SELECT origin FROM factOrigin ORDER BY originId") }
        #expect(origins == ["file:acme-health", "file:beta-clinic", "note:recorded:5e1f", "recorded"], "each origin once, numbered in order")

        // The file again: nothing new, and the rep's live event is kept (the retracted note claim is not counted).
        let again = try store.importGroups(path: folder.write("groups/acme.yaml", Samples.groupYAML), asOf: Samples.asOf).summary
        var kept = FactCounts()
        kept.kept = 1
        #expect(again.unchanged == ["acme-health"] && again.facts == kept)
        // A recorded claim comes after every claim the old version wrote, and can be taken back.
        let recorded = Claim(stakeholder: "max", topic: "tco", value: .number(200_000), source: "rep", date: Day("2026-11-10")!)
        #expect(try store.recordClaim(recorded, to: "acme-health", by: Recorder("maria")) == .added)
        #expect(try store.group(id: "acme-health")?.claims == Samples.group.claims + [recorded])
        try store.retract(.claim(stakeholder: "max", topic: "tco", date: Day("2026-11-10")!), in: "acme-health", by: Recorder("maria"),
                          on: Day("2026-11-20")!)
        #expect(try store.group(id: "acme-health")?.claims == Samples.group.claims)
        #expect(try store.group(id: "beta-clinic")?.claims == other.claims, "the other group's facts are untouched")
    }
}

import Foundation
import NextSend
import NextSendStore
import NextSendTestSupport
import NextSendSynthetic
import Testing

@Suite struct GroupStoreTests {
    let folder = TemporaryFolder()
    let rep = Recorder("alice")

    /// A store with the sample catalog (so touches of `tco-model` are known).
    func makeStore(_ kind: StoreKind) throws -> (any Store)? {
        guard let store = try kind.make() else { return nil }
        folder.makeContent(assets: ["tco-model": Samples.assetFile()])
        _ = try store.importCatalog(directory: folder.path("content/catalog"), taxonomyPath: nil, asOf: Samples.asOf)
        return store
    }

    func importAcme(_ store: any Store, _ yaml: String = Samples.groupYAML, replace: Bool = false,
                    dryRun: Bool = false) throws -> GroupImportSummary {
        try store.importGroups(path: folder.write("groups/acme.yaml", yaml), asOf: Samples.asOf, replace: replace, dryRun: dryRun).summary
    }

    @Test(arguments: StoreKind.allCases)
    func importsAGroupAndReadsItBackIdentically(_ kind: StoreKind) throws {
        guard let store = try makeStore(kind) else { return }
        let summary = try importAcme(store)
        #expect(summary.added == ["acme-health"])
        #expect(summary.facts.added == 4 + 5 + 2 + 1)
        #expect(try store.group(id: "acme-health") == Samples.group)
        #expect(try store.groupIDs(owner: "alice@vendor.example") == ["acme-health"])
        #expect(try store.groupIDs(owner: "nobody@vendor.example").isEmpty)
        let history = try store.history(ofGroup: "acme-health")
        #expect(history.people.allSatisfy { $0.provenance.origin == "file:acme-health" })
    }

    /// A group file is a source named by its group, not its path (#33): the same file from another
    /// checkout replaces rather than doubles; a JSON Lines line is named by its file too.
    @Test(arguments: StoreKind.allCases)
    func theSameGroupFileFromAnotherCheckoutIsTheSameSource(_ kind: StoreKind) throws {
        guard let store = try makeStore(kind) else { return }
        _ = try importAcme(store)
        let other = TemporaryFolder()
        let again = try store.importGroups(path: other.write("elsewhere/groups/acme.yaml", Samples.groupYAML), asOf: Samples.asOf).summary
        #expect(again.unchanged == ["acme-health"] && again.facts == FactCounts())
        #expect(try store.history(ofGroup: "acme-health").sends.count == Samples.group.touches.reduce(0) { $0 + $1.to.count })
        #expect(Origin.file("/x/groups/all.jsonl", group: "acme-health") == "file:all.jsonl:acme-health")
    }

    @Test(arguments: StoreKind.allCases)
    func reimportingTheSameFileChangesNothingAndAChangedFigureIsOneChange(_ kind: StoreKind) throws {
        guard let store = try makeStore(kind) else { return }
        _ = try importAcme(store)
        let same = try importAcme(store)
        #expect(same.unchanged == ["acme-health"])
        #expect(same.facts == FactCounts())
        let changed = try importAcme(store, Samples.groupYAML.replacingOccurrences(of: "value: 310000", with: "value: 125000"))
        #expect(changed.updated == ["acme-health"])
        #expect(changed.facts.changed == 1 && changed.facts.added == 0 && changed.facts.removed == 0)
        let group = try #require(try store.group(id: "acme-health"))
        #expect(group.claims.count == Samples.group.claims.count, "changed in place, not appended")
        #expect(group.claims.contains { $0.value == .number(125_000) })
    }

    /// The bug a nightly sync would hit: re-importing the file must keep what reps recorded.
    @Test(arguments: StoreKind.allCases)
    func aReimportKeepsRecordedHistoryAndCountsIt(_ kind: StoreKind) throws {
        guard let store = try makeStore(kind) else { return }
        _ = try importAcme(store)
        try store.addStakeholder(Stakeholder(id: "zoe", name: "Zoe Lind", role: "legal", influence: "user"), to: "acme-health", by: rep)
        try store.recordClaim(Claim(stakeholder: "lee", topic: "tco", value: .number(130_000), date: Day("2026-11-20")!),
                              to: "acme-health", by: rep)
        try store.recordEvent(JobEvent(job: .validation, type: .progressed, date: Day("2026-11-28")!), to: "acme-health", by: rep)
        try store.recordTouch(Touch(asset: "tco-model", to: ["kim", "zoe"], date: Day("2026-11-28")!), to: "acme-health", by: rep)
        let before = try #require(try store.group(id: "acme-health"))
        #expect(Diagnoser.diagnose(before, taxonomy: Samples.taxonomy, asOf: Samples.asOf).conflicts.map(\.topic) == ["deployment"])

        // The file drops max's claim and the completed event.
        let edited = Samples.groupYAML
            .replacingOccurrences(of: "  - {stakeholder: max, topic: deployment, position: hybrid, source: rep, date: 2026-11-10}\n", with: "")
            .replacingOccurrences(of: "  - {job: problem-identification, type: completed, date: 2026-09-01}\n", with: "")
        let summary = try importAcme(store, edited)
        #expect(summary.facts.removed == 2)
        #expect(summary.facts.kept == 1 + 1 + 1 + 2, "zoe, the claim, the event and two sends")
        #expect(summary.groupsKeepingOthers == ["acme-health"])
        #expect(summary.groupsWithRemovals == ["acme-health"])
        let after = try #require(try store.group(id: "acme-health"))
        #expect(after.stakeholder("zoe") != nil)
        #expect(after.claims.contains { $0.value == .number(130_000) })
        #expect(after.touches.flatMap(\.to).sorted() == ["dana", "kim", "zoe"])
        #expect(Diagnoser.diagnose(after, taxonomy: Samples.taxonomy, asOf: Samples.asOf).conflicts.map(\.topic) == ["deployment"],
                "the recorded claim still closes the TCO split")
    }

    @Test(arguments: StoreKind.allCases)
    func replaceRemovesRecordedHistoryAndSaysHowMuch(_ kind: StoreKind) throws {
        guard let store = try makeStore(kind) else { return }
        _ = try importAcme(store)
        try store.recordClaim(Claim(stakeholder: "lee", topic: "tco", value: .number(130_000), date: Day("2026-11-20")!),
                              to: "acme-health", by: rep)
        let plan = try importAcme(store, replace: true, dryRun: true)
        #expect(plan.otherRemoved == 1)
        #expect(try store.group(id: "acme-health")?.claims.count == 6, "a dry run writes nothing")
        let done = try importAcme(store, replace: true)
        #expect(done.otherRemoved == 1)
        #expect(try store.group(id: "acme-health") == Samples.group)
    }

    @Test(arguments: StoreKind.allCases)
    func aSendIsOneFactPerAssetPersonAndDay(_ kind: StoreKind) throws {
        guard let store = try makeStore(kind) else { return }
        _ = try importAcme(store)
        let day = Day("2026-11-28")!
        let first = try store.recordTouch(Touch(asset: "tco-model", to: ["kim", "lee"], date: day), to: "acme-health", by: rep)
        let again = try store.recordTouch(Touch(asset: "tco-model", to: ["lee", "max"], date: day), to: "acme-health", by: rep)
        #expect(first.added == ["kim", "lee"] && again.added == ["max"] && again.alreadyRecorded == ["lee"])
        // The file's own send to dana on 2026-10-12, reported again by the CLI, is not doubled either.
        let repeated = try store.recordTouch(Touch(asset: "tco-model", to: ["dana"], date: Day("2026-10-12")!), to: "acme-health", by: rep)
        #expect(repeated.alreadyRecorded == ["dana"])
        let group = try #require(try store.group(id: "acme-health"))
        #expect(group.touches.flatMap(\.to).sorted() == ["dana", "kim", "lee", "max"])
    }

    @Test(arguments: StoreKind.allCases)
    func aSendMarkedConsumedLaterStaysConsumedThroughAReimport(_ kind: StoreKind) throws {
        guard let store = try makeStore(kind) else { return }
        let yaml = Samples.groupYAML.replacingOccurrences(of: "channel: email, consumed: true", with: "channel: email")
        _ = try importAcme(store, yaml)
        #expect(try store.group(id: "acme-health")?.touches.first?.consumed == false)
        let marked = try store.markConsumed(asset: "tco-model", in: "acme-health", recipients: ["dana"], date: nil, by: rep)
        #expect(marked.map(\.date) == [Day("2026-10-12")!])
        _ = try importAcme(store, yaml)
        #expect(try store.group(id: "acme-health")?.touches.first?.consumed == true)
        #expect(throws: StoreError.self) {
            try store.markConsumed(asset: "tco-model", in: "acme-health", recipients: ["max"], date: nil, by: rep)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aRetractedFactStopsCountingAndStaysVisible(_ kind: StoreKind) throws {
        guard let store = try makeStore(kind) else { return }
        _ = try importAcme(store)
        let claim = Claim(stakeholder: "lee", topic: "tco", value: .number(130_000), date: Day("2026-11-20")!)
        try store.recordClaim(claim, to: "acme-health", by: rep)
        try store.retract(.claim(stakeholder: "lee", topic: "tco", date: claim.date), in: "acme-health", by: Recorder("bob"), on: Day("2026-11-29")!)
        let group = try #require(try store.group(id: "acme-health"))
        #expect(!group.claims.contains(claim))
        #expect(Diagnoser.diagnose(group, taxonomy: Samples.taxonomy, asOf: Samples.asOf).conflicts.map(\.topic) == ["deployment", "tco"])
        // The day it was retracted is kept: a look back at an earlier day still sees it (#32).
        #expect(group.retractions.claims == [Retracted(claim, on: Day("2026-11-29")!)])
        #expect(group.asItStood(on: Day("2026-11-28")!).claims.contains(claim))
        #expect(!group.asItStood(on: Day("2026-11-29")!).claims.contains(claim))
        let history = try store.history(ofGroup: "acme-health")
        #expect(history.retracted.map(\.provenance.retractedBy) == ["bob"])
        #expect(history.retracted.first?.fact.contains("130000") == true)
        // A fact from the file is changed in the file, not retracted.
        let fromFile = try #require(throws: StoreError.self) {
            try store.retract(.claim(stakeholder: "dana", topic: "tco", date: Day("2026-10-02")!), in: "acme-health", by: rep, on: Day("2026-11-29")!)
        }
        #expect(fromFile.code == .sourceOwned)
        #expect(fromFile.description.contains("came from file:"))
    }

    /// The delivery ledger (#30) on both stores: a week's accepted messages, one per recipient,
    /// forgotten only for the recipients named.
    @Test(arguments: StoreKind.allCases)
    func theDeliveryLedgerKeepsOneMessagePerWeekAndRecipient(_ kind: StoreKind) throws {
        guard let store = try makeStore(kind) else { return }
        let before = try store.dataVersions().data
        try store.recordDelivery(week: "2026-W48", recipient: "rep:alice@x.example", messageID: "<a1@x.example>")
        try store.recordDelivery(week: "2026-W48", recipient: "rep:alice@x.example", messageID: "<a2@x.example>")
        try store.recordDelivery(week: "2026-W48", recipient: "rep:bob@x.example", messageID: "<b@x.example>")
        try store.recordDelivery(week: "2026-W47", recipient: "rep:alice@x.example", messageID: "<old@x.example>")
        #expect(try store.deliveries(week: "2026-W48") == ["rep:alice@x.example": "<a2@x.example>", "rep:bob@x.example": "<b@x.example>"])
        try store.clearDeliveries(week: "2026-W48", recipients: ["rep:bob@x.example"])
        #expect(try store.deliveries(week: "2026-W48") == ["rep:alice@x.example": "<a2@x.example>"])
        #expect(try store.deliveries(week: "2026-W47").count == 1)
        #expect(try store.dataVersions().data == before, "bookkeeping: the data version stays")
    }

    /// Tokens and web sessions (#31) on both stores: hashes only, names unique, bookkeeping that
    /// leaves the data version alone, sessions that any instance can read back.
    @Test(arguments: StoreKind.allCases)
    func tokensAndSessionsAreKeptByHashAndLeaveTheDataVersionAlone(_ kind: StoreKind) throws {
        guard let store = try makeStore(kind) else { return }
        let before = try store.dataVersions().data
        let day = Samples.asOf
        try store.addAccessToken(StoredAccessToken(name: "crm-sidebar", created: day, tokenHash: "aa11"))
        try store.addAccessToken(StoredAccessToken(name: "alice", rep: "alice@x.example", isManager: true, created: day,
                                                   expires: Day("2027-01-31"), tokenHash: "bb22"))
        let duplicate = try #require(throws: StoreError.self) {
            try store.addAccessToken(StoredAccessToken(name: "alice", created: day, tokenHash: "cc33"))
        }
        #expect(duplicate.code == .duplicate)
        #expect(try store.accessTokens().map(\.name) == ["alice", "crm-sidebar"])
        #expect(try store.accessToken(hash: "bb22")?.rep == "alice@x.example")
        #expect(try store.accessToken(hash: "bb22")?.isManager == true)
        #expect(try store.accessToken(hash: "bb22")?.expires == Day("2027-01-31"))
        #expect(try store.accessToken(hash: "zz99") == nil)
        // Last used moves forward only.
        try store.markAccessTokenUsed(name: "alice", on: Day("2026-12-02")!)
        try store.markAccessTokenUsed(name: "alice", on: Day("2026-12-01")!)
        #expect(try store.accessToken(hash: "bb22")?.lastUsed == Day("2026-12-02"))
        #expect(try store.revokeAccessToken(name: "alice"))
        #expect(try !store.revokeAccessToken(name: "alice"))
        #expect(try store.accessToken(hash: "bb22") == nil)

        let now = Int64(Date().timeIntervalSince1970)
        try store.saveWebSession(StoredWebSession(idHash: "old", caller: "bob", rep: nil, isManager: false, csrf: "c0", expiresAt: now - 10))
        try store.saveWebSession(StoredWebSession(idHash: "s1", caller: "alice", rep: "alice@x.example", isManager: true, csrf: "c1",
                                                  expiresAt: now + 3600))
        #expect(try store.webSession(idHash: "old") == nil, "ended sessions go when a new one starts")
        #expect(try store.webSession(idHash: "s1")?.csrf == "c1")
        #expect(try store.setWebSessionFlash(idHash: "s1", flash: "Recorded: x") == nil)
        #expect(try store.webSession(idHash: "s1")?.flash == "Recorded: x")
        #expect(try store.setWebSessionFlash(idHash: "s1", flash: nil) == "Recorded: x")
        try store.deleteWebSession(idHash: "s1")
        #expect(try store.webSession(idHash: "s1") == nil)
        #expect(try store.dataVersions().data == before, "bookkeeping: the data version stays")
    }

    @Test(arguments: StoreKind.allCases)
    func aClosedGroupLeavesTheListsAndKeepsItsHistory(_ kind: StoreKind) throws {
        guard let store = try makeStore(kind) else { return }
        _ = try importAcme(store)
        try store.setStatus(.won, ofGroup: "acme-health", on: Samples.asOf, by: rep)
        #expect(try store.groupIDs().isEmpty)
        #expect(try store.groupIDs(includeClosed: true) == ["acme-health"])
        #expect(try store.snapshot().owners().isEmpty, "the digest has nobody to write for")
        #expect(try store.status(ofGroup: "acme-health").status == .won)
        #expect(try store.group(id: "acme-health") == Samples.group, "history stays for learning")
    }

    @Test(arguments: StoreKind.allCases)
    func aFolderWithOneBadFileWritesNothing(_ kind: StoreKind) throws {
        guard let store = try makeStore(kind) else { return }
        folder.write("groups/a.yaml", Samples.groupYAML)
        folder.write("groups/b.yaml", Samples.groupYAML.replacingOccurrences(of: "acme-health", with: "other")
            .replacingOccurrences(of: "role: it", with: "role: wizard"))
        let failure = try #require(throws: ValidationFailure.self) { try store.importGroups(path: folder.path("groups"), asOf: Samples.asOf) }
        #expect(failure.errors.count == 1)
        #expect(failure.errors[0].description.hasSuffix("groups/b.yaml:6: error: stakeholders[1].role: unknown role 'wizard'; expected one of executive, finance, it, security, procurement, legal, operations, clinical"))
        #expect(try store.groupIDs(includeClosed: true).isEmpty)
    }

    @Test(arguments: StoreKind.allCases)
    func factsDatedAfterTheDayAreErrorsAtTheirLine(_ kind: StoreKind) throws {
        guard let store = try makeStore(kind) else { return }
        let future = Samples.groupYAML.replacingOccurrences(of: "date: 2026-10-12, channel: email", with: "date: 2027-03-01, channel: email")
        let failure = try #require(throws: ValidationFailure.self) {
            try store.importGroups(path: folder.write("groups/acme.yaml", future), asOf: Samples.asOf)
        }
        #expect(failure.errors.map(\.description) == [
            "\(folder.path("groups/acme.yaml")):19: error: touches[0].date: 2027-03-01 is after 2026-11-29; a fact cannot be dated later than the day it is recorded",
        ])
    }

    @Test(arguments: StoreKind.allCases)
    func aGroupDefinedTwiceIsAnError(_ kind: StoreKind) throws {
        guard let store = try makeStore(kind) else { return }
        folder.write("groups/a.yaml", Samples.groupYAML)
        folder.write("groups/b.yaml", Samples.groupYAML)
        let failure = try #require(throws: ValidationFailure.self) { try store.importGroups(path: folder.path("groups"), asOf: Samples.asOf) }
        #expect(failure.errors.first?.message.contains("also defined at") == true)
    }

    @Test(arguments: StoreKind.allCases)
    func jsonLinesImportInOneTransaction(_ kind: StoreKind) throws {
        guard let store = try makeStore(kind) else { return }
        var lines: [String] = []
        for index in 0..<50 {
            lines.append(#"{"id": "g\#(index)", "account": "G\#(index)", "owner": "rep\#(index % 3)@x.example", "stakeholders": [{"id": "p", "name": "P", "role": "it", "influence": "user"}], "claims": [{"stakeholder": "p", "topic": "tco", "value": \#(1000 + index), "date": "2026-10-01"}]}"#)
        }
        let path = folder.write("groups.jsonl", lines.joined(separator: "\n") + "\n")
        #expect(try store.importGroups(path: path, asOf: Samples.asOf).summary.added.count == 50)
        #expect(try store.groupIDs(owner: "rep1@x.example").count == 17)
        lines[49] = lines[49].replacingOccurrences(of: "\"it\"", with: "\"wizard\"")
        folder.write("groups.jsonl", lines.joined(separator: "\n"))
        let failure = try #require(throws: ValidationFailure.self) { try store.importGroups(path: path, asOf: Samples.asOf) }
        #expect(failure.errors.first?.line == 50)
    }

    /// Evidence kept in memory keys on the follow-up version (#29): it moves when what followed a
    /// send changes — a new send into a split, a claim that closes it — and stays for writes that
    /// leave every follow-up as it was (the same file again, a dismissal, an unrelated person).
    @Test(arguments: StoreKind.allCases)
    func theFollowUpVersionMovesOnlyWhenWhatFollowedASendChanges(_ kind: StoreKind) throws {
        guard let store = try makeStore(kind) else { return }
        _ = try importAcme(store)
        let imported = try store.followUpVersion()
        #expect(imported > 0, "the sample's send into the cost split is followed up")
        let before = try store.evidence(asOf: Samples.asOf)
        _ = try importAcme(store)
        try store.recordDismissal(Dismissal(asset: "tco-model", date: Samples.asOf, reason: "later"), in: "acme-health", by: rep)
        #expect(try store.followUpVersion() == imported, "nothing that followed a send changed")
        #expect(try store.evidence(asOf: Samples.asOf) == before)
        try store.recordTouch(Touch(asset: "tco-model", to: ["lee"], date: Day("2026-11-20")!), to: "acme-health", by: rep)
        let sent = try store.followUpVersion()
        #expect(sent > imported, "a send into the open split is a new follow-up")
        try store.recordClaim(Claim(stakeholder: "lee", topic: "tco", value: .number(125_000), date: Day("2026-11-25")!), to: "acme-health", by: rep)
        #expect(try store.followUpVersion() > sent, "the split closed within the window: that send is met")
        #expect(try store.evidence(asOf: Samples.asOf) != before)
    }

    /// Evidence comes from the store's history: sends of the model were followed by the split
    /// closing within two weeks, the same day included; later days do not count.
    @Test(arguments: StoreKind.allCases)
    func evidenceIsLearntFromWhatFollowedSends(_ kind: StoreKind) throws {
        guard let store = try makeStore(kind) else { return }
        _ = try importAcme(store)
        for index in 0..<6 {
            var group = Samples.group
            group.id = "g\(index)"
            group.touches = []
            try store.importGroups([group])
            let sent = Day("2026-10-10")!.adding(days: index)
            try store.recordTouch(Touch(asset: "tco-model", to: ["dana", "lee"], date: sent), to: group.id, by: rep)
            // Lee comes round: the same day for g0, a week later for the others but g5 (three weeks).
            let closes = sent.adding(days: index == 0 ? 0 : index == 5 ? 21 : 7)
            try store.recordClaim(Claim(stakeholder: "lee", topic: "tco", value: .number(125_000), date: closes), to: group.id, by: rep)
        }
        let evidence = try store.evidence(asOf: Samples.asOf)
        // Six sends here, five followed by the split closing within 14 days, and the sample file's own
        // send to Dana on 2026-10-12, after which acme's split never closed.
        #expect(evidence.record(asset: "tco-model", need: .conflict(topic: "tco")) == .init(sends: 7, successes: 5))
        // As of a day when only g0's window had passed or closed, only what was known then counts.
        #expect(try store.evidence(asOf: Day("2026-10-10")!).record(asset: "tco-model", need: .conflict(topic: "tco"))
                == .init(sends: 1, successes: 1))

        // Marketing's "what followed" and the matcher's evidence are one rule: counted over the same
        // sends they agree on every one, on any day (a pending send is neither a success nor a failure).
        let taxonomy = try store.taxonomy()
        let assets = Dictionary(try store.assets(matching: AssetFilter()).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for day in [Day("2026-10-10")!, Day("2026-10-20")!, Day("2026-10-30")!, Samples.asOf] {
            var met = 0, decided = 0
            for id in try store.groupIDs() {
                let group = try #require(try store.group(id: id))
                for outcome in TouchOutcome.analyse(group, assets: { assets[$0] }, taxonomy: taxonomy, from: Day("2000-01-01")!, asOf: day)
                where outcome.asset == "tco-model" {
                    met += outcome.conflictsClosed.filter { $0 == "tco" }.count
                    decided += outcome.conflictsAddressed.filter { $0 == "tco" }.count - outcome.conflictsPending.filter { $0 == "tco" }.count
                }
            }
            let learnt = try store.evidence(asOf: day).record(asset: "tco-model", need: .conflict(topic: "tco"))
            #expect((learnt?.sends ?? 0, learnt?.successes ?? 0) == (decided, met), "on \(day)")
        }
    }
}

/// A database written before figures were checked may hold a claim no formatter can print as
/// digits; opening it with this version retracts that claim, with the reason, and keeps the rest.
@Suite struct FigureLimitMigrationTests {
    let folder = TemporaryFolder()

    @Test func aStoredFigureOutOfRangeIsRetractedWithItsReasonWhenTheDatabaseIsOpened() throws {
        let path = folder.path("old.sqlite")
        do {
            let store = try SQLiteStore(path: path)
            folder.makeContent(assets: ["tco-model": Samples.assetFile()])
            _ = try store.importCatalog(directory: folder.path("content/catalog"), taxonomyPath: nil, asOf: Samples.asOf)
            _ = try store.importGroups(path: folder.write("groups/acme.yaml", Samples.groupYAML), asOf: Samples.asOf)
        }
        // As an older NextSend left it: one figure of 1e308, one of infinity, and the migration not yet run.
        try sqlite(path, """
            UPDATE claim SET value = 1e308 WHERE stakeholderId = 'lee' AND topic = 'tco';
            UPDATE claim SET value = 9e999 WHERE stakeholderId = 'dana' AND topic = 'tco';
            DELETE FROM grdb_migrations WHERE identifier = 'v10-figure-limit';
            """)
        let store = try SQLiteStore(path: path)
        let group = try #require(try store.group(id: "acme-health"))
        #expect(!group.claims.contains { $0.topic == "tco" }, "both out-of-range figures stop counting")
        #expect(group.claims.count == Samples.group.claims.count - 2)
        let retracted = try store.history(ofGroup: "acme-health").retracted.filter { $0.fact.contains("tco") }
        #expect(retracted.count == 2, "\(retracted)")
        #expect(retracted.allSatisfy { $0.provenance.retractedBy?.contains("out of range") == true })
    }

    /// The one mapping an earlier version stored served both CRMs; after the upgrade each has it.
    @Test func theMappingAnEarlierVersionStoredServesBothCRMs() throws {
        let path = folder.path("mapping.sqlite")
        _ = try SQLiteStore(path: path)
        try sqlite(path, """
            INSERT INTO crmMapping (id, yaml, source) VALUES (1, 'defaultInfluence: user', '/srv/crm.yaml');
            DROP TABLE crmMappingFor;
            DELETE FROM grdb_migrations WHERE identifier = 'v11-crm-mapping-per-crm';
            """)
        let store = try SQLiteStore(path: path)
        for crm in ["salesforce", "hubspot"] {
            #expect(try store.crmMapping(for: crm)?.source == "/srv/crm.yaml")
        }
        try store.saveCRMMapping("defaultInfluence: champion", source: "hs.yaml", for: "hubspot")
        #expect(try store.crmMapping(for: "salesforce")?.yaml == "defaultInfluence: user", "one CRM's mapping never replaces the other's")
    }

    private func sqlite(_ path: String, _ sql: String) throws {
        try OldSchemaDatabase(kind: .sqlite, location: path).run(sql)
    }
}

/// A send taken back by mistake and sent again the same day counts again: the store keeps one
/// row per asset, person, day and source, and an ignored insert said "added" while storing nothing.
@Suite struct ResendAfterUndoTests {
    let folder = TemporaryFolder()

    @Test(arguments: StoreKind.allCases)
    func aSendTakenBackAndSentAgainTheSameDayCounts(_ kind: StoreKind) throws {
        guard let store = try kind.make() else { return }
        folder.makeContent(assets: ["tco-model": Samples.assetFile()])
        _ = try store.importCatalog(directory: folder.path("content/catalog"), taxonomyPath: nil, asOf: Samples.asOf)
        _ = try store.importGroups(path: folder.write("groups/acme.yaml", Samples.groupYAML), asOf: Samples.asOf)
        let day = Day("2026-11-20")!
        let send = Touch(asset: "tco-model", to: ["dana"], date: day, channel: "email")
        #expect(try store.recordTouch(send, to: "acme-health", by: Recorder("alice")).added == ["dana"])
        try store.retract(.send(asset: "tco-model", to: ["dana"], date: day), in: "acme-health", by: Recorder("alice"), on: Day("2026-11-29")!)
        #expect(try !store.history(ofGroup: "acme-health").sends.contains { $0.date == day && !$0.provenance.isRetracted })
        let again = try store.recordTouch(Touch(asset: "tco-model", to: ["dana"], date: day, channel: "call"), to: "acme-health", by: Recorder("bob"))
        #expect(again.added == ["dana"])
        let live = try store.history(ofGroup: "acme-health").sends.filter { $0.date == day && !$0.provenance.isRetracted }
        #expect(live.map(\.to) == [["dana"]])
        #expect(live.first?.channel == "call")
        #expect(try store.group(id: "acme-health")?.touches.contains { $0.date == day && $0.to == ["dana"] } == true)
    }
}

/// A group's deal is stored and read back on both stores; a changed deal is an update.
@Suite struct DealStoreTests {
    let folder = TemporaryFolder()

    @Test(arguments: StoreKind.allCases)
    func aDealIsStoredAndAChangeToItIsAnUpdate(_ kind: StoreKind) throws {
        guard let store = try kind.make() else { return }
        folder.makeContent(assets: ["tco-model": Samples.assetFile()])
        _ = try store.importCatalog(directory: folder.path("content/catalog"), taxonomyPath: nil, asOf: Samples.asOf)
        var group = Samples.group
        group.deal = Deal(name: "Acme - Platform", stage: "Proposal/Price Quote", amount: 480_000, currency: "USD", closeDate: Day("2027-02-27"))
        _ = try store.importGroups([group], origins: [group.id: "salesforce:006A"], dryRun: false, closing: [:], closedBy: "salesforce")
        #expect(try store.group(id: group.id)?.deal == group.deal)
        let same = try store.importGroups([group], origins: [group.id: "salesforce:006A"], dryRun: false, closing: [:], closedBy: "salesforce")
        #expect(same.unchanged == [group.id])
        group.deal?.stage = "Negotiation/Review"
        let moved = try store.importGroups([group], origins: [group.id: "salesforce:006A"], dryRun: false, closing: [:], closedBy: "salesforce")
        #expect(moved.updated == [group.id], "a deal that moved on is an update")
        group.owner = "bob@vendor.example"
        #expect(try store.importGroups([group], origins: [group.id: "salesforce:006A"], dryRun: false, closing: [:], closedBy: "salesforce").updated == [group.id])
        #expect(try store.group(id: group.id)?.deal?.stage == "Negotiation/Review")
    }
}

/// Marketing's "what followed" (`TouchOutcome`, the digest) and the matcher's evidence (the store's
/// follow-ups) are one rule: on a generated history of 300 groups they agree on every asset and every
/// need, on days before, inside and after the sends' windows.
@Suite struct FollowUpAgreementTests {
    static let asOf = Day("2026-11-29")!

    @Test(arguments: StoreKind.allCases)
    func marketingAndLearningAgreeOnEverySend(_ kind: StoreKind) throws {
        guard let store = try kind.make() else { return }
        let taxonomySource = DatasetGenerator.defaultTaxonomySource
        let taxonomy = try TaxonomyParser.parse(taxonomySource, file: "taxonomy.yaml")
        let (assets, groups) = DatasetGenerator(assets: 200, groups: 300, reps: 10, seed: 11, asOf: Self.asOf, taxonomy: taxonomy).parsed()
        _ = try store.importCatalog(assets, taxonomy: taxonomy, taxonomySource: taxonomySource, asOf: Self.asOf)
        try store.importGroups(groups)
        let byID = Dictionary(uniqueKeysWithValues: assets.map { ($0.id, $0) })
        var compared = 0
        for day in [Day("2026-09-15")!, Day("2026-10-20")!, Day("2026-11-10")!, Self.asOf] {
            // Marketing's view, summed per asset and need: a decided send is met or past its window.
            var marketing: [String: [String: OutcomeEvidence.Record]] = [:]
            for group in groups {
                for outcome in TouchOutcome.analyse(group, assets: { byID[$0] }, taxonomy: taxonomy, from: Day("2000-01-01")!, asOf: day) {
                    let needs = outcome.conflictsAddressed.map { (Need.Kind.conflict(topic: $0).key, outcome.conflictsClosed.contains($0),
                                                                  outcome.conflictsPending.contains($0)) }
                        + outcome.jobsAddressed.map { (Need.Kind.stalledJob($0).key, outcome.jobsMoved.contains($0), outcome.jobsPending.contains($0)) }
                    for (need, met, pending) in needs where !pending {
                        var record = marketing[outcome.asset, default: [:]][need] ?? .init(sends: 0, successes: 0)
                        record.sends += 1
                        record.successes += met ? 1 : 0
                        marketing[outcome.asset, default: [:]][need] = record
                    }
                }
            }
            let learnt = try store.evidence(asOf: day)
            #expect(learnt.records == marketing, "on \(day)")
            compared += marketing.values.reduce(0) { $0 + $1.values.reduce(0) { $0 + $1.sends } }
        }
        #expect(compared > 200, "enough decided sends to compare: \(compared)")
    }
}

import Foundation
import NextSendTestSupport
import Testing

/// History is never lost, through the real binary: re-imports merge with what reps recorded,
/// destructive imports show their plan, sends are recorded once, deals end, typos are caught.
@Suite struct HistoryCommandTests {
    let cli = CLI()
    let mercy = CLI.repositoryContent + "/groups/mercy-valley-health.yaml"

    /// A copy of the shipped content's database (``ShippedDatabase``).
    func importShippedContent() async throws { try await cli.importShippedContent() }

    func show(_ id: String) async throws -> [String: Any] {
        let result = try await cli.run("group", "show", id, "--as-of", "2026-11-29", "--json")
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    func conflicts(_ id: String) async throws -> [String] {
        await (try show(id)["conflicts"] as? [[String: Any]] ?? []).compactMap { $0["topic"] as? String }
    }

    @Test func aReimportKeepsWhatRepsRecordedAndSaysSo() async throws {
        try await importShippedContent()
        await #expect(try conflicts("mercy-valley-health") == ["tco"])
        // Lee comes round on cost; a send and a new person are recorded.
        #expect(try await cli.run("group", "claim", "mercy-valley-health", "--stakeholder", "lee", "--topic", "tco", "--value", "135000",
                            "--date", "2026-11-28", "--as-of", "2026-11-29", "--by", "alice").status == 0)
        #expect(try await cli.run("sent", "mercy-valley-health", "tco-model", "--to", "dana,lee", "--date", "2026-11-27",
                            "--as-of", "2026-11-29").status == 0)
        await #expect(try conflicts("mercy-valley-health").isEmpty)

        let again = try await cli.run("group", "import", mercy, "--as-of", "2026-11-29")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("1 updated") || again.stdout.contains("1 unchanged"), "\(again.stdout)")
        #expect(again.stdout.contains("3 kept from elsewhere"), "\(again.stdout)")
        #expect(again.stdout.contains("recorded history kept in: mercy-valley-health"), "\(again.stdout)")
        await #expect(try conflicts("mercy-valley-health").isEmpty, "the recorded claim survived the re-import")
        // --verbose accounts for every group of the input, one line each.
        let verbose = try await cli.run("group", "import", CLI.repositoryContent + "/groups", "--as-of", "2026-11-29", "--verbose")
        #expect(verbose.status == 0)
        #expect(verbose.stdout.contains("  mercy-valley-health: unchanged; +0 ~0 -0 kept 3"), "\(verbose.stdout)")
        #expect(verbose.stdout.contains("  granite-peak-health: unchanged; +0 ~0 -0 kept 0"), "\(verbose.stdout)")
        #expect(verbose.stderr.contains("groups merged"), "the steps are logged on stderr: \(verbose.stderr)")

        let json = try await show("mercy-valley-health")
        let touches = try #require(json["touches"] as? [[String: Any]])
        let recorded = try #require(touches.first { $0["origin"] as? String == "recorded" })
        #expect(recorded["to"] as? [String] == ["dana", "lee"])
        #expect(recorded["recordedBy"] as? String != nil)
        let people = try #require(json["stakeholders"] as? [[String: Any]])
        #expect(people.allSatisfy { $0["origin"] as? String == "file:mercy-valley-health" }, "a group file is named by its group, not its path")
    }

    @Test func replaceSaysWhatItRemovesThenRemovesIt() async throws {
        try await importShippedContent()
        #expect(try await cli.run("group", "claim", "mercy-valley-health", "--stakeholder", "lee", "--topic", "tco", "--value", "135000",
                            "--date", "2026-11-28", "--as-of", "2026-11-29").status == 0)
        let replaced = try await cli.run("group", "import", mercy, "--replace", "--as-of", "2026-11-29")
        #expect(replaced.status == 0)
        #expect(replaced.stderr.contains("--replace removes 1 recorded fact in 1 group: mercy-valley-health"), "\(replaced.stderr)")
        await #expect(try conflicts("mercy-valley-health") == ["tco"])
    }

    @Test func dryRunsLeaveTheDatabaseByteIdentical() async throws {
        try await importShippedContent()
        // Every row of every table, and the data version digests are keyed on. (The file's header
        // bytes are not compared: GRDB creates and drops a marker table whenever it opens a
        // database whose write-ahead log is missing, which any command does.)
        let before = try cli.dump()
        let edited = cli.folder.write("mercy.yaml", try String(contentsOfFile: mercy, encoding: .utf8)
            .replacingOccurrences(of: "value: 310000", with: "value: 300000"))
        let plan = try await cli.run("group", "import", edited, "--dry-run", "--as-of", "2026-11-29")
        #expect(plan.status == 0)
        #expect(plan.stdout.contains("Would import"), "\(plan.stdout)")
        #expect(plan.stdout.contains("Nothing was written (--dry-run)."))
        let catalogPlan = try await cli.run("catalog", "import", CLI.repositoryContent + "/catalog", "--dry-run", "--as-of", "2026-11-29")
        #expect(catalogPlan.status == 0 && catalogPlan.stdout.contains("Would import"), "\(catalogPlan.stdout)")
        #expect(try cli.dump() == before)
    }

    @Test func aCatalogImportThatWouldRetireMostOfTheCatalogIsRefused() async throws {
        try await importShippedContent()
        let before = try cli.dump()
        let one = cli.folder.path("one/catalog")
        try FileManager.default.createDirectory(atPath: one, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CLI.repositoryContent + "/catalog/tco-model.md", toPath: one + "/tco-model.md")
        let taxonomy = ["--taxonomy", CLI.repositoryContent + "/taxonomy.yaml", "--as-of", "2026-11-29"]
        let refused = try await cli.run(["catalog", "import", one] + taxonomy)
        #expect(refused.status == 65, "\(refused.stderr)")
        #expect(refused.stderr.contains("would retire 48 of the 49 published assets"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--allow-retire"))
        #expect(try cli.dump() == before)
        let allowed = try await cli.run(["catalog", "import", one, "--allow-retire"] + taxonomy)
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(allowed.stdout.contains("49 retired"), "48 published and the draft: \(allowed.stdout)")
    }

    @Test func aDoubledSendIsOneTouchAndConsumedCanComeLater() async throws {
        try await importShippedContent()
        for _ in 0..<2 {
            #expect(try await cli.run("sent", "mercy-valley-health", "tco-model", "--to", "dana", "--date", "2026-11-28",
                                "--as-of", "2026-11-29").status == 0)
        }
        let second = try await cli.run("sent", "mercy-valley-health", "tco-model", "--to", "dana", "--date", "2026-11-28", "--as-of", "2026-11-29")
        #expect(second.stdout.contains("Already recorded"), "\(second.stdout)")
        let sends = await (try show("mercy-valley-health")["touches"] as? [[String: Any]] ?? [])
            .filter { $0["asset"] as? String == "tco-model" && $0["date"] as? String == "2026-11-28" }
        #expect(sends.count == 1)
        #expect(sends.first?["consumed"] as? Bool == false)

        let consumed = try await cli.run("consumed", "mercy-valley-health", "tco-model", "--by-recipient", "dana")
        #expect(consumed.status == 0, "\(consumed.stderr)")
        #expect(consumed.stdout.contains("Marked consumed: Three-year TCO model, cloud and on-premises side by side for Dana Reyes (finance) (sent 2026-11-28)."), "\(consumed.stdout)")
        let after = await (try show("mercy-valley-health")["touches"] as? [[String: Any]] ?? [])
            .filter { $0["asset"] as? String == "tco-model" && $0["date"] as? String == "2026-11-28" }
        #expect(after.first?["consumed"] as? Bool == true)
        let never = try await cli.run("consumed", "mercy-valley-health", "tco-model", "--by-recipient", "marcus")
        #expect(never.status == 66)
        #expect(never.stderr.contains("no send of tco-model to marcus"), "\(never.stderr)")
    }

    @Test func aFactDatedInTheFutureIsRefused() async throws {
        try await importShippedContent()
        let before = try cli.dump()
        let send = try await cli.run("sent", "mercy-valley-health", "tco-model", "--to", "dana", "--date", "2027-03-01", "--as-of", "2026-11-29")
        #expect(send.status == 65)
        #expect(send.stderr.contains("--date: 2027-03-01 is after 2026-11-29"), "\(send.stderr)")
        let claim = try await cli.run("group", "claim", "mercy-valley-health", "--stakeholder", "lee", "--topic", "tco", "--value", "1",
                                "--date", "2026-12-01", "--as-of", "2026-11-29")
        #expect(claim.status == 65)
        #expect(try cli.dump() == before)
    }

    @Test func aRetractedClaimStopsCountingAndStaysInTheHistory() async throws {
        try await importShippedContent()
        #expect(try await cli.run("group", "claim", "mercy-valley-health", "--stakeholder", "lee", "--topic", "tco", "--value", "135000",
                            "--date", "2026-11-28", "--as-of", "2026-11-29").status == 0)
        await #expect(try conflicts("mercy-valley-health").isEmpty)
        let retract = try await cli.run("retract", "mercy-valley-health", "claim", "--stakeholder", "lee", "--topic", "tco",
                                  "--date", "2026-11-28", "--by", "bob")
        #expect(retract.status == 0, "\(retract.stderr)")
        await #expect(try conflicts("mercy-valley-health") == ["tco"])
        let text = try await cli.run("group", "show", "mercy-valley-health", "--as-of", "2026-11-29").stdout
        #expect(text.contains("Retracted (kept in the history, no longer counted):"), "\(text)")
        #expect(text.contains("claim: lee holds 135000 on tco (2026-11-28) — retracted by bob"), "\(text)")
        let fromFile = try await cli.run("retract", "mercy-valley-health", "claim", "--stakeholder", "dana", "--topic", "tco", "--date", "2026-10-02")
        #expect(fromFile.status == 65)
        #expect(fromFile.stderr.contains("came from file:"), "\(fromFile.stderr)")
    }

    @Test func aClosedGroupLeavesNextTheDigestAndTheList() async throws {
        try await importShippedContent()
        #expect(try await cli.run("group", "close", "mercy-valley-health", "--won", "--as-of", "2026-11-20").status == 0)
        let next = try await cli.run("next", "mercy-valley-health", "--as-of", "2026-11-29")
        #expect(next.status == 0)
        #expect(next.stdout.contains("is closed as won since 2026-11-20; nothing to send"), "\(next.stdout)")
        let list = try await cli.run("group", "list", "--json", "--as-of", "2026-11-29").stdout
        #expect(!list.contains("mercy-valley-health"))
        #expect(try await cli.run("group", "list", "--all", "--json", "--as-of", "2026-11-29").stdout.contains("mercy-valley-health"))
        let digest = try await cli.run("digest", "--week", "2026-W48", "--out", "out")
        #expect(digest.status == 0, "\(digest.stderr)")
        let alice = cli.folder.read("out/2026-W48/reps/alice@rosterline.example.md")
        #expect(!alice.isEmpty && !alice.contains("Mercy Valley"), "a closed deal leaves the rep's digest")
        #expect(try await cli.run("group", "reopen", "mercy-valley-health").status == 0)
        #expect(try await cli.run("next", "mercy-valley-health", "--as-of", "2026-11-29").stdout.contains("tco-model"))
    }

    @Test func typosAreCaughtWhereTheyAreTyped() async throws {
        try await importShippedContent()
        let owner = try await cli.run("group", "list", "--owner", "alice")
        #expect(owner.status == 66)
        #expect(owner.stderr.contains("did you mean 'alice@rosterline.example'?"), "\(owner.stderr)")
        let digest = try await cli.run("digest", "--owner", "bob", "--week", "2026-W48", "--out", "out")
        #expect(digest.status == 66, "\(digest.stderr)")
        let group = try await cli.run("next", "mercy-valley-healt", "--as-of", "2026-11-29")
        #expect(group.status == 66)
        #expect(group.stderr.contains("did you mean 'mercy-valley-health'?"), "\(group.stderr)")
        let asset = try await cli.run("sent", "mercy-valley-health", "tco-modle", "--to", "dana", "--as-of", "2026-11-29")
        #expect(asset.status == 65)
        #expect(asset.stderr.contains("ASSET: unknown asset 'tco-modle'"), "\(asset.stderr)")
        #expect(asset.stderr.contains("did you mean 'tco-model'?"), "\(asset.stderr)")
        let role = try await cli.run("catalog", "list", "--role", "finanse")
        #expect(role.status == 64)
        #expect(role.stderr.contains("did you mean 'finance'?"), "\(role.stderr)")
    }

    @Test func aDismissedPickLeavesNextAndMarketingCountsItsReasons() async throws {
        try await importShippedContent()
        let first = try await cli.run("next", "mercy-valley-health", "--as-of", "2026-11-29", "--json").stdout
        #expect(first.contains("\"tco-model\""))
        let dismiss = try await cli.run("dismiss", "mercy-valley-health", "tco-model", "--reason", "CFO wants | a one-pager", "--as-of", "2026-11-29")
        #expect(dismiss.status == 0, "\(dismiss.stderr)")
        #expect(dismiss.stdout.contains("out of its picks until 2026-12-29"), "\(dismiss.stdout)")
        #expect(!(try await cli.run("next", "mercy-valley-health", "--as-of", "2026-11-29", "--json").stdout.contains("\"tco-model\"")))
        #expect(try await cli.run("next", "mercy-valley-health", "--as-of", "2026-12-29", "--json").stdout.contains("\"tco-model\""),
                "back after 30 days")
        let shown = try await show("mercy-valley-health")
        let dismissals = try #require(shown["dismissals"] as? [[String: Any]])
        #expect(dismissals.first?["asset"] as? String == "tco-model")
        #expect(dismissals.first?["origin"] as? String == "recorded")

        #expect(try await cli.run("digest", "--week", "2026-W48", "--out", "out").status == 0)
        let marketing = try #require(try JSONSerialization.jsonObject(with: Data(cli.folder.read("out/2026-W48/marketing.json").utf8))
            as? [String: Any])
        let counted = try #require(marketing["dismissals"] as? [[String: Any]])
        #expect(counted.first?["asset"] as? String == "tco-model")
        #expect(counted.first?["count"] as? Int == 1)
        let reasons = try #require(counted.first?["reasons"] as? [[String: Any]])
        #expect(reasons.first?["reason"] as? String == "CFO wants | a one-pager")
        #expect(reasons.first?["groups"] as? [String] == ["mercy-valley-health"])
        #expect(reasons.first?["reps"] as? [String] == ["alice@rosterline.example"])
        #expect(reasons.first?["latest"] as? String == "2026-11-29")
        #expect(cli.folder.read("out/2026-W48/marketing.md").contains("| CFO wants \\| a one-pager | 1 | mercy-valley-health | alice@rosterline.example | 2026-11-29 |"),
                "one row per reason, a pipe cannot break the table: \(cli.folder.read("out/2026-W48/marketing.md"))")

        let unknown = try await cli.run("dismiss", "mercy-valley-health", "tco-modle")
        #expect(unknown.status == 66)
        #expect(unknown.stderr.contains("did you mean 'tco-model'?"), "\(unknown.stderr)")
        #expect(try await cli.run("retract", "mercy-valley-health", "dismissal", "--asset", "tco-model", "--date", "2026-11-29").status == 0)
        #expect(try await cli.run("next", "mercy-valley-health", "--as-of", "2026-11-29", "--json").stdout.contains("\"tco-model\""))
    }

    /// `catalog show` says how the asset did (#33): sends, met / not met / pending by the one
    /// follow-up rule, dismissals — as of the day asked.
    @Test func catalogShowSaysHowTheAssetDid() async throws {
        try await importShippedContent()
        func performance(_ day: String) async throws -> [String: Any] {
            let shown = try await cli.run("catalog", "show", "tco-model", "--json", "--as-of", day)
            #expect(shown.status == 0, "\(shown.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
            #expect(json["id"] as? String == "tco-model", "the asset's own fields stay")
            return try #require(json["performance"] as? [String: Any])
        }
        let before = try await performance("2026-11-29")
        let sent = try await cli.run("sent", "mercy-valley-health", "tco-model", "--to", "dana,lee", "--date", "2026-11-27", "--as-of", "2026-11-29")
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(try await cli.run("dismiss", "harborview-medical-group", "tco-model", "--reason", "too long", "--as-of", "2026-11-29").status == 0)
        let now = try await performance("2026-11-29")
        #expect((now["sends"] as? Int ?? 0) > (before["sends"] as? Int ?? 0))
        #expect((now["pending"] as? Int ?? 0) == (before["pending"] as? Int ?? 0) + 1, "inside its 14 days: pending, not a miss")
        #expect((now["dismissals"] as? Int ?? 0) == (before["dismissals"] as? Int ?? 0) + 1)
        #expect((now["groups"] as? [String])?.contains("mercy-valley-health") == true)
        let later = try await performance("2026-12-20")
        #expect((later["pending"] as? Int ?? -1) < (now["pending"] as? Int ?? 0), "the window closed: met or not met")
        let text = try await cli.run("catalog", "show", "tco-model", "--as-of", "2026-11-29").stdout
        #expect(text.contains("results") && text.contains("pending") && text.contains("dismissed"), "\(text)")
    }

    @Test func recordingCommandsPrintJSONForTools() async throws {
        try await importShippedContent()
        let closed = try await cli.run("group", "close", "mercy-valley-health", "--won", "--as-of", "2026-11-20", "--by", "alice", "--json")
        #expect(closed.status == 0, "\(closed.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(closed.stdout.utf8)) as? [String: Any])
        #expect(json["group"] as? String == "mercy-valley-health")
        #expect(json["action"] as? String == "won")
        #expect(json["by"] as? String == "alice")
        #expect(json["date"] as? String == "2026-11-20")
    }
}

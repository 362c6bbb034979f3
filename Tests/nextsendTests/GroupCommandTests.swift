import Foundation
import NextSendTestSupport
import Testing

/// End to end: the built binary on the shipped example groups and on bad input.
@Suite struct GroupCommandTests {
    let cli = CLI()

    /// A copy of the shipped content's database (``ShippedDatabase``).
    func importShippedContent() async throws { try await cli.importShippedContent() }

    func show(_ id: String) async throws -> [String: Any] {
        let result = try await cli.run("group", "show", id, "--as-of", "2026-11-29", "--json")
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    func jobs(_ json: [String: Any]) -> [String: [String: Any]] {
        Dictionary(uniqueKeysWithValues: (json["jobs"] as? [[String: Any]] ?? []).map { ($0["job"] as! String, $0) })
    }

    @Test func eachExampleGroupTellsItsStory() async throws {
        try await importShippedContent()

        // Split on a cost figure.
        let mercy = try await show("mercy-valley-health")
        let mercyConflicts = mercy["conflicts"] as? [[String: Any]] ?? []
        #expect(mercyConflicts.map { $0["topic"] as? String } == ["tco"])
        let values = (mercyConflicts.first?["positions"] as? [[String: Any]])?.compactMap { $0["value"] as? Double }
        #expect(values == [120_000, 140_000, 310_000])

        // Split on a choice topic.
        let harbor = try await show("harborview-medical-group")
        let harborConflict = (harbor["conflicts"] as? [[String: Any]])?.first
        #expect(harborConflict?["topic"] as? String == "deployment")
        #expect((harborConflict?["positions"] as? [[String: Any]])?.compactMap { $0["position"] as? String } == ["cloud-only", "hybrid", "on-prem-required"])

        // Stalled in validation for weeks.
        let brendan = await jobs(try show("st-brendans-regional"))
        #expect(brendan["validation"]?["status"] as? String == "stalled")
        #expect((brendan["validation"]?["idleDays"] as? Int ?? 0) >= 30)

        // Looping back to requirements building.
        let cascade = await jobs(try show("cascade-behavioral-health"))
        #expect(cascade["requirements-building"]?["loops"] as? Int == 2)
        #expect(cascade["requirements-building"]?["status"] as? String == "active")

        // Healthy.
        let lakeshore = try await show("lakeshore-community-hospital")
        #expect((lakeshore["conflicts"] as? [Any])?.isEmpty == true)
        #expect((lakeshore["unengaged"] as? [Any])?.isEmpty == true)
        #expect(!jobs(lakeshore).values.contains { $0["status"] as? String == "stalled" })

        // Stakeholders nobody has reached.
        let granite = try await show("granite-peak-health")
        #expect((granite["unengaged"] as? [String])?.count ?? 0 >= 5)
        #expect((granite["unengaged"] as? [String])?.contains("ed") == true, "the CFO has not been reached")
    }

    @Test func showPrintsABoardConflictsAndUnreachedPeople() async throws {
        try await importShippedContent()
        let result = try await cli.run("group", "show", "mercy-valley-health", "--as-of", "2026-11-29")
        #expect(result.stdout.contains("validation              active"))
        // Figures within the topic's tolerance of each other read as one camp.
        #expect(result.stdout.contains("tco (Three-year total cost of ownership) — Dana Reyes (finance) and Ellen Cho (executive) at $120,000–$140,000 vs Lee Park (IT) at $310,000"))
        #expect(result.stdout.contains("Nobody has reached"))
        #expect(result.stdout.contains("Marcus Hill (end user; influence: user)"))
        let same = try await cli.run("group", "show", "mercy-valley-health", "--as-of", "2026-11-29", "--json")
        let again = try await cli.run("group", "show", "mercy-valley-health", "--as-of", "2026-11-29", "--json")
        #expect(same.stdout == again.stdout)
    }

    @Test func recordingAClaimThatAgreesClosesTheConflict() async throws {
        try await importShippedContent()
        let recorded = try await cli.run("group", "claim", "mercy-valley-health", "--stakeholder", "lee", "--topic", "tco",
                                   "--value", "135000", "--source", "tco-model", "--date", "2026-11-28")
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let json = try await show("mercy-valley-health")
        #expect((json["conflicts"] as? [Any])?.isEmpty == true)
        let earlier = try await cli.run("group", "show", "mercy-valley-health", "--as-of", "2026-11-27", "--json")
        #expect(earlier.stdout.contains("\"topic\" : \"tco\""), "the history is kept: the conflict was open the day before")
    }

    /// Every rejected command exits 65, says what was expected, and writes nothing.
    @Test(arguments: [
        (["group", "claim", "mercy-valley-health", "--stakeholder", "zoe", "--topic", "tco", "--value", "1"], "unknown stakeholder 'zoe'"),
        (["group", "claim", "mercy-valley-health", "--stakeholder", "lee", "--topic", "pricing", "--value", "1"], "unknown topic 'pricing'"),
        (["group", "claim", "mercy-valley-health", "--stakeholder", "lee", "--topic", "deployment", "--position", "on-site"], "unknown position of deployment 'on-site'"),
        (["group", "claim", "mercy-valley-health", "--stakeholder", "lee", "--topic", "deployment", "--value", "3"], "--value: deployment is a choice topic"),
        (["group", "claim", "mercy-valley-health", "--stakeholder", "lee", "--topic", "tco", "--value", "1", "--date", "yesterday"], "--date: expected a date YYYY-MM-DD"),
        (["group", "event", "mercy-valley-health", "--job", "negotiation", "--type", "started"], "unknown buying job 'negotiation'"),
        (["group", "event", "mercy-valley-health", "--job", "validation", "--type", "paused"], "unknown event type 'paused'"),
        (["group", "stakeholder", "add", "mercy-valley-health", "--id", "lee", "--name", "Lee", "--role", "it", "--influence", "user"], "already in mercy-valley-health"),
        (["group", "stakeholder", "add", "mercy-valley-health", "--id", "zed", "--name", "Zed", "--role", "wizard", "--influence", "user"], "unknown role 'wizard'"),
    ] as [([String], String)])
    func badRecordsAreRefusedAndNothingIsWritten(_ arguments: [String], _ message: String) async throws {
        try await importShippedContent()
        let before = try cli.dump()
        let result = try await cli.run(arguments)
        #expect(result.status == 65)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try cli.dump() == before)
    }

    @Test func aBadGroupFileIsRefusedWithItsLineAndTheStoreIsUnchanged() async throws {
        try await importShippedContent()
        let before = try cli.dump()
        cli.folder.write("bad.yaml", Samples.groupYAML
            .replacingOccurrences(of: "id: acme-health", with: "id: mercy-valley-health")
            .replacingOccurrences(of: "account: Acme Health", with: "account: Mercy Valley Health")
            .replacingOccurrences(of: "topic: deployment, position: hybrid", with: "topic: deployment, position: hybird"))
        let result = try await cli.run("group", "import", "bad.yaml")
        #expect(result.status == 65)
        #expect(result.stderr.contains("bad.yaml:14: error: claims[4].position: unknown position of deployment 'hybird'; did you mean 'hybrid'?"), "\(result.stderr)")
        #expect(try cli.dump() == before, "the existing group was not replaced")
    }

    @Test func listFiltersByOwner() async throws {
        try await importShippedContent()
        let result = try await cli.run("group", "list", "--owner", "bob@rosterline.example", "--as-of", "2026-11-29", "--json")
        let lines = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(lines.compactMap { $0["id"] as? String } == ["cascade-behavioral-health", "st-brendans-regional"])
        #expect(lines.last?["stalled"] as? [String] == ["validation"])
    }
}

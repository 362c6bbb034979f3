import Foundation
import NextSendTestSupport
import Testing

/// End to end: `next`, `sent` and `demo` on the shipped content, through the built binary.
@Suite struct NextCommandTests {
    let cli = CLI()

    init() async throws {
        #expect(try await cli.run("catalog", "import", CLI.repositoryContent + "/catalog", "--as-of", "2026-11-29").status == 0)
        #expect(try await cli.run("group", "import", CLI.repositoryContent + "/groups").status == 0)
    }

    func next(_ group: String, _ extra: [String] = []) async throws -> [String: Any] {
        let result = try await cli.run(["next", group, "--as-of", "2026-11-29", "--json"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    func picks(_ group: String, _ extra: [String] = []) async throws -> [[String: Any]] {
        try await next(group, extra)["recommendations"] as? [[String: Any]] ?? []
    }

    /// The top pick for each example group, and why a sales leader would agree with it.
    @Test(arguments: [
        // Finance, the COO and IT hold $120k–$310k for the same project: a shared TCO model that both
        // fill in is the classic way to get one number on the table before validation closes.
        ("mercy-valley-health", "tco-model"),
        // The CIO wants cloud, the CISO on-premises: a neutral primer on the three deployment models,
        // written for IT, security and finance together, reframes the fight as trade-offs.
        ("harborview-medical-group", "deployment-options-primer"),
        // Validation has been silent for six weeks: the business case builder gives the CFO and the
        // CEO the numbers a validation stage is waiting for, and the whole group can use it.
        ("st-brendans-regional", "business-case-builder"),
        // Requirements keep reopening over Epic-native vs HL7: the checklist that breaks "integrates
        // with Epic" into concrete data flows is what ends that loop.
        ("cascade-behavioral-health", "ehr-integration-checklist"),
        // Healthy deal in validation and consensus: the shared business case builder helps the board
        // sign off; the TCO model they already have is not sent again.
        ("lakeshore-community-hospital", "business-case-builder"),
        // Everything goes through the champion; the CFO, COO, CISO and counsel have heard nothing. A
        // self-serve, shareable primer on deployment gets in front of IT, security and finance at once.
        ("granite-peak-health", "deployment-options-primer"),
    ] as [(String, String)])
    func topPickForEachExampleGroup(_ group: String, _ expected: String) async throws {
        let top = try await #require(try picks(group).first)
        #expect(top["asset"] as? String == expected, "\(top)")
    }

    @Test func jsonHasTheBriefsShapeAndIsByteForByteStable() async throws {
        let json = try await next("mercy-valley-health")
        #expect(json["group"] as? String == "mercy-valley-health")
        #expect(json["asOf"] as? String == "2026-11-29")
        let first = try #require((json["recommendations"] as? [[String: Any]])?.first)
        #expect(first["rank"] as? Int == 1)
        #expect(first["asset"] as? String == "tco-model")
        #expect(first["title"] as? String == "Three-year TCO model, cloud and on-premises side by side")
        #expect(first["sendTo"] as? [String] == ["dana", "ellen", "lee"])
        let addresses = try #require(first["addresses"] as? [[String: Any]])
        #expect(addresses.first?["kind"] as? String == "conflict")
        #expect(addresses.first?["topic"] as? String == "tco")
        #expect((first["score"] as? Double ?? 0) > 0)
        #expect((first["reason"] as? String)?.contains("Dana Reyes (finance)") == true)
        #expect((first["reason"] as? String)?.contains("$120,000") == true)
        let a = try await cli.run("next", "mercy-valley-health", "--as-of", "2026-11-29", "--json").stdout
        let b = try await cli.run("next", "mercy-valley-health", "--as-of", "2026-11-29", "--json").stdout
        #expect(a == b)
    }

    @Test func limitToAndExplain() async throws {
        await #expect(try picks("mercy-valley-health", ["--limit", "2"]).count == 2)
        let toLee = try await picks("mercy-valley-health", ["--to", "lee"])
        #expect(!toLee.isEmpty)
        #expect(toLee.allSatisfy { $0["sendTo"] as? [String] == ["lee"] })
        let explained = try await cli.run("next", "mercy-valley-health", "--as-of", "2026-11-29", "--explain")
        #expect(explained.stdout.contains("conflict:tco"))
        #expect(explained.stdout.contains("resolves this conflict"))
        #expect(try await cli.run("next", "mercy-valley-health", "--to", "nobody").status == 65)
        #expect(try await cli.run("next", "no-such-group").status == 66)
        #expect(try await cli.run("next", "mercy-valley-health", "--limit", "0").status == 64)
    }

    @Test func sentRemovesThePeopleItReachedFromTheNextRecommendations() async throws {
        let sent = try await cli.run("sent", "mercy-valley-health", "tco-model", "--to", "dana,ellen,lee", "--date", "2026-11-29", "--consumed")
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(!sent.stderr.contains("warning"), "a shareable asset raises no split warning")
        let after = try await picks("mercy-valley-health")
        #expect(!after.contains { $0["asset"] as? String == "tco-model" })
    }

    @Test func sentWarnsAboutOneSidedContentIntoASplitGroupAndNamesAnAlternative() async throws {
        // The pricing guide is for finance and procurement; the agency diagnostic for one role only.
        let result = try await cli.run("sent", "mercy-valley-health", "cost-of-vacancy-calculator", "--to", "dana", "--date", "2026-11-29")
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning: cost-of-vacancy-calculator is made for finance only"), "\(result.stderr)")
        #expect(result.stderr.contains("tends to harden the split"))
        #expect(result.stderr.contains("Consider the shareable tco-model"), "\(result.stderr)")
    }

    @Test func sentRefusesUnknownPeopleAndAssetsAndWritesNothing() async throws {
        let before = try cli.dump()
        #expect(try await cli.run("sent", "mercy-valley-health", "tco-model", "--to", "zoe").status == 65)
        #expect(try await cli.run("sent", "mercy-valley-health", "no-such-asset", "--to", "dana").status == 65)
        #expect(try await cli.run("sent", "mercy-valley-health", "tco-model", "--to", "dana", "--date", "29/11/2026").status == 65)
        #expect(try cli.dump() == before)
    }

    @Test func demoTellsTheWholeStory() async throws {
        let demo = CLI()
        let result = try await demo.run(["demo", "--content", CLI.repositoryContent])
        #expect(result.status == 0, "\(result.stderr)")
        for line in ["1. The catalog", "3. Where is mercy-valley-health really stuck?", "4. What to send next",
                     "5. The rep sends the top pick", "is off the list for", "The conflict on three-year total cost of ownership is closed"] {
            #expect(result.stdout.contains(line), "\(line)")
        }
        #expect(!FileManager.default.fileExists(atPath: demo.database), "the demo never touches the user's database")
    }
}

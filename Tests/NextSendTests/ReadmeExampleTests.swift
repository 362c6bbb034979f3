import NextSend
import Testing

/// The library example of the README, kept compiling and true.
@Suite struct ReadmeExampleTests {
    @Test func theReadmeExampleWorks() throws {
        // --- README example starts
        let taxonomy = try TaxonomyParser.parse("""
            roles: [finance, it]
            influence: {decision-maker: 1.0, influencer: 0.6}
            formats: [tool, guide]
            topics:
              tco: {label: Three-year cost, kind: number, unit: USD, tolerance: 0.2, jobs: [validation]}
            """, file: "taxonomy.yaml")

        let group = BuyingGroup(
            id: "acme", account: "Acme Health", owner: "alice@vendor.example",
            stakeholders: [
                Stakeholder(id: "dana", name: "Dana Reyes", role: "finance", influence: "decision-maker"),
                Stakeholder(id: "lee", name: "Lee Park", role: "it", influence: "influencer"),
            ],
            claims: [
                Claim(stakeholder: "dana", topic: "tco", value: .number(120_000), date: Day("2026-10-02")!),
                Claim(stakeholder: "lee", topic: "tco", value: .number(310_000), date: Day("2026-10-09")!),
            ],
            events: [JobEvent(job: .validation, type: .started, date: Day("2026-10-20")!)])

        let catalog = CatalogIndex(assets: [
            Asset(id: "tco-model", title: "Three-year TCO model", format: "tool", jobs: [.validation],
                  roles: ["finance", "it"], resolves: [.init(topic: "tco")], shareable: true),
        ])

        let asOf = Day("2026-11-29")!
        let diagnosis = Diagnoser.diagnose(group, taxonomy: taxonomy, asOf: asOf)
        for pick in Matcher.recommend(for: group, diagnosis: diagnosis, index: catalog, taxonomy: taxonomy) {
            print(pick.rank, pick.asset.id, pick.sendTo, pick.reason)
        }
        // 1 tco-model ["dana", "lee"] Dana (finance) and Lee (IT) disagree on three-year cost: $120,000 vs $310,000 — …
        // --- README example ends

        let pick = try #require(Matcher.recommend(for: group, diagnosis: diagnosis, index: catalog, taxonomy: taxonomy).first)
        #expect(pick.asset.id == "tco-model")
        #expect(pick.sendTo == ["dana", "lee"])
        #expect(pick.reason.hasPrefix("Dana (finance) and Lee (IT) disagree on three-year cost: $120,000 vs $310,000 — "))
        #expect(diagnosis.job(.validation)?.status == .stalled)
    }
}

import NextSend

/// The library example of docs/library.md, compiled here so it cannot rot; `ReadmeExampleTests`
/// checks that the page shows exactly the lines between the markers.
enum ReadmeExample {
    static func run() throws -> Advice {
        // --- README example starts
        let taxonomy = try TaxonomyParser.parse("""
            roles: [finance, it]
            roleLabels: {it: IT}
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

        // Build the advisor once and ask it about every group.
        let advisor = Advisor(taxonomy: taxonomy, index: catalog)
        let advice = try advisor.advise(group, asOf: Day("2026-11-29")!)
        for pick in advice.recommendations {
            print(pick.rank, pick.asset.id, pick.sendTo, pick.reason)
        }
        // 1 tco-model ["dana", "lee"] Dana Reyes (finance) and Lee Park (IT) disagree on three-year cost: Dana at $120,000 vs Lee at $310,000 — …
        // --- README example ends
        return advice
    }
}

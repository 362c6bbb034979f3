import NextSend
import NextSendTestSupport
import Testing

/// Picks a sales leader would sign (issue #28): credit in proportion to the sides a resolver
/// covers, reasons that say how much it covers, and job content going to the people it is made
/// for. Each test is a small group written for the case, with the expected pick stated first.
@Suite struct PartialCreditTests {
    let asOf = Day("2026-11-29")!
    let taxonomy = try! TaxonomyParser.parse("""
        roles: [executive, finance, it, operations, engineering]
        influence: {decision-maker: 1.0, champion: 0.8, influencer: 0.6, user: 0.4}
        formats: [guide, tool, deck, template]
        topics:
          financing:
            label: How the fleet is financed
            kind: choice
            positions: [buy-outright, lease, energy-as-a-service]
            jobs: [solution-exploration, supplier-selection]
          tco:
            label: Three-year cost
            kind: number
            unit: USD
            tolerance: 0.2
            jobs: [validation]
        """, file: "taxonomy.yaml")

    func recommend(_ group: BuyingGroup, _ assets: [Asset], exhaustive: Bool = false) -> [Recommendation] {
        let diagnosis = Diagnoser.diagnose(group, taxonomy: taxonomy, asOf: asOf)
        return Matcher.recommend(for: group, diagnosis: diagnosis, index: CatalogIndex(assets: assets), taxonomy: taxonomy,
                                 options: MatchOptions(limit: 5, exhaustive: exhaustive))
    }

    /// Three people, three positions: a workshop for all three outranks a briefing for two of them
    /// (which sorts first by id, so a tie would have put it first), and each says what it covers.
    @Test func aResolverForAllThreeCampsOutranksOneForTwo() throws {
        let group = BuyingGroup(id: "fleet", account: "Fleet Co", owner: "rep@x.example", stakeholders: [
            Stakeholder(id: "cfo", name: "Ana Silva", role: "finance", influence: "decision-maker"),
            Stakeholder(id: "coo", name: "Ben Ode", role: "operations", influence: "decision-maker"),
            Stakeholder(id: "cio", name: "Cy Park", role: "it", influence: "decision-maker"),
        ], claims: [
            Claim(stakeholder: "cfo", topic: "financing", value: .position("buy-outright"), date: Day("2026-11-20")!),
            Claim(stakeholder: "coo", topic: "financing", value: .position("lease"), date: Day("2026-11-21")!),
            Claim(stakeholder: "cio", topic: "financing", value: .position("energy-as-a-service"), date: Day("2026-11-22")!),
        ], events: [JobEvent(job: .supplierSelection, type: .started, date: Day("2026-11-25")!)])
        let briefing = Asset(id: "a-briefing", title: "Buy or lease", format: "guide", jobs: [.supplierSelection],
                             resolves: [.init(topic: "financing", positions: ["buy-outright", "lease"])], shareable: true)
        let workshop = Asset(id: "b-workshop", title: "Financing workshop", format: "deck", jobs: [.supplierSelection],
                             resolves: [.init(topic: "financing")], shareable: true)
        let picks = recommend(group, [briefing, workshop])
        #expect(picks.map(\.asset.id) == ["b-workshop", "a-briefing"])
        #expect(picks[0].reason.contains("is made to reconcile exactly that"), "\(picks[0].reason)")
        #expect(picks[1].reason.contains("covers 2 of 3 sides (buy-outright and lease); Cy's energy-as-a-service view is not addressed"),
                "\(picks[1].reason)")
        #expect(!picks[1].reason.contains("exactly that"))
        // Each on its own (no credit shared out between picks):
        let full = try #require(recommend(group, [workshop]).first?.breakdown.first { $0.detail.hasPrefix("resolves this conflict") })
        let partial = try #require(recommend(group, [briefing]).first?.breakdown.first { $0.detail.hasPrefix("covers 2 of 3 sides") })
        #expect(abs(partial.value / full.value - 2.0 / 3.0) < 0.01, "two of three equal voices: two thirds of the credit")
        #expect(picks.map(\.asset.id) == recommend(group, [briefing, workshop], exhaustive: true).map(\.asset.id))
    }

    /// A cost note made for finance and IT reaches two of three camps on the figure: it says so,
    /// names the camp left out, and --explain counts the sides it reaches.
    @Test func aFigureResolverCoversTheCampsItIsMadeFor() throws {
        let group = BuyingGroup(id: "fleet", account: "Fleet Co", owner: "rep@x.example", stakeholders: [
            Stakeholder(id: "cfo", name: "Ana Silva", role: "finance", influence: "decision-maker"),
            Stakeholder(id: "cio", name: "Cy Park", role: "it", influence: "influencer"),
            Stakeholder(id: "coo", name: "Ben Ode", role: "operations", influence: "influencer"),
        ], claims: [
            Claim(stakeholder: "cfo", topic: "tco", value: .number(120_000), date: Day("2026-11-20")!),
            Claim(stakeholder: "cio", topic: "tco", value: .number(310_000), date: Day("2026-11-21")!),
            Claim(stakeholder: "coo", topic: "tco", value: .number(600_000), date: Day("2026-11-22")!),
        ], events: [JobEvent(job: .validation, type: .started, date: Day("2026-11-25")!)])
        let note = Asset(id: "cost-note", title: "Cost note", format: "guide", jobs: [.validation], roles: ["finance", "it"],
                         resolves: [.init(topic: "tco")])
        let pick = try #require(recommend(group, [note]).first)
        #expect(pick.reason.contains("covers 2 of 3 sides ($120,000 and $310,000); Ben's $600,000 view is not addressed"), "\(pick.reason)")
        let part = try #require(pick.breakdown.first { $0.kind == .need && $0.detail.contains("sides") })
        #expect(part.detail.contains("covers 2 of 3 sides; reaches 2 of 3 sides"), "\(part.detail)")
        #expect(pick.sendTo == ["cfo", "cio"])
    }

    /// A pilot kit made for depot engineers, picked for a stalled validation, goes to the
    /// depot-engineer champion too, though she holds no view on validation's topics; the reason
    /// names only people the kit is made for.
    @Test func jobContentGoesToThePeopleItIsMadeFor() throws {
        let group = BuyingGroup(id: "depot", account: "Depot Co", owner: "rep@x.example", stakeholders: [
            Stakeholder(id: "fleet", name: "Fran Cole", role: "operations", influence: "decision-maker"),
            Stakeholder(id: "eng", name: "Eve Ng", role: "engineering", influence: "champion"),
        ], claims: [
            Claim(stakeholder: "fleet", topic: "tco", value: .number(200_000), date: Day("2026-10-01")!),
        ], events: [JobEvent(job: .validation, type: .started, date: Day("2026-10-20")!)])
        let kit = Asset(id: "pilot-kit", title: "Pilot kit", format: "tool", jobs: [.validation], roles: ["engineering", "operations"])
        let pick = try #require(recommend(group, [kit]).first)
        #expect(pick.sendTo == ["eng", "fleet"], "the engineer it is made for is never left out")
        #expect(pick.reason.contains("speaks to"), "\(pick.reason)")
        let engineersOnly = Asset(id: "pilot-kit", title: "Pilot kit", format: "tool", jobs: [.validation], roles: ["engineering"])
        let second = try #require(recommend(group, [engineersOnly]).first)
        #expect(second.sendTo.contains("eng"))
        #expect(!second.reason.contains("Fran"), "no one is said to be spoken to for a role the kit is not made for: \(second.reason)")
    }
}

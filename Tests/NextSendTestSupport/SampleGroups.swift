import NextSend

extension Samples {
    /// A group of four: finance and IT disagree on cost, security and IT on deployment.
    public static var group: BuyingGroup {
        BuyingGroup(
            id: "acme-health", account: "Acme Health", owner: "alice@vendor.example", industry: nil,
            stakeholders: [
                Stakeholder(id: "dana", name: "Dana Reyes", role: "finance", influence: "decision-maker"),
                Stakeholder(id: "lee", name: "Lee Park", role: "it", influence: "influencer"),
                Stakeholder(id: "kim", name: "Kim Chen", role: "security", influence: "influencer"),
                Stakeholder(id: "max", name: "Max Ortiz", role: "operations", influence: "champion"),
            ],
            claims: [
                Claim(stakeholder: "dana", topic: "tco", value: .number(120_000), source: "analyst", date: Day("2026-10-02")!),
                Claim(stakeholder: "lee", topic: "tco", value: .number(310_000), source: "peer", date: Day("2026-10-09")!),
                Claim(stakeholder: "lee", topic: "deployment", value: .position("cloud-only"), source: "web", date: Day("2026-11-05")!),
                Claim(stakeholder: "kim", topic: "deployment", value: .position("on-prem-required"), source: "web", date: Day("2026-09-05")!),
                Claim(stakeholder: "max", topic: "deployment", value: .position("hybrid"), source: "rep", date: Day("2026-11-10")!),
            ],
            events: [
                JobEvent(job: .problemIdentification, type: .completed, date: Day("2026-09-01")!),
                JobEvent(job: .validation, type: .started, date: Day("2026-10-20")!),
            ],
            touches: [
                Touch(asset: "tco-model", to: ["dana"], date: Day("2026-10-12")!, channel: "email", consumed: true),
            ])
    }

    /// The same group as a YAML file.
    public static let groupYAML = """
        id: acme-health
        account: Acme Health
        owner: alice@vendor.example
        stakeholders:
          - {id: dana, name: Dana Reyes, role: finance, influence: decision-maker}
          - {id: lee, name: Lee Park, role: it, influence: influencer}
          - {id: kim, name: Kim Chen, role: security, influence: influencer}
          - {id: max, name: Max Ortiz, role: operations, influence: champion}
        claims:
          - {stakeholder: dana, topic: tco, value: 120000, source: analyst, date: 2026-10-02}
          - {stakeholder: lee, topic: tco, value: 310000, source: peer, date: 2026-10-09}
          - {stakeholder: lee, topic: deployment, position: cloud-only, source: web, date: 2026-11-05}
          - {stakeholder: kim, topic: deployment, position: on-prem-required, source: web, date: 2026-09-05}
          - {stakeholder: max, topic: deployment, position: hybrid, source: rep, date: 2026-11-10}
        events:
          - {job: problem-identification, type: completed, date: 2026-09-01}
          - {job: validation, type: started, date: 2026-10-20}
        touches:
          - {asset: tco-model, to: [dana], date: 2026-10-12, channel: email, consumed: true}

        """
}

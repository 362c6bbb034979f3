import NextSend
import NextSendTestSupport
import Testing

@Suite struct OutcomeTests {
    let taxonomy = Samples.taxonomy

    @Test func changesListWhatHappenedInTheWindowOnly() {
        var group = Samples.group
        group.claims.append(Claim(stakeholder: "lee", topic: "tco", value: .number(125_000), date: Day("2026-11-25")!))
        group.events.append(JobEvent(job: .validation, type: .progressed, date: Day("2026-11-24")!))
        group.touches.append(Touch(asset: "tco-model", to: ["lee"], date: Day("2026-11-23")!, consumed: true))
        let changes = GroupChanges(group: group, taxonomy: taxonomy, since: Day("2026-11-22")!, until: Day("2026-11-29")!)
        #expect(changes.conflictsClosed == ["tco"])
        #expect(changes.conflictsOpened.isEmpty)
        #expect(changes.events.map(\.type) == [.progressed])
        #expect(changes.touches.map(\.asset) == ["tco-model"])
        let earlier = GroupChanges(group: group, taxonomy: taxonomy, since: Day("2026-10-01")!, until: Day("2026-10-10")!)
        #expect(earlier.conflictsOpened == ["tco"])
    }

    @Test func touchOutcomesSeeWhatFollowedWithinTheWindow() throws {
        var group = Samples.group
        group.touches = [Touch(asset: "tco-model", to: ["dana", "lee"], date: Day("2026-11-01")!, consumed: true)]
        group.claims.append(Claim(stakeholder: "lee", topic: "tco", value: .number(130_000), date: Day("2026-11-10")!))
        group.events.append(JobEvent(job: .validation, type: .progressed, date: Day("2026-11-20")!))
        let model = Asset(id: "tco-model", title: "TCO", format: "tool", jobs: [.validation], roles: ["finance", "it"],
                          resolves: [.init(topic: "tco")])
        let outcome = try #require(TouchOutcome.analyse(group, assets: { $0 == "tco-model" ? model : nil }, taxonomy: taxonomy,
                                                        from: Day("2026-10-01")!, asOf: Day("2026-11-29")!).first)
        #expect(outcome.conflictsAddressed == ["tco"])
        #expect(outcome.conflictsClosed == ["tco"], "closed on day 9 of 14")
        #expect(outcome.jobsAddressed == [.validation])
        #expect(outcome.jobsMoved.isEmpty, "the progress came on day 19, outside the 14-day window")
        #expect(outcome.complete)
    }

    /// A send still inside its 14 days is pending, not a failure: marketing sees "0 of 1 (1 pending)"
    /// until the window ends, then "0 of 1"; an active job that is not stalled is not what the send
    /// was for.
    @Test func aSendInsideItsWindowIsPendingNotAFailure() throws {
        var group = Samples.group
        group.touches = [Touch(asset: "tco-model", to: ["dana", "lee"], date: Day("2026-11-24")!)]
        let model = Asset(id: "tco-model", title: "TCO", format: "tool", jobs: [.validation], roles: ["finance", "it"],
                          resolves: [.init(topic: "tco")])
        func outcome(_ day: String) throws -> TouchOutcome {
            try #require(TouchOutcome.analyse(group, assets: { $0 == "tco-model" ? model : nil }, taxonomy: taxonomy,
                                              from: Day("2026-10-01")!, asOf: Day(day)!).first)
        }
        let inside = try outcome("2026-11-29")
        #expect(inside.conflictsAddressed == ["tco"] && inside.conflictsClosed.isEmpty && inside.conflictsPending == ["tco"])
        #expect(!inside.complete)
        let after = try outcome("2026-12-08")
        #expect(after.conflictsPending.isEmpty && after.conflictsClosed.isEmpty && after.complete)
        let rows = TouchFollowUp.of(group, assets: { $0 == "tco-model" ? model : nil }, taxonomy: taxonomy)
        #expect(rows.map { $0.state(asOf: Day("2026-11-29")!) } == rows.map { _ in .pending })
        #expect(rows.map { $0.state(asOf: Day("2026-12-08")!) } == rows.map { _ in .unmet })
    }

    /// A conflict settled on the day of the send (in the meeting where the model was shared)
    /// credits the model; an unrelated asset sent the same day gets nothing; day 14 still counts,
    /// day 15 does not.
    @Test(arguments: [(0, true), (14, true), (15, false)])
    func outcomesAreCreditedToWhatWasSentForThem(closedAfter: Int, credited: Bool) throws {
        var group = Samples.group
        let sent = Day("2026-11-01")!
        group.touches = [
            Touch(asset: "tco-model", to: ["dana", "lee"], date: sent),
            Touch(asset: "security-faq", to: ["dana", "lee"], date: sent),
        ]
        group.claims.append(Claim(stakeholder: "lee", topic: "tco", value: .number(130_000), date: sent.adding(days: closedAfter)))
        let model = Asset(id: "tco-model", title: "TCO", format: "tool", jobs: [.consensusCreation], roles: ["finance", "it"],
                          resolves: [.init(topic: "tco")])
        let faq = Asset(id: "security-faq", title: "Security FAQ", format: "faq", jobs: [.requirementsBuilding], roles: ["security"],
                        topics: ["deployment"])
        let outcomes = TouchOutcome.analyse(group, assets: { ["tco-model": model, "security-faq": faq][$0] }, taxonomy: taxonomy,
                                            from: Day("2026-10-01")!, asOf: Day("2026-11-29")!)
        let forModel = try #require(outcomes.first { $0.asset == "tco-model" })
        #expect(forModel.conflictsAddressed == ["tco"])
        #expect(forModel.conflictsClosed == (credited ? ["tco"] : []))
        let forFAQ = try #require(outcomes.first { $0.asset == "security-faq" })
        #expect(forFAQ.conflictsClosed.isEmpty, "the FAQ was not sent for the cost split")
    }
}

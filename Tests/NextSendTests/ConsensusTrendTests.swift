import NextSend
import NextSendSynthetic
import Testing

/// The consensus trend (issue #32): week by week, is the group coming together or drifting apart?
@Suite struct ConsensusTrendTests {
    let taxonomy = try! TaxonomyParser.parse("""
        roles: [executive, finance, it]
        influence: {decision-maker: 1.0, champion: 0.8, influencer: 0.6}
        formats: [guide]
        topics:
          tco:
            label: Three-year cost
            kind: number
            unit: USD
            tolerance: 0.2
            jobs: [validation]
          hosting:
            label: Hosting
            kind: choice
            positions: [cloud, on-prem]
            jobs: [requirements-building]
          term:
            label: Contract term
            kind: number
            unit: months
            tolerance: 0.2
            jobs: [supplier-selection]
        """, file: "taxonomy.yaml")

    let people = [
        Stakeholder(id: "dana", name: "Dana Reyes", role: "finance", influence: "decision-maker"),
        Stakeholder(id: "ellen", name: "Ellen Cho", role: "executive", influence: "champion"),
        Stakeholder(id: "lee", name: "Lee Park", role: "it", influence: "influencer"),
    ]

    func day(_ text: String) -> Day { Day(text)! }

    /// Three splits open in October; one closes in each of the three weeks before 2026-11-29 as
    /// people come round (a later claim replaces an earlier one). Everyone hears from the rep weekly.
    var closing: BuyingGroup {
        var claims = [
            Claim(stakeholder: "dana", topic: "tco", value: .number(120_000), date: day("2026-10-20")),
            Claim(stakeholder: "lee", topic: "tco", value: .number(310_000), date: day("2026-10-20")),
            Claim(stakeholder: "dana", topic: "hosting", value: .position("cloud"), date: day("2026-10-21")),
            Claim(stakeholder: "lee", topic: "hosting", value: .position("on-prem"), date: day("2026-10-21")),
            Claim(stakeholder: "dana", topic: "term", value: .number(12), date: day("2026-10-22")),
            Claim(stakeholder: "ellen", topic: "term", value: .number(36), date: day("2026-10-22")),
        ]
        claims.append(Claim(stakeholder: "lee", topic: "tco", value: .number(125_000), date: day("2026-11-10")))
        claims.append(Claim(stakeholder: "lee", topic: "hosting", value: .position("cloud"), date: day("2026-11-17")))
        claims.append(Claim(stakeholder: "ellen", topic: "term", value: .number(12), date: day("2026-11-24")))
        return BuyingGroup(id: "closing", account: "Closing Co", owner: "rep@x.example", stakeholders: people, claims: claims,
                           touches: weeklyTouches)
    }

    /// A group that agreed in October and splits on one more topic each week in November.
    var splitting: BuyingGroup {
        let claims = [
            Claim(stakeholder: "dana", topic: "tco", value: .number(120_000), date: day("2026-10-20")),
            Claim(stakeholder: "lee", topic: "tco", value: .number(125_000), date: day("2026-10-20")),
            Claim(stakeholder: "lee", topic: "tco", value: .number(310_000), date: day("2026-11-10")),
            Claim(stakeholder: "dana", topic: "hosting", value: .position("cloud"), date: day("2026-11-16")),
            Claim(stakeholder: "lee", topic: "hosting", value: .position("on-prem"), date: day("2026-11-17")),
            Claim(stakeholder: "dana", topic: "term", value: .number(12), date: day("2026-11-23")),
            Claim(stakeholder: "ellen", topic: "term", value: .number(36), date: day("2026-11-24")),
        ]
        return BuyingGroup(id: "splitting", account: "Splitting Co", owner: "rep@x.example", stakeholders: people, claims: claims,
                           touches: weeklyTouches)
    }

    /// A touch to everyone every Wednesday since October, so nobody is unreached.
    var weeklyTouches: [Touch] {
        var touches: [Touch] = []
        var date = day("2026-09-30")
        while date <= day("2026-11-29") {
            touches.append(Touch(asset: "weekly-note", to: ["dana", "ellen", "lee"], date: date))
            date = date.adding(days: 7)
        }
        return touches
    }

    @Test func conflictsClosingWeekByWeekReadConverging() {
        let trend = ConsensusTrend.of(closing, taxonomy: taxonomy, asOf: day("2026-11-29"))
        #expect(trend.weeks.count == 12)
        #expect(trend.weeks.last?.week.description == "2026-W48")
        #expect(trend.weeks.suffix(4).map(\.conflicts) == [3, 2, 1, 0], "\(trend.weeks.map(\.conflicts))")
        #expect(trend.direction == .converging)
        #expect(ConsensusTrend.direction(closing, taxonomy: taxonomy, asOf: day("2026-11-29")) == .converging)
    }

    @Test func conflictsGainedWeekByWeekReadDiverging() {
        let trend = ConsensusTrend.of(splitting, taxonomy: taxonomy, asOf: day("2026-11-29"))
        #expect(trend.weeks.suffix(4).map(\.conflicts) == [0, 1, 2, 3], "\(trend.weeks.map(\.conflicts))")
        #expect(trend.direction == .diverging)
    }

    @Test func nothingChangingReadsStuck() {
        var still = closing
        still.claims = Array(still.claims.prefix(6))
        #expect(ConsensusTrend.of(still, taxonomy: taxonomy, asOf: day("2026-11-29")).direction == .stuck)
    }

    /// The trend computed as of a past Sunday equals that week's entry in today's trend when nothing
    /// dated on or before that Sunday changed since — whatever was added after it.
    @Test func aPastSundaysTrendIsThatWeeksEntryToday() {
        var generator = SeededGenerator(seed: 3201)
        let topics = ["tco", "hosting", "term"]
        for round in 0..<60 {
            var group = BuyingGroup(id: "g\(round)", account: "G", owner: "rep@x.example", stakeholders: people)
            for _ in 0..<Int(generator.next() % 14) {
                let person = people[Int(generator.next() % 3)].id
                let topic = topics[Int(generator.next() % 3)]
                let date = day("2026-09-01").adding(days: Int(generator.next() % 90))
                let value: Claim.Value = topic == "hosting" ? .position(generator.next() % 2 == 0 ? "cloud" : "on-prem")
                    : .number(Double(100 + generator.next() % 300))
                group.claims.append(Claim(stakeholder: person, topic: topic, value: value, date: date))
            }
            for _ in 0..<Int(generator.next() % 6) {
                let job = BuyingJob.allCases[Int(generator.next() % 6)]
                let type = JobEvent.Kind.allCases[Int(generator.next() % 4)]
                group.events.append(JobEvent(job: job, type: type, date: day("2026-09-01").adding(days: Int(generator.next() % 90))))
            }
            for _ in 0..<Int(generator.next() % 5) {
                group.touches.append(Touch(asset: "a\(generator.next() % 3)", to: [people[Int(generator.next() % 3)].id],
                                           date: day("2026-09-01").adding(days: Int(generator.next() % 90)), consumed: generator.next() % 2 == 0))
            }
            if let claim = group.claims.first, generator.next() % 2 == 0 {
                group.claims.removeFirst()
                group.retractions.claims.append(Retracted(claim, on: day("2026-09-01").adding(days: Int(generator.next() % 90))))
            }
            let today = ConsensusTrend.of(group, taxonomy: taxonomy, asOf: day("2026-11-29"))
            for entry in today.weeks.dropLast() {
                // What a rep who asked on that Sunday saw: the history up to it, retractions not yet made.
                var then = group
                then.claims = group.claims.filter { $0.date <= entry.asOf }
                    + group.retractions.claims.filter { $0.on > entry.asOf }.map(\.fact).filter { $0.date <= entry.asOf }
                then.retractions.claims = group.retractions.claims.filter { $0.on <= entry.asOf }
                then.events = group.events.filter { $0.date <= entry.asOf }
                then.touches = group.touches.filter { $0.date <= entry.asOf }
                let past = ConsensusTrend.of(then, taxonomy: taxonomy, asOf: entry.asOf)
                #expect(past.weeks.last == entry, "round \(round), \(entry.week)")
            }
        }
    }

    @Test func aRetractionCountsFromItsDay() {
        var group = closing
        // Lee's 310k was a mishearing, taken back on 2026-11-04: it counts before, not after.
        let misheard = group.claims.remove(at: 1)
        group.claims.removeAll { $0.topic != "tco" }
        group.retractions.claims = [Retracted(misheard, on: day("2026-11-04"))]
        let trend = ConsensusTrend.of(group, taxonomy: taxonomy, asOf: day("2026-11-29"))
        let conflicts = Dictionary(uniqueKeysWithValues: trend.weeks.map { ($0.week.description, $0.conflicts) })
        #expect(conflicts["2026-W42"] == 0, "before either figure")
        #expect(conflicts["2026-W43"] == 1, "the week ending 2026-10-25 saw the split")
        #expect(conflicts["2026-W44"] == 1, "still there on Sunday 2026-11-01")
        #expect(conflicts["2026-W45"] == 0, "retracted on 2026-11-04, in W45")
    }

    @Test func aStakeholderCountsFromTheirFirstDatedFact() {
        var group = closing
        // Omar first hears from the rep on 2026-10-14 and never again; Kim has no dated fact at all.
        group.stakeholders.append(Stakeholder(id: "omar", name: "Omar Haddad", role: "it", influence: "influencer"))
        group.touches.append(Touch(asset: "intro", to: ["omar"], date: day("2026-10-14")))
        group.stakeholders.append(Stakeholder(id: "kim", name: "Kim Lo", role: "it", influence: "influencer"))
        let trend = ConsensusTrend.of(group, taxonomy: taxonomy, asOf: day("2026-11-29"))
        let unreached = Dictionary(uniqueKeysWithValues: trend.weeks.map { ($0.week.description, $0.unreached) })
        #expect(unreached["2026-W41"] == 0, "Omar is not in the group yet; Kim never counts")
        #expect(unreached["2026-W42"] == 0, "reached that week")
        #expect(unreached["2026-W45"] == 0, "25 days later")
        #expect(unreached["2026-W46"] == 1, "32 days later: over the 30-day window")
        #expect(unreached["2026-W48"] == 1)
    }

    @Test func sendsCountOncePerAssetPersonAndDay() {
        var group = closing
        group.touches = [
            Touch(asset: "tco-model", to: ["dana", "lee"], date: day("2026-11-24"), consumed: true),
            Touch(asset: "tco-model", to: ["dana"], date: day("2026-11-24"), channel: "email"),
            Touch(asset: "tco-model", to: ["dana"], date: day("2026-11-25")),
            Touch(asset: "later", to: ["dana"], date: day("2026-11-30")),
        ]
        let week = ConsensusTrend.of(group, taxonomy: taxonomy, asOf: day("2026-11-29")).weeks.last!
        #expect(week.sends == 3)
        #expect(week.consumed == 2)
        #expect(week.asOf == day("2026-11-29"))
    }
}

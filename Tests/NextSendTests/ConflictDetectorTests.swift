@testable import NextSend
import NextSendTestSupport
import Testing
import NextSendSynthetic

@Suite struct ConflictDetectorTests {
    let taxonomy = Samples.taxonomy
    let asOf = Samples.asOf

    func claim(_ who: String, _ topic: String, _ value: Claim.Value, _ date: String) -> Claim {
        Claim(stakeholder: who, topic: topic, value: value, date: Day(date)!)
    }

    @Test func findsANumberConflictAndAChoiceConflictWithWhoHoldsWhat() throws {
        let conflicts = ConflictDetector.detect(Samples.group.claims, taxonomy: taxonomy, asOf: asOf)
        #expect(conflicts.map(\.topic) == ["deployment", "tco"])
        let deployment = conflicts[0]
        #expect(deployment.sides.map(\.value) == [.position("cloud-only"), .position("hybrid"), .position("on-prem-required")])
        #expect(deployment.sides.map(\.stakeholders) == [["lee"], ["max"], ["kim"]])
        let tco = conflicts[1]
        #expect(tco.sides.map(\.value) == [.number(120_000), .number(310_000)])
        #expect(tco.stakeholders == ["dana", "lee"])
    }

    /// Property: neither the order of stakeholders nor the order of claims changes the result.
    @Test(arguments: 0..<25)
    func doesNotDependOnInputOrder(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed))
        var claims: [Claim] = []
        let people = ["a", "b", "c", "d", "e", "f"]
        let positions = ["cloud-only", "hybrid", "on-prem-required"]
        for person in people {
            for day in 1...3 {
                let date = "2026-10-0\(day)"
                claims.append(claim(person, "deployment", .position(positions.randomElement(using: &generator)!), date))
                claims.append(claim(person, "tco", .number(Double(Int.random(in: 80...120, using: &generator) * 1000)), date))
            }
        }
        let expected = ConflictDetector.detect(claims, taxonomy: taxonomy, asOf: asOf)
        for _ in 0..<5 {
            #expect(ConflictDetector.detect(claims.shuffled(using: &generator), taxonomy: taxonomy, asOf: asOf) == expected)
        }
    }

    /// Property: the detector gives what the rule says, computed the plain way from
    /// ``ConflictDetector/latestClaims(_:asOf:)``: each holder's latest value per topic, a conflict
    /// where two values disagree, sides in position or figure order. Small groups (searched in a
    /// line) and large ones (keyed) alike, with ties on days and values, claims after the day and
    /// topics the taxonomy does not know.
    @Test(arguments: 0..<40)
    func detectEqualsTheRuleComputedThePlainWay(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed))
        let people = (0..<Int.random(in: 1...(seed % 4 == 3 ? 60 : 9), using: &generator)).map { "p\($0)" }
        let count = seed % 4 == 3 ? Int.random(in: 257...600, using: &generator) : Int.random(in: 0...80, using: &generator)
        let positions = ["cloud-only", "hybrid", "on-prem-required"]
        var claims: [Claim] = []
        for _ in 0..<count {
            let who = people.randomElement(using: &generator)!
            let date = "2026-\(["10-01", "10-02", "10-03", "11-28", "11-29", "12-01"].randomElement(using: &generator)!)"
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: claims.append(claim(who, "deployment", .position(positions.randomElement(using: &generator)!), date))
            case 1: claims.append(claim(who, "tco", .number(Double(Int.random(in: 8...14, using: &generator) * 10_000)), date))
            case 2: claims.append(claim(who, "payback-months", .number(Double(Int.random(in: 10...13, using: &generator))), date))
            default: claims.append(claim(who, "no-such-topic", .position("x\(Int.random(in: 0..<2, using: &generator))"), date))
            }
        }
        #expect(ConflictDetector.detect(claims, taxonomy: taxonomy, asOf: asOf) == plainConflicts(claims))
        // What the consensus trend counts, without the sides.
        #expect(ConflictDetector.count(claims, taxonomy: taxonomy, asOf: asOf) == plainConflicts(claims).count)
    }

    /// Property: the trend's count of open conflicts on each day, from claims prepared once, is
    /// what the detector finds in the group as it stood that day (facts retracted after the day put
    /// back, those retracted on or before it left out, claims after it ignored), on random groups
    /// with same-day ties, retractions and topics the taxonomy does not know.
    @Test(arguments: 0..<30)
    func theTrendsCountIsTheDetectorsOnEachDay(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(1_000 + seed))
        let people = (0..<Int.random(in: 1...9, using: &generator)).map { "p\($0)" }
        let dates = ["2026-10-01", "2026-10-02", "2026-10-09", "2026-11-01", "2026-11-28", "2026-11-29", "2026-12-01"]
        let positions = ["cloud-only", "hybrid", "on-prem-required"]
        func randomClaim() -> Claim {
            let who = people.randomElement(using: &generator)!
            let date = dates.randomElement(using: &generator)!
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: return claim(who, "deployment", .position(positions.randomElement(using: &generator)!), date)
            case 1: return claim(who, "tco", .number(Double(Int.random(in: 8...14, using: &generator) * 10_000)), date)
            case 2: return claim(who, "payback-months", .number(Double(Int.random(in: 10...13, using: &generator))), date)
            default: return claim(who, "no-such-topic", .position("x\(Int.random(in: 0..<2, using: &generator))"), date)
            }
        }
        let claims = (0..<Int.random(in: 0...60, using: &generator)).map { _ in randomClaim() }
        let retracted = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
            Retracted(randomClaim(), on: Day(dates.randomElement(using: &generator)!)!)
        }
        let group = BuyingGroup(id: "g", account: "G", owner: "rep@x.example", stakeholders: [], claims: claims,
                                retractions: GroupRetractions(claims: retracted))
        let timeline = ConflictTimeline(group, taxonomy: taxonomy)
        var day = Day("2026-09-30")!
        while day <= Day("2026-12-02")! {
            let standing = claims + retracted.filter { $0.on > day }.map(\.fact)
            #expect(timeline.count(on: day) == ConflictDetector.detect(standing, taxonomy: taxonomy, asOf: day).count, "\(day)")
            day = day.adding(days: 1)
        }
    }

    func plainConflicts(_ claims: [Claim]) -> [Conflict] {
        ConflictDetector.latestClaims(claims, asOf: asOf).keys.sorted().compactMap { topicID -> Conflict? in
            guard let topic = taxonomy.topic(topicID) else { return nil }
            let latest = ConflictDetector.latestClaims(claims, asOf: asOf)[topicID]!
            var holders: [Claim.Value: [String]] = [:]
            for (person, claim) in latest { holders[claim.value, default: []].append(person) }
            let values = Array(holders.keys)
            // (The agreement rule and the sides' order are the detector's own; what is checked here
            // is which claims count and how they group.)
            guard values.contains(where: { a in values.contains { b in !ConflictDetector.agree(a, b, on: topic) } }) else { return nil }
            let sides = values.map { Conflict.Side(value: $0, stakeholders: holders[$0]!.sorted()) }
                .sorted { ConflictDetector.precedes($0.value, $1.value, on: topic) }
            return Conflict(topic: topicID, sides: sides)
        }
    }

    @Test func sameDayClaimsByOnePersonAreOrderIndependentToo() {
        let claims = [claim("a", "deployment", .position("hybrid"), "2026-10-01"),
                      claim("a", "deployment", .position("on-prem-required"), "2026-10-01"),
                      claim("b", "deployment", .position("cloud-only"), "2026-10-01")]
        #expect(ConflictDetector.detect(claims, taxonomy: taxonomy, asOf: asOf) ==
                ConflictDetector.detect(claims.reversed(), taxonomy: taxonomy, asOf: asOf))
    }

    /// Property: at exactly the tolerance the figures agree; just above, they conflict.
    @Test(arguments: [100.0, 1_000.0, 120_000.0, 7_777_777.0, 0.5])
    func toleranceBoundaryIsExact(base: Double) {
        // tolerance 0.2: |a − b| / max(a, b) = 0.2 when b = a / 0.8
        let atTolerance = base / 0.8
        let atBoundary = [claim("a", "tco", .number(base), "2026-10-01"), claim("b", "tco", .number(atTolerance), "2026-10-01")]
        let gap = abs(base - atTolerance) / max(base, atTolerance)
        if gap <= 0.2 {
            #expect(ConflictDetector.detect(atBoundary, taxonomy: taxonomy, asOf: asOf).isEmpty)
        }
        let justAbove = [claim("a", "tco", .number(base), "2026-10-01"), claim("b", "tco", .number(atTolerance * 1.0001), "2026-10-01")]
        #expect(ConflictDetector.detect(justAbove, taxonomy: taxonomy, asOf: asOf).count == 1)
    }

    @Test func toleranceBoundaryWithRoundNumbers() {
        let at = [claim("a", "tco", .number(80), "2026-10-01"), claim("b", "tco", .number(100), "2026-10-01")]
        #expect(ConflictDetector.detect(at, taxonomy: taxonomy, asOf: asOf).isEmpty, "a gap of exactly 20% is within tolerance")
        let above = [claim("a", "tco", .number(79.99), "2026-10-01"), claim("b", "tco", .number(100), "2026-10-01")]
        #expect(ConflictDetector.detect(above, taxonomy: taxonomy, asOf: asOf).count == 1)
    }

    /// Property: compatible positions never conflict, in either order; incompatible ones always do.
    @Test func compatibilityHoldsBothWays() {
        let topic = taxonomy.topic("deployment")!
        for a in topic.positions {
            for b in topic.positions {
                let pair = [claim("x", "deployment", .position(a), "2026-10-01"), claim("y", "deployment", .position(b), "2026-10-01")]
                let conflicts = ConflictDetector.detect(pair, taxonomy: taxonomy, asOf: asOf)
                #expect(conflicts.isEmpty == topic.areCompatible(a, b), "\(a) vs \(b)")
            }
        }
    }

    @Test func aSupersededClaimNoLongerCountsAndALaterAgreementClosesTheConflict() {
        var claims = [claim("a", "tco", .number(120_000), "2026-10-01"), claim("b", "tco", .number(310_000), "2026-10-02")]
        #expect(ConflictDetector.detect(claims, taxonomy: taxonomy, asOf: asOf).count == 1)
        claims.append(claim("b", "tco", .number(130_000), "2026-11-01"))
        #expect(ConflictDetector.detect(claims, taxonomy: taxonomy, asOf: asOf).isEmpty)
        // An older claim listed last in the file does not supersede a newer one.
        claims.append(claim("a", "tco", .number(999_000), "2026-09-01"))
        #expect(ConflictDetector.detect(claims, taxonomy: taxonomy, asOf: asOf).isEmpty)
    }

    /// Property: a diagnosis as of an earlier day ignores everything dated after it.
    @Test(arguments: ["2026-09-30", "2026-10-05", "2026-10-09", "2026-11-04", "2026-11-29"])
    func anEarlierAsOfIgnoresLaterFacts(day: String) {
        let asOf = Day(day)!
        let group = Samples.group
        let all = Diagnoser.diagnose(group, taxonomy: taxonomy, asOf: asOf)
        var truncated = group
        truncated.claims = group.claims.filter { $0.date <= asOf }
        truncated.events = group.events.filter { $0.date <= asOf }
        truncated.touches = group.touches.filter { $0.date <= asOf }
        #expect(Diagnoser.diagnose(truncated, taxonomy: taxonomy, asOf: asOf) == all)
    }

    @Test func theTCOConflictOpensOnlyOnceBothFiguresExist() {
        let group = Samples.group
        #expect(!Diagnoser.diagnose(group, taxonomy: taxonomy, asOf: Day("2026-10-08")!).conflicts.contains { $0.topic == "tco" })
        #expect(Diagnoser.diagnose(group, taxonomy: taxonomy, asOf: Day("2026-10-09")!).conflicts.contains { $0.topic == "tco" })
    }
}

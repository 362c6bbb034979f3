import NextSend
import NextSendTestSupport
import Testing
import NextSendSynthetic

/// The matcher's properties from the brief, each a test that fails when the property breaks.
@Suite struct MatcherTests {
    let taxonomy = Samples.taxonomy
    let asOf = Samples.asOf

    /// Finance (Dana) and IT (Lee) split on cost; validation is active; everyone recently engaged.
    var splitGroup: BuyingGroup {
        BuyingGroup(id: "split", account: "Split Health", owner: "rep@x.example", stakeholders: [
            Stakeholder(id: "dana", name: "Dana Reyes", role: "finance", influence: "decision-maker"),
            Stakeholder(id: "lee", name: "Lee Park", role: "it", influence: "influencer"),
        ], claims: [
            Claim(stakeholder: "dana", topic: "tco", value: .number(120_000), date: Day("2026-11-20")!),
            Claim(stakeholder: "lee", topic: "tco", value: .number(310_000), date: Day("2026-11-21")!),
        ], events: [JobEvent(job: .validation, type: .started, date: Day("2026-11-25")!)])
    }

    func asset(_ id: String, jobs: [BuyingJob] = [.validation], roles: [String] = ["finance", "it"], topics: [String] = [],
               resolves: [Asset.Resolution] = [], shareable: Bool = false, status: Asset.Status = .published,
               reviewBy: Day? = nil, format: String = "guide") -> Asset {
        Asset(id: id, title: "Asset \(id)", format: format, jobs: jobs, roles: roles, topics: topics, resolves: resolves,
              shareable: shareable, reviewBy: reviewBy, status: status)
    }

    func recommend(_ group: BuyingGroup, _ assets: [Asset], limit: Int = 5, onlyTo: String? = nil) -> [Recommendation] {
        let diagnosis = Diagnoser.diagnose(group, taxonomy: taxonomy, asOf: asOf)
        return Matcher.recommend(for: group, diagnosis: diagnosis, index: CatalogIndex(assets: assets), taxonomy: taxonomy,
                                 options: MatchOptions(limit: limit, onlyTo: onlyTo))
    }

    func rank(_ id: String, in picks: [Recommendation]) -> Int { picks.first { $0.asset.id == id }?.rank ?? Int.max }

    // MARK: Resolving beats sharing a job

    /// An asset that resolves the open conflict outranks one that only shares the conflict's job,
    /// whatever else the two have (checked over many random pairs).
    @Test(arguments: 0..<40)
    func resolvingOutranksSharingTheJob(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed))
        let roleChoices = [["finance"], ["it"], ["finance", "it"], []]
        let jobChoices: [[BuyingJob]] = [[.validation], [.consensusCreation, .validation], [.consensusCreation], [.validation, .supplierSelection]]
        let resolver = asset("b-resolver", jobs: jobChoices.randomElement(using: &generator)!, roles: roleChoices.randomElement(using: &generator)!,
                             resolves: [.init(topic: "tco")], shareable: Bool.random(using: &generator))
        let sharer = asset("a-sharer", jobs: [.validation, .consensusCreation], roles: roleChoices.randomElement(using: &generator)!,
                           shareable: Bool.random(using: &generator))
        let picks = recommend(splitGroup, [sharer, resolver])
        #expect(rank(resolver.id, in: picks) < rank(sharer.id, in: picks), "\(resolver) vs \(sharer)")
    }

    // MARK: Whole-group content into a split group

    /// Into a split group, a shareable asset, or one fitting every side's role, outranks a one-role asset, all else equal.
    @Test(arguments: [
        ("shareable", ["finance"], true),
        ("every-side", ["finance", "it"], false),
        ("no-role", [], false),
    ] as [(String, [String], Bool)])
    func wholeGroupContentOutranksOneSidedContent(_ id: String, _ roles: [String], _ shareable: Bool) {
        for resolves in [[Asset.Resolution(topic: "tco")], []] {
            for oneRole in ["finance", "it"] {
                // The one-sided asset gets the lower id, so a tie would go its way; neither serves an
                // open job, so only the conflict decides.
                let oneSided = asset("a-one-sided", jobs: [.problemIdentification], roles: [oneRole], topics: ["tco"], resolves: resolves)
                let whole = asset("z-\(id)", jobs: [.problemIdentification], roles: roles, topics: ["tco"], resolves: resolves, shareable: shareable)
                let picks = recommend(splitGroup, [oneSided, whole])
                #expect(rank(whole.id, in: picks) < rank(oneSided.id, in: picks), "\(id) vs one-sided \(oneRole), resolves: \(resolves)")
            }
        }
    }

    // MARK: Never recommended

    @Test func neverDraftsRetiredOrExpiredAssets() {
        let good = asset("good", resolves: [.init(topic: "tco")])
        let draft = asset("draft", resolves: [.init(topic: "tco")], shareable: true, status: .draft)
        let retired = asset("retired", resolves: [.init(topic: "tco")], shareable: true, status: .retired)
        let expired = asset("expired", resolves: [.init(topic: "tco")], shareable: true, reviewBy: asOf.adding(days: -1))
        let lastDay = asset("last-day", resolves: [.init(topic: "tco")], reviewBy: asOf, format: "tool")
        let ids = recommend(splitGroup, [draft, retired, expired, good, lastDay]).map(\.asset.id)
        #expect(ids.contains("good"))
        #expect(ids.contains("last-day"), "an asset is valid through its review day")
        #expect(!ids.contains("draft") && !ids.contains("retired") && !ids.contains("expired"))
    }

    @Test func aPersonWhoGotAnAssetWithin30DaysIsDroppedAndWithNobodyLeftTheAssetIs() {
        let model = asset("model", resolves: [.init(topic: "tco")], shareable: true)
        var group = splitGroup
        group.touches = [Touch(asset: "model", to: ["dana"], date: asOf.adding(days: -29))]
        let once = recommend(group, [model])
        #expect(once.first?.asset.id == "model")
        #expect(once.first?.sendTo == ["lee"])
        group.touches.append(Touch(asset: "model", to: ["lee"], date: asOf.adding(days: -3)))
        #expect(recommend(group, [model]).isEmpty)
        // Past the window, it may go again.
        group.touches = [Touch(asset: "model", to: ["dana", "lee"], date: asOf.adding(days: -31))]
        #expect(recommend(group, [model]).first?.sendTo == ["dana", "lee"])
    }

    // MARK: Every recommendation explains itself

    @Test(arguments: 0..<20)
    func everyRecommendationNamesANeedAndAPersonInPlainWords(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed))
        let group = Samples.group
        var catalog: [Asset] = []
        let roles = Samples.taxonomy.roles
        for index in 0..<30 {
            let jobs = Array(BuyingJob.allCases.shuffled(using: &generator).prefix(Int.random(in: 1...3, using: &generator)))
            let topics = ["tco", "deployment"].filter { _ in Bool.random(using: &generator) }
            catalog.append(asset(String(format: "asset-%02d", index), jobs: jobs,
                                 roles: Array(roles.shuffled(using: &generator).prefix(Int.random(in: 0...3, using: &generator))),
                                 topics: topics, resolves: topics.filter { _ in Bool.random(using: &generator) }.map { .init(topic: $0) },
                                 shareable: Int.random(in: 0..<4, using: &generator) == 0))
        }
        let picks = recommend(group, catalog)
        #expect(!picks.isEmpty)
        for pick in picks {
            #expect(!pick.addresses.isEmpty)
            #expect(!pick.sendTo.isEmpty)
            #expect(pick.reason.hasSuffix("."))
            let names = group.stakeholders.filter { pick.reason.contains($0.shortName) }
            #expect(!names.isEmpty, "the reason names people: \(pick.reason)")
            let need = pick.addresses[0]
            let words: String
            switch need {
            case let .conflict(topic): words = taxonomy.topic(topic)!.label.lowercased()
            case let .stalledJob(job), let .activeJob(job), .missingVoice(let job, _): words = job.phrase
            case let .unengagedStakeholder(id): words = group.stakeholder(id)!.name
            }
            #expect(pick.reason.lowercased().contains(words.lowercased()), "the reason names the need: \(pick.reason)")
        }
    }

    @Test func theReasonReadsLikeTheBrief() throws {
        let model = asset("tco-model", roles: ["finance", "it"], topics: ["tco"], resolves: [.init(topic: "tco")], shareable: true, format: "tool")
        let pick = try #require(recommend(splitGroup, [model]).first)
        #expect(pick.reason.hasPrefix("Dana Reyes (finance) and Lee Park (IT) disagree on three-year total cost of ownership: Dana at $120,000 vs Lee at $310,000 — this shared tool is made to reconcile exactly that"))
        #expect(pick.addresses.first == .conflict(topic: "tco"))
    }

    // MARK: Greedy selection

    @Test func picksCoverDifferentNeedsBeforeRepeatingOne() {
        // Two conflicts: three strong assets for cost, one for deployment.
        var group = splitGroup
        group.claims += [
            Claim(stakeholder: "dana", topic: "deployment", value: .position("cloud-only"), date: Day("2026-11-20")!),
            Claim(stakeholder: "lee", topic: "deployment", value: .position("on-prem-required"), date: Day("2026-11-20")!),
        ]
        let catalog = [
            asset("cost-a", resolves: [.init(topic: "tco")], shareable: true),
            asset("cost-b", resolves: [.init(topic: "tco")], shareable: true),
            asset("cost-c", resolves: [.init(topic: "tco")], shareable: true),
            asset("deploy", jobs: [.requirementsBuilding], resolves: [.init(topic: "deployment")]),
        ]
        let picks = recommend(group, catalog, limit: 2)
        #expect(Set(picks.map(\.asset.id)).contains("deploy"), "\(picks.map(\.asset.id))")
        #expect(Set(picks.flatMap(\.addresses)).count >= 2)
        let all = recommend(group, catalog)
        #expect(Set(all.map(\.asset.id)).count == all.count, "no asset twice")
    }

    @Test func toRestrictsToOnePerson() {
        let catalog = [asset("model", resolves: [.init(topic: "tco")], shareable: true), asset("it-only", roles: ["it"])]
        let picks = recommend(splitGroup, catalog, onlyTo: "dana")
        #expect(!picks.isEmpty)
        #expect(picks.allSatisfy { $0.sendTo == ["dana"] })
        #expect(!picks.contains { $0.asset.id == "it-only" })
    }

    // MARK: Addresses means serves

    /// Sharing a job with a conflict's topic may add score, but it is not addressing the
    /// conflict: `addresses` and the reason name only needs the asset serves.
    @Test func sharingAConflictsJobIsNotAddressingIt() throws {
        // Validation is the TCO topic's job; this guide works on validation but not on cost.
        let guide = asset("validation-guide", jobs: [.validation], roles: ["finance", "it"], topics: [])
        let pick = try #require(recommend(splitGroup, [guide]).first)
        #expect(!pick.addresses.contains(.conflict(topic: "tco")))
        #expect(pick.addresses == [.activeJob(.validation)])
        #expect(!pick.reason.contains("disagree") && !pick.reason.contains("split"), "\(pick.reason)")
        // Sharing the job is all an asset for an inactive job has: it is not a pick at all.
        let consensus = asset("consensus-only", jobs: [.consensusCreation], roles: ["finance", "it"])
        #expect(recommend(splitGroup, [consensus]).isEmpty)
    }

    // MARK: Partial resolvers

    /// An asset that resolves only some positions of a split says which, and whose view it leaves out.
    @Test func aPartialResolverSaysWhoseViewItLeavesOut() throws {
        var group = splitGroup
        group.stakeholders.append(Stakeholder(id: "kim", name: "Kim Chen", role: "security", influence: "influencer"))
        group.claims = [
            Claim(stakeholder: "dana", topic: "deployment", value: .position("cloud-only"), date: Day("2026-11-20")!),
            Claim(stakeholder: "lee", topic: "deployment", value: .position("hybrid"), date: Day("2026-11-20")!),
            Claim(stakeholder: "kim", topic: "deployment", value: .position("on-prem-required"), date: Day("2026-11-21")!),
        ]
        let partial = asset("saas-vs-hybrid", jobs: [.requirementsBuilding], roles: [], topics: ["deployment"],
                            resolves: [.init(topic: "deployment", positions: ["cloud-only", "hybrid"])], shareable: true)
        let pick = try #require(recommend(group, [partial]).first)
        #expect(pick.reason.contains("this shared guide covers 2 of 3 sides (cloud-only and hybrid); Kim's on-prem-required view is not addressed"),
                "\(pick.reason)")
        let whole = asset("deployment-primer", jobs: [.requirementsBuilding], roles: [], topics: ["deployment"],
                          resolves: [.init(topic: "deployment")], shareable: true)
        #expect(try #require(recommend(group, [whole]).first).reason.contains("is made to reconcile exactly that"))
    }

    // MARK: One reader at a time

    /// With `--to` a person outside the split, nothing is credited for the split: no pick claims it,
    /// no reason names it.
    @Test func oneReaderCountsOnlyTheNeedsTheyArePartOf() throws {
        var group = splitGroup
        group.stakeholders.append(Stakeholder(id: "marcus", name: "Marcus Hill", role: "operations", influence: "user"))
        let model = asset("tco-model", jobs: [.validation], roles: ["finance", "it", "operations"], topics: ["tco"],
                          resolves: [.init(topic: "tco")], shareable: true)
        let picks = recommend(group, [model], onlyTo: "marcus")
        for pick in picks {
            #expect(pick.sendTo == ["marcus"])
            #expect(!pick.addresses.contains(.conflict(topic: "tco")), "\(pick.addresses)")
            #expect(!pick.reason.contains("disagree"), "\(pick.reason)")
            #expect(!pick.breakdown.contains { $0.name == "conflict:tco" })
        }
        // For someone in the split, the split is what the pick is for.
        let forLee = try #require(recommend(group, [model], onlyTo: "lee").first)
        #expect(forLee.addresses.first == .conflict(topic: "tco"))
        #expect(forLee.sendTo == ["lee"])
    }

    /// What `--explain` credits by name is exactly what the pick addresses, and every person it
    /// sends to is a target of one of those needs — checked over random catalogs.
    @Test(arguments: 0..<20)
    func theBreakdownAddressesAndSendToAgree(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed) &+ 31)
        let group = Samples.group
        let catalog = (0..<30).map { index in
            asset("asset-\(index)", jobs: Array(BuyingJob.allCases.shuffled(using: &generator).prefix(2)),
                  roles: Array(taxonomy.roles.shuffled(using: &generator).prefix(Int.random(in: 0...3, using: &generator))),
                  topics: ["tco", "deployment"].filter { _ in Bool.random(using: &generator) },
                  resolves: Bool.random(using: &generator) ? [.init(topic: "tco")] : [],
                  shareable: Int.random(in: 0..<4, using: &generator) == 0)
        }
        for onlyTo in [nil] + group.stakeholders.map(\.id) {
            for pick in recommend(group, catalog, limit: 5, onlyTo: onlyTo) {
                let credited = pick.breakdown.filter { $0.kind == .need && $0.name != "minor-needs" }.map(\.name)
                #expect(Set(credited) == Set(pick.addresses.map(\.key)), "\(pick.asset.id)")
                #expect(!pick.addresses.isEmpty && !pick.sendTo.isEmpty)
                if let onlyTo { #expect(pick.sendTo == [onlyTo]) }
            }
        }
    }

    /// The reason says the asset speaks to the people it is made for, and names the others it is
    /// shared with as such: never "speaks to" someone whose role it is not made for.
    @Test func theReasonNamesThePeopleTheAssetIsMadeForFirst() throws {
        var group = splitGroup
        group.claims = []
        group.stakeholders.insert(Stakeholder(id: "amara", name: "Amara Osei", role: "clinical", influence: "user"), at: 0)
        group.events = [JobEvent(job: .validation, type: .started, date: Day("2026-10-01")!)]
        let builder = asset("business-case", jobs: [.validation], roles: ["finance"], shareable: true, format: "tool")
        let pick = try #require(recommend(group, [builder]).first)
        #expect(pick.reason.contains("speaks to Dana Reyes (finance), shared with Amara Osei (clinical)"), "\(pick.reason)")
    }

    // MARK: The most urgent need leads

    /// A resolver of the most urgent conflict is pick 1, even when a broad asset that touches many
    /// small needs would score higher.
    @Test func aResolverOfTheLeadingConflictIsPickOne() throws {
        var group = splitGroup
        for (index, role) in ["operations", "legal", "procurement", "security", "clinical"].enumerated() {
            group.stakeholders.append(Stakeholder(id: "p\(index)", name: "Person \(index)", role: role, influence: "decision-maker"))
        }
        // Made for finance only: it reaches one side of the split, so it scores low.
        let resolver = asset("cost-resolver", jobs: [.validation], roles: ["finance"], topics: ["tco"], resolves: [.init(topic: "tco")])
        let broad = asset("broad-overview", jobs: [.validation], roles: [], shareable: true)
        let resolverAlone = try #require(recommend(group, [resolver]).first)
        let broadAlone = try #require(recommend(group, [broad]).first)
        #expect(broadAlone.score > resolverAlone.score, "without the rule the broad asset would lead")
        let picks = recommend(group, [broad, resolver])
        #expect(picks.map(\.asset.id) == ["cost-resolver", "broad-overview"])
        #expect(picks.first?.addresses.first == .conflict(topic: "tco"))
        // Once everyone in the split had the resolver, it no longer leads: the broad asset does.
        group.touches.append(Touch(asset: "cost-resolver", to: ["dana"], date: asOf.adding(days: -3)))
        #expect(recommend(group, [broad, resolver]).first?.asset.id == "broad-overview")
    }

    /// Needs rank conflicts, then stalled jobs, then unreached people, then active jobs.
    @Test func needsRankByKindThenUrgency() {
        var group = Samples.group
        group.events.append(JobEvent(job: .requirementsBuilding, type: .started, date: Day("2026-08-01")!))
        let kinds = Diagnoser.diagnose(group, taxonomy: taxonomy, asOf: asOf).needs.map(\.kind.rank)
        #expect(kinds == kinds.sorted())
        #expect(kinds.first == 0)
    }

    // MARK: Re-sends, person by person

    /// Who already had an asset is said person by person, and counts only for them.
    @Test func earlierSendsAreNamedPersonByPerson() throws {
        var group = splitGroup
        group.touches = [Touch(asset: "tco-model", to: ["dana"], date: Day("2026-09-01")!, consumed: true)]
        let model = asset("tco-model", roles: ["finance", "it"], topics: ["tco"], resolves: [.init(topic: "tco")], shareable: true)
        let pick = try #require(recommend(group, [model]).first)
        #expect(pick.sendTo == ["dana", "lee"])
        #expect(pick.reason.hasSuffix("Dana read it on 2026-09-01; Lee has not seen it."), "\(pick.reason)")
        let factor = try #require(pick.breakdown.first { $0.name == "already-sent" })
        #expect(factor.value == 0.9, "one of two readers had it: 1 − 0.2 × ½")
        #expect(!(try #require(recommend(splitGroup, [model]).first)).reason.contains("has not seen"))
    }

    /// Once a resolver of a split went to people, other resolvers of it wait 14 days for them —
    /// unless they reported it consumed and the split is still open.
    @Test(arguments: [(3, false, false), (3, true, true), (15, false, true)])
    func otherResolversWaitForPeopleWhoJustGotOne(daysAgo: Int, consumed: Bool, offered: Bool) {
        var group = splitGroup
        group.touches = [Touch(asset: "tco-model", to: ["dana", "lee"], date: asOf.adding(days: -daysAgo), consumed: consumed)]
        let model = asset("tco-model", roles: ["finance", "it"], topics: ["tco"], resolves: [.init(topic: "tco")], shareable: true)
        let other = asset("cost-workshop", roles: ["finance", "it"], topics: ["tco"], resolves: [.init(topic: "tco")], shareable: true)
        let picks = recommend(group, [model, other])
        let offersOther = picks.contains { $0.asset.id == "cost-workshop" && $0.addresses.contains(.conflict(topic: "tco")) }
        #expect(offersOther == offered, "sent \(daysAgo) days ago, consumed \(consumed)")
    }

    // MARK: Industry editions

    /// Another industry's edition never outranks, nor appears beside, the group's own industry's
    /// content for the same need; it is still offered for a need nothing of the group's industry serves.
    @Test func anotherIndustrysEditionGivesWayToTheGroupsOwn() throws {
        var group = splitGroup
        group.industry = "hospital-system"
        var own = asset("tco-hospitals", roles: ["finance", "it"], topics: ["tco"], resolves: [.init(topic: "tco")])
        own.industries = ["hospital-system"]
        // Shareable, so it would score higher than the group's own edition.
        var other = asset("tco-banks", roles: ["finance", "it"], topics: ["tco"], resolves: [.init(topic: "tco")], shareable: true)
        other.industries = ["behavioral-health"]
        let alone = try #require(recommend(group, [other]).first)
        #expect(alone.addresses.first == .conflict(topic: "tco"), "with nothing else, the other edition is offered")
        let picks = recommend(group, [own, other])
        #expect(picks.map(\.asset.id) == ["tco-hospitals"], "\(picks.map(\.asset.id))")
    }

    // MARK: Learning from outcomes

    @Test func theEvidenceFactorIsBoundedAndNeedsEnoughSends() {
        let policy = ScoringPolicy.standard
        #expect(policy.evidenceFactor(.init(sends: 4, successes: 4)) == 1, "below five sends, no lift")
        let good = policy.evidenceFactor(.init(sends: 14, successes: 9))
        let bad = policy.evidenceFactor(.init(sends: 10, successes: 0))
        #expect(good > 1 && good <= 1.3)
        #expect(bad < 1 && bad >= 0.7)
        #expect(policy.evidenceFactor(.init(sends: 1000, successes: 1000)) <= 1.3)
        #expect(policy.evidenceFactor(.init(sends: 10, successes: 5)) == 1, "a coin flip is the prior's mean")
        #expect(policy.evidenceFactor(.init(sends: 20, successes: 15)) > policy.evidenceFactor(.init(sends: 20, successes: 10)))
    }

    /// One resolver that worked and one that did not: the order follows what happened, the JSON
    /// and the reason say why, and the rules still come first.
    @Test func aResolverThatWorkedOutranksOneThatDidNot() throws {
        let a = asset("a-workshop", roles: ["finance", "it"], topics: ["tco"], resolves: [.init(topic: "tco")], shareable: true)
        let b = asset("b-model", roles: ["finance", "it"], topics: ["tco"], resolves: [.init(topic: "tco")], shareable: true, format: "tool")
        let evidence = OutcomeEvidence(["b-model": ["conflict:tco": .init(sends: 14, successes: 9)],
                                        "a-workshop": ["conflict:tco": .init(sends: 8, successes: 0)]])
        let diagnosis = Diagnoser.diagnose(splitGroup, taxonomy: taxonomy, asOf: asOf)
        let index = CatalogIndex(assets: [a, b])
        let without = Matcher.recommend(for: splitGroup, diagnosis: diagnosis, index: index, taxonomy: taxonomy)
        #expect(without.first?.asset.id == "a-workshop", "ties break by id without evidence")
        let picks = Matcher.recommend(for: splitGroup, diagnosis: diagnosis, index: index, taxonomy: taxonomy,
                                      options: MatchOptions(evidence: evidence))
        let first = try #require(picks.first)
        #expect(first.asset.id == "b-model")
        #expect(first.evidence?.sends == 14 && first.evidence?.successes == 9)
        #expect(first.evidence?.factor == Rounding.score(ScoringPolicy.standard.evidenceFactor(.init(sends: 14, successes: 9))))
        #expect(first.reason.contains("sent into 14 splits on three-year total cost of ownership before, it saw 9 of them close within 14 days"),
                "\(first.reason)")
        #expect(first.breakdown.contains { $0.detail.contains("evidence: met 9 of 14 within 14 days") })
        let second = try #require(picks.dropFirst().first)
        #expect(second.evidence?.factor ?? 1 < 1)
        #expect(!second.reason.contains("saw"), "a record that lowers a pick is not cited as a reason")
        // Pruning stays exact with evidence lifting scores above the tags' bound.
        let exhaustive = Matcher.recommend(for: splitGroup, diagnosis: diagnosis, index: index, taxonomy: taxonomy,
                                           options: MatchOptions(evidence: evidence, exhaustive: true))
        #expect(picks == exhaustive)
    }

    // MARK: Dismissals

    /// A rep's "no" keeps the asset out of that group's picks for 30 days, then it may return.
    @Test(arguments: [(0, false), (29, false), (30, true), (45, true)])
    func aDismissedPickStaysOutForThirtyDays(daysAgo: Int, back: Bool) {
        let model = asset("tco-model", roles: ["finance", "it"], topics: ["tco"], resolves: [.init(topic: "tco")], shareable: true, format: "tool")
        let other = asset("other-guide", roles: ["finance", "it"], topics: ["tco"])
        var group = splitGroup
        group.dismissals = [Dismissal(asset: "tco-model", date: asOf.adding(days: -daysAgo), reason: "too long")]
        let picks = recommend(group, [model, other])
        #expect(picks.contains { $0.asset.id == "tco-model" } == back, "dismissed \(daysAgo) days ago")
        #expect(picks.contains { $0.asset.id == "other-guide" })
        // A dismissal dated after the day does not count yet.
        group.dismissals = [Dismissal(asset: "tco-model", date: asOf.adding(days: 1))]
        #expect(recommend(group, [model, other]).first?.asset.id == "tco-model")
    }

    // MARK: Pruning

    /// The matcher stops scoring once no remaining candidate's bound can win; that must never
    /// change the picks compared with scoring every candidate — with or without one recipient,
    /// whatever the assets' channels and industries, and with earlier sends in and out of the
    /// re-send window.
    @Test(arguments: 0..<30)
    func pruningNeverChangesThePicks(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed) &+ 1000)
        var group = Samples.group
        group.industry = ["hospital-system", "community-hospital", nil][seed % 3]
        let people = group.stakeholders.map(\.id)
        for _ in 0..<Int.random(in: 0...6, using: &generator) {
            let to = Array(people.shuffled(using: &generator).prefix(Int.random(in: 1...3, using: &generator)))
            group.touches.append(Touch(asset: "asset-\(Int.random(in: 0..<60, using: &generator))", to: to,
                                       date: asOf.adding(days: -Int.random(in: 0...60, using: &generator))))
        }
        var catalog: [Asset] = []
        for index in 0..<60 {
            let jobs = Array(BuyingJob.allCases.shuffled(using: &generator).prefix(Int.random(in: 1...3, using: &generator)))
            let topics = ["tco", "deployment"].filter { _ in Bool.random(using: &generator) }
            var asset = asset("asset-\(index)", jobs: jobs,
                              roles: Array(taxonomy.roles.shuffled(using: &generator).prefix(Int.random(in: 0...3, using: &generator))),
                              topics: topics,
                              resolves: topics.filter { _ in Bool.random(using: &generator) }.map {
                                  $0 == "deployment" && Bool.random(using: &generator) ? .init(topic: $0, positions: ["cloud-only", "on-prem-required"]) : .init(topic: $0)
                              },
                              shareable: Int.random(in: 0..<4, using: &generator) == 0,
                              reviewBy: [nil, nil, nil, asOf.adding(days: -3), asOf.adding(days: 12)][Int.random(in: 0..<5, using: &generator)])
            asset.channel = [.selfServe, .repLed, .either][Int.random(in: 0..<3, using: &generator)]
            asset.industries = [[], [], ["hospital-system"], ["behavioral-health"]][Int.random(in: 0..<4, using: &generator)]
            catalog.append(asset)
        }
        let diagnosis = Diagnoser.diagnose(group, taxonomy: taxonomy, asOf: asOf)
        let index = CatalogIndex(assets: catalog)
        for onlyTo in [nil] + people {
            for limit in [1, 5, 12] {
                let pruned = Matcher.recommend(for: group, diagnosis: diagnosis, index: index, taxonomy: taxonomy,
                                               options: MatchOptions(limit: limit, onlyTo: onlyTo))
                let exhaustive = Matcher.recommend(for: group, diagnosis: diagnosis, index: index, taxonomy: taxonomy,
                                                   options: MatchOptions(limit: limit, onlyTo: onlyTo, exhaustive: true))
                #expect(pruned == exhaustive, "to \(onlyTo ?? "anyone"), limit \(limit)")
            }
        }
    }

    /// The content-gap check prunes by score bounds and stops at the first strong asset; it must
    /// report what checking every asset on its own reports: the same needs left unserved, each
    /// with the same closest asset and strength — and an asset fitting exactly 0.7 is strong.
    @Test(arguments: [false, true])
    func contentGapsMatchCheckingEveryAssetAlone(broadFits: Bool) {
        // With broad fits, covering a topic, content for everyone and a secondary job can each be
        // strong on their own, so the lists walked first must include theirs.
        var policy = ScoringPolicy.standard
        if broadFits {
            policy.coversTopic = 0.75
            policy.reachForEveryone = 0.8
            policy.secondaryJob = 0.9
        }
        var unserved = 0, served = 0
        for seed in 0..<60 {
            var generator = SeededGenerator(seed: UInt64(seed) &+ 500)
            let group = Samples.group
            // A thin catalog, so that some needs have only weak content, some none, and some only
            // content on the broad lists.
            let catalog = (0..<Int.random(in: 3...25, using: &generator)).map { index in
                asset("asset-\(index)", jobs: Array(BuyingJob.allCases.shuffled(using: &generator).prefix(Int.random(in: 1...2, using: &generator))),
                      roles: Array(taxonomy.roles.shuffled(using: &generator).prefix(Int.random(in: 0...2, using: &generator))),
                      topics: ["tco", "deployment"].filter { _ in Int.random(in: 0..<3, using: &generator) == 0 },
                      resolves: Int.random(in: 0..<6, using: &generator) == 0 ? [.init(topic: "tco")] : [],
                      shareable: Int.random(in: 0..<5, using: &generator) == 0,
                      reviewBy: [nil, nil, nil, asOf.adding(days: -3)][Int.random(in: 0..<4, using: &generator)])
            }
            let diagnosis = Diagnoser.diagnose(group, taxonomy: taxonomy, asOf: asOf)
            let gaps = Matcher.gaps(for: group, diagnosis: diagnosis, index: CatalogIndex(assets: catalog), taxonomy: taxonomy, policy: policy)
            var expected: [String] = []
            for need in diagnosis.needs where need.urgency > 0 {
                var alone = diagnosis
                alone.needs = [need]
                var best: (id: String, strength: Double)?
                var strong = false
                for asset in catalog.sorted(by: { $0.id < $1.id }) {
                    // One asset in the catalog: it serves the need strongly when there is no gap, or
                    // when its strength is (which the check must never report as a gap).
                    guard let coverage = Matcher.gaps(for: group, diagnosis: alone, index: CatalogIndex(assets: [asset]), taxonomy: taxonomy,
                                                      policy: policy).first, coverage.strength < NeedCoverage.weak else {
                        strong = true
                        break
                    }
                    if let id = coverage.bestAsset, coverage.strength > (best?.strength ?? 0) { best = (id, coverage.strength) }
                }
                if strong { served += 1 } else { expected.append("\(need.kind.key): \(best?.id ?? "none") \(best?.strength ?? 0)") }
            }
            unserved += expected.count
            #expect(gaps.map { "\($0.need.kind.key): \($0.bestAsset ?? "none") \($0.strength)" } == expected, "seed \(seed)")
        }
        #expect(unserved > 10 && served > 10, "both kinds checked: \(unserved) unserved, \(served) served")
    }

    /// The bounds read the same policy as exact scoring: with other weights, pruning still agrees.
    @Test(arguments: 0..<10)
    func pruningFollowsAChangedPolicy(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed) &+ 77)
        var policy = ScoringPolicy.standard
        policy.coversTopic = 0.9
        policy.sharesTopicJob = 0.5
        policy.secondaryJob = 0.95
        policy.reachForEveryone = 0.95
        policy.reachDiminishing = 0.8
        policy.jobReachFloor = 0.1
        let group = Samples.group
        let catalog = (0..<50).map { index in
            asset("asset-\(index)", jobs: Array(BuyingJob.allCases.shuffled(using: &generator).prefix(2)),
                  roles: Array(taxonomy.roles.shuffled(using: &generator).prefix(Int.random(in: 0...2, using: &generator))),
                  topics: ["tco", "deployment"].filter { _ in Bool.random(using: &generator) },
                  resolves: Bool.random(using: &generator) ? [.init(topic: "tco")] : [],
                  shareable: Int.random(in: 0..<3, using: &generator) == 0)
        }
        let diagnosis = Diagnoser.diagnose(group, taxonomy: taxonomy, asOf: asOf)
        let index = CatalogIndex(assets: catalog)
        let pruned = Matcher.recommend(for: group, diagnosis: diagnosis, index: index, taxonomy: taxonomy,
                                       options: MatchOptions(limit: 8, policy: policy))
        let exhaustive = Matcher.recommend(for: group, diagnosis: diagnosis, index: index, taxonomy: taxonomy,
                                           options: MatchOptions(limit: 8, policy: policy, exhaustive: true))
        #expect(pruned == exhaustive)
    }

    // MARK: Determinism

    @Test(arguments: 0..<15)
    func sameInputSameOutputAndUnrelatedAssetsChangeNothing(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed))
        let group = Samples.group
        var catalog: [Asset] = []
        for index in 0..<25 {
            let jobs = Array(BuyingJob.allCases.shuffled(using: &generator).prefix(2))
            catalog.append(asset("asset-\(index)", jobs: jobs, roles: Array(taxonomy.roles.shuffled(using: &generator).prefix(2)),
                                 topics: Bool.random(using: &generator) ? ["tco"] : ["deployment"],
                                 resolves: Bool.random(using: &generator) ? [.init(topic: "tco")] : [],
                                 shareable: Bool.random(using: &generator)))
        }
        let picks = recommend(group, catalog)
        #expect(recommend(group, catalog.shuffled(using: &generator)) == picks)
        // Serves no need: a finished job, a role nobody in the group has, no topic.
        let unrelated = asset("aaa-unrelated", jobs: [.problemIdentification], roles: ["legal"])
        #expect(recommend(group, catalog + [unrelated]) == picks)
    }
}

/// Nothing thin, nothing twice: what a sales leader would cut from a list of picks.
@Suite struct ThinAndTwinPickTests {
    let taxonomy = Samples.taxonomy
    let asOf = Samples.asOf

    func asset(_ id: String, jobs: [BuyingJob] = [.validation], roles: [String] = ["finance", "it"], topics: [String] = [],
               resolves: [Asset.Resolution] = [], shareable: Bool = false, format: String = "guide") -> Asset {
        Asset(id: id, title: "Asset \(id)", format: format, jobs: jobs, roles: roles, topics: topics, resolves: resolves, shareable: shareable)
    }

    func picks(_ assets: [Asset]) -> [Recommendation] {
        let diagnosis = Diagnoser.diagnose(Samples.group, taxonomy: taxonomy, asOf: asOf)
        return Matcher.recommend(for: Samples.group, diagnosis: diagnosis, index: CatalogIndex(assets: assets), taxonomy: taxonomy)
    }

    /// Two calculators alike in every tag, for the same people: one slot, not picks 1 and 2.
    @Test func aNearDuplicateDoesNotFillASecondSlotForTheSamePeople() {
        let first = asset("calculator-a", topics: ["tco"], resolves: [.init(topic: "tco")], shareable: true, format: "tool")
        let twin = asset("calculator-b", topics: ["tco"], resolves: [.init(topic: "tco")], shareable: true, format: "tool")
        let guide = asset("hosting-guide", topics: ["deployment"], resolves: [.init(topic: "deployment")], shareable: true)
        let ids = picks([first, twin, guide]).map(\.asset.id)
        #expect(ids.contains("calculator-a") != ids.contains("calculator-b"), "\(ids)")
        #expect(ids.contains("hosting-guide"))
        let ranks = picks([first, twin, guide]).map(\.rank)
        #expect(ranks == Array(1...ranks.count), "ranked again in order")
    }

    /// Every pick scores at least a tenth of the leading pick: a 0.005 beside a 0.9 is left out.
    @Test(arguments: [7, 28, 48])
    func noPickIsThinBesideTheLead(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let roles = ["finance", "it", "executive", "clinical"]
        let catalog = (0..<40).map { index in
            asset(String(format: "a%02d", index), jobs: [BuyingJob.allCases.randomElement(using: &random)!],
                  roles: [roles.randomElement(using: &random)!], topics: Bool.random(using: &random) ? ["tco"] : [],
                  resolves: index % 7 == 0 ? [.init(topic: "tco")] : [], shareable: index % 5 == 0,
                  format: ["guide", "tool", "video"].randomElement(using: &random)!)
        }
        let chosen = picks(catalog)
        guard let lead = chosen.first else { return }
        #expect(chosen.allSatisfy { $0.score >= lead.score * ScoringPolicy.standard.thinPickShare - 1e-9 }, "\(chosen.map(\.score))")
    }
}

/// The wait after a resolver is per asset and person, not per need.
@Suite struct ResolverWaitTests {
    let taxonomy = Samples.taxonomy
    let asOf = Samples.asOf

    /// The day the people split on deployment got the hosting decision guide, a one-sided hosting
    /// explainer is not offered to them again for another need (validation, reaching them).
    @Test func noSecondResolverGoesToSomeoneWhoJustGotOneWhateverTheNeed() throws {
        let guide = Asset(id: "hosting-decision-guide", title: "Hosting guide", format: "guide", jobs: [.validation], roles: ["it", "finance"],
                          topics: ["deployment"], resolves: [.init(topic: "deployment")], shareable: true)
        let explainer = Asset(id: "hosting-explainer", title: "Hosting explainer", format: "video", jobs: [.validation], roles: ["it"],
                              topics: ["deployment"], resolves: [.init(topic: "deployment", positions: ["cloud-only"])])
        // Every pick kept, however small, so the explainer's send-to can be seen before and after.
        var policy = ScoringPolicy.standard
        policy.thinPickShare = 0
        let options = MatchOptions(policy: policy)
        var group = Samples.group
        let split = Diagnoser.diagnose(group, taxonomy: taxonomy, asOf: asOf).conflicts.first { $0.topic == "deployment" }?.stakeholders ?? []
        try #require(!split.isEmpty)
        let before = Matcher.recommend(for: group, diagnosis: Diagnoser.diagnose(group, taxonomy: taxonomy, asOf: asOf),
                                       index: CatalogIndex(assets: [guide, explainer]), taxonomy: taxonomy, options: options)
        let offered = try #require(before.first { $0.asset.id == "hosting-explainer" }, "without a recent resolver the explainer is a pick")
        try #require(!Set(offered.sendTo).isDisjoint(with: split))
        group.touches.append(Touch(asset: "hosting-decision-guide", to: split, date: asOf))
        let after = Matcher.recommend(for: group, diagnosis: Diagnoser.diagnose(group, taxonomy: taxonomy, asOf: asOf),
                                      index: CatalogIndex(assets: [guide, explainer]), taxonomy: taxonomy, options: options)
        for pick in after where pick.asset.id == "hosting-explainer" {
            #expect(Set(pick.sendTo).isDisjoint(with: split), "\(pick.sendTo) just got the guide")
        }
    }
}

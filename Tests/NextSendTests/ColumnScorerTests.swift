import Foundation
@testable import NextSend
import NextSendSynthetic
import NextSendTestSupport
import Testing

/// The fast path of the matcher: scores from packed columns and lazy greedy picks. Both must give
/// exactly what scoring every asset the long way gives — the same score, bit for bit, for every
/// asset, and the same picks in the same order — on groups and catalogs made to hit every rule.
@Suite struct ColumnScorerTests {
    /// The sample taxonomy with voices expected on every job, so that groups missing a role have
    /// missing-voice needs too.
    let taxonomy = try! TaxonomyParser.parse(Samples.taxonomyYAML.replacingOccurrences(of: "topics:", with: """
        voices:
          problem-identification: [executive, operations]
          solution-exploration: [it, clinical]
          requirements-building: [it, security]
          supplier-selection: [procurement, legal]
          validation: [security, finance]
          consensus-creation: [executive, finance]
        topics:
        """), file: "taxonomy.yaml")
    let asOf = Samples.asOf

    /// A random group: 2–8 people of random roles and influence, figures and positions that
    /// split, jobs in every state, sends (some within the re-send window, some consumed, some of
    /// resolvers) and dismissals, with or without an industry.
    func group(_ generator: inout SeededGenerator, catalog: [Asset]) -> BuyingGroup {
        let roles = taxonomy.roles
        let influences = ["decision-maker", "champion", "influencer", "user"]
        let people = (0..<Int.random(in: 2...8, using: &generator)).map { number in
            Stakeholder(id: "p\(number)", name: "Person \(number)", role: roles.randomElement(using: &generator)!,
                        influence: influences.randomElement(using: &generator)!)
        }
        var claims: [Claim] = []
        for person in people {
            if Int.random(in: 0..<3, using: &generator) == 0 {
                claims.append(Claim(stakeholder: person.id, topic: "tco", value: .number([120_000, 150_000, 310_000].randomElement(using: &generator)!),
                                    date: asOf.adding(days: -Int.random(in: 1...60, using: &generator))))
            }
            if Int.random(in: 0..<3, using: &generator) == 0 {
                claims.append(Claim(stakeholder: person.id, topic: "deployment",
                                    value: .position(["cloud-only", "hybrid", "on-prem-required"].randomElement(using: &generator)!),
                                    date: asOf.adding(days: -Int.random(in: 1...60, using: &generator))))
            }
        }
        var events: [JobEvent] = []
        for job in BuyingJob.allCases where Bool.random(using: &generator) {
            events.append(JobEvent(job: job, type: [.started, .progressed, .completed, .reopened].randomElement(using: &generator)!,
                                   date: asOf.adding(days: -Int.random(in: 1...40, using: &generator))))
        }
        var touches: [Touch] = []
        for _ in 0..<Int.random(in: 0...5, using: &generator) {
            let to = Array(people.map(\.id).shuffled(using: &generator).prefix(Int.random(in: 1...3, using: &generator)))
            touches.append(Touch(asset: catalog.randomElement(using: &generator)!.id, to: to,
                                 date: asOf.adding(days: -Int.random(in: 0...50, using: &generator)), consumed: Bool.random(using: &generator)))
        }
        let dismissals = (0..<Int.random(in: 0...2, using: &generator)).map { _ in
            Dismissal(asset: catalog.randomElement(using: &generator)!.id, date: asOf.adding(days: -Int.random(in: 0...40, using: &generator)))
        }
        return BuyingGroup(id: "g", account: "G", owner: "rep@x.example",
                           industry: ["hospital-system", "community-hospital", "dental", nil].randomElement(using: &generator)!,
                           stakeholders: people, claims: claims, events: events, touches: touches, dismissals: dismissals)
    }

    /// A random catalog of `count` assets over every tag, channel, industry and date case.
    func catalog(_ generator: inout SeededGenerator, count: Int) -> [Asset] {
        (0..<count).map { number in
            let topics = ["tco", "deployment"].filter { _ in Int.random(in: 0..<3, using: &generator) == 0 }
            let resolves: [Asset.Resolution] = topics.filter { _ in Int.random(in: 0..<3, using: &generator) == 0 }.map {
                $0 == "deployment" && Bool.random(using: &generator) ? .init(topic: $0, positions: ["cloud-only", "on-prem-required"]) : .init(topic: $0)
            }
            return Asset(id: "asset-\(String(number + 100))", title: "Asset \(number)", format: ["guide", "tool", "deck"].randomElement(using: &generator)!,
                         jobs: Array(BuyingJob.allCases.shuffled(using: &generator).prefix(Int.random(in: 1...3, using: &generator))),
                         roles: Array(taxonomy.roles.shuffled(using: &generator).prefix(Int.random(in: 0...3, using: &generator))),
                         topics: topics, resolves: resolves, shareable: Int.random(in: 0..<4, using: &generator) == 0,
                         channel: [.selfServe, .repLed, .either].randomElement(using: &generator)!,
                         industries: [[], [], ["hospital-system"], ["dental", "community-hospital"]].randomElement(using: &generator)!,
                         published: [nil, nil, asOf.adding(days: -90), asOf.adding(days: 3)].randomElement(using: &generator)!,
                         reviewBy: [nil, nil, nil, asOf.adding(days: -2), asOf.adding(days: 10), asOf.adding(days: 30), asOf.adding(days: 31)]
                            .randomElement(using: &generator)!)
        }
    }

    /// The asset under another id, with the same tags unless told otherwise: an edition or a twin.
    func copy(of asset: Asset, id: String, jobs: [BuyingJob]? = nil, roles: [String]? = nil, resolves: [Asset.Resolution]? = nil,
              shareable: Bool? = nil, channel: Asset.Channel? = nil, industries: [String]? = nil, reviewBy: Day?? = nil) -> Asset {
        Asset(id: id, title: asset.title, format: asset.format, jobs: jobs ?? asset.jobs, roles: roles ?? asset.roles,
              topics: asset.topics, resolves: resolves ?? asset.resolves, shareable: shareable ?? asset.shareable,
              channel: channel ?? asset.channel, industries: industries ?? asset.industries, published: asset.published,
              reviewBy: reviewBy ?? asset.reviewBy)
    }

    /// The assets and two twins of each ("y-" and "z-" before the id).
    func withTwins(_ originals: [Asset]) -> [Asset] {
        originals + originals.flatMap { original in ["y-", "z-"].map { copy(of: original, id: $0 + original.id) } }
    }

    /// Evidence for about a third of the assets, on the needs these groups have, some under the
    /// minimum number of sends.
    func evidence(_ generator: inout SeededGenerator, catalog: [Asset]) -> OutcomeEvidence {
        var records: [String: [String: OutcomeEvidence.Record]] = [:]
        for asset in catalog where Int.random(in: 0..<3, using: &generator) == 0 {
            for key in ["conflict:tco", "conflict:deployment"] + BuyingJob.allCases.map({ "stalled-job:\($0.rawValue)" })
            where Bool.random(using: &generator) {
                let sends = Int.random(in: 1...20, using: &generator)
                records[asset.id, default: [:]][key] = .init(sends: sends, successes: Int.random(in: 0...sends, using: &generator))
            }
        }
        return OutcomeEvidence(records)
    }

    /// The shipped policy for even seeds; for odd ones, other weights — some of them 0, so that a
    /// contribution can be worth nothing (a rep-led piece for someone not talking to the rep, one
    /// side's content in a split) and content of the group's industry then must not count as
    /// serving the need.
    func policy(_ generator: inout SeededGenerator, seed: Int) -> ScoringPolicy {
        var policy = ScoringPolicy.standard
        guard seed % 2 == 1 else { return policy }
        policy.coversTopic = [0.35, 0.8].randomElement(using: &generator)!
        policy.sharesTopicJob = [0, 0.15, 0.5].randomElement(using: &generator)!
        policy.oneSidedAudience = [0, 0.55, 1].randomElement(using: &generator)!
        policy.secondaryJob = [0.7, 0.95].randomElement(using: &generator)!
        policy.jobReachFloor = [0, 0.1, 0.5].randomElement(using: &generator)!
        policy.reachForEveryone = [0, 0.6, 0.95].randomElement(using: &generator)!
        policy.reachOffJob = [0, 0.6].randomElement(using: &generator)!
        policy.reachRepLed = [0, 0.8].randomElement(using: &generator)!
        policy.reachDiminishing = [0, 0.5, 0.8, 1].randomElement(using: &generator)!
        policy.voiceOffJob = [0, 0.7].randomElement(using: &generator)!
        policy.otherIndustry = [0.3, 0.6, 1].randomElement(using: &generator)!
        policy.servedNeedDiscount = [0, 0.25, 0.9].randomElement(using: &generator)!
        policy.evidenceMaxLift = [0.3, 1].randomElement(using: &generator)!
        return policy
    }

    /// Every asset the column scorer scores gets the exact path's score, bit for bit — under the
    /// first round's weights and under weights a few picks have discounted — and is dropped
    /// exactly when the exact path drops it.
    @Test(arguments: 0..<40)
    func columnScoresEqualTheExactPathForEveryAsset(seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed) &+ 4242)
        let assets = catalog(&generator, count: 80)
        let index = CatalogIndex(assets: assets)
        try #require(index.table.isPacked)
        let group = group(&generator, catalog: assets)
        let evidence = seed % 4 < 2 ? evidence(&generator, catalog: assets) : .none
        let policy = policy(&generator, seed: seed)
        let compared = expectColumnScoresEqualTheExactPath(group, index: index, evidence: evidence, policy: policy, generator: &generator)
        #expect(compared.all > 20, "only \(compared.all) assets scored from the columns")
    }

    /// A resolver of a split someone is waiting on (they got another resolver of it days ago and
    /// have not read it) is held back from them for every need: scored from the columns with them
    /// left out, it still gets the exact path's score bit for bit.
    @Test(arguments: 0..<30)
    func resolversHeldBackForSomeoneWaitingScoreAsTheExactPath(seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed) &+ 5151)
        let assets = catalog(&generator, count: 80)
        let index = CatalogIndex(assets: assets)
        try #require(index.table.isPacked)
        var group = group(&generator, catalog: assets)
        let diagnosis = Diagnoser.diagnose(group, taxonomy: taxonomy, asOf: asOf)
        // Someone in each split got one of its resolvers three days ago and has not read it. On
        // some seeds the first split's resolver went to everyone in it, or to the whole group, so
        // other needs lose whole audiences.
        for (number, conflict) in diagnosis.conflicts.enumerated() {
            guard let resolver = assets.first(where: { $0.resolves.contains { $0.topic == conflict.topic } }),
                  let person = conflict.stakeholders.randomElement(using: &generator) else { continue }
            let everyone = group.stakeholders.map(\.id)
            let to = number > 0 ? [person] : [everyone, conflict.stakeholders, [person]][seed % 3]
            group.touches.append(Touch(asset: resolver.id, to: to, date: asOf.adding(days: seed < 15 ? -3 : -40), consumed: false))
        }
        let evidence = seed % 2 == 0 ? evidence(&generator, catalog: assets) : .none
        // From seed 15 on, a policy that waits 60 days: the people waiting can also be ones nobody
        // has reached for a month, and an unreached person waiting is not sent the resolver either.
        var policy = policy(&generator, seed: seed)
        if seed >= 15 { policy.resolverWaitDays = 60 }
        let compared = expectColumnScoresEqualTheExactPath(group, index: index, evidence: evidence, policy: policy, generator: &generator)
        if !diagnosis.conflicts.isEmpty { #expect(compared.heldBack > 0, "no held-back resolver was scored from the columns") }
        let after = Diagnoser.diagnose(group, taxonomy: taxonomy, asOf: asOf)
        for limit in [1, 5] {
            let fast = Matcher.recommend(for: group, diagnosis: after, index: index, taxonomy: taxonomy,
                                         options: MatchOptions(limit: limit, policy: policy, evidence: evidence))
            let exhaustive = Matcher.recommend(for: group, diagnosis: after, index: index, taxonomy: taxonomy,
                                               options: MatchOptions(limit: limit, policy: policy, evidence: evidence, exhaustive: true))
            #expect(fast == exhaustive, "seed \(seed), limit \(limit)")
            let halved = Matcher.recommend(for: group, diagnosis: after, index: index, taxonomy: taxonomy,
                                           options: MatchOptions(limit: limit, policy: policy, evidence: evidence, threads: .two))
            #expect(halved == exhaustive, "seed \(seed), limit \(limit), two halves")
        }
    }

    /// The profile table grows past its first size and keeps every candidate in its profile:
    /// 3,000 candidates of 1,200 kinds, in an order that interleaves them.
    @Test func profilesSurviveTheTableGrowing() {
        var sheet = ScoreSheet()
        for round in 0..<2 {
            sheet.reset(needs: 2)
            for candidate in 0..<3_000 {
                let kind = (candidate * 7) % 1_200
                sheet.addPart(need: 0, value: Double(kind + 1), isReach: false, serves: true)
                if kind % 3 == 0 { sheet.addPart(need: 1, value: 0.5, isReach: true, serves: true) }
                sheet.addCandidate(position: candidate, factor: 1, otherIndustry: false, lead: false)
            }
            sheet.finish(ownServes: [false, false], diminishing: 0.5)
            #expect(sheet.profileCount == 1_200, "round \(round)")
            var profileOfKind: [Int: Int] = [:]
            for candidate in 0..<sheet.count {
                let kind = (candidate * 7) % 1_200
                if let known = profileOfKind[kind] {
                    #expect(sheet.profile(of: candidate) == known, "candidate \(candidate) left its kind's profile")
                } else {
                    profileOfKind[kind] = sheet.profile(of: candidate)
                }
                let expected = Double(kind + 1) + (kind % 3 == 0 ? 0.5 : 0)
                #expect(sheet.scores[sheet.profile(of: candidate)] == expected)
            }
            #expect(Set(profileOfKind.values).count == 1_200)
        }
    }

    /// An asset the group reads as an earlier one (the same topics, roles, jobs, flags, industry
    /// and review state, no evidence, no positions to weigh, not held back) joins that one's
    /// profile without its parts being worked out: the sheet is the same as working every asset
    /// out, candidate for candidate and profile for profile, and most candidates take the shortcut.
    @Test(arguments: 0..<30)
    func theShortcutGivesTheSheetWorkingEveryAssetOutGives(seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed) &+ 31_337)
        // Random tags seldom repeat in a small catalog; editions under other ids repeat them.
        let originals = catalog(&generator, count: 150)
        var assets = withTwins(originals)
        for original in originals {
            // One more job, or one more role, than the original: the same key exactly when the
            // group reads neither (a job nobody works on, a role nobody in it holds).
            if let job = BuyingJob.allCases.first(where: { !original.jobs.contains($0) }) {
                assets.append(copy(of: original, id: "w-" + original.id, jobs: original.jobs + [job]))
            }
            if !original.roles.isEmpty, let role = taxonomy.roles.shuffled(using: &generator).first(where: { !original.roles.contains($0) }) {
                assets.append(copy(of: original, id: "v-" + original.id, roles: original.roles + [role]))
            }
            // One thing else changed: the primary job, sharing, the channel, the industries, the review date.
            if original.jobs.count > 1 {
                assets.append(copy(of: original, id: "p-" + original.id, jobs: Array(original.jobs.dropFirst()) + [original.jobs[0]]))
            }
            assets.append(copy(of: original, id: "s-" + original.id, shareable: !original.shareable))
            assets.append(copy(of: original, id: "c-" + original.id, channel: original.channel == .repLed ? .selfServe : .repLed))
            assets.append(copy(of: original, id: "i-" + original.id, industries: original.industries.isEmpty ? ["hospital-system"] : []))
            assets.append(copy(of: original, id: "r-" + original.id, reviewBy: .some(original.reviewBy == nil ? asOf.adding(days: 10) : nil)))
            // The same tags, but a resolver of the split that takes the other stance on positions:
            // its fit differs, so it must not share a profile by its tags alone.
            guard original.resolves.contains(where: { $0.topic == "deployment" }) else { continue }
            let other = original.resolves.map { resolution -> Asset.Resolution in
                guard resolution.topic == "deployment" else { return resolution }
                return resolution.positions.isEmpty ? .init(topic: "deployment", positions: ["hybrid"]) : .init(topic: "deployment")
            }
            assets.append(copy(of: original, id: "x-" + original.id, resolves: other))
        }
        let index = CatalogIndex(assets: assets)
        try #require(index.table.isPacked)
        var answered = 0, candidates = 0
        // One sheet used for every group in turn, as the matcher's pool does: nothing of one group may stay for the next.
        var reused = ScoreSheet()
        for _ in 0..<3 {
            let group = group(&generator, catalog: assets)
            let diagnosis = Diagnoser.diagnose(group, taxonomy: taxonomy, asOf: asOf)
            let evidence = Bool.random(using: &generator) ? evidence(&generator, catalog: assets) : .none
            let policy = policy(&generator, seed: seed)
            for onlyTo in [nil] + group.stakeholders.map(\.id).prefix(2) {
                let context = MatchContext(group: group, diagnosis: diagnosis, taxonomy: taxonomy,
                                           options: MatchOptions(onlyTo: onlyTo, policy: policy, evidence: evidence), index: index)
                let scorer = ColumnScorer(context: context, index: index)
                var fast = ScoreSheet(), slow = ScoreSheet()
                var fastEvaluations: [Int: MatchContext.Evaluation] = [:], slowEvaluations: [Int: MatchContext.Evaluation] = [:]
                scorer.fill(&fast, evaluations: &fastEvaluations)
                scorer.fill(&slow, evaluations: &slowEvaluations, shortcut: false)
                #expect(fast.count == slow.count && (0..<fast.count).allSatisfy { fast.position(of: $0) == slow.position(of: $0) },
                        "seed \(seed), to \(onlyTo ?? "anyone"): other candidates")
                #expect(fast.count == slow.count && (0..<fast.count).allSatisfy { fast.profile(of: $0) == slow.profile(of: $0) },
                        "seed \(seed), to \(onlyTo ?? "anyone"): other profiles")
                #expect(fast.heads == slow.heads)
                #expect(fast.scores.map(\.bitPattern) == slow.scores.map(\.bitPattern))
                #expect(fast.needMasks == slow.needMasks)
                #expect(slow.shortcut.answered == 0)
                scorer.fill(&reused, evaluations: &slowEvaluations)
                #expect(reused.count == fast.count && (0..<fast.count).allSatisfy {
                    reused.position(of: $0) == fast.position(of: $0) && reused.profile(of: $0) == fast.profile(of: $0)
                }, "seed \(seed), to \(onlyTo ?? "anyone"): a reused sheet differs")
                #expect(reused.scores.map(\.bitPattern) == fast.scores.map(\.bitPattern))
                // The catalog's two halves passed at once and joined: the same sheet, and the
                // exact path's evaluations from both halves.
                var halved = ScoreSheet(), spare = ScoreSheet()
                var halvedEvaluations: [Int: MatchContext.Evaluation] = [:]
                scorer.fill(&halved, halvesWith: &spare, evaluations: &halvedEvaluations)
                #expect(halved.count == fast.count && (0..<fast.count).allSatisfy {
                    halved.position(of: $0) == fast.position(of: $0) && halved.profile(of: $0) == fast.profile(of: $0)
                }, "seed \(seed), to \(onlyTo ?? "anyone"): the halves joined differ")
                #expect(halved.heads == fast.heads)
                #expect(halved.scores.map(\.bitPattern) == fast.scores.map(\.bitPattern))
                #expect(halved.needMasks == fast.needMasks)
                let weights = (0..<diagnosis.needs.count).map { Double($0 % 3 + 1) / 3 }
                #expect(halved.profileCount == fast.profileCount && (0..<fast.profileCount).allSatisfy {
                    halved.score($0, weights: weights, diminishing: 0.5).bitPattern == fast.score($0, weights: weights, diminishing: 0.5).bitPattern
                }, "seed \(seed), to \(onlyTo ?? "anyone"): a joined profile scores otherwise")
                #expect(Set(halvedEvaluations.keys) == Set(fastEvaluations.keys))
                answered += fast.shortcut.answered
                candidates += fast.count
            }
        }
        #expect(answered * 3 > candidates, "the shortcut answered \(answered) of \(candidates) candidates")
    }

    /// The shortcut's table keeps every key through growing, and forgets them all on reset.
    @Test func theShortcutKeepsEveryKeyThroughGrowingAndForgetsThemOnReset() {
        var shortcut = ProfileShortcut()
        shortcut.reset(positions: 130)
        func key(_ number: Int) -> ProfileShortcut.Key {
            ProfileShortcut.Key(topics: UInt64(number), resolved: UInt64(number % 7), roles: UInt64(number / 3), jobs: UInt8(number % 64),
                                primaryJob: 0, flags: [], ownIndustry: number % 2 == 0, dueForReview: number % 5 == 0)
        }
        for number in 0..<3_000 {
            guard case let .unseen(slot) = shortcut.answer(for: key(number)) else {
                Issue.record("key \(number) answered before it was remembered")
                return
            }
            shortcut.remember(key(number), at: slot, profile: number % 10 == 0 ? nil : number)
        }
        #expect(shortcut.count == 3_000)
        for number in 0..<3_000 {
            #expect(shortcut.answer(for: key(number)) == (number % 10 == 0 ? .servesNothing : .profile(number)), "key \(number)")
        }
        shortcut.exclude(129)
        #expect(shortcut.isExcluded(129) && !shortcut.isExcluded(128))
        shortcut.reset(positions: 130)
        #expect(shortcut.count == 0 && shortcut.answered == 0 && !shortcut.isExcluded(129))
        #expect((0..<3_000).allSatisfy { if case .unseen = shortcut.answer(for: key($0)) { true } else { false } })
    }

    /// Compares every asset the column scorer scores with the exact path, for everyone and for a
    /// few `--to` readers; returns how many both kept, and how many held-back resolvers were checked.
    func expectColumnScoresEqualTheExactPath(_ group: BuyingGroup, index: CatalogIndex, evidence: OutcomeEvidence, policy: ScoringPolicy,
                                             generator: inout SeededGenerator) -> (all: Int, heldBack: Int) {
        let diagnosis = Diagnoser.diagnose(group, taxonomy: taxonomy, asOf: asOf)
        var compared = 0, heldBack = 0
        for onlyTo in [nil, "someone-else"] + group.stakeholders.map(\.id).prefix(3) {
            let options = MatchOptions(onlyTo: onlyTo, policy: policy, evidence: evidence)
            let context = MatchContext(group: group, diagnosis: diagnosis, taxonomy: taxonomy, options: options, index: index)
            let scorer = ColumnScorer(context: context, index: index)
            var sheet = ScoreSheet()
            var evaluations: [Int: MatchContext.Evaluation] = [:]
            scorer.fill(&sheet, evaluations: &evaluations)
            // Each kept asset's profile: what its score and needs are read from.
            let candidates = Dictionary(uniqueKeysWithValues: (0..<sheet.count).map { (sheet.position(of: $0), sheet.profile(of: $0)) }
                .filter { sheet.scores[$0.1] > 0 })
            let discounted = diagnosis.needs.indices.map { _ in [1, 0.25, 0.0625].randomElement(using: &generator)! }
            for position in index.assets.indices where !scorer.routesExactly(position) {
                let exact = context.evaluate(index[position], at: position)
                let candidate = candidates[position]
                #expect((exact == nil) == (candidate == nil), "\(index[position].id) to \(onlyTo ?? "anyone"): kept by one path only")
                if scorer.heldBackPositions.contains(position) { heldBack += 1 }
                guard let exact, let candidate else { continue }
                for weights in [[Double](repeating: 1, count: diagnosis.needs.count), discounted] {
                    let fast = scorer.score(candidate, in: sheet, weights: weights)
                    #expect(fast.bitPattern == exact.score(weights: weights).bitPattern,
                            "\(index[position].id) to \(onlyTo ?? "anyone"): \(fast) against \(exact.score(weights: weights))")
                }
                #expect(diagnosis.needs.indices.filter { sheet.serves(candidate, need: $0) } == exact.contributions.filter(\.serves).map(\.need))
                compared += 1
            }
        }
        return (compared, heldBack)
    }

    /// The fast picks equal the exhaustive ones — assets, order, send-to, score, reasons — with ties
    /// (twin assets), many unreached people, `--to`, dismissals, recent sends, editions, evidence on
    /// and off, other policies, and a leading need the catalog may not serve.
    @Test(arguments: 0..<40)
    func fastPicksEqualTheExhaustivePath(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed) &+ 9000)
        var assets = catalog(&generator, count: 60)
        // Twins under other ids: the same tags, so scores tie and the lower id must win.
        for twin in assets.prefix(6) {
            assets.append(copy(of: twin, id: "z-" + twin.id))
        }
        let index = CatalogIndex(assets: assets)
        let group = group(&generator, catalog: assets)
        let diagnosis = Diagnoser.diagnose(group, taxonomy: taxonomy, asOf: asOf)
        let policy = policy(&generator, seed: seed)
        #expect(policy.scoresOnlyFall, "the column path is the one under test")
        for evidence in [OutcomeEvidence.none, evidence(&generator, catalog: assets)] {
            for onlyTo in [nil] + group.stakeholders.map(\.id) {
                for limit in [1, 5, 12] {
                    let fast = Matcher.recommend(for: group, diagnosis: diagnosis, index: index, taxonomy: taxonomy,
                                                 options: MatchOptions(limit: limit, onlyTo: onlyTo, policy: policy, evidence: evidence))
                    let exhaustive = Matcher.recommend(for: group, diagnosis: diagnosis, index: index, taxonomy: taxonomy,
                                                       options: MatchOptions(limit: limit, onlyTo: onlyTo, policy: policy, evidence: evidence,
                                                                             exhaustive: true))
                    #expect(fast == exhaustive, "seed \(seed), to \(onlyTo ?? "anyone"), limit \(limit)")
                    // The catalog's two halves on two threads, and one thread: the same picks.
                    for threads in [PassThreads.two, .one] {
                        let split = Matcher.recommend(for: group, diagnosis: diagnosis, index: index, taxonomy: taxonomy,
                                                      options: MatchOptions(limit: limit, onlyTo: onlyTo, policy: policy, evidence: evidence,
                                                                            threads: threads))
                        #expect(split == exhaustive, "seed \(seed), to \(onlyTo ?? "anyone"), limit \(limit), \(threads)")
                    }
                }
            }
        }
    }

    /// Assets with the same tags are one profile for a group: scored once, and picked one after
    /// another in id order (three copies of each, so a profile gives up more than one pick).
    @Test(arguments: 0..<12)
    func twinsShareOneProfileAndArePickedInIdOrder(seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed) &+ 777)
        let originals = catalog(&generator, count: 30)
        let assets = withTwins(originals)
        let index = CatalogIndex(assets: assets)
        try #require(index.table.isPacked)
        let group = group(&generator, catalog: assets)
        let diagnosis = Diagnoser.diagnose(group, taxonomy: taxonomy, asOf: asOf)
        let context = MatchContext(group: group, diagnosis: diagnosis, taxonomy: taxonomy, options: MatchOptions(), index: index)
        let scorer = ColumnScorer(context: context, index: index)
        var sheet = ScoreSheet()
        var evaluations: [Int: MatchContext.Evaluation] = [:]
        scorer.fill(&sheet, evaluations: &evaluations)
        let profiles = Dictionary(uniqueKeysWithValues: (0..<sheet.count).map { (index[sheet.position(of: $0)].id, sheet.profile(of: $0)) })
        var shared = 0
        for twin in originals {
            let copies = [twin.id, "y-" + twin.id, "z-" + twin.id]
            guard copies.allSatisfy({ id in profiles[id] != nil && !scorer.routesExactly(index.position(of: id)!) }) else { continue }
            #expect(Set(copies.map { profiles[$0]! }).count == 1, "\(copies) are scored apart")
            shared += 1
        }
        #expect(shared > 0, "no twin was a candidate")
        #expect(sheet.profileCount <= sheet.count - 2 * shared)
        for limit in [3, 12] {
            let fast = Matcher.recommend(for: group, diagnosis: diagnosis, index: index, taxonomy: taxonomy, options: MatchOptions(limit: limit))
            let exhaustive = Matcher.recommend(for: group, diagnosis: diagnosis, index: index, taxonomy: taxonomy,
                                               options: MatchOptions(limit: limit, exhaustive: true))
            #expect(fast == exhaustive, "seed \(seed), limit \(limit)")
            let halved = Matcher.recommend(for: group, diagnosis: diagnosis, index: index, taxonomy: taxonomy,
                                           options: MatchOptions(limit: limit, threads: .two))
            #expect(halved == exhaustive, "seed \(seed), limit \(limit), twins across two halves")
        }
    }

    /// With more than 64 roles the columns cannot hold them as bits: the matcher scores the long
    /// way and still picks what it would.
    @Test func aCatalogWithMoreRolesThanBitsStillMatches() throws {
        let many = (0..<70).map { "role-\($0)" }
        var assets = (0..<70).map { Asset(id: "wide-\($0)", title: "Wide \($0)", format: "guide", jobs: [.validation], roles: [many[$0]]) }
        assets.append(Asset(id: "finance-guide", title: "Finance", format: "guide", jobs: [.validation], roles: ["finance"], topics: ["tco"]))
        let index = CatalogIndex(assets: assets)
        #expect(!index.table.isPacked)
        let group = Samples.group
        let diagnosis = Diagnoser.diagnose(group, taxonomy: taxonomy, asOf: asOf)
        let picks = Matcher.recommend(for: group, diagnosis: diagnosis, index: index, taxonomy: taxonomy)
        #expect(picks.map(\.asset.id).contains("finance-guide"))
        #expect(picks == Matcher.recommend(for: group, diagnosis: diagnosis, index: index, taxonomy: taxonomy, options: MatchOptions(exhaustive: true)))
    }
}

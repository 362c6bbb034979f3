import NextSend
import NextSendSynthetic
import Testing

/// Missing voices (issue #32): a job under way with nobody in a role that usually weighs in on it.
/// Each test is a small group written for the case; the expected need, pick and sentence come first.
@Suite struct MissingVoiceTests {
    let asOf = Day("2026-11-29")!
    let taxonomy = try! TaxonomyParser.parse("""
        roles: [executive, finance, it, security, procurement, operations]
        roleLabels: {it: IT}
        influence: {decision-maker: 1.0, champion: 0.8, influencer: 0.6, user: 0.4}
        formats: [guide, checklist, deck, summary]
        voices:
          validation: [it, security]
          consensus-creation: [executive, finance]
        topics:
          tco:
            label: Three-year cost
            kind: number
            unit: USD
            tolerance: 0.2
            jobs: [validation]
        """, file: "taxonomy.yaml")

    /// Validation under way, IT and finance known, nobody in security; Ellen is the champion.
    var noSecurity: BuyingGroup {
        BuyingGroup(id: "riverside", account: "Riverside Health", owner: "rep@x.example", stakeholders: [
            Stakeholder(id: "dana", name: "Dana Reyes", role: "finance", influence: "decision-maker"),
            Stakeholder(id: "ellen", name: "Ellen Cho", role: "executive", influence: "champion"),
            Stakeholder(id: "lee", name: "Lee Park", role: "it", influence: "influencer"),
        ], claims: [
            Claim(stakeholder: "dana", topic: "tco", value: .number(120_000), date: Day("2026-11-20")!),
            Claim(stakeholder: "ellen", topic: "tco", value: .number(125_000), date: Day("2026-11-20")!),
            Claim(stakeholder: "lee", topic: "tco", value: .number(130_000), date: Day("2026-11-21")!),
        ], events: [JobEvent(job: .validation, type: .started, date: Day("2026-11-25")!)])
    }

    func recommend(_ group: BuyingGroup, _ assets: [Asset], exhaustive: Bool = false) -> [Recommendation] {
        let diagnosis = Diagnoser.diagnose(group, taxonomy: taxonomy, asOf: asOf)
        return Matcher.recommend(for: group, diagnosis: diagnosis, index: CatalogIndex(assets: assets), taxonomy: taxonomy,
                                 options: MatchOptions(limit: 5, exhaustive: exhaustive))
    }

    @Test func validationWithNoSecurityPersonIsAMissingVoice() {
        let diagnosis = Diagnoser.diagnose(noSecurity, taxonomy: taxonomy, asOf: asOf)
        #expect(diagnosis.missingVoices == [MissingVoice(job: .validation, role: "security")])
        let need = diagnosis.needs.first { $0.kind == .missingVoice(job: .validation, role: "security") }
        #expect(need?.stakeholders == ["ellen"], "the champion is the one asked")
        // After unreached people, before jobs that merely move.
        let kinds = diagnosis.needs.map(\.kind.name)
        #expect(kinds == ["missing-voice", "active-job"], "\(kinds)")
        let report = DiagnosisReport(diagnosis, group: noSecurity, taxonomy: taxonomy)
        #expect(report.missingVoices.map { "\($0.job)/\($0.role)" } == ["validation/security"])
        #expect(report.needs.first?.role == "security")
    }

    @Test func thePickGoesToTheChampionWithTheSentence() throws {
        let summary = Asset(id: "security-summary", title: "Security summary", format: "summary", jobs: [.validation], roles: ["security"],
                            shareable: true)
        let pick = try #require(recommend(noSecurity, [summary]).first)
        #expect(pick.sendTo == ["ellen"], "sent to the champion, never to someone invented")
        #expect(pick.addresses.first == .missingVoice(job: .validation, role: "security"))
        #expect(pick.reason == "No one in security is known and validation is under way — ask Ellen Cho (executive) who speaks for security "
            + "on their side and forward this shared summary, made for security.", "\(pick.reason)")
    }

    @Test func aShareablePieceOutranksOneARepMustWalkThrough() throws {
        let deck = Asset(id: "a-security-deck", title: "Security deck", format: "deck", jobs: [.validation], roles: ["security"])
        let summary = Asset(id: "b-security-summary", title: "Security summary", format: "summary", jobs: [.validation], roles: ["security"],
                            shareable: true)
        let picks = recommend(noSecurity, [deck, summary])
        #expect(picks.first?.asset.id == "b-security-summary", "the deck sorts first by id: a tie would put it first")
        #expect(picks.map(\.asset.id) == recommend(noSecurity, [deck, summary], exhaustive: true).map(\.asset.id))
        let alone = try #require(recommend(noSecurity, [deck]).first)
        #expect(alone.sendTo == ["ellen"])
        #expect(alone.reason.contains("ask Ellen Cho (executive) who speaks for security on their side then walk that person through this deck, made for security"),
                "\(alone.reason)")
        let voice = { (pick: Recommendation) in pick.breakdown.first { $0.name == "missing-voice:validation:security" }?.value ?? 0 }
        #expect(voice(alone) < voice(try #require(recommend(noSecurity, [summary]).first)))
    }

    @Test func contentForAnotherRoleNeverServesTheVoice() {
        let forIT = Asset(id: "it-guide", title: "IT guide", format: "guide", jobs: [.validation], roles: ["it"], shareable: true)
        let picks = recommend(noSecurity, [forIT])
        #expect(!picks.contains { $0.addresses.contains(.missingVoice(job: .validation, role: "security")) })
    }

    @Test func withoutAChampionTheMostInfluentialPersonIsAsked() {
        var group = noSecurity
        group.stakeholders[1].influence = "influencer"
        #expect(Diagnoser.broker(of: group, taxonomy: taxonomy) == "dana", "decision-maker outweighs influencers")
        group.stakeholders[0].influence = "influencer"
        #expect(Diagnoser.broker(of: group, taxonomy: taxonomy) == "dana", "equal weights: by id")
    }

    @Test func noVoiceIsMissingWhenTheRoleIsThereOrTheJobIsNotUnderWay() {
        var withSecurity = noSecurity
        withSecurity.stakeholders.append(Stakeholder(id: "noah", name: "Noah Price", role: "security", influence: "influencer"))
        #expect(Diagnoser.diagnose(withSecurity, taxonomy: taxonomy, asOf: asOf).missingVoices.isEmpty)
        var done = noSecurity
        done.events.append(JobEvent(job: .validation, type: .completed, date: Day("2026-11-27")!))
        #expect(Diagnoser.diagnose(done, taxonomy: taxonomy, asOf: asOf).missingVoices.isEmpty)
        #expect(Diagnoser.diagnose(noSecurity, taxonomy: taxonomy, asOf: Day("2026-11-24")!).missingVoices.isEmpty, "not started yet")
        var empty = noSecurity
        empty.stakeholders = []
        empty.claims = []
        #expect(Diagnoser.diagnose(empty, taxonomy: taxonomy, asOf: asOf).missingVoices.isEmpty, "nobody to ask: nobody is invented")
    }

    @Test func aStalledJobsMissingVoiceWeighsMore() {
        let stalled = Diagnoser.diagnose(noSecurity, taxonomy: taxonomy, asOf: Day("2026-12-20")!)
        let active = Diagnoser.diagnose(noSecurity, taxonomy: taxonomy, asOf: asOf)
        let urgency = { (diagnosis: Diagnosis) in diagnosis.needs.first { $0.kind.name == "missing-voice" }?.urgency ?? 0 }
        #expect(urgency(stalled) > urgency(active))
    }

    /// Property: over many generated groups, a voice is reported exactly when its job is open and
    /// nobody holds the role, and every pick for one goes to someone in the group.
    @Test func missingVoicesAreExactlyTheOpenJobsUnheldRoles() {
        var generator = SeededGenerator(seed: 32)
        let roles = taxonomy.roles
        let jobs: [BuyingJob] = [.validation, .consensusCreation, .supplierSelection]
        let assets = roles.enumerated().map { index, role in
            Asset(id: "for-\(role)", title: "For \(role)", format: "guide", jobs: [jobs[index % jobs.count]], roles: [role],
                  shareable: index % 2 == 0)
        }
        for round in 0..<200 {
            let people = (0..<Int(generator.next() % 5)).map { index in
                Stakeholder(id: "p\(index)", name: "Person \(index) Test", role: roles[Int(generator.next() % UInt64(roles.count))],
                            influence: ["champion", "influencer", "user"][Int(generator.next() % 3)])
            }
            let events = jobs.compactMap { job -> JobEvent? in
                switch generator.next() % 3 {
                case 0: return nil
                case 1: return JobEvent(job: job, type: .started, date: Day("2026-11-20")!)
                default: return JobEvent(job: job, type: .completed, date: Day("2026-11-20")!)
                }
            }
            let group = BuyingGroup(id: "g\(round)", account: "G", owner: "rep@x.example", stakeholders: people, events: events)
            let diagnosis = Diagnoser.diagnose(group, taxonomy: taxonomy, asOf: asOf)
            let open = Set(diagnosis.jobs.filter(\.isOpen).map(\.job))
            let held = Set(people.map(\.role))
            var expected: [MissingVoice] = []
            if !people.isEmpty {
                for state in diagnosis.jobs where open.contains(state.job) {
                    for role in taxonomy.voices[state.job] ?? [] where !held.contains(role) { expected.append(MissingVoice(job: state.job, role: role)) }
                }
            }
            #expect(diagnosis.missingVoices == expected, "round \(round)")
            for pick in Matcher.recommend(for: group, diagnosis: diagnosis, index: CatalogIndex(assets: assets), taxonomy: taxonomy) {
                #expect(pick.sendTo.allSatisfy { group.stakeholder($0) != nil }, "round \(round): \(pick.sendTo)")
            }
        }
    }

    @Test func voicesAreValidatedWithTheirLine() {
        let text = """
            roles: [it, security]
            influence: {user: 1.0}
            formats: [guide]
            voices:
              validaton: [it]
              validation: [it, secruity, it]
            topics: {}
            """
        #expect {
            try TaxonomyParser.parse(text, file: "taxonomy.yaml")
        } throws: { error in
            let message = "\(error)"
            return message.contains("taxonomy.yaml:5: error: voices.validaton: 'validaton' is not a buying job; did you mean 'validation'?")
                && message.contains("taxonomy.yaml:6: error: voices.validation: 'secruity' is not one of the roles; did you mean 'security'?")
                && message.contains("taxonomy.yaml:6: error: voices.validation: 'it' is listed twice")
        }
    }
}

import NextSend
import NextSendTestSupport
import Testing
import NextSendSynthetic

/// How NextSend names things: one style for people, roles, counts and conflicts everywhere.
@Suite struct VocabularyTests {
    let taxonomy = Samples.taxonomy

    var group: BuyingGroup {
        BuyingGroup(id: "g", account: "G", owner: "rep@x.example", stakeholders: [
            Stakeholder(id: "dana", name: "Dana Reyes", role: "finance", influence: "decision-maker"),
            Stakeholder(id: "lee", name: "Lee Park", role: "it", influence: "influencer"),
            Stakeholder(id: "rae", name: "Rae Quinn", role: "operations", influence: "user"),
        ])
    }

    @Test func aPersonIsNamedInFullOnceThenByFirstName() {
        var names = Vocabulary(taxonomy).names(in: group)
        #expect(names.mention("lee") == "Lee Park (IT)")
        #expect(names.mention("dana") == "Dana Reyes (finance)")
        #expect(names.mention("lee") == "Lee")
        #expect(names.mention("nobody") == "nobody")
        // A new sentence starts over.
        var next = Vocabulary(taxonomy).names(in: group)
        #expect(next.mention("lee") == "Lee Park (IT)")
    }

    /// Two people of one first name are never both "Everett": later mentions keep the full name,
    /// and the role when the full names match too, so a reason never leaves the reader guessing.
    @Test func peopleWhoShareAFirstNameAreToldApart() throws {
        var twins = group
        twins.stakeholders += [Stakeholder(id: "ev1", name: "Everett Cole", role: "it", influence: "user"),
                               Stakeholder(id: "ev2", name: "Everett Lim", role: "finance", influence: "user"),
                               Stakeholder(id: "ann1", name: "Ann Berg", role: "it", influence: "user"),
                               Stakeholder(id: "ann2", name: "Ann Berg", role: "legal", influence: "user")]
        var names = Vocabulary(taxonomy).names(in: twins)
        for id in ["ev1", "ev2", "ann1", "ann2", "lee"] { _ = names.mention(id) }
        #expect(names.mention("ev1") == "Everett Cole")
        #expect(names.mention("ev2") == "Everett Lim")
        #expect(names.mention("ann1") == "Ann Berg (IT)")
        #expect(names.mention("ann2") == "Ann Berg (legal)")
        #expect(names.mention("lee") == "Lee", "a first name nobody else has stays short")
        // And in a reason: a split between the two Everetts names each so a rep can tell them apart.
        twins.claims = [Claim(stakeholder: "ev1", topic: "tco", value: .number(120_000), date: Day("2026-11-20")!),
                        Claim(stakeholder: "ev2", topic: "tco", value: .number(310_000), date: Day("2026-11-21")!)]
        let model = Asset(id: "cost-model", title: "Cost model", format: "tool", jobs: [.validation], roles: ["finance", "it"],
                          topics: ["tco"], resolves: [.init(topic: "tco")], shareable: true)
        let diagnosis = Diagnoser.diagnose(twins, taxonomy: taxonomy, asOf: Samples.asOf)
        let reason = try #require(Matcher.recommend(for: twins, diagnosis: diagnosis, index: CatalogIndex(assets: [model]),
                                                    taxonomy: taxonomy).first?.reason)
        #expect(reason.contains("Everett Cole at $120,000 vs Everett Lim at $310,000"), "\(reason)")
    }

    /// The pick row the terminal, the page and the digest show: every recipient named in full, the
    /// split the pick settles in the taxonomy's words, and no link that is not a web link.
    @Test func aPickRowNamesItsPeopleTheSplitItSettlesAndOnlyWebLinks() throws {
        var split = group
        split.claims = [Claim(stakeholder: "dana", topic: "tco", value: .number(120_000), date: Day("2026-11-20")!),
                        Claim(stakeholder: "lee", topic: "tco", value: .number(310_000), date: Day("2026-11-21")!)]
        func asset(_ id: String, url: String) -> Asset {
            Asset(id: id, title: "Cost model", url: url, format: "tool", jobs: [.validation], roles: ["finance", "it"], topics: ["tco"],
                  resolves: [.init(topic: "tco")], shareable: true, status: .published)
        }
        let words = Vocabulary(taxonomy)
        for (url, shown) in [("https://example.com/cost model", "https://example.com/cost%20model"), ("javascript:alert(1)", nil)] {
            let diagnosis = Diagnoser.diagnose(split, taxonomy: taxonomy, asOf: Samples.asOf)
            let picks = Matcher.recommend(for: split, diagnosis: diagnosis, index: CatalogIndex(assets: [asset("cost-model", url: url)]),
                                          taxonomy: taxonomy, options: MatchOptions(limit: 1))
            let row = words.pickRow(try #require(picks.first), in: split)
            #expect(row.rank == 1 && row.asset == "cost-model" && row.title == "Cost model")
            #expect(row.sendTo == "Dana Reyes (finance) and Lee Park (IT)", "each recipient once, in full")
            #expect(row.sendToIds == ["dana", "lee"])
            #expect(row.resolves == "For the split on Three-year total cost of ownership")
            #expect(row.url == shown)
            #expect(row.reason == picks[0].reason && row.score == picks[0].score)
        }
    }

    /// The claim row the terminal, the page and the digest show: who, what, on which topic, and the
    /// words it was read from with where they were heard.
    @Test func aClaimRowSaysWhoHoldsWhatAndWhereItWasHeard() {
        let words = Vocabulary(taxonomy)
        var heard = Claim(stakeholder: "dana", topic: "tco", value: .number(120_000), date: Day("2026-11-02")!)
        heard.quote = "Dana budgeted $120k."
        heard.source = "call"
        let row = words.claimRow(heard, in: group)
        #expect(row.person == "Dana Reyes (finance)" && row.holds == "$120,000")
        #expect(row.topic == "three-year total cost of ownership" && row.topicTitle == "Three-year total cost of ownership")
        #expect(row.heard == " — “Dana budgeted $120k.”")
        #expect(row.sentence == "Dana Reyes (finance) holds $120,000 on three-year total cost of ownership — “Dana budgeted $120k.” (call, 2026-11-02).")
        let typed = words.claimRow(Claim(stakeholder: "lee", topic: "deployment", value: .position("hybrid"), date: Day("2026-11-03")!), in: group)
        #expect(typed.heard.isEmpty && typed.quote == nil && typed.source == nil)
        #expect(typed.sentence == "Lee Park (IT) holds \(typed.holds) on deployment model (2026-11-03).")
    }

    @Test func rolesReadFromTheTaxonomysLabelsElseAsWords() throws {
        let labelled = try TaxonomyParser.parse("""
            roles: [it, end-user, clinical-lead]
            roleLabels: {it: Information technology, end-user: frontline staff}
            influence: {user: 0.4}
            formats: [guide]
            topics: {}
            """, file: "taxonomy.yaml")
        let words = Vocabulary(labelled)
        #expect(words.role("it") == "Information technology")
        #expect(words.role("end-user") == "frontline staff")
        #expect(words.role("clinical-lead") == "clinical lead")
        #expect(Vocabulary(taxonomy).role("end-user") == "end user")
        #expect(words.influence("decision-maker") == "decision maker")
    }

    @Test func aRoleLabelForAnUnknownRoleIsAnErrorAtItsLine() {
        #expect(throws: ValidationFailure.self) {
            try TaxonomyParser.parse("roles: [it]\nroleLabels: {itt: IT}\ninfluence: {user: 0.4}\nformats: [guide]\ntopics: {}\n",
                                     file: "taxonomy.yaml")
        }
        do {
            _ = try TaxonomyParser.parse("roles: [it]\nroleLabels: {itt: IT}\ninfluence: {user: 0.4}\nformats: [guide]\ntopics: {}\n",
                                         file: "taxonomy.yaml")
        } catch let failure as ValidationFailure {
            #expect(failure.description.contains("taxonomy.yaml:2: error: roleLabels.itt: 'itt' is not one of the roles; did you mean 'it'?"),
                    "\(failure.description)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test(arguments: [(0, "0 days"), (1, "1 day"), (2, "2 days"), (21, "21 days")])
    func countsAgreeWithTheirNoun(count: Int, text: String) {
        #expect(Words.count(count, "day") == text)
        #expect(Words.count(1, "person", plural: "people") == "1 person")
        #expect(Words.count(3, "person", plural: "people") == "3 people")
        #expect(Words.withArticle("influencer") == "an influencer")
        #expect(Words.withArticle("user") == "a user")
    }

    /// Ids read as words, labels lowered only when their first word is an ordinary word, first names
    /// the first word of a name: whatever spaces or hyphens surround them.
    @Test func idsLabelsAndFirstNamesReadAsWords() {
        #expect(Words.spaced("end-user") == "end user")
        #expect(Words.spaced("finance") == "finance")
        #expect(Words.spaced("a--b-") == "a b")
        #expect(Words.lowercasingFirst("Three-year total cost") == "three-year total cost")
        #expect(Words.lowercasingFirst("EHR integration") == "EHR integration")
        #expect(Words.lowercasingFirst("  ") == "  ")
        #expect(Words.lowercasingFirst("A") == "A")
        #expect(Stakeholder(id: "l", name: "Lee Park", role: "it", influence: "user").shortName == "Lee")
        #expect(Stakeholder(id: "l", name: " Zoë Álvarez", role: "it", influence: "user").shortName == "Zoë")
        #expect(Stakeholder(id: "l", name: "Cher", role: "it", influence: "user").shortName == "Cher")
        #expect(Stakeholder(id: "l", name: "", role: "it", influence: "user").shortName == "")
    }

    @Test func figuresWithinToleranceOfANeighbourShareACampAndTheLineSaysSo() {
        let claims = [("dana", 120_000.0), ("lee", 310_000.0), ("rae", 140_000.0)].map {
            Claim(stakeholder: $0.0, topic: "tco", value: .number($0.1), date: Samples.asOf)
        }
        let conflict = ConflictDetector.detect(claims, taxonomy: taxonomy, asOf: Samples.asOf)[0]
        let camps = ConflictCamps.group(conflict, taxonomy: taxonomy)
        #expect(camps.map { $0.flatMap(\.stakeholders) } == [["dana", "rae"], ["lee"]])
        var names = Vocabulary(taxonomy).names(in: group)
        #expect(Vocabulary(taxonomy).conflictLine(conflict, names: &names)
            == "Dana Reyes (finance) and Rae Quinn (operations) at $120,000–$140,000 vs Lee Park (IT) at $310,000")
    }

    @Test func compatiblePositionsFormOneCamp() {
        let claims = [("dana", "cloud-only"), ("lee", "on-prem-required"), ("rae", "hybrid")].map {
            Claim(stakeholder: $0.0, topic: "deployment", value: .position($0.1), date: Samples.asOf)
        }
        let conflict = ConflictDetector.detect(claims, taxonomy: taxonomy, asOf: Samples.asOf)[0]
        #expect(ConflictCamps.numbers(conflict, taxonomy: taxonomy).map(\.camp) == [1, 1, 2])
        var names = Vocabulary(taxonomy).names(in: group)
        #expect(Vocabulary(taxonomy).conflictLine(conflict, names: &names)
            == "Dana Reyes (finance) and Rae Quinn (operations) for cloud-only or hybrid vs Lee Park (IT) for on-prem-required")
    }

    /// Single linkage, checked on random figures: inside a camp each figure agrees with its
    /// neighbour; between neighbouring camps the closest figures conflict; every side is in one camp.
    @Test(arguments: 0..<40)
    func campsAreSingleLinkageOverSortedFigures(seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed) &+ 5)
        let people = (0..<Int.random(in: 2...9, using: &generator)).map { "p\($0)" }
        let claims = people.map { person in
            Claim(stakeholder: person, topic: "tco", value: .number(Double(Int.random(in: 50...400, using: &generator) * 1000)),
                  date: Samples.asOf)
        }
        guard let conflict = ConflictDetector.detect(claims, taxonomy: taxonomy, asOf: Samples.asOf).first else { return }
        let topic = try #require(taxonomy.topic("tco"))
        let numbered = ConflictCamps.numbers(conflict, taxonomy: taxonomy)
        #expect(numbered.count == conflict.sides.count)
        let camps = ConflictCamps.group(conflict, taxonomy: taxonomy)
        #expect(camps.count >= 2, "a real conflict never reads as one camp")
        #expect(camps.flatMap { $0 }.count == conflict.sides.count)
        let chained = camps.count < conflict.sides.count
        for camp in camps where chained {
            for (a, b) in zip(camp, camp.dropFirst()) {
                guard case let .number(x) = a.value, case let .number(y) = b.value else { continue }
                #expect(topic.areCompatible(x, y))
            }
        }
        for (left, right) in zip(camps, camps.dropFirst()) where chained {
            guard case let .number(x)? = left.last?.value, case let .number(y)? = right.first?.value else { continue }
            #expect(!topic.areCompatible(x, y))
        }
    }
}

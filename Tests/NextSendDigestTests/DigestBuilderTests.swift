import Foundation
import NextSend
import NextSendDigest
import NextSendTestSupport
import Testing

@Suite struct DigestBuilderTests {
    let week = IsoWeek("2026-W48")!

    var catalog: [Asset] {
        [
            Asset(id: "tco-model", title: "Three-year TCO model", url: "https://example.com/tco", format: "tool",
                  jobs: [.validation], roles: ["finance", "it"], topics: ["tco"], resolves: [.init(topic: "tco")], shareable: true),
            Asset(id: "old-study", title: "Old study", format: "guide", jobs: [.validation], roles: ["finance"],
                  reviewBy: Day("2026-12-05")!, owner: "maria@vendor.example"),
        ]
    }

    @Test func aRepDigestPutsTheMostUrgentGroupFirst() throws {
        let builder = DigestBuilder(week: week, taxonomy: Samples.taxonomy, assets: catalog)
        var calm = Samples.group
        calm.id = "a-calm"
        calm.claims = []
        calm.events = [JobEvent(job: .validation, type: .started, date: Day("2026-11-28")!)]
        let digest = builder.repDigest(rep: "alice@vendor.example", [try builder.analyse(calm), try builder.analyse(Samples.group)])
        #expect(digest.groups.map(\.id) == ["acme-health", "a-calm"])
        #expect(digest.groups.map(\.rank) == [1, 2])
        let acme = digest.groups[0]
        #expect(acme.conflicts.map(\.topic) == ["deployment", "tco"])
        #expect(acme.stalled.map(\.job) == ["validation"])
        #expect(acme.recommendations.first?.asset == "tco-model")
        #expect(acme.recommendations.count <= 3)
        #expect(digest.week == "2026-W48" && digest.asOf == "2026-11-29")
    }

    @Test func theMarketingDigestRanksGapsByHowManyGroupsHaveThem() throws {
        // Nothing in the catalog resolves deployment; two groups are split on it.
        let builder = DigestBuilder(week: week, taxonomy: Samples.taxonomy, assets: catalog)
        var other = Samples.group
        other.id = "other"
        let facts = [try builder.analyse(Samples.group).facts, try builder.analyse(other).facts]
        let digest = builder.marketingDigest(facts, assets: catalog)
        let deployment = try #require(digest.gaps.first { $0.key == "conflict:deployment" })
        #expect(deployment.groups == 2)
        #expect(deployment.examples == ["acme-health", "other"])
        #expect(!digest.gaps.contains { $0.key == "conflict:tco" }, "the TCO model serves the cost split well")
        #expect(digest.gaps == digest.gaps.sorted { $0.groups != $1.groups ? $0.groups > $1.groups : $0.key < $1.key })
        #expect(digest.expiring.map(\.asset) == ["old-study"])
        #expect(digest.expiring.first?.state == "expires in 6 days")
        #expect(digest.coverage.rows.count == 6)
        #expect(digest.groupCount == 2)
    }

    /// A voice missing from a job under way is a gap when no asset is made for that role (#32), and
    /// the rep digest names it with whom to ask.
    @Test func aMissingVoiceNoAssetServesIsAContentGap() throws {
        var taxonomy = Samples.taxonomy
        taxonomy.voices = [.validation: ["legal", "security"]]
        let builder = DigestBuilder(week: week, taxonomy: taxonomy, assets: catalog)
        let analysis = try builder.analyse(Samples.group)
        let digest = builder.marketingDigest([analysis.facts], assets: catalog)
        let gap = try #require(digest.gaps.first { $0.key == "missing-voice:validation:legal" }, "\(digest.gaps.map(\.key))")
        #expect(gap.label == "Bringing legal into validation")
        #expect(!digest.gaps.contains { $0.key.hasPrefix("missing-voice:validation:security") }, "Kim Chen is in security")
        let section = builder.repDigest(rep: "alice@vendor.example", [analysis]).groups[0]
        #expect(section.missingVoices == ["Legal on validation — ask Max Ortiz (operations) who speaks for legal"])
        #expect(section.headline.contains("1 missing voice"), "\(section.headline)")
        #expect(section.trend.count == 12 && section.trend.map(\.bar).max() == 40)
    }

    /// A claim dated in the week is news, with where it was heard when it was read from notes.
    @Test func whatChangedNamesTheClaimsOfTheWeekWithTheirQuotes() throws {
        let builder = DigestBuilder(week: week, taxonomy: Samples.taxonomy, assets: catalog)
        var group = Samples.group
        let person = try #require(group.stakeholders.first)
        group.claims.append(Claim(stakeholder: person.id, topic: "tco", value: .number(150_000), source: "call", date: Day("2026-11-26")!,
                                  quote: "\(person.shortName) thinks the three-year cost is $150k"))
        group.claims.append(Claim(stakeholder: person.id, topic: "tco", value: .number(140_000), source: "rep", date: Day("2026-11-10")!))
        let digest = builder.repDigest(rep: "alice@vendor.example", [try builder.analyse(group)])
        let changes = try #require(digest.groups.first?.changes)
        #expect(changes.contains { $0.contains("holds $150,000") && $0.contains("“\(person.shortName) thinks the three-year cost is $150k”") && $0.contains("(call, 2026-11-26)") },
                "\(changes)")
        #expect(!changes.contains { $0.contains("$140,000") }, "a claim from before the week is not news")
    }

    /// A send of this week is still inside its window: marketing reads it as pending, not as a dud.
    @Test func theMarketingDigestSaysWhichSendsArePending() throws {
        let builder = DigestBuilder(week: week, taxonomy: Samples.taxonomy, assets: catalog)
        var group = Samples.group
        group.touches = [Touch(asset: "tco-model", to: group.stakeholders.map(\.id), date: Day("2026-11-24")!)]
        let digest = builder.marketingDigest([try builder.analyse(group).facts], assets: catalog)
        let effect = try #require(digest.effectiveness.first { $0.asset == "tco-model" })
        #expect(effect.conflictsPending == 1 && effect.conflictsClosed == 0)
        #expect(effect.conflictsText == "0 of 1 (1 pending)")
    }

    /// The dismissals table (#33): one row per reason with its groups, reps and latest day; the
    /// same words from two groups are one row; no reason given is a row of its own, listed last
    /// among equals; nothing is joined with a separator left dangling.
    @Test func dismissalsAreOneRowPerReasonWithGroupsRepsAndLatestDay() throws {
        let builder = DigestBuilder(week: week, taxonomy: Samples.taxonomy, assets: catalog)
        var first = Samples.group
        first.dismissals = [Dismissal(asset: "tco-model", date: Day("2026-11-24")!, reason: "CFO wants a one-pager"),
                            Dismissal(asset: "tco-model", date: Day("2026-11-26")!)]
        var second = Samples.group
        second.id = "bayside"
        second.owner = "theo@vendor.example"
        second.dismissals = [Dismissal(asset: "tco-model", date: Day("2026-11-27")!, reason: " CFO wants a one-pager "),
                             Dismissal(asset: "old-study", date: Day("2026-01-05")!, reason: "outside the window")]
        let digest = builder.marketingDigest([try builder.analyse(first).facts, try builder.analyse(second).facts], assets: catalog)
        #expect(digest.dismissals.map(\.asset) == ["tco-model"], "a dismissal before the outcome window is not this period's")
        let rows = try #require(digest.dismissals.first).reasons
        #expect(rows.map(\.reason) == ["CFO wants a one-pager", nil])
        #expect(rows[0].count == 2 && rows[0].groups == ["acme-health", "bayside"])
        #expect(rows[0].reps == [Samples.group.owner, "theo@vendor.example"].sorted())
        #expect(rows[0].latest == "2026-11-27")
        #expect(rows[1].count == 1 && rows[1].latest == "2026-11-26")
        let markdown = try #require(try DigestRenderer().render(digest, formats: [.md])[.md])
        #expect(markdown.contains("| CFO wants a one-pager | 2 | acme-health, bayside | \([Samples.group.owner, "theo@vendor.example"].sorted().joined(separator: ", ")) | 2026-11-27 |"),
                "\(markdown)")
        #expect(markdown.contains("| no reason given | 1 | acme-health |"))
        #expect(!markdown.contains("; |") && !markdown.contains(", |"))
        let html = try #require(try DigestRenderer().render(digest, formats: [.html])[.html])
        #expect(html.contains(">no reason given</td>") && html.contains(">acme-health, bayside</td>"))
    }

    @Test func linksInDigestsAreWebLinksOnly() {
        #expect(WebLink.safe("javascript:alert(1)") == nil)
        #expect(WebLink.safe("data:text/html,hi") == nil)
        #expect(WebLink.safe("https://example.com/a (b)") == "https://example.com/a%20%28b%29")
        // The scheme is what comes before the first colon, in any case.
        #expect(WebLink.safe("HTTPS://Example.com/Guide") == "HTTPS://Example.com/Guide")
        #expect(WebLink.safe("Http://example.com") == "Http://example.com")
        #expect(WebLink.safe("httpx://example.com") == nil)
        #expect(WebLink.safe("https") == nil)
        #expect(WebLink.safe(":https://example.com") == nil)
        #expect(WebLink.safe("example.com/https:") == nil)
        #expect(WebLink.safe(nil) == nil)
        // Quotes and angle brackets cannot end an attribute or a Markdown link; control characters go.
        #expect(WebLink.safe("https://x.example/\"a\"<b>'c'") == "https://x.example/%22a%22%3Cb%3E%27c%27")
        #expect(WebLink.safe("https://x.example/a\u{7}b\nc\u{85}d") == "https://x.example/abcd")
        #expect(WebLink.safe("https://x.example/Zoë/€") == "https://x.example/Zoë/€")
    }
}

@Suite struct MarketingDigestSizeTests {
    /// With a thousand assets, most of them sent, hundreds long past review and hundreds more due
    /// this month, the e-mail stays readable and under 100 KB; the Markdown and JSON keep every row.
    @Test func theMarketingEmailStaysUnder100KBWithAThousandAssets() throws {
        let assets = (0..<1000).map { index in
            Asset(id: String(format: "asset-%04d", index), title: "A guide with a fairly ordinary long title, number \(index)", format: "guide",
                  jobs: [.validation], roles: ["finance"],
                  reviewBy: index < 300 ? Day("2025-06-01")! : index < 900 ? Day("2026-11-20")! : nil, owner: "maria@vendor.example")
        }
        let builder = DigestBuilder(week: IsoWeek("2026-W48")!, taxonomy: Samples.taxonomy, assets: assets)
        var group = Samples.group
        group.touches = assets.prefix(950).map { Touch(asset: $0.id, to: ["lee"], date: Day("2026-11-20")!) }
        let digest = builder.marketingDigest([try builder.analyse(group).facts], assets: assets)
        #expect(digest.expiring.count == 600, "due or missed within 30 days")
        #expect(digest.expiring.allSatisfy { $0.reviewBy == "2026-11-20" })
        #expect(digest.expiredEarlier == 300)
        #expect(digest.effectiveness.count == 950)

        let rendered = try DigestRenderer().render(digest, formats: [.html, .md, .json])
        let html = try #require(rendered[.html])
        #expect(html.utf8.count < 100_000, "\(html.utf8.count) bytes")
        #expect(html.contains("Further assets, each sent less often: 925."))
        #expect(html.contains("Further reviews due or missed within 30 days: 575."))
        #expect(html.contains("over 30 days ago (not recommended until reviewed; <code>nextsend catalog lint</code> lists them): 300."))
        let markdown = try #require(rendered[.md])
        #expect(assets.prefix(950).allSatisfy { markdown.contains("(`\($0.id)`) | 1 |") }, "every sent asset has its row in the Markdown")
        #expect(assets[300..<900].allSatisfy { markdown.contains("(`\($0.id)`) | maria@vendor.example | 2026-11-20 |") }, "every review due has its row")
        #expect(try #require(rendered[.json]).contains("\"expiredEarlier\" : 300"))
    }

}

extension DigestBuilderTests {
    // MARK: The backlog a marketer can act on (#33)

    /// A guide that covers deployment without resolving it, made for IT only.
    var deploymentGuide: Asset {
        Asset(id: "deploy-guide", title: "Deployment guide", format: "guide", jobs: [.requirementsBuilding], roles: ["it"],
              topics: ["deployment"], industries: ["hospital-system"])
    }

    @Test func aGapRowNamesItsGroupsRepsAndWhyTheBestAssetFallsShort() throws {
        let builder = DigestBuilder(week: week, taxonomy: Samples.taxonomy, assets: catalog + [deploymentGuide])
        var other = Samples.group
        other.id = "other"
        other.owner = "bob@vendor.example"
        other.industry = "behavioral-health"
        let digest = builder.marketingDigest([try builder.analyse(other).facts, try builder.analyse(Samples.group).facts],
                                             assets: catalog + [deploymentGuide])
        let gap = try #require(digest.gaps.first { $0.key == "conflict:deployment" })
        #expect(gap.named.map(\.group) == ["acme-health", "other"], "weakest fit first, then by id")
        #expect(gap.groupsText == "acme-health (alice@vendor.example), other (bob@vendor.example)")
        #expect(gap.bestAsset == "deploy-guide" && gap.bestFormat == "guide")
        #expect(gap.why == ["covers deployment model without settling it (it does not resolve the topic)",
                            "reaches 1 of 3 sides: made for IT, the split is between IT, operations and security"])
        #expect(gap.industriesText == "behavioral-health 1")
        #expect(gap.rolesText == "IT, operations and security")
        #expect(digest.gapTrend == nil, "no week before was given")
        let markdown = try DigestRenderer().render(digest, formats: [.md])[.md] ?? ""
        #expect(markdown.contains("### Settling a split on deployment model — 2 groups\n\n- Best asset today: `deploy-guide` (guide), fit "))
        #expect(markdown.contains("Fit is how well the closest asset serves the need on its own"))
        #expect(!markdown.contains("Industries: \n") && !markdown.contains("— \n"))
    }

    @Test func anEditionForAnotherIndustryIsNamedAsTheShortfall() throws {
        let builder = DigestBuilder(week: week, taxonomy: Samples.taxonomy, assets: catalog + [deploymentGuide])
        var other = Samples.group
        other.industry = "behavioral-health"
        let gap = try #require(builder.marketingDigest([try builder.analyse(other).facts], assets: catalog).gaps.first { $0.key == "conflict:deployment" })
        #expect(gap.why.first == "no edition for behavioral health (made for hospital system)")
    }

    @Test func theTrendSaysWhichGapsClosedSinceTheWeekBefore() throws {
        // Last week nothing covered deployment; this week a guide does, weakly: the gap stays,
        // with the same group count. A resolver of the deployment split closes it.
        let resolver = Asset(id: "deploy-resolver", title: "Deployment options side by side", format: "comparison",
                             jobs: [.requirementsBuilding], roles: [], topics: ["deployment"], resolves: [.init(topic: "deployment")], shareable: true)
        let builder = DigestBuilder(week: week, taxonomy: Samples.taxonomy, assets: catalog + [resolver],
                                    previousWeek: (catalog, .none))
        let digest = builder.marketingDigest([try builder.analyse(Samples.group).facts], assets: catalog + [resolver])
        let trend = try #require(digest.gapTrend)
        #expect(trend.since == "2026-11-22")
        #expect(trend.closed.contains("Settling a split on deployment model"))
        #expect(!digest.gaps.contains { $0.key == "conflict:deployment" })
        #expect(trend.text.hasPrefix("\(trend.opened.count) gap"))

        let same = DigestBuilder(week: week, taxonomy: Samples.taxonomy, assets: catalog, previousWeek: (catalog, .none))
        let unchanged = same.marketingDigest([try same.analyse(Samples.group).facts], assets: catalog)
        #expect(unchanged.gaps.first { $0.key == "conflict:deployment" }?.change == nil, "there last week too, in as many groups")
        #expect(unchanged.gaps.allSatisfy { $0.previousGroups != nil })
    }

    @Test func dismissalReasonsInOtherWordsAreCountedTogetherAndTiedToTheirGap() throws {
        let builder = DigestBuilder(week: week, taxonomy: Samples.taxonomy, assets: catalog + [deploymentGuide])
        var acme = Samples.group
        acme.industry = "behavioral-health"
        acme.dismissals = [Dismissal(asset: "deploy-guide", date: Day("2026-11-20")!, reason: "no behavioral-health edition"),
                           Dismissal(asset: "tco-model", date: Day("2026-11-21")!, reason: "too long for the CFO")]
        var other = Samples.group
        other.id = "other"
        other.industry = "behavioral-health"
        other.dismissals = [Dismissal(asset: "deploy-guide", date: Day("2026-11-24")!, reason: "No edition for behavioral health")]
        let digest = builder.marketingDigest([try builder.analyse(acme).facts, try builder.analyse(other).facts], assets: catalog + [deploymentGuide])
        let first = try #require(digest.reasonGroups.first)
        #expect(first.count == 2 && first.reason == "no behavioral-health edition")
        #expect(first.variants == ["No edition for behavioral health", "no behavioral-health edition"])
        #expect(first.gaps == ["conflict:deployment"], "the guide the gap falls back on has no behavioral-health edition")
        #expect(digest.reasonGroups.count == 2)
        #expect(digest.reasonGroups[1].gaps.isEmpty, "'too long for the CFO' names nothing a gap lacks")
        let gap = try #require(digest.gaps.first { $0.key == "conflict:deployment" })
        #expect(gap.repsSaid == ["“no behavioral-health edition” (2 dismissals)"])
    }

    @Test func fillerOnlyReasonsGroupByTheirTextAndNumbersTieNothing() throws {
        let builder = DigestBuilder(week: week, taxonomy: Samples.taxonomy, assets: catalog + [deploymentGuide])
        var acme = Samples.group
        acme.dismissals = [Dismissal(asset: "deploy-guide", date: Day("2026-11-20")!, reason: "Not needed"),
                           Dismissal(asset: "tco-model", date: Day("2026-11-21")!, reason: "not needed"),
                           Dismissal(asset: "deploy-guide", date: Day("2026-11-22")!, reason: "sent 3 weeks ago")]
        let digest = builder.marketingDigest([try builder.analyse(acme).facts], assets: catalog + [deploymentGuide])
        let filler = try #require(digest.reasonGroups.first { $0.reason.lowercased() == "not needed" })
        #expect(filler.count == 2 && filler.variants == ["Not needed", "not needed"])
        let weeks = try #require(digest.reasonGroups.first { $0.reason == "sent 3 weeks ago" })
        #expect(weeks.gaps.isEmpty, "the 3 is not the '1 of 3 sides' of the deployment gap")
    }

    /// The job board and "nothing to send" read the same in the digest as on the page and in the
    /// terminal: one row, one sentence (#26). A group that needs nothing is not told the catalog
    /// lacks something.
    @Test func aGroupThatNeedsNothingIsToldSoAndJobRowsReadAsEverywhere() throws {
        let builder = DigestBuilder(week: week, taxonomy: Samples.taxonomy, assets: [])
        var calm = Samples.group
        calm.claims = []
        calm.events = []
        calm.touches = []
        let quiet = try builder.analyse(calm).section
        let words = Vocabulary(Samples.taxonomy)
        let diagnosis = Diagnoser.diagnose(calm, taxonomy: Samples.taxonomy, asOf: builder.asOf)
        #expect(quiet.recommendations.isEmpty)
        #expect(quiet.nothingToSend == words.nothingToSend(diagnosis))
        let busy = try builder.analyse(Samples.group).section
        #expect(busy.nothingToSend == "Nothing in the live catalog serves this group's needs; marketing's weekly digest lists such gaps.")
        let stalled = try #require(busy.jobs.first { $0.job == "validation" })
        let row = words.jobRow(try #require(Diagnoser.diagnose(Samples.group, taxonomy: Samples.taxonomy, asOf: builder.asOf)
            .jobs.first { $0.job == .validation }))
        #expect(stalled.label == row.title && stalled.statusLabel == "STALLED" && stalled.idle == row.idle)
        #expect(row.note == "idle past its 10-day threshold")
    }
}

import Foundation
import NextSend
import NextSendTestSupport
import Testing
import NextSendSynthetic

/// The claims reader's rules, one at a time: each test names what a rep relies on.
@Suite struct NoteReaderTests {
    static let taxonomy: Taxonomy = {
        let url = NoteCorpusTests.repository.appendingPathComponent("content/taxonomy.yaml")
        return try! TaxonomyParser.parse(String(contentsOf: url, encoding: .utf8), file: "content/taxonomy.yaml")
    }()
    static let people = [
        Stakeholder(id: "dana", name: "Dana Reyes", role: "finance", influence: "decision-maker", email: "dana.reyes@mercy.example"),
        Stakeholder(id: "lee", name: "Lee Park", role: "it", influence: "influencer", email: "lee.park@mercy.example"),
        Stakeholder(id: "zoe", name: "Zoë Álvarez-Nakamura", role: "it", influence: "champion"),
        Stakeholder(id: "chris-d", name: "Chris Doyle", role: "finance", influence: "influencer"),
        Stakeholder(id: "chris-n", name: "Chris Ng", role: "operations", influence: "influencer"),
        Stakeholder(id: "dwayne", name: "Dwayne O'Neal", role: "end-user", influence: "user"),
    ]

    func read(_ text: String, format: NoteFormat = .note, from: String? = nil, inbound: Bool? = nil) -> NoteReading {
        NoteReader(taxonomy: Self.taxonomy, stakeholders: Self.people).read(NoteDocument(text: text, format: format, from: from, inbound: inbound))
    }

    func only(_ text: String, format: NoteFormat = .note, from: String? = nil) -> NoteClaim? {
        let claims = read(text, format: format, from: from).claims
        return claims.count == 1 ? claims[0] : nil
    }

    @Test(arguments: [
        ("Dana thinks the TCO is $120k.", 120_000.0),
        ("Dana thinks the TCO is 120 thousand dollars.", 120_000),
        ("Dana thinks the TCO is USD 1.2M.", 1_200_000),
        ("Dana thinks the TCO is $120–140k.", 130_000),
        ("Dana thinks the TCO is $290k-$330k.", 310_000),
        ("Dana puts the three-year cost at 150,000.", 150_000),
        ("Dana thinks the TCO is 180K USD.", 180_000),
    ])
    func moneyIsReadInDollarsWithMultipliersAndRanges(text: String, expected: Double) throws {
        let claim = try #require(only(text), "\(text)")
        #expect(claim.topic == "tco" && claim.stakeholder == "dana")
        #expect(claim.value == .number(expected), "\(text)")
    }

    @Test(arguments: [
        ("Lee expects go-live in 6 months.", 26.0),           // weeks
        ("Lee expects go-live in 120 days.", 17.1429),
        ("Lee thinks implementation is 8–10 months.", 39),
        ("Lee expects go-live in ~20 wks.", 20),
        ("Lee wants payback within 2 years.", 24),            // months
        ("Lee thinks payback will take about a year and a half.", 18),
        ("Lee wants payback in sixteen months.", 16),
        ("Lee expects overtime to drop 12 to 18 percent.", 15),
        ("Lee expects overtime down 20-25%.", 22.5),
    ])
    func timeAndPercentagesConvertToTheTopicsUnit(text: String, expected: Double) throws {
        let claim = try #require(only(text), "\(text)")
        guard case let .number(value) = claim.value else { Issue.record("not a number"); return }
        #expect(abs(value - expected) < 0.001, "\(text): \(value)")
    }

    @Test func aFigureInAnotherCurrencyIsSkippedNotConverted() {
        let reading = read("Doyle mentioned the TCO quote their sister hospital got was €380k.")
        #expect(reading.claims.isEmpty)
        #expect(reading.skipped.map(\.why) == [.otherUnit])
    }

    @Test func namesAreMatchedWithoutAccentsByLastNameAndWithApostrophes() {
        #expect(only("Zoe Alvarez-Nakamura insists on on-prem.")?.stakeholder == "zoe")
        #expect(only("Álvarez-Nakamura thinks implementation is more like 8 months.")?.stakeholder == "zoe")
        #expect(only("Dwayne O'Neal says a standalone app is fine.")?.stakeholder == "dwayne")
        #expect(only("Doyle's three-year budget is now $950k.")?.stakeholder == "chris-d")
    }

    @Test func aSharedFirstNameIsNeverGuessed() {
        let reading = read("Chris thinks OT could drop 15%.")
        #expect(reading.claims.isEmpty)
        #expect(reading.skipped.map(\.why) == [.ambiguousName])
        #expect(only("Chris Ng thinks OT could drop 15%.")?.stakeholder == "chris-n")
    }

    @Test(arguments: [
        ("Tom asked if we could do a pilot first.", SkipReason.question),
        ("Is a HL7 interface OK for Lee?", .question),
        ("Lee is ok with hybrid as long as the agent is hardened.", .conditional),
        ("If finance insists, Dana says she'd need a pilot.", .conditional),
        ("Lee no longer insists on on-prem.", .negation),
        ("Dana doesn't want a big-bang go-live.", .negation),
        ("I told them our three-year cost is around $140k.", .vendor),
        ("Their consultant from Huron is pushing for a big-bang cutover.", .unknownPerson),
        ("Dana thinks the TCO is too high either way.", .noFigure),
    ])
    func trapsAreSkippedWithTheirReason(text: String, why: SkipReason) {
        let reading = read(text)
        #expect(reading.claims.isEmpty, "\(text) → \(reading.claims)")
        #expect(reading.skipped.map(\.why) == [why], "\(text)")
    }

    /// Rules the blind set taught (each general, none about its sentences).
    @Test func aConditionHoldsForWhatFollowsItNotForAClauseBefore() {
        let claim = only("Dana said the three-year cost is still $1.28M, and if it creeps past 1.4 she says we might build it ourselves.")
        #expect(claim?.value == .number(1_280_000))
        #expect(read("If finance insists, Lee thinks the TCO is $300k.").skipped.map(\.why) == [.conditional])
    }

    @Test func aNameSpokenToIsNotTheOneSpeaking() {
        let vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Lee Park>Respectfully, Dana, I'd rather we sign multiyear.\n"
        #expect(read(vtt, format: .vtt).claims.map(\.stakeholder) == ["lee"])
    }

    @Test func aSpeakerBackingSomeoneElsesFigureHoldsItThemselves() {
        let srt = "1\n00:00:01,000 --> 00:00:03,000\nLee Park: On go-live I'd back Dana's thirty weeks.\n"
        #expect(read(srt, format: .srt).claims.map(\.stakeholder) == ["lee"])
        #expect(only("Dana's go-live target is 30 weeks, I'm told.")?.stakeholder == "dana")
    }

    /// One rule for an address from a group file, a CRM contact or an e-mail's From.
    @Test func anAddressIsReadTheSameWayWhereverItComesFrom() {
        #expect(EmailAddress.parse("Grace Okafor <Grace.Okafor@Northwind.example>") == "grace.okafor@northwind.example")
        #expect(EmailAddress.parse(" lee@mercy.example ") == "lee@mercy.example")
        #expect(EmailAddress.parse("Information Services") == nil)
        #expect(EmailAddress.parse("a@b") == nil)
        #expect(EmailAddress.parse(String(repeating: "x", count: 250) + "@a.example") == nil, "too long to be an address")
    }

    @Test func anotherDollarIsAnotherCurrency() {
        #expect(read("Dana thinks the TCO is C$1.6M.").skipped.map(\.why) == [.otherUnit])
        #expect(read("Dana thinks the TCO is A$900k.").skipped.map(\.why) == [.otherUnit])
    }

    @Test func aDenialThatHoldsIsAView() {
        #expect(only("Lee wont budge on self-hosted.")?.value == .position("on-prem-required"))
        #expect(only("Lee won't back down on on-prem.")?.value == .position("on-prem-required"))
    }

    @Test func anOutsiderOpeningTheStatementHoldsIt() {
        #expect(read("The Chartis consultant keeps whispering big bang in Lee's ear.").claims.isEmpty)
        #expect(only("For the nurses, Dana would put the overtime reduction at 25 percent.")?.stakeholder == "dana")
        #expect(read("Scratch what Lee told you on hybrid, the math changed his mind.").claims.isEmpty)
        // One person of an outside body, or its advisers, is not a stakeholder (found on blind4).
        let srt = "1\n00:00:01,000 --> 00:00:04,000\nDana Reyes: The board chair told me she'd rather we buy a platform than build it ourselves.\n\n"
            + "2\n00:00:05,000 --> 00:00:08,000\nDana Reyes: Our advisors from ECG told me to start with a pilot.\n\n"
            + "3\n00:00:09,000 --> 00:00:12,000\nDana Reyes: The analyst we spoke to on Tuesday said systems our size sign a 3-year term.\n"
        #expect(read(srt, format: .srt).claims.isEmpty)
        #expect(read("Lee said the Vizient benchmark for systems their size puts the three-year cost at $700k.").claims.isEmpty)
    }

    @Test func aViewComeDownFromIsNotHeld() {
        let claims = read("Lee has come down from on-prem-or-nothing, hybrid works for him now.").claims
        #expect(claims.map(\.value) == [.position("hybrid")])
    }

    /// Found on blind5: a view let go ("done arguing for"), a refusal that points back ("not doing it
    /// here"), a position "alone" turned away, and a figure in another currency written as its ISO
    /// code or its name.
    @Test func refusalsPeersAndOtherCurrenciesAreNotClaims() throws {
        #expect(read("Lee said he's done arguing for a big bang.").claims.isEmpty)
        #expect(read("Lee has watched a big bang flatten a nursing dept before and he's not doing it here.").claims.isEmpty)
        #expect(only("Lee needs HITRUST; SOC 2 reports alone have been rejected twice this year.")?.value == .position("hitrust-required"))
        for text in ["Lee thinks the three-year cost is DKK 14 million.", "Lee thinks the three-year cost is 14 million kroner.",
                     "Lee thinks the three-year cost is CHF 2M."] {
            let reading = read(text)
            #expect(reading.claims.isEmpty, "\(text)")
            #expect(reading.skipped.map(\.why) == [.otherUnit], "\(text)")
        }
        #expect(only("Lee thinks the three-year cost is USD 1.4M.")?.value == .number(1_400_000), "dollars still read")
    }

    /// Found on blind6: a decimal said in words, a view held by refusing to move off it, and
    /// someone else's figure left standing.
    @Test func spelledDecimalsHeldViewsAndFiguresLeftStanding() throws {
        #expect(only("Dana puts the three-year cost at one point two million.")?.value == .number(1_200_000))
        #expect(only("Lee expects overtime down two point five percent.")?.value == .number(2.5))
        #expect(only("Lee isn't moving off on-prem.")?.value == .position("on-prem-required"))
        #expect(read("Lee said he's not disputing Dana's 18% on overtime.").claims.isEmpty)
        // A stakeholder's relation is someone else.
        #expect(read("Dana's cousin says overtime dropped 22% at St. Odile's.").claims.isEmpty)
    }

    /// Found on blind7: a requirement called welcome but optional, a view come off, the vendor's
    /// own figure quoted back, and a stakeholder's former workplace.
    @Test func welcomeOptionsDroppedViewsVendorFiguresAndOtherPlacesAreNotClaims() throws {
        #expect(read("HITRUST nice to have, not a dealbreaker.", from: "lee").claims.isEmpty)
        #expect(read("For me HITRUST is optional.", from: "lee").claims.isEmpty)
        #expect(only("Lee needs HITRUST, full stop.")?.value == .position("hitrust-required"), "still read when it is required")
        #expect(read("I've come off big bang.", from: "lee").claims.isEmpty)
        #expect(read("Your deck assumes 18% less overtime.", from: "lee").claims.isEmpty)
        #expect(read("Your deck assumes 18% less overtime.", from: "lee").skipped.map(\.why) == [.vendor])
        #expect(only("Your deck says 18% but I'd put overtime savings at 12%.", from: "lee")?.value == .number(12),
                "the speaker's own figure beside the deck's still reads")
        #expect(read("Dana's old hospital cut overtime by 20%, she says.").claims.isEmpty)
        #expect(only("Dana's estimate for overtime savings is 15%.")?.stakeholder == "dana", "her own estimate is hers")
        // "I'd put…" is the speaker, not an unknown name speaking.
        #expect(only("I'd put overtime down 18%, more on nights.", from: "lee").map { [$0.stakeholder, "\($0.value)"] } == ["lee", "\(Claim.Value.number(18))"])
    }

    /// Rules from what blind7 left unread: a denial that keeps the view, an objection denied, "by
    /// itself" read as "alone", and a concession before the view.
    @Test func denialsThatKeepAViewAndConcessionsReadAsTheyAreMeant() {
        #expect(only("Lee hasn't moved off on-prem.")?.value == .position("on-prem-required"))
        #expect(only("Lee has no objection to off-the-shelf.")?.value == .position("buy-platform"))
        #expect(read("Lee has no time for on-prem.").claims.isEmpty, "a denial that is not an objection still denies")
        #expect(only("Lee needs HITRUST, SOC 2 by itself will not clear his review.")?.value == .position("hitrust-required"))
        #expect(read("SOC 2 by itself will not get past our risk committee.", from: "dana").claims.isEmpty)
        let conceded = only("Even if Lee's team could build it, I'd buy a platform.", from: "dana")
        #expect(conceded.map { [$0.stakeholder, "\($0.value)"] } == ["dana", "\(Claim.Value.position("buy-platform"))"],
                "the speaker's view, not the conceded one, nor Lee's")
        #expect(read("If Lee's team could build it, I'd buy a platform.", from: "dana").claims.isEmpty, "a plain condition still holds the view back")
    }

    /// Rules from what blind8's first run misread: a figure corrected in passing, hundreds and "a
    /// million two" said in words, a view on a condition that follows it, a view let go, and
    /// figures in someone else's material.
    @Test func correctedSpelledQualifiedDroppedAndBorrowedFiguresReadAsMeant() {
        #expect(only("Dana: three-year cost, I can carry $880k -- sorry, $980k.")?.value == .number(980_000))
        #expect(only("Dana thinks the TCO is $120k, I mean $140k.")?.value == .number(140_000))
        #expect(only("Dana's three-year cost is eight hundred and fifty thousand, all in.")?.value == .number(850_000))
        #expect(only("Dana's three-year budget is a million two and she's not budging.")?.value == .number(1_200_000))
        #expect(only("Lee ballparked overtime savings at twelve percent.")?.value == .number(12))
        #expect(read("Hybrid I could live with, as long as the database never leaves the state.", from: "lee").claims.isEmpty)
        #expect(read("Hybrid I could live with, as long as the database never leaves the state.", from: "lee").skipped.map(\.why) == [.conditional])
        #expect(read("Lee wants multi-year, provided the escalator is capped.").claims.isEmpty)
        #expect(read("I've let go of big bang.", from: "lee").claims.isEmpty)
        #expect(read("Peregrine's deck says payback in 9 months.", from: "lee").claims.isEmpty, "the seller's deck, named by the seller")
        #expect(read("Your ROI calculator shows overtime falling 20%.", from: "lee").claims.isEmpty)
        #expect(only("Dana's model says payback in 9 months.")?.stakeholder == "dana", "a stakeholder's own model is hers")
        #expect(read("The KLAS analyst Dana spoke to says go-live runs 9-12 months.").claims.isEmpty, "the analyst's view, passed on")
        #expect(only("Dana's TCO with her team's time in it is 1.4m.")?.value == .number(1_400_000))
        #expect(read("Bart's three-year budget is a million two.", from: "lee").claims.isEmpty, "a name NextSend does not know is not the writer")
        #expect(only("Lee's three-year budget is a million two.", from: "dana")?.stakeholder == "lee")
    }

    /// Rules from blind9's first run (0.853 / 0.794), each a way reps and buyers write.
    @Test func moneyByTheYearIsNotAThreeYearCostAndGrandIsAThousand() {
        #expect(only("Dana's gut says more like 950 grand for the TCO.")?.value == .number(950_000))
        #expect(read("Dana thinks 3 grand rounds is enough to train the TCO model.").claims.isEmpty)
        let yearly = read("Dana says the TCO works out to ~$390K a yr on her model.")
        #expect(yearly.claims.isEmpty)
        #expect(yearly.skipped.map(\.why) == [.otherUnit])
        // "an annual basis" is a way of counting, not an annual contract.
        let basis = read("Dana's TCO on an annual basis is ~$433K.")
        #expect(basis.claims.isEmpty)
        #expect(basis.skipped.map(\.why) == [.otherUnit])
        // Taken back for the next money figure, whatever figure of time stands between.
        #expect(read("TCO. I'm holding at a million three for the three years -- make that $1.25M.", from: "dana").claims.map(\.value)
            == [.number(1_250_000)])
    }

    @Test func wordsQuotedOrHeadedByANameAreThatPersons() {
        #expect(only("Lee, at Tuesday's huddle: \"we phase it, unit by unit.\"", from: "dana")
            .map { [$0.stakeholder, "\($0.value)"] } == ["lee", "phased"])
        #expect(only("And Lee told me, quote, \"SOC 2 Type II is all I need.\"", from: "dana")
            .map { [$0.stakeholder, "\($0.value)"] } == ["lee", "soc2-sufficient"])
        #expect(only("Lee P. — HITRUST r2 or we're done.")?.stakeholder == "lee")
        #expect(only("Dana -- annual, always annual for a first contract.", from: "lee")
            .map { [$0.stakeholder, "\($0.value)"] } == ["dana", "annual"])
        // The seller's material heading the statement holds the seller's figures.
        #expect(read("Alice's deck: 11-month payback, OT down 18%.", from: "dana").claims.isEmpty)
    }

    @Test func aSpeakerNamingSomeoneElsesPlanOrAgreeingKeepsTheView() {
        let srt = """
        1
        00:00:01,000 --> 00:00:04,000
        Dana Reyes: Pilot, then Lee's waves.

        2
        00:00:05,000 --> 00:00:09,000
        Lee Park: She's right, and I've come round: standalone is fine for year one.

        3
        00:00:10,000 --> 00:00:14,000
        Lee Park: Having seen the demo, buy a platform, our Epic team has a two-year backlog.
        """
        let claims = read(srt, format: .srt).claims.map { [$0.stakeholder, $0.topic, "\($0.value)"] }
        #expect(claims == [["dana", "rollout", "pilot-first"], ["lee", "ehr-integration", "standalone-ok"], ["lee", "build-vs-buy", "buy-platform"]])
    }

    @Test func whereASpeakerStartedIsNotWhereTheyStand() {
        #expect(read("I wanted the big bang.", from: "lee").claims.isEmpty)
        #expect(read("My first instinct was to build our own.", from: "lee").claims.isEmpty)
        #expect(read("I walked in here on-prem or nothing.", from: "lee").claims.isEmpty)
        #expect(read("I came in today wanting to extend Epic.", from: "lee").claims.isEmpty)
        #expect(only("I wanted to flag that we need it on-prem.", from: "lee")?.stakeholder == "lee")
        #expect(read("OT: my estimate is 18% fewer overtime hours. Maybe 20 on nights but I wouldn't put that in writing.", from: "lee")
            .claims.map(\.value) == [.number(18)])
    }

    @Test func aParagraphsHeadingGivesItsTopicAndAConditionStaysWithItsOwnSubject() {
        let mail = "Overtime: your deck's 18% is heroic. I'm at 8 per cent, Lee is at 12 percent."
        #expect(read(mail, from: "dana").claims.map { [$0.stakeholder, "\($0.value)"] } == [["dana", "8"], ["lee", "12"]])
        let rollout = read("Dana wants a pilot, Lee wants it in waves, and honestly I don't mind which as long as we're live by June.")
        #expect(rollout.claims.map { [$0.stakeholder, "\($0.value)"] } == [["dana", "pilot-first"], ["lee", "phased"]])
        #expect(read("Hybrid I could live with, as long as the database never leaves the state.", from: "lee").claims.isEmpty)
    }

    @Test func aCommonShortFormOfAFirstNameIsThePerson() {
        let people = Self.people + [Stakeholder(id: "monty", name: "Montgomery Haddock", role: "executive", influence: "decision-maker"),
                                    Stakeholder(id: "gwen", name: "Gwendolyn Okafor", role: "clinical", influence: "influencer")]
        let reader = NoteReader(taxonomy: Self.taxonomy, stakeholders: people)
        func claims(_ text: String) -> [[String]] {
            reader.read(NoteDocument(text: text, format: .note, from: nil, inbound: nil)).claims.map { [$0.stakeholder, "\($0.value)"] }
        }
        #expect(claims("Monty says buy a platform.") == [["monty", "buy-platform"]])
        #expect(claims("Gwen O. wants a pilot first.") == [["gwen", "pilot-first"]])
        // A short form nobody in the group goes by is nobody's.
        #expect(claims("Bart says buy a platform.").isEmpty)
    }

    /// Rules from blind10's first run (0.775 / 0.699).
    @Test func wishesIronyAndConditionsAtEitherEndAreNotViews() {
        #expect(read("Epic-native would be lovely.", from: "lee").claims.isEmpty)
        #expect(read("Oh yes, a big bang in one weekend, what could possibly go wrong.", from: "lee").claims.isEmpty)
        #expect(read("I'd have liked to flip the switch.", from: "lee").claims.isEmpty)
        #expect(read("In that case, multi-year's fine by me.", from: "lee").claims.isEmpty)
        #expect(read("Should they offer hybrid with our own keys, I'd look at it.", from: "lee").claims.isEmpty)
        // A trailing condition with no view of its own holds the view before it back; one inside
        // a clause of purpose does not.
        #expect(read("After that, sure, multi-year, if the escalator's capped.", from: "lee").claims.isEmpty)
        #expect(only("Contract-wise I want annual, so we can walk if adoption stalls.", from: "lee")?.value == .position("annual"))
        #expect(only("The three-year cost I can defend is $1.05M to $1.15M, depending on how much training we buy.", from: "lee")?.value
            == .number(1_100_000))
    }

    @Test func aCeilingAPeriodAndACorrectionReadAsMeant() {
        #expect(read("I remain of the view that the TCO should not exceed $1,100,000 over the three years, inclusive of implementation services.",
                     from: "dana").claims.map { [$0.topic, "\($0.value)"] } == [["tco", "1100000"]])
        #expect(only("Three-year cost, I'm at $1.1M, no, make it $1.15M.", from: "dana")?.value == .number(1_150_000))
    }

    @Test func theVendorsMaterialTitlesAndAgreeingWithANameAreReadForWhatTheyAre() {
        #expect(read("Their deck: payback 13 months, OT down 18%.", from: "dana").claims.isEmpty)
        #expect(read("Your materials cite an 18% reduction in overtime.", from: "dana").claims.isEmpty)
        #expect(read("Our CMIO wants the whole thing inside Epic, no exceptions.", from: "dana").claims.isEmpty)
        #expect(read("Our external auditors have asked that any vendor be HITRUST certified.", from: "dana").claims.isEmpty)
        let srt = "1\n00:00:01,000 --> 00:00:04,000\nDana Reyes: Lee's right, by the way, the pilot has to come first.\n"
        #expect(read(srt, format: .srt).claims.map { [$0.stakeholder, "\($0.value)"] } == [["dana", "pilot-first"]])
        let people = Self.people + [Stakeholder(id: "bill", name: "William Tremaine", role: "executive", influence: "decision-maker"),
                                    Stakeholder(id: "tess", name: "Theresa Quang", role: "clinical", influence: "influencer")]
        let reader = NoteReader(taxonomy: Self.taxonomy, stakeholders: people)
        let claims = reader.read(NoteDocument(text: "Bill says buy a platform. Tess wants a pilot first.", format: .note, from: nil, inbound: nil)).claims
        #expect(claims.map(\.stakeholder) == ["bill", "tess"])
    }

    /// Rules from blind10's misses, taken before blind11's first run (0.885 / 0.813).
    @Test func nestedBulletsFractionsAndSecondHandViewsGoToTheirHolder() {
        // A sub-bullet is said by the name heading its parent bullet, and only while it is nested.
        let minutes = """
        - Dana: TCO 1.1M all-in
          - payback two years, tops
          - budgeting 10% on OT
        - Lee: hybrid
        - payback 30 months
        """
        #expect(read(minutes, format: .markdown).claims.map { [$0.stakeholder, $0.topic, "\($0.value)"] } == [
            ["dana", "tco", "1100000"], ["dana", "payback-months", "24"], ["dana", "overtime-savings", "10"], ["lee", "deployment", "hybrid"],
        ])
        // A fraction is a percentage; an ordinal before a noun or a share of something is not.
        #expect(only("Dana: OT down a fifth, minimum.")?.value == .number(20))
        #expect(read("Dana wants a third party to check the OT savings.").claims.isEmpty)
        #expect(read("Dana says a fifth of the OT budget goes to agency staff.").claims.isEmpty)
        // A figure its holder does not believe is not their view.
        #expect(read("Dana doesn't buy the 20% on OT.").claims.isEmpty)
        #expect(read("SOC 2 on its own is a non-starter.", from: "lee").claims.isEmpty)
        // A view passed on is the view of the one it is about.
        #expect(only("Dana tells me Lee wants it on-prem, full stop.")?.stakeholder == "lee")
        // A position given up is not held by another of the statement's words.
        #expect(only("Lee told me he's dropped on-prem and moved to hybrid, database in our own data center.")?.value == .position("hybrid"))
        // The seller's paper in a buyer's hands, in the seller's words, is no view.
        #expect(read("Lee has our HITRUST r2 letter as of Monday, and SOC 2 Type II as well.").claims.isEmpty)
    }

    /// Rules from blind11's first run (0.885 / 0.813).
    @Test func numbersInWordsPlansInStepsAndUltimatumsReadAsMeant() {
        // Ranges and decimals in words, a bare number in words, and an afterthought in the first unit.
        #expect(only("Lee: go-live thirty-six to forty weeks.")?.value == .number(38))
        #expect(only("Dana: the TCO stays at one point three five million.")?.value == .number(1_350_000))
        #expect(only("Dana: I said twenty-four on payback.")?.value == .number(24))
        #expect(only("Dana: the three-year cost has to stay under seven hundred and eighty thousand.")?.value == .number(780_000))
        #expect(read("Lee: go-live is nine sprints, maybe ten.").claims.isEmpty)
        #expect(read("Lee thinks two of us can run the pilot budget.").claims.isEmpty)
        // A figure with its unit says more than a bare number beside it.
        #expect(only("Dana: on OT I said ten last week, I'm nudging that to 12 percent.")?.value == .number(12))
        // A plan in steps holds each step when the taxonomy calls them compatible, not otherwise.
        #expect(read("Lee wants a pilot on 4 West first, then the rest in waves.").claims.map { "\($0.value)" } == ["pilot-first", "phased"])
        #expect(read("Lee wants a pilot first, then flip the switch everywhere.").claims.count < 2)
        // An ultimatum holds its position; "off" and "was at" leave one.
        #expect(only("Lee also says Epic-native or he won't support it.")?.value == .position("epic-native-required"))
        #expect(read("I'm off the big bang.", from: "lee").claims.isEmpty)
        #expect(read("I was at annual on the term.", from: "lee").claims.isEmpty)
        #expect(read("Epic-native was my first choice, um, but I've given up on that.", from: "lee").claims.isEmpty)
        #expect(read("15 on OT is a stretch.", from: "lee").claims.isEmpty)
        // A word that describes something else, an outsider's paper, a question put through someone.
        #expect(read("Lee says the annual pen test is a must.").claims.isEmpty)
        #expect(read("The Meridian analyst note has TCO for centers like ours at around $1M.", from: "dana").claims.isEmpty)
        #expect(read("Lee asked me whether a three-year term could carry a cap.", from: "dana").claims.isEmpty)
        // A name with a relative clause after it is the subject, not someone spoken to; a manner
        // word may stand between a name and its colon.
        #expect(only("Lee Park, who has asked me to pass his view along, expects a reduction in overtime of 16 to 18 per cent.", from: "dana")?
            .stakeholder == "lee")
        #expect(only("Park flatly: HITRUST.", from: "dana")?.stakeholder == "lee")
    }

    /// Rules from blind12's first run (0.783 / 0.716), a set written in styles the others lack.
    @Test func arrowsMinutesThreadsAndTasksReadAsMeant() {
        // A rep's arrow from a name; an arrow between two steps of a plan.
        #expect(read("Lee -> hybrid / DB onsite\nDana -> pilot 4 West -> rest in waves").claims.map { [$0.stakeholder, "\($0.value)"] } == [
            ["lee", "hybrid"], ["dana", "pilot-first"], ["dana", "phased"],
        ])
        // Numbered minutes with "Ms" and no full stop, and the verbs minutes use.
        #expect(only("2.1 Ms Reyes restated the TCO ceiling at $1.2M, interfaces included.")?.value == .number(1_200_000))
        #expect(read("4.2 Mr Park withdrew his preference for a big-bang cutover.").claims.isEmpty)
        // An aside between a name and its verb; two names that "both" hold one view.
        #expect(only("Dana, as far as I can tell, has settled on a three-year cost of about $640k.", from: "lee")?.stakeholder == "dana")
        #expect(read("Mr Park and Ms Reyes both want to buy a platform rather than extend Epic.").claims.map(\.stakeholder) == ["lee", "dana"])
        // A message's salutation is whom it is written to; a task holds no view.
        let mail = "From: Lee Park <lee.park@mercy.example>\n\nDana, Zoë -- proposal attached: three-year cost of $690k.\n"
        #expect(read(mail, format: .email, inbound: true).claims.map(\.stakeholder) == ["lee"])
        #expect(read("ACTION  Dana to confirm the pilot dates.\nLee -- confirm capacity for the HL7 feeds.").claims.isEmpty)
        // Hearsay, an outsider's view, the vendor's model, a pilot named as a time, an outsider by role.
        #expect(read("On implementation I'm hearing 24 weeks from Lee.", from: "dana").claims.isEmpty)
        #expect(read("I know Vashti's view is that SOC 2 covers a vendor this size, and I don't share it.", from: "dana").claims.isEmpty)
        #expect(only("Legal's position: three-year term.", from: "dana")?.value == .position("multi-year"))
        #expect(read("Your model's payback of 14 months assumes a clean pilot on Ward 9.", from: "dana").claims.isEmpty)
        #expect(read("I'd rather not lock in a three-year term before the pilot's done.", from: "dana").claims.allSatisfy { $0.topic != "rollout" })
        #expect(read("The union steward on 4 North thinks it should go in all at once.", from: "dana").claims.isEmpty)
        // "more than once" is a count; a pronoun after lead-in words is the last named person.
        #expect(only("Dana has told me more than once that SOC 2 Type II will do for her.", from: "lee")?.stakeholder == "dana")
        #expect(read("Dana isn't on this thread, but for the record she's fine with SOC 2.", from: "lee").claims.map(\.stakeholder) == ["dana"])
    }

    /// Rules from blind13's first run (0.760 / 0.655): logs, tables and columns.
    @Test func logsTablesAndColumnsGiveEachCellItsHolder() {
        // A CRM log's time and initials are the writer's; a rep's "Name -- …" line is the name's throughout.
        #expect(only("10:07 DK: Dana has the three-year budget at $1.6M, hard ceiling.")?.value == .number(1_600_000))
        #expect(read("Lee -- no big bang; pilot on 5 West, then in waves by hospital.").claims.map { [$0.stakeholder, "\($0.value)"] } == [
            ["lee", "pilot-first"], ["lee", "phased"],
        ])
        // A Markdown table row per person; columns laid out with spaces.
        let table = "| Who | Role | Position |\n|---|---|---|\n| Dana Reyes | CFO | TCO $1.6M ceiling |\n| Lee Park | CIO | Hybrid |\n"
        #expect(read(table, format: .markdown).claims.map { [$0.stakeholder, "\($0.value)"] } == [["dana", "1600000"], ["lee", "hybrid"]])
        let columns = "Cost       Dana's 3-yr cost is $1.45M        Lee caps the TCO at $1.3M\n"
        #expect(read(columns).claims.map { [$0.stakeholder, "\($0.value)"] } == [["dana", "1450000"], ["lee", "1300000"]])
        // A range with decimals, a decision of the group, a view passed on, a reason after "now that".
        #expect(only("Dana: 3-yr cost $1.55-1.85M")?.value == .number(1_700_000))
        #expect(read("DECISION 1 -- buy a platform, three-year term at $1.34M.", from: "dana").claims.isEmpty)
        #expect(only("Dana passed on that Lee wants annual for the first term.")?.stakeholder == "lee")
        #expect(read("I'll go fully hosted now that Lee has her HITRUST date.", from: "dana").claims.map(\.topic) == ["deployment"])
        #expect(read("I was the big-bang person and I've let that go.", from: "dana").claims.isEmpty)
        #expect(read("The Epic module's dead, by the way.", from: "dana").claims.isEmpty)
    }

    /// What a review of the blind11-blind13 rules found they would misread.
    @Test func theLayoutRulesStayInTheirLane() {
        // A name aligned with its words is not a column; nor is a bullet.
        #expect(read("## Lee Park\n- Dana:      TCO $1.1M\n", format: .markdown).claims.map(\.stakeholder) == ["dana"])
        // The rep's own nested reply is the rep's, not the parent bullet's.
        let nested = "- Dana: worried about cost\n  - I told her our 3-yr TCO is $1.2M\n"
        #expect(read(nested, format: .markdown).claims.isEmpty)
        // After a greeting the name is spoken to, aside or not.
        #expect(read("Hi Dana, as discussed, wanted to confirm the 3-year TCO at $1.2M.").claims.isEmpty)
        // A year said in words is not a duration.
        #expect(read("Lee: we need to go live by twenty twenty-seven.").claims.isEmpty)
        // A figure opening a line is not a minute's number.
        #expect(read("- 1.5 years payback is what Dana expects", format: .markdown).claims.map(\.value) == [.number(18)])
    }

    @Test func aViewRepeatedOrTakenBackLaterIsReadOnce() {
        let turns = "Lee Park: Annual. I know, I know. Annual.\n"
        #expect(read(turns, format: .transcript).claims.count == 1)
        // A report corrected later in the document, by the holder or by someone else, is taken back.
        let corrected = "Lee Park: Dana told the charge nurses OT would drop 20 percent.\nDana Reyes: No, I said OT down 15, not 20.\n"
        let reading = read(corrected, format: .transcript)
        #expect(reading.claims.map { [$0.stakeholder, "\($0.value)"] } == [["dana", "15"]])
        #expect(reading.skipped.contains { $0.why == .negation && $0.quote.hasPrefix("Dana told") })
        let byOther = "- Lee: Dana's OT number on the call was 18%\n- Zoë: No -- Dana said 12 on OT, not 18.\n"
        #expect(read(byOther, format: .markdown).claims.map { [$0.stakeholder, "\($0.value)"] } == [["dana", "12"]])
    }

    /// The layouts and habits blind14 brought: dictation without commas, a Gong-style transcript,
    /// answers typed between the quoted lines of an e-mail, names typed one letter off or without
    /// their "đ", a call joined from a phone.
    @Test func dictatedChatAndInterleavedNotesGoToTheirHolders() {
        // Dictated: each holder's clause after "and", "but", "and then" is read on its own.
        let dictated = "payback Dana wants under a year which is aggressive and Lee said eighteen months is fine for IT"
        #expect(read(dictated).claims.map { [$0.stakeholder, "\($0.value)"] } == [["dana", "12"], ["lee", "18"]])
        // Not "Dana and Lee want…": one view, nothing before the name to cut from.
        #expect(read("Dana and Lee want a pilot first").claims.count == 1)
        // A speaker's name and a time on a line of their own, the paragraph below theirs.
        let gong = "Lee Park  00:01:52\nOkay. So my three-year number is still one point two million.\n\nIgnacio Pemberley  00:02:40\nPayback on our model is fourteen months.\n"
        #expect(read(gong, format: .transcript).claims.map { [$0.stakeholder, "\($0.value)"] } == [["lee", "1200000"]])
        // Answers typed between the quoted lines of the rep's message are the sender's, initials off.
        let inline = """
            From: Dana Reyes <dana.reyes@mercy.example>
            To: Rep <rep@vendor.example>
            Subject: RE: where everyone stands

            Answers inline, marked DR.

            -----Original Message-----
            From: Rep <rep@vendor.example>
            Subject: where everyone stands

            > 1. Finance: you're carrying $1.2M for the three-year cost.

            DR: TCO yes, $1.4M now.
            """
        let answered = read(inline, format: .email)
        #expect(answered.claims.map { [$0.stakeholder, "\($0.value)"] } == [["dana", "1400000"]])
        #expect(answered.claims.first?.quote == "TCO yes, $1.4M now.")
        // A forwarded message in its own words (not quoted line by line) stays its sender's.
        let forwarded = "From: Lee Park <lee.park@mercy.example>\nSubject: Fwd\n\nSee below.\n\n---------- Forwarded message ---------\nFrom: Dana Reyes <dana.reyes@mercy.example>\n\nPayback 14 months for me.\n> earlier thread\n"
        #expect(read(forwarded, format: .email).claims.map(\.stakeholder) == ["dana"])
        // Names typed one letter off, or without "đ"; never an ordinary word, never a shared first name.
        let people = Self.people + [Stakeholder(id: "ljubica", name: "Ljubica Đorđević", role: "it", influence: "influencer"),
                                    Stakeholder(id: "kenrick", name: "Kenrick Osei", role: "security", influence: "influencer")]
        let reader = NoteReader(taxonomy: Self.taxonomy, stakeholders: people)
        func holders(_ text: String, format: NoteFormat = .note) -> [String] {
            reader.read(NoteDocument(text: text, format: format)).claims.map(\.stakeholder)
        }
        #expect(holders("Kenric: SOC2 is enough, no HITRUST ask.") == ["kenrick"])
        #expect(holders("Ljubicia wants hybrid.") == ["ljubica"])
        #expect(holders("Djordjevic wants hybrid.") == ["ljubica"])
        #expect(holders("Kenneth wants hybrid.").isEmpty)
        // Joined from a phone: "Lee's iPhone" is Lee.
        #expect(holders("1\n00:00:01,000 --> 00:00:04,000\nLee's iPhone: On overtime I'd say eight percent.\n", format: .srt) == ["lee"])
    }

    /// What blind14 showed is no view: a position argued or left, a figure by the bed, another
    /// product's cost, a role with no name, what a plan "would" do to someone.
    @Test func viewsArguedLeftOrOwnedByOthersAreNotClaims() {
        #expect(read("Lee Park: devil's advocate -- big bang is cheaper, one cutover.", format: .transcript).claims.isEmpty)
        let left = read("Lee Park: I've been the big-bang guy. I've come off that. Pilot on 4 West first.", format: .transcript)
        #expect(left.claims.map(\.value) == [.position("pilot-first")])
        #expect(left.skipped.contains { $0.why == .negation && $0.quote.contains("big-bang") })
        #expect(read("Lee Park: I was on-prem for a year and I've moved.", format: .transcript).claims.isEmpty)
        #expect(read("Dana also runs it per bed: ~$2,750/bed/yr is her TCO line.").claims.isEmpty)
        #expect(read("Lee says UKG's three-year cost for the same scope was $1.4M.").claims.isEmpty)
        #expect(read("the 3 East nurse manager wants the pilot on 4 West instead.", from: "dana").claims.isEmpty)
        #expect(read("our auditors (Crane Whitby) say the TCO has to carry the licences.", from: "dana").claims.isEmpty)
        #expect(read("A big bang would eat my whole staffing office for a month.", from: "dana").claims.isEmpty)
        #expect(only("Hybrid would work for us.", from: "lee")?.value == .position("hybrid"))
        // A figure set against the view names whose it is not.
        #expect(only("Lee Park: And payback -- I'm with Dana on fifteen months, not Chris Ng's twelve.", format: .transcript)?.stakeholder == "lee")
        // A trailing condition that carries only a figure still conditions the view.
        #expect(read("Multi-year, three years, if you hold a 3% cap.", from: "dana").skipped.map(\.why) == [.conditional])
        // From blind15: moving off a view leaves it, unless one is not moving off it; the period of
        // a cost is no go-live; the listener's figure in a buyer's words is not theirs.
        #expect(read("Lee has moved off on-prem.").claims.isEmpty)
        #expect(only("Lee isn't moving off annual.")?.value == .position("annual"))
        let tco = read("The TCO I'm working to is $900,000 over three years, implementation and interfaces included.", from: "dana")
        #expect(tco.claims.map(\.topic) == ["tco"])
        #expect(read("On overtime, I wouldn't use your 15-20%.", from: "dana").claims.isEmpty)
        // Coming round to a view holds it; siding with someone takes their view.
        #expect(only("Lee has come round to hybrid.")?.value == .position("hybrid"))
        #expect(read("Dana sided with Lee on hybrid.").claims.map(\.stakeholder).contains("dana"))
        // From blind16: another hospital, an analyst's report, "they" in a buyer's notes, a view held
        // "only with" something, who the speaker was, "I understand he…".
        #expect(read("Cordell Memorial told me they went big bang and regretted it.", from: "dana").claims.isEmpty)
        #expect(read("Lee mentioned a KLAS report that puts typical go-live at seven months.").claims.isEmpty)
        #expect(only("Lee's report puts go-live at seven months.")?.stakeholder == "lee")
        #expect(read("They'll do annual at a premium.", from: "dana").claims.isEmpty)
        #expect(read("Dana will only go multi-year with an exit after yr 1.").skipped.map(\.why) == [.conditional])
        #expect(read("Lee Park: I was the big bang guy.", format: .transcript).claims.isEmpty)
        let hearsay = read("I have asked Lee to reply separately; I understand he is content with a fully hosted arrangement.", from: "dana")
        #expect(!hearsay.claims.contains { $0.stakeholder == "dana" })
        #expect(only("Lee wants cloud. I understand he is content with a fully hosted arrangement.")?.stakeholder == "lee")
        // "twelve and a half" is 12.5; "1.2 mil" a million two.
        #expect(only("On overtime Dana's at twelve and a half -- the middle of her range.")?.value == .number(12.5))
        #expect(only("Dana: the three-year cost has to land at 1.2 mil.")?.value == .number(1_200_000))
    }

    /// What a review of the blind14 rules found they would misread in ordinary notes.
    @Test func theBlind14RulesStayInTheirLane() {
        let people = Self.people + [Stakeholder(id: "greta", name: "Greta Gardner", role: "operations", influence: "influencer"),
                                    Stakeholder(id: "augusto", name: "Augusto Ferreira", role: "it", influence: "influencer")]
        let reader = NoteReader(taxonomy: Self.taxonomy, stakeholders: people)
        func claims(_ text: String, format: NoteFormat = .note, from: String? = nil) -> [[String]] {
            reader.read(NoteDocument(text: text, format: format, from: from)).claims.map { [$0.stakeholder, "\($0.value)"] }
        }
        // A vendor or a month one letter from a name is not that person.
        #expect(!claims("Gartner puts payback at 18 months for WFM.").contains { $0[0] == "greta" })
        #expect(claims("Pilot starting in August, Lee says.").allSatisfy { $0[0] == "lee" })
        // A department or activity is not an outsider, nor the owner of someone else's figure.
        #expect(claims("Workforce management has to be Epic-native.", from: "dana").map(\.first) == ["dana"])
        #expect(claims("IT's go-live estimate is 30 weeks.", from: "lee") == [["lee", "30"]])
        // Only leaving a view takes back the one before, and only the speaker's own.
        #expect(claims("Dana thinks OT drops 15%. That's a stretch.") == [["dana", "15"]])
        #expect(claims("Lee Park: Payback has to be under eighteen months. I said that earlier.", format: .transcript).count == 1)
        #expect(claims("Lee Park: Go-live in 26 weeks, max. I won't let it go past that.", format: .transcript) == [["lee", "26"]])
        // An open condition is not cut away from what it conditions.
        #expect(claims("if we get the pilot done by March then Dana wants the big bang in Q3").isEmpty)
        // "would" with a good outcome is a view; "I've moved go-live" is no change of mind.
        #expect(claims("Hybrid would satisfy security.", from: "lee") == [["lee", "hybrid"]])
        #expect(claims("We're at $1.2M on the three-year cost and I've moved go-live to April.", from: "dana").contains(["dana", "1200000"]))
        // A speaker line the reader cannot resolve still ends the speaker before it.
        let otter = "Dana Reyes  0:04\nPayback 18 months for me.\n\nSpeaker 2  2:40\nPayback on our model is fourteen months.\n"
        #expect(claims(otter, format: .transcript) == [["dana", "18"]])
        // A rep's answers between a buyer's quoted questions are not the buyer's, whoever replies on top.
        let repAnswered = """
            From: Dana Reyes <dana.reyes@mercy.example>
            Subject: RE: questions

            Thanks, that helps.

            -----Original Message-----
            From: Rep <rep@vendor.example>

            > Can you do hybrid?

            Yes -- hybrid works, the database stays in your data center.
            """
        #expect(claims(repAnswered, format: .email).isEmpty)
    }

    /// What a review of the blind15 and blind16 rules found they would misread in ordinary notes.
    @Test func theBlind15And16RulesStayInTheirLane() {
        func claims(_ text: String, format: NoteFormat = .note, from: String? = nil) -> [[String]] {
            read(text, format: format, from: from).claims.map { [$0.stakeholder, "\($0.value)"] }
        }
        // "I think he's low" is the speaker's own view, not his.
        #expect(!claims("Lee's at $1.2M on the TCO. I think he's low on the TCO, it'll be closer to $1.5M.", from: "dana")
            .contains(["lee", "1500000"]))
        // "only … with" is a condition only around a view.
        #expect(claims("I'd only go with hybrid.", from: "lee") == [["lee", "hybrid"]])
        #expect(claims("We need HITRUST and you're the only vendor with it.", from: "lee").contains(["lee", "hitrust-required"]))
        // Coming round to leaving a view is not holding it.
        #expect(!claims("Lee has come round to dropping the big bang.").contains(["lee", "big-bang"]))
        // The listener's figure taken by the speaker, or set against another's.
        #expect(claims("Go-live: your 18 months is fine by me.", from: "dana").contains(["dana", "78"]))  // in weeks
        #expect(!claims("Honestly your 18 months on go-live is more realistic than Chris Ng's 12.", from: "dana").contains(["dana", "12"]))
        // A length in months after "over" is the implementation's; years are a cost's period.
        #expect(claims("Implementation: $400k over 9 months.", from: "lee").contains(["lee", "39"]))
        // Backing by someone after a preposition is not holding.
        #expect(!claims("With Dana's backing, Lee is pushing phased.").contains(["dana", "phased"]))
        // "They're right" is agreement in the speaker's words; "I was the one who asked…, and I still want it" holds.
        #expect(claims("They're right, hybrid is the way to go.", from: "dana") == [["dana", "hybrid"]])
        #expect(claims("Lee Park: I was the one who asked for hybrid, and I still want it.", format: .transcript) == [["lee", "hybrid"]])
        // Moving off something else leaves the view that follows.
        #expect(claims("We're moving off Kronos and go-live has to be under 9 months.", from: "lee") == [["lee", "39"]])
        // An owner two words before a report.
        #expect(claims("Dana's latest report puts payback at 14 months.") == [["dana", "14"]])
    }

    /// What a review of the blind9 and blind10 rules found they would misread, or crash on.
    @Test func theNewRulesStayInTheirLane() {
        // Two figures sharing a currency code between them.
        #expect(read("TCO 1.2M EUR 3 yrs.", from: "dana").claims.allSatisfy { $0.topic == "tco" })
        _ = read("Quoted 400 USD 12 months ago.", from: "dana")
        // A name spoken to before a dash, a quote that is not the named person's words.
        let srt = "1\n00:00:01,000 --> 00:00:04,000\nLee Park: Dana — honestly, I'd put payback at 18 months.\n"
        #expect(read(srt, format: .srt).claims.map { [$0.stakeholder, "\($0.value)"] } == [["lee", "18"]])
        #expect(read("Sent Dana the \"phased rollout\" case study.").claims.isEmpty)
        #expect(read("Big bang, the consultant says.", from: "lee").claims.isEmpty)
        // A heading's topic goes only to a figure with a holder of its own.
        #expect(read("Payback: I'm at 14 months. The board meets in 6 weeks.", from: "lee").claims.map(\.value) == [.number(14)])
        // "make it" alone is no correction, and a cue far from the next figure takes nothing back.
        #expect(only("Dana says payback 14 months, I'd make it 12.")?.value == .number(14))
        #expect(read("TCO is $1.2M, payback 14 months, sorry for the delay, plus $80K in services.", from: "dana").claims
            .contains { $0.topic == "tco" && $0.value == .number(1_200_000) })
        // Ceilings, "in writing" said of a commitment, "should" in passing, a title with its name.
        #expect(only("Dana thinks the TCO should be no more than $400K.")?.value == .number(400_000))
        #expect(only("Dana confirmed in writing the TCO will not exceed $400K.")?.value == .number(400_000))
        #expect(only("We should, you know, start with a pilot.", from: "lee")?.value == .position("pilot-first"))
        #expect(only("The CFO (Dana Reyes) wants payback under 12 months.")?.stakeholder == "dana")
        // "grand" as a place or a teaching session; a figure named after someone stays theirs.
        #expect(read("Lee wants the three-year cost presented at two grand rounds first.").claims.isEmpty)
        #expect(read("Dana thinks our 2 Grand River campuses need the TCO model.").claims.isEmpty)
        let turn = "1\n00:00:01,000 --> 00:00:04,000\nLee Park: Payback: Dana's 14 months.\n"
        #expect(read(turn, format: .srt).claims.map(\.stakeholder) == ["dana"])
        // Short forms: never an acronym, never in a lower-case note, never over a real name.
        let people = Self.people + [Stakeholder(id: "edward", name: "Edward Lim", role: "clinical", influence: "influencer"),
                                    Stakeholder(id: "william", name: "William Tremaine", role: "executive", influence: "decision-maker"),
                                    Stakeholder(id: "dan-ortiz", name: "Dan Ortiz", role: "operations", influence: "influencer"),
                                    Stakeholder(id: "daniel", name: "Daniel Park", role: "security", influence: "influencer")]
        let reader = NoteReader(taxonomy: Self.taxonomy, stakeholders: people)
        func holders(_ text: String) -> [String] {
            reader.read(NoteDocument(text: text, format: .note, from: nil, inbound: nil)).claims.map(\.stakeholder)
        }
        #expect(!holders("ED wants go-live in 12 weeks.").contains("edward"))
        #expect(!holders("the bill for the 3-year cost is $1.2m").contains("william"))
        #expect(holders("Dan thinks the TCO is $1.2M.") == ["dan-ortiz"])
    }

    @Test func theHeldPositionIsTheOneNotDenied() {
        #expect(only("Lee wants it phased, not all at once.")?.value == .position("phased"))
        #expect(only("Lee wants to buy a platform not extend Epic.")?.value == .position("buy-platform"))
        #expect(only("Lee requires HITRUST, says SOC 2 alone won't get through.")?.value == .position("hitrust-required"))
    }

    /// Two holders in one sentence, apart at a comma: each view goes to its own holder; a name
    /// that only closes the sentence ("…, Lee says") or is spoken to keeps the sentence whole.
    @Test func twoHoldersInOneSentenceAreReadApart() {
        let split = read("Dana still on 15 mo payback, Lee's closer to 12.").claims
        #expect(split.map(\.stakeholder) == ["dana", "lee"])
        #expect(split.map(\.value) == [.number(15), .number(12)])
        let srt = "1\n00:00:01,000 --> 00:00:04,000\nDana Reyes: SOC 2 is plenty for me, and Lee tells me legal wants the data clause to say US only.\n"
        let spoken = read(srt, format: .srt).claims
        #expect(spoken.map(\.stakeholder) == ["dana", "lee"])
        #expect(spoken.map(\.topic) == ["security-certification", "data-residency"])
        // Not split: one view, then who holds it; or a name spoken to.
        #expect(read("Phased rollout, site by site, Lee says.").claims.allSatisfy { $0.stakeholder == "lee" })
        let addressed = read("Respectfully, Lee, I'd rather phase it.", format: .srt).claims
        #expect(!addressed.contains { $0.stakeholder == "lee" })
    }

    /// Rules found by the blind3 run (#27), each general: a habit of speech ("keeps saying")
    /// names the holder; a position as the subject of talk ("the HITRUST question"), a source
    /// outside the group (a vendor's rep, a benchmark, a dean), "on its own won't", "a fallback"
    /// and a hypothetical ("Suppose we did…") hold no view.
    @Test func viewsReportedDeferredOrImaginedAreNotClaims() {
        #expect(only("Dana keeps saying we should flip the switch over one weekend.", from: "lee")
            .map { [$0.stakeholder, "\($0.value)"] } == ["dana", "big-bang"])
        #expect(read("Lee will answer the HITRUST question himself.", from: "dana").claims.isEmpty)
        #expect(read("FWIW our Epic rep keeps telling me native Epic ships next year.", from: "dana").claims.isEmpty)
        #expect(read("A SOC 2 report on its own won't get past our risk committee.", from: "dana").claims.isEmpty)
        #expect(read("Lee passed on that the Vizient benchmark puts the three-year cost at roughly $2.9M.").claims.isEmpty)
        #expect(read("Lee said the med school dean wants to build our own tool.").claims.isEmpty)
        #expect(read("HL7 is a fallback I'd rather not use.", from: "lee").claims.isEmpty)
        let imagined = read("Suppose we did phase it, I'd guess a year before the last site is live.", from: "dana")
        #expect(imagined.claims.isEmpty && imagined.skipped.map(\.why) == [.conditional])
    }

    @Test func aTranscriptsSpeakerHoldsTheirFirstPersonWordsAndTheVendorsAreSkipped() {
        let vtt = """
        WEBVTT

        00:00:01.000 --> 00:00:05.000
        <v Alice Moreno>Most of our customers see payback in 12 months.

        00:00:06.000 --> 00:00:09.000
        <v Dana Reyes>My budget for the three-year total is $120k.
        And I'd want it phased.
        """
        let reading = read(vtt, format: .vtt)
        #expect(reading.claims.map(\.stakeholder) == ["dana", "dana"])
        #expect(reading.claims.map(\.topic) == ["tco", "rollout"])
        #expect(reading.skipped.map(\.why) == [.vendor])
        let srt = "1\n00:00:01,000 --> 00:00:04,000\nLee Park: I think payback is 15 months.\n\n2\n00:00:05,000 --> 00:00:07,000\nAnd go-live in 16 weeks.\n"
        #expect(read(srt, format: .srt).claims.map(\.stakeholder) == ["lee", "lee"])
    }

    @Test func anInboundEmailIsItsSendersAndAnOutboundOneIsOurs() {
        let mail = """
        From: Lee Park <lee.park@mercy.example>
        To: Alice <alice@vendor.example>
        Subject: numbers

        Our 3-year cost estimate is $310k.

        > On Nov 3, Alice wrote:
        > Our three-year cost for a system your size is $140k.
        """
        let reading = read(mail, format: .email)
        #expect(reading.claims.map(\.stakeholder) == ["lee"])
        #expect(reading.claims.first?.value == .number(310_000))
        let outbound = mail.replacingOccurrences(of: "From: Lee Park <lee.park@mercy.example>", with: "From: Alice <alice@vendor.example>")
        #expect(read(outbound, format: .email).claims.isEmpty)
        #expect(read(outbound, format: .email).skipped.map(\.why) == [.vendor])
    }

    /// Rules from blind17's first run, each with the ordinary sentence it must leave alone.
    @Test func theBlind17Rules() {
        func claims(_ text: String, format: NoteFormat = .note, from: String? = nil) -> [[String]] {
            read(text, format: format, from: from).claims.map { [$0.stakeholder, "\($0.value)"] }
        }
        // A view left, in the third person, with a word of degree before the position.
        #expect(claims("Lee told the group he has moved off a fully on-premises install.").isEmpty)
        #expect(claims("Lee isn't moving off a fully on-premises install.") == [["lee", "on-prem-required"]])
        // "pending" after a comma conditions the view before it; "the pending renewal" does not.
        #expect(read("Hosting to be hybrid, pending Lee's review of the architecture.").skipped.map(\.why) == [.conditional])
        #expect(claims("Lee wants hybrid for the pending renewal.") == [["lee", "hybrid"]])
        // A topic handed on is no view.
        #expect(claims("Hosting, HITRUST and all that -- not my area, sorry!", from: "dana").isEmpty)
        // Who pushed for it once, without "still", is not who holds it now.
        #expect(claims("Lee Park: I was the one who wanted to flip the switch.", format: .transcript).isEmpty)
        #expect(claims("Lee Park: I was the one who asked for hybrid, and I still want it.", format: .transcript) == [["lee", "hybrid"]])
        // A pronoun after a reporter's verb is the one named as not there, whom the reporter speaks for.
        #expect(claims("Dana wasn't on the call, and Lee says she'll want HITRUST.") == [["dana", "hitrust-required"]])
        #expect(claims("Dana not on; Lee says she'll want HITRUST.") == [["dana", "hitrust-required"]])
        #expect(claims("Lee says he'll want HITRUST.") == [["lee", "hitrust-required"]])
        // "only … with" conditions its own clause, not the one before it.
        #expect(claims("Lee wants a three-year term with a 3% cap, and Dana will only go multi-year with an exit after year one.")
            == [["lee", "multi-year"]])
        // A condition on what "that" stands for.
        #expect(read("Dana has said she could accept hybrid if we write back every 15 minutes.").claims.isEmpty)
        #expect(read("We'd suggest our HL7 interface, and Dana could accept that if we write back every 15 minutes.").claims.isEmpty)
        // A reason that opens the statement ends at its comma.
        #expect(claims("Dana Reyes: And now that the cap's in the contract, I'm fine with a three-year term.", format: .transcript)
            == [["dana", "multi-year"]])
        #expect(claims("Dana Reyes: I'll go fully hosted now that Lee has the HITRUST letter.", format: .transcript)
            == [["dana", "cloud-only"]])
        // Accepting "the" position, and taking someone's side on it.
        #expect(claims("Lee is fine with the three-year term.") == [["lee", "multi-year"]])
        #expect(claims("Lee is with Dana on the pilot.") == [["lee", "pilot-first"]])
        #expect(claims("I'm still saying 16 weeks to go live, with the pilot.", from: "lee") == [["lee", "16"]])
        #expect(claims("We met with Lee on the pilot.", from: "dana").isEmpty)
        // "No." answers and ends its sentence; "No. 5" is a number.
        #expect(claims("Lee Park: No. We're doing it in waves.", format: .transcript) == [["lee", "phased"]])
        #expect(claims("Lee wants the pilot on No. 5 North.") == [["lee", "pilot-first"]])
        // What a review of these rules found they would misread, each left alone now.
        #expect(claims("Lee's fine with the hybrid meeting.").isEmpty)
        #expect(claims("Dana was with Lee on the pilot call.").isEmpty)
        #expect(claims("Per Dana's notes, Lee said he wants hybrid.") == [["lee", "hybrid"]])
        #expect(claims("Thanks to Dana's intro, Lee says he'll want HITRUST.") == [["lee", "hitrust-required"]])
        #expect(claims("Hybrid works for me but hosting is not my area.", from: "dana") == [["dana", "hybrid"]])
        #expect(claims("Now that the board approved phased, cloud hosting and the 3-year term, Lee wants to sign.").isEmpty)
        #expect(claims("Lee backs multi-year, not subject to any cap.") == [["lee", "multi-year"]])
        #expect(claims("Lee Park: I was the one who wanted phased from day one, and I haven't moved.", format: .transcript)
            == [["lee", "phased"]])
        #expect(read("Lee Park: They said no. 2027 is too late for go-live. Go-live in 6 months.", format: .transcript).claims.count == 1)
        // What the speaker said then, unless they still stand by it (from misses in blind10, blind13, blind15).
        #expect(claims("Lee Park: On payback, I said two years at the demo.", format: .transcript).isEmpty)
        #expect(claims("Lee Park: I said 1.1 on the first call and I've been back through it since. The TCO is 1.3 million.",
                       format: .transcript) == [["lee", "1300000"]])
        #expect(claims("Lee Park: On payback I said two years at the demo, and I still stand by it.", format: .transcript) == [["lee", "24"]])
        #expect(claims("Lee Park: I said pilot first.", format: .transcript) == [["lee", "pilot-first"]])
        // A hospital named by its saint, telling the speaker its story.
        #expect(claims("Lee Park: St. Brendan's told me their big bang nearly broke their nights.", format: .transcript).isEmpty)
        #expect(claims("Lee Park: Lee's told me big bang is the only way.", format: .transcript) == [["lee", "big-bang"]])
    }

    /// Rules from blind18's first run, each with the ordinary sentence it must leave alone.
    @Test func theBlind18Rules() {
        func claims(_ text: String, format: NoteFormat = .note, from: String? = nil) -> [[String]] {
            read(text, format: format, from: from).claims.map { [$0.stakeholder, "\($0.value)"] }
        }
        // A position as the subject of what it costs, with no view before it.
        #expect(claims("Running it in our own data center means two more servers and a DBA we don't have.", from: "dana").isEmpty)
        #expect(claims("Cost: my three-year number is $1.1M, and an on-prem install puts us well past it.", from: "dana")
            == [["dana", "1100000"]])
        #expect(claims("I want hybrid, which means the database stays here.", from: "dana") == [["dana", "hybrid"]])
        #expect(claims("Lee wants a pilot, and a pilot means two sets of rules for a while.") == [["lee", "pilot-first"]])
        // The vendor's offer, described in a buyer's notes.
        #expect(claims("Three-year term is their standard.", from: "dana").isEmpty)
        #expect(claims("Annual is available, but I want a three-year term.", from: "dana") == [["dana", "multi-year"]])
        // A condition after a dash.
        #expect(read("Lee now open to hybrid -- DB on site, app hosted by us -- if the diagram holds up.").claims.isEmpty)
        // Views let go or left in the past.
        #expect(claims("Lee has gone cold on extending the Epic module.").isEmpty)
        #expect(claims("Lee Park: I had six months to go-live in my notes.", format: .transcript).isEmpty)
        #expect(claims("Lee Park: I've held out for annual long enough.", format: .transcript).isEmpty)
        #expect(claims("Lee Park: I floated extending the Epic module at the demo.", format: .transcript).isEmpty)
        #expect(claims("Lee Park: I've held out for annual.", format: .transcript) == [["lee", "annual"]])
        // What a review of these rules found they would misread, each left alone now.
        #expect(claims("A pilot means two sets of rules for a while and I'm fine with that.", from: "dana") == [["dana", "pilot-first"]])
        #expect(claims("Annual puts us in a better spot for the budget cycle.", from: "dana") == [["dana", "annual"]])
        #expect(claims("Dana Reyes: I suggested a pilot at the demo because the floors differ.", format: .transcript)
            == [["dana", "pilot-first"]])
        #expect(claims("Lee went cold on on-prem and is pushing hybrid now.") == [["lee", "hybrid"]])
        #expect(claims("Annual preferred, though multi-year is available.", from: "dana") == [["dana", "annual"]])
        #expect(claims("I had it in my notes that Lee wants hybrid.", from: "dana") == [["lee", "hybrid"]])
        #expect(claims("Lee's on hybrid, firmly -- if anything he's dug in.") == [["lee", "hybrid"]])
        #expect(claims("Lee Park: Dana convinced me she'll sign the three-year term.", format: .transcript) == [["dana", "multi-year"]])
        // Won over: the speaker's view, not the persuader's.
        #expect(claims("Lee Park: Dana has won me over, so it's a pilot, then in waves.", format: .transcript)
            == [["lee", "pilot-first"], ["lee", "phased"]])
    }

    @Test func theBlind19Rules() {
        func claims(_ text: String, format: NoteFormat = .note, from: String? = nil) -> [[String]] {
            read(text, format: format, from: from).claims.map { [$0.stakeholder, "\($0.value)"] }
        }
        // Minutes that credit each point to its person after a dash; a dash before other words is no credit.
        #expect(claims("- Hybrid, with the database on site. -- Park\n- Payback of 20 months on my model. -- Reyes", format: .markdown)
            == [["lee", "hybrid"], ["dana", "20"]])
        #expect(claims("- Lee wants hybrid -- Dana disagrees", format: .markdown) == [["lee", "hybrid"]])
        // A who's-who paragraph headed by a name in capitals: its pronouns are that person's.
        #expect(claims("DANA REYES, CFO. Careful and dry. Her number for the three-year cost is $1.2M. She wants a three-year term.")
            == [["dana", "1200000"], ["dana", "multi-year"]])
        #expect(claims("LEE PARK, IT. HITRUST is a hard requirement for him.") == [["lee", "hitrust-required"]])
        #expect(claims("LEE PARK, IT. HITRUST is a hard requirement for us.").isEmpty)
        #expect(claims("DANA REYES, CFO. Her team wants a pilot.").isEmpty)
        #expect(claims("Lee, Dana and I met Tuesday. She wants a three-year term.").isEmpty)
        #expect(claims("Lee Park wants hybrid. For Epic he's happy with an HL7 feed.") == [["lee", "hybrid"], ["lee", "hl7-interface-ok"]])
        // The seller's figure in the seller's notes, unless the buyer takes it.
        #expect(claims("Lee called our 11 months on payback a brochure number.").isEmpty)
        #expect(claims("Lee is fine with our 11 months on payback.") == [["lee", "11"]])
        // "but only with" qualifies what it follows; "but" before another holder does not.
        #expect(claims("Lee would go multi-year, but only with a cap on the annual uplift.").isEmpty)
        #expect(claims("Lee would go multi-year, but Dana wants annual.") == [["lee", "multi-year"], ["dana", "annual"]])
        // Where the speaker started, and what they said then.
        #expect(claims("Dana Reyes: I'd had 8% on overtime in my head going in.", format: .transcript).isEmpty)
        #expect(claims("Dana Reyes: I said nine months to go-live at the workshop.", format: .transcript).isEmpty)
        #expect(claims("Dana Reyes: I said nine months to go-live at the workshop, and I still do.", format: .transcript) == [["dana", "39"]])
        // The period of a cost, after the cost's words.
        #expect(claims("Dana is holding at $1.3M total cost of ownership over three years.") == [["dana", "1300000"]])
        // A figure alone after the speaker's own words on its topic.
        #expect(claims("Dana Reyes: I'm a touch lower on overtime. Ten.", format: .transcript) == [["dana", "10"]])
        #expect(claims("Dana Reyes: Overtime is the big one. Ten of us met on it.", format: .transcript).isEmpty)
        // A task the speaker takes on.
        #expect(claims("Dana Reyes: Then I'll send the three-year term for signature on Friday.", format: .transcript).isEmpty)
        #expect(claims("Dana Reyes: I'll confirm we need staff data in the US.", format: .transcript) == [["dana", "us-only"]])
        // A denial of "it", then a view of its own; "never" after a position denies it.
        #expect(claims("Lee is dead against it and wants a pilot on 4 East.") == [["lee", "pilot-first"]])
        #expect(claims("Lee is dead against a pilot.").isEmpty)
        #expect(claims("Extending our Epic module was never going to give us self-scheduling.", from: "dana").isEmpty)
        // The vendor's draft; a figure borrowed from someone makes the rest none of theirs.
        #expect(claims("Dana Reyes: The three-year cost in your draft is $1.38M.", format: .transcript).isEmpty)
        #expect(!claims("The model shows payback in 15 months using Dana's twelve percent on overtime.").contains(["dana", "15"]))
        // Won over within a turn: the view left goes; a compatible one stays; "not persuaded" leaves nothing.
        #expect(claims("Dana Reyes: I've argued for big bang since June. I read Lee's notes over the weekend and I'm persuaded: start with a pilot.",
                       format: .transcript) == [["dana", "pilot-first"]])
        #expect(claims("Dana Reyes: I've argued for a pilot since June. I'm not persuaded by big bang.", format: .transcript) == [["dana", "pilot-first"]])
        #expect(claims("Dana Reyes: In waves, for sure. And I'm persuaded a pilot should come first.", format: .transcript)
            == [["dana", "phased"], ["dana", "pilot-first"]])
        // On someone's side, with an aside and a word of degree between.
        #expect(claims("Chris Ng, one of our charge nurses, is firmly with Lee on the pilot.") == [["chris-n", "pilot-first"]])
        // What a review of these rules found they would misread, each left alone now.
        #expect(claims("## Agenda\n- Pilot scope for 4 East — Dwayne O'Neal\n- HITRUST update — Lee", format: .markdown).isEmpty)
        #expect(claims("Walked through our 16-week go-live plan -- Dana\nSent our SOC 2 Type II report. -- Lee Park").isEmpty)
        #expect(claims("Lee wants on-prem so PHI never leaves the building.") == [["lee", "on-prem-required"]])
        #expect(claims("HITRUST was never negotiable for us.", from: "dana") == [["dana", "hitrust-required"]])
        #expect(!claims("Lee Park: I saw Dana's three-year cost of $1.4M and I think it's light.", format: .transcript).contains(["lee", "1400000"]))
        #expect(claims("Dana agrees with our payback of 11 months.") == [["dana", "11"]])
        #expect(claims("I'll send over our must-haves: HITRUST, US-only hosting and an HL7 feed.", from: "dana").contains(["dana", "hitrust-required"]))
        #expect(claims("Dana Reyes: We'll follow a phased rollout, two units at a time.", format: .transcript) == [["dana", "phased"]])
        #expect(claims("Dana Reyes: I told you last week we need go-live inside nine months.", format: .transcript) == [["dana", "39"]])
        #expect(!claims("Dana Reyes: Your deck has overtime down 18%. Eighteen! We'd be thrilled with ten.", format: .transcript)
            .contains(["dana", "18"]))
        #expect(claims("Lee wants all units at once; for his nurses, they'd rather do it in waves.") == [["lee", "big-bang"]])
        #expect(claims("Dana Reyes: All units at once, that's where I am. I've yet to be convinced a pilot buys us anything.", format: .transcript)
            .contains(["dana", "big-bang"]))
        #expect(claims("DANA REYES, CFO, and LEE PARK, IT director, joined. He wants hybrid; she wants annual.").isEmpty)
        #expect(claims("DANA REYES, CFO. Reports to Marcus, the CEO. He wants payback inside 12 months.").isEmpty)
        #expect(claims("Payback comes out at 14 months using Dana's model.") == [["dana", "14"]])
        // A surname with its particle.
        let irish = NoteReader(taxonomy: Self.taxonomy, stakeholders: [
            Stakeholder(id: "cathal", name: "Cathal Ó Ceallaigh", role: "it", influence: "influencer"),
            Stakeholder(id: "cathal-h", name: "Cathal Hebditch", role: "finance", influence: "decision-maker"),
        ])
        #expect(irish.read(NoteDocument(text: "- Go-live in nine months. -- Ó Ceallaigh\n- Annual. -- Hebditch", format: .markdown)).claims
            .map { [$0.stakeholder, "\($0.value)"] } == [["cathal", "39"], ["cathal-h", "annual"]])
        #expect(irish.read(NoteDocument(text: "O Ceallaigh wants hybrid.", format: .note)).claims.map(\.stakeholder) == ["cathal"])
    }

    @Test func theBlind20Rules() {
        func claims(_ text: String, format: NoteFormat = .transcript) -> [[String]] {
            read(text, format: format).claims.map { [$0.stakeholder, "\($0.value)"] }
        }
        // "a million" said in words is money; "a million things" is not a figure.
        #expect(claims("Dana Reyes: And on the TCO, a million is my number.") == [["dana", "1000000"]])
        #expect(claims("Dana Reyes: I'd sign today at a three-year total of a million even.") == [["dana", "1000000"]])
        #expect(claims("Dana Reyes: On the three-year cost there are a million things we haven't priced.").isEmpty)
        // A pair a step apart is a range; a choice between two figures is not.
        #expect(claims("Dana Reyes: I'd put overtime a bit lower, nine or ten percent.") == [["dana", "9.5"]])
        #expect(claims("Dana Reyes: I'd put overtime at six or twelve percent, I don't know yet.") != [["dana", "9"]])
        // Where someone started the meeting is not where they ended it.
        #expect(claims("Dana came out of the meeting fine with $1M on the three-year cost -- she'd said $975k going in.", format: .note)
            .allSatisfy { $0 != ["dana", "975000"] })
    }

    @Test func theBlind21Rules() {
        func claims(_ text: String, format: NoteFormat = .transcript) -> [[String]] {
            read(text, format: format).claims.map { [$0.stakeholder, "\($0.value)"] }
        }
        // A turn that opens with a figure answers on the topic the turn before ended on.
        #expect(claims("Dana Reyes: I'm at eighteen months on payback.\nLee Park: Eighteen for me too.") == [["dana", "18"], ["lee", "18"]])
        #expect(claims("Dana Reyes: Go-live at thirty weeks.\nLee Park: Thirty's fair.") == [["dana", "30"], ["lee", "30"]])
        #expect(claims("Dana Reyes: I'm at eighteen months on payback.\nLee Park: And so am I. Eighteen months, and I'll defend it to the board.")
            == [["dana", "18"], ["lee", "18"]])
        // Not a figure doubted, someone else's, or an echo of the seller's; not after a turn about something else.
        #expect(claims("Dana Reyes: Go-live at thirty weeks.\nLee Park: Thirty's too tight.") == [["dana", "30"]])
        #expect(claims("Dana Reyes: I'm at twelve months on payback.\nLee Park: Twelve is Chris Ng's old number.") == [["dana", "12"]])
        #expect(claims("Alice Moreno: Our standard go-live is twenty-eight weeks.\nDana Reyes: Twenty-eight weeks. Sure.").isEmpty)
        #expect(claims("Dana Reyes: I'm at eighteen months on payback.\nLee Park: Good morning, all.\nChris Ng: Eighteen for me too.")
            == [["dana", "18"]])
        #expect(claims("I'm at eighteen months on payback.\n\nEighteen for me too.", format: .note).isEmpty)
        // The turn's own words on the topic outrank its opening answer: ten months, not ten weeks.
        let answer = read("Dana Reyes: Go-live, are we saying nine months or ten?\nLee Park: Ten. Plan on ten months to go live.", format: .transcript)
        #expect(answer.claims.map(\.stakeholder) == ["lee"] && answer.claims.first?.quote == "Plan on ten months to go live.")
        // The figure settled on, and where a move ended.
        #expect(claims("Dana Reyes: On overtime I'd now say ten to twelve, call it eleven.") == [["dana", "11"]])
        #expect(claims("Dana Reyes: And go-live: I've moved from six months to thirty weeks.") == [["dana", "30"]])
        // What someone had or wanted then, with its day, is a view left; what someone said then is reported.
        #expect(claims("Dana Reyes: Overtime. I said twelve percent on Tuesday.").isEmpty)
        #expect(claims("Dana Reyes: Go-live. I had seven to eight months last Monday.").isEmpty)
        #expect(claims("Dana Reyes: Go-live. I said seven months on Tuesday and I still do.") == [["dana", "30.3333"]])
        #expect(claims("Dana wanted a big bang back in March.", format: .note).isEmpty)
        #expect(claims("Lee said on Tuesday the three-year cost is $310k.", format: .note) == [["lee", "310000"]])
        // The answer after a colon is no question; the pair "are both" holds for both; an aside after a name.
        #expect(claims("Dov asked about Epic: Lee is fine with an HL7 interface.", format: .note) == [["lee", "hl7-interface-ok"]])
        #expect(claims("Lee asked about hybrid hosting.", format: .note).isEmpty)
        #expect(claims("Dana and Lee are both keen on a pilot.", format: .note) == [["dana", "pilot-first"], ["lee", "pilot-first"]])
        #expect(claims("Dana says Lee (IT, 4 North) is keen on a pilot.", format: .note) == [["lee", "pilot-first"]])
        // "and so is X": one more holder of the same view; what someone pushes for is their view.
        #expect(claims("Dana Reyes: I'm at 18 months on payback, and so is Lee.") == [["dana", "18"], ["lee", "18"]])
        #expect(claims("Dana Reyes: I'm at 18 months on payback, and so is Lee's team.").allSatisfy { $0[0] != "lee" })
        #expect(claims("Dana Reyes: I'd still push for the three-year term.") == [["dana", "multi-year"]])
        #expect(claims("Dana Reyes: Let's talk about pricing for the three-year term.").isEmpty)
    }

    /// What a review of blind20's and blind21's rules found they would misread, each kept right.
    @Test func theBlind21RulesReviewed() {
        func claims(_ text: String, format: NoteFormat = .transcript) -> [[String]] {
            read(text, format: format).claims.map { [$0.stakeholder, "\($0.value)"] }
        }
        // A reply without a unit answers only a turn whose figure was in the topic's own unit.
        #expect(claims("Dana Reyes: I'd say go-live in nine months.\nLee Park: Twelve, realistically.").map(\.[0]) == ["dana"])
        #expect(claims("Dana Reyes: Three-year cost, I've got 1.2 million.\nLee Park: 1.4 for me.").map(\.[0]) == ["dana"])
        // A turn that ends on a question, one sentence going on in the next cue, "100%", another's figure.
        #expect(claims("Dana Reyes: Payback is eighteen months. Lee, how many beds on 4 North?\nLee Park: Thirty-two.") == [["dana", "18"]])
        #expect(claims("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Dana Reyes>Go-live, I'd say thirty weeks, and then we need\n\n"
                       + "00:00:03.500 --> 00:00:05.000\n<v Dana Reyes>six weeks for the night-shift training.", format: .vtt) == [["dana", "30"]])
        #expect(claims("Dana Reyes: Overtime down twelve percent.\nLee Park: 100%.") == [["dana", "12"]])
        #expect(claims("Dana Reyes: Payback at twelve months.\nLee Park: Fourteen months is what they're quoting.") == [["dana", "12"]])
        #expect(claims("Dana Reyes: Go-live at thirty weeks.\nLee Park: Thirty-six weeks, honestly, with our Epic upgrade in June.")
            == [["dana", "30"], ["lee", "36"]])
        // "are" makes no group the holder; an answer after a colon needs a stakeholder there.
        #expect(claims("Dana Reyes: Our nurses are exhausted, so I want a phased rollout.") == [["dana", "phased"]])
        #expect(claims("Dana asked about timing: told her 30 weeks to go-live.", format: .note).isEmpty)
        #expect(claims("Lee asked about: SOC 2 report, HL7 feed, pilot timing.", format: .note).isEmpty)
        // Someone's idea put forward on a named day is theirs; "from" with no move is a range; "call it" stays in its topic.
        #expect(claims("Lee proposed a pilot on 4 North on Tuesday.", format: .note) == [["lee", "pilot-first"]])
        #expect(claims("Lee thinks go-live is anywhere from six months to a year.", format: .note).allSatisfy { $0 != ["lee", "52"] })
        #expect(claims("Dana Reyes: Go-live thirty weeks, payback call it two years.") == [["dana", "30"], ["dana", "24"]])
        // Idioms and names are no figures.
        #expect(claims("Thanks a million for the TCO breakdown.", format: .email).isEmpty)
        #expect(claims("Dana wants Ward 7's go-live done first.", format: .note).isEmpty)
        #expect(claims("Dana Reyes: 15's still my payback number.") == [["dana", "15"]])
    }

    /// Rules from blind22's first run, each on ordinary sentences, with where it stops.
    @Test func theBlind22Rules() {
        func claims(_ text: String, format: NoteFormat = .note, from: String? = nil) -> [[String]] {
            read(text, format: format, from: from).claims.map { [$0.stakeholder, "\($0.value)"] }
        }
        // A figure corrected in the breath after it replaces the one just read, in its unit.
        #expect(claims("Lee Park: Go-live, forty weeks for the first campus. Sorry -- thirty-six, now the upgrade has moved.",
                       format: .transcript) == [["lee", "36"]])
        #expect(claims("Dana Reyes: Payback twenty months. I mean eighteen.", format: .transcript) == [["dana", "18"]])
        #expect(claims("Dana Reyes: Go-live in nine months. Sorry, ten.", format: .transcript) == [["dana", "43.3333"]])
        // Not an apology with a figure of something else, a question, someone else's figure, or a condition.
        #expect(claims("Lee Park: Go-live, forty weeks. Sorry for the delay on the other 12 items.", format: .transcript) == [["lee", "40"]])
        #expect(claims("Lee Park: Go-live, forty weeks. Sorry -- thirty-six?", format: .transcript) == [["lee", "40"]])
        #expect(claims("Dana Reyes: Payback twenty months.\nLee Park: Sorry, eighteen.", format: .transcript).map(\.[0]) != ["lee"])
        #expect(claims("Dana Reyes: Payback twenty months. Make that eighteen if the cap holds.", format: .transcript) == [["dana", "20"]])
        // The one just said not to be there is whom the reporter speaks for.
        #expect(claims("Dana not on; Lee says she'll want HITRUST.") == [["dana", "hitrust-required"]])
        #expect(claims("Dana was out. Lee says she'll want HITRUST.") == [["dana", "hitrust-required"]])
        #expect(claims("- Dana (finance) wasn't on. Lee says she'll want an annual term") == [["dana", "annual"]])
        #expect(claims("Dana asked about hosting. Lee says he'll want HITRUST.") == [["lee", "hitrust-required"]])
        // A pronoun the writer says they know the view of holds it.
        #expect(claims("Security is Dana's call, but I know she wants HITRUST.", from: "lee") == [["dana", "hitrust-required"]])
        // A clause of reason after a pronoun's view does not take its name for the holder.
        #expect(claims("Lee owns the model. He now wants payback in 18 months rather than 20, because he's modelling on Dana's figures.")
            == [["lee", "18"]])
        // A target said after a bound is the figure aimed at; a bound alone is still read.
        #expect(claims("Dana wants the three-year cost under a million, her target is $980k.") == [["dana", "980000"]])
        #expect(claims("Dana wants the three-year cost under a million.") == [["dana", "1000000"]])
        // An opening "without …" clause is a condition; "without" inside a view is not.
        #expect(claims("Dana Reyes: Without the cap, annual.", format: .transcript).isEmpty)
        #expect(claims("Lee wants hybrid without offshore support.") == [["lee", "hybrid"]])
        // A stakeholder with their own people holds the view; their people alone do not.
        #expect(claims("Dana and her night team would rather have a separate app on their phones.") == [["dana", "standalone-ok"]])
        #expect(claims("Dana's night team would rather have a separate app on their phones.").isEmpty)
        // A peer elsewhere is no stakeholder; how long a pilot runs is not whether to run one.
        #expect(claims("Dana Reyes: My counterpart at Hollins Bay told me their overtime fell 20 percent.", format: .transcript).isEmpty)
        #expect(claims("Pilot length: 6 weeks (Dana) vs 8 weeks (Lee).").isEmpty)
        #expect(claims("Dana Reyes: Go-live. Having seen the pilot plan, I'm at thirty-four weeks.", format: .transcript) == [["dana", "34"]])
        // A paragraph wrapped by hand goes on being about its person; a blank line ends it. A bullet
        // that opens with "she" goes on about the bullet right above it (blind23's labellers read
        // "- Solveig Á.: TCO …⏎- She wants payback within 2 years" so, as blind16's and blind18's did).
        #expect(claims("Dana Reyes owns the budget.\nShe wants payback in 18 months.") == [["dana", "18"]])
        #expect(claims("Dana Reyes owns the budget.\n\nShe wants payback in 18 months.").isEmpty)
        #expect(claims("- Dana Reyes owns the budget.\n- She wants payback in 18 months.") == [["dana", "18"]])
        #expect(claims("- Dana Reyes: TCO under $1.2M.\n- She wants payback in 18 months.").contains(["dana", "18"]))
        #expect(claims("- Dana Reyes owns the budget.\n\n- She wants payback in 18 months.").isEmpty)
        #expect(claims("- Dana Reyes owns the budget.\n  - She wants payback in 18 months.").isEmpty)
        #expect(claims("Dana Reyes: I own the budget.\nLee Park: She wants payback in 18 months.", format: .transcript).isEmpty)
    }

    /// What a review of blind22's rules by reading found they would misread, each kept right.
    @Test func theBlind22RulesReviewed() {
        func claims(_ text: String, format: NoteFormat = .note, from: String? = nil) -> [[String]] {
            read(text, format: format, from: from).claims.map { [$0.stakeholder, "\($0.value)"] }
        }
        // A correction names nobody, opens its statement, and its figure ends its clause.
        let named = claims("Dana Reyes: Payback eighteen months for me. Sorry, twenty is what Lee said.", format: .transcript)
        #expect(named.contains(["dana", "18"]) && !named.contains(["dana", "20"]))
        #expect(!claims("Dana puts payback at 20 months. Sorry, 14 months is what our model shows.").contains(["dana", "14"]))
        #expect(claims("Lee Park: Go-live, forty weeks. Sorry, six weeks of that is the Epic upgrade freeze.", format: .transcript) == [["lee", "40"]])
        #expect(!claims("Lee Park: Go-live, forty weeks. You guys make that 26 weeks in the deck.", format: .transcript).contains(["lee", "26"]))
        // Only someone said not to be there, right after their name, lends the reporter's pronoun.
        #expect(claims("Dana laid out the timeline, but Lee says he wants HITRUST.").allSatisfy { $0[0] != "dana" })
        #expect(claims("Dana's not on board yet. Lee says he'd put the three-year cost at $1.2M.") == [["lee", "1200000"]])
        #expect(claims("Dana gave nothing away. Lee says he wants HITRUST.") == [["lee", "hitrust-required"]])
        // A reason clause's own view stays its holder's.
        #expect(!claims("Lee is the rollout lead. He wants a pilot first, since Dana puts go-live at forty weeks anyway.").contains(["lee", "40"]))
        // Only the holder's own target, for the same thing.
        #expect(!claims("Dana needs the 3-yr cost under $1.2M, our target is $1.05M.").contains(["dana", "1050000"]))
        #expect(claims("Lee wants go-live under 30 weeks, with a goal of 12 weeks for the pilot.") == [["lee", "30"]])
        // Set phrases with "without" are no condition; a colleague called a counterpart is no outsider.
        #expect(claims("Without a doubt, Dana wants HITRUST.") == [["dana", "hitrust-required"]])
        #expect(claims("Lee Park, Dana's counterpart in IT, wants hybrid.") == [["lee", "hybrid"]])
        // "duration" only right after the topic; a heading only past an opening "having" clause.
        #expect(claims("Dana wants a pilot, duration six weeks.") == [["dana", "pilot-first"]])
        #expect(claims("Dana Reyes: TCO: 1.2 million. Of that, I've set aside $150k for the implementation.", format: .transcript)
            .allSatisfy { $0 != ["dana", "150000"] })
        #expect(!claims("Dana Reyes: Go-live: thirty-six weeks all in. For the pilot, I'd say eight weeks.", format: .transcript).contains(["dana", "8"]))
        // "I know" lends its view only to he or she with a verb of wanting or thinking.
        #expect(claims("Dana is the security lead. I know she has SOC 2 reports from both other vendors.").isEmpty)
    }

    /// Rules from blind23's first run (0.920 / 0.738), each on ordinary sentences, with where it stops.
    @Test func theBlind23Rules() {
        func claims(_ text: String, format: NoteFormat = .note, from: String? = nil, inbound: Bool? = nil) -> [[String]] {
            read(text, format: format, from: from, inbound: inbound).claims.map { [$0.stakeholder, "\($0.value)"] }
        }
        // A figure in the topic's own kind of unit goes on the speaker's words on the topic just before.
        #expect(claims("Dana Reyes: On my side the overtime drop will be bigger. Fifteen percent, at least on nights.", format: .transcript)
            == [["dana", "15"]])
        #expect(claims("Dana Reyes: Payback -- I'd like it faster, but eighteen months is fine.", format: .transcript) == [["dana", "18"]])
        #expect(claims("I told the group two years on payback on Tuesday. Having slept on it, I want 18 months.", format: .email, from: "dana", inbound: true)
            == [["dana", "18"]])
        // (Not a figure of another kind, nor one that is someone else's.)
        #expect(claims("Dana Reyes: On my side the overtime drop will be bigger. Fifteen nurses left last year.", format: .transcript).isEmpty)
        #expect(claims("Dana Reyes: Overtime will drop, I'm sure. Lee has 12 percent.", format: .transcript).allSatisfy { $0[0] != "dana" })
        // Spoken fillers set off by commas say nothing; "like" as a verb stays.
        #expect(claims("Lee Park: Separate app on the phone. Not, like, inside Epic.", format: .transcript).allSatisfy { $0[1] != "epic-native-required" })
        #expect(claims("Lee Park: I'd like it inside Epic.", format: .transcript) == [["lee", "epic-native-required"]])
        #expect(claims("Lee Park: Overtime, I'm at, um, ten percent.", format: .transcript) == [["lee", "10"]])
        // A view the speaker owns to having held is left.
        #expect(claims("Lee Park: On-prem was my opening position, I know.", format: .transcript).isEmpty)
        #expect(claims("Dana Reyes: I said annual for year one, I know.", format: .transcript).isEmpty)
        #expect(claims("Dana Reyes: I said annual for year one.", format: .transcript) == [["dana", "annual"]])
        #expect(claims("Dana Reyes: Twelve months was my number, but I can take fifteen to the board.", format: .transcript).allSatisfy { $0 != ["dana", "12"] })
        // A speaker who breaks off and settles on another figure holds the second.
        #expect(claims("Lee Park: Go-live for me is thirty weeks, I-- okay, thirty-two.", format: .transcript) == [["lee", "32"]])
        #expect(claims("Lee Park: Go-live for me is thirty weeks, okay, and payback eighteen months.", format: .transcript).contains(["lee", "30"]))
        // A chat pasted with its times is each writer's; "Me:" is the note's writer.
        #expect(claims("[2:42 PM] Lee Park: US only. I said that an hour ago\n[2:43 PM] Dana Reyes: +1", format: .markdown, from: "dwayne")
            == [["lee", "us-only"]])
        #expect(claims("- Me: payback inside 18 months.", format: .markdown, from: "dwayne") == [["dwayne", "18"]])
        #expect(claims("- Me: payback inside 18 months.").isEmpty)
        // The initials of a hyphenated surname name its person; a lower-case short form that is no
        // English word is still its person ("bill" is not).
        #expect(claims("- zoe A-N: on-prem, full stop.") == [["zoe", "on-prem-required"]])
        let gus = NoteReader(taxonomy: Self.taxonomy, stakeholders: [Stakeholder(id: "gus", name: "Augustine Pell", role: "clinical", influence: "influencer"),
                                                                    Stakeholder(id: "bill", name: "William Hart", role: "it", influence: "influencer")])
        #expect(gus.read(NoteDocument(text: "- gus wants it inside epic tho", format: .note)).claims.map(\.stakeholder) == ["gus"])
        #expect(gus.read(NoteDocument(text: "- the bill wants payback in 18 months", format: .note)).claims.isEmpty)
        // What happens otherwise, after "or", does not hold the view before it.
        #expect(claims("- Dana Reyes: payback inside 18 months or the board won't look at it") == [["dana", "18"]])
        #expect(claims("- Hybrid or on-prem, the board wants one of them.").isEmpty)
        // An outside firm's paper, a past thing, someone met elsewhere: nobody's view here.
        #expect(claims("Lee Park: The Chartis note had payback at ten months.", format: .transcript).isEmpty)
        #expect(claims("- Lee says the last homegrown scheduler cost them two years").isEmpty)
        #expect(claims("Dana said a CFO she knows at Ashgrove saw overtime fall 25%.").isEmpty)
        // "X's team …. He …": he is X.
        #expect(claims("Lee's team looked at building their own. He's done with that -> buy a platform.") == [["lee", "buy-platform"]])
        // A stakeholder's reply quoted below the top message is theirs; the top sender's own older
        // words and the seller's quoted questions are not read again.
        let chain = """
            From: Dana Reyes <dana.reyes@mercy.example>
            To: Sam <sam@vendor.example>
            Subject: Re: questions

            $1.2M is my ceiling for the three-year cost.

            On Mon, Jul 9, 2029 at 4:18 PM Lee Park <lee.park@mercy.example> wrote:
            > [LP] Fully hosted.
            >
            > On Mon, Jul 9, 2029 at 9:03 AM Sam <sam@vendor.example> wrote:
            >> Our draft is $1.42M with payback at 11 months.
            > On Sun, Jul 8, 2029 Dana Reyes <dana.reyes@mercy.example> wrote:
            >> The three-year cost can't pass $1.5M.
            """
        #expect(claims(chain, format: .email) == [["dana", "1200000"], ["lee", "cloud-only"]])
    }

    /// What a review of blind23's rules by reading found they would misread, each kept right.
    @Test func theBlind23RulesReviewed() {
        func claims(_ text: String, format: NoteFormat = .note, from: String? = nil, inbound: Bool? = nil) -> [[String]] {
            read(text, format: format, from: from, inbound: inbound).claims.map { [$0.stakeholder, "\($0.value)"] }
        }
        // A figure carried to the topic just named must be said as a view, not as background.
        #expect(claims("Dana Reyes: Overtime is the whole reason we're here. Agency spend went up 40% last year.", format: .transcript).isEmpty)
        #expect(claims("Implementation is where I'm nervous. Our last vendor took 14 months.", format: .email, from: "dana", inbound: true).isEmpty)
        #expect(claims("- Dana Reyes: go-live timing is my worry. Joint Commission is here in 8 weeks.").isEmpty)
        #expect(claims("Lee Park: Go-live worries me. With the upgrade moved, call it 36 weeks.", format: .transcript) == [["lee", "36"]])
        // A bullet that names someone else too lends its "she" to no one.
        #expect(!claims("- Lee Park: on-prem, full stop. Dana Reyes owns the budget.\n- She wants payback in 18 months.").contains(["lee", "18"]))
        // A view still held is not one of before.
        #expect(claims("Dana Reyes: On-prem was my number one requirement going in, and it still is.", format: .transcript)
            == [["dana", "on-prem-required"]])
        #expect(claims("Dana Reyes: Payback in 18 months was my original ask and I'm holding to it.", format: .transcript) == [["dana", "18"]])
        // Only someone's people as a body lend "he" to them: a CISO is someone else.
        #expect(!claims("Lee's CISO wants HITRUST. He also wants US-only hosting.").contains(["lee", "us-only"]))
        // An outside paper that opens a statement turning to the speaker's own view leaves the view theirs.
        #expect(claims("Dana Reyes: The Gartner numbers look rosy, but I need payback inside 18 months.", format: .transcript) == [["dana", "18"]])
        // "a board-ready case" is no one outside the group.
        #expect(claims("Dana says she wants a board-ready case with payback under 18 months.") == [["dana", "18"]])
        // A dash and "no" is no speaker breaking off.
        let capped = claims("Dana Reyes: TCO cap $1.2M -- no $150k add-ons on top.", format: .transcript)
        #expect(capped.contains(["dana", "1200000"]) && !capped.contains(["dana", "150000"]))
        // "or so the analyst claims" is hearsay.
        #expect(claims("Lee Park: Overtime down 20%, or so the Vizient analyst claims.", format: .transcript).isEmpty)
        // "X-Ray" is no Ray.
        let ray = NoteReader(taxonomy: Self.taxonomy, stakeholders: [Stakeholder(id: "ray", name: "Raymond Tolliver", role: "operations", influence: "influencer")])
        #expect(ray.read(NoteDocument(text: "X-Ray wants a phased rollout.", format: .note)).claims.isEmpty)
        #expect(ray.read(NoteDocument(text: "Ray wants a phased rollout.", format: .note)).claims.map(\.stakeholder) == ["ray"])
        // A seller's reply quoting a buyer reads nothing of the buyer's; a buyer's reply quoting a
        // colleague dates the colleague's words by their own line, and a forwarded message by its "Sent:".
        let outbound = """
            From: Sam <sam@vendor.example>
            To: Lee Park <lee.park@mercy.example>
            Subject: Re: hosting

            Thanks Lee, noted.

            On Tue, Jul 2, 2029 at 9:00 AM Lee Park <lee.park@mercy.example> wrote:
            > We need it on-prem.
            """
        #expect(claims(outbound, format: .email).isEmpty)
        let inbound = """
            From: Dana Reyes <dana.reyes@mercy.example>
            To: Sam <sam@vendor.example>
            Subject: Re: hosting

            Adding Lee's answer below.

            On Tue, Jul 2, 2029 at 9:00 AM Lee Park <lee.park@mercy.example> wrote:
            > We need it on-prem.
            """
        let quoted = read(inbound, format: .email).claims
        #expect(quoted.map { [$0.stakeholder, "\($0.value)"] } == [["lee", "on-prem-required"]])
        #expect(quoted.first?.date == Day("2029-07-02"))
        let forwarded = """
            From: Dana Reyes <dana.reyes@mercy.example>
            To: Sam <sam@vendor.example>
            Subject: Fwd: hosting

            See Lee's view below.

            -----Original Message-----
            From: Lee Park <lee.park@mercy.example>
            Sent: Monday, July 1, 2029 4:18 PM
            To: Dana Reyes <dana.reyes@mercy.example>

            We need it on-prem.
            """
        #expect(read(forwarded, format: .email).claims.map(\.date) == [Day("2029-07-01")])
    }

    /// Rules from blind24's first run (0.852 / 0.662), each on ordinary sentences, with where it stops.
    @Test func theBlind24Rules() {
        func claims(_ text: String, format: NoteFormat = .note, from: String? = nil, inbound: Bool? = nil) -> [[String]] {
            read(text, format: format, from: from, inbound: inbound).claims.map { [$0.stakeholder, "\($0.value)"] }
        }
        // A bridge's unnamed caller is no one we know, not the speaker before, until they say who they are.
        let bridge = "Lee Park: Go-live, thirty weeks.\nCaller 2: Overtime, I'm at twelve percent.\n"
            + "Caller 3: Sorry, it's Dana Reyes, on the ward phone. Payback, I'm at eighteen months.\nCaller 3: Three-year term for me."
        #expect(claims(bridge, format: .transcript) == [["lee", "30"], ["dana", "18"], ["dana", "multi-year"]])
        // A table in an e-mail has a row per person, as in notes; the seller's "you" stays the seller's.
        let table = """
            From: Sam <sam@vendor.example>
            To: Dana Reyes <dana.reyes@mercy.example>
            Subject: where we think everyone is

            | Who | Where we think they are |
            |---|---|
            | Lee Park (IT) | HL7 through Rhapsody. Nine months to go-live at the earliest. |
            | Dana Reyes (CFO) | Payback within two years is fine for you. |
            """
        #expect(claims(table, format: .email) == [["lee", "hl7-interface-ok"], ["lee", "39"]])
        // "only if" qualifies the view before it, with or without "but".
        #expect(claims("Lee Park: hybrid works for me, but only if the failover test passes.", format: .transcript).isEmpty)
        #expect(claims("Lee Park: hybrid works for me only if the failover test passes.", format: .transcript).isEmpty)
        #expect(claims("Lee Park: hybrid works for me, but the failover test has to pass first.", format: .transcript) == [["lee", "hybrid"]])
        // A caption that breaks off mid-sentence goes on in the next one; a heading ending in a colon does not.
        #expect(claims("1\n00:00:01,000 --> 00:00:04,000\nLee Park: Hosting -- hybrid works for me,\n\n2\n00:00:04,000 --> 00:00:06,000\n"
                       + "as long as the database stays here.", format: .srt).isEmpty)
        #expect(claims("Lee Park: Read back and agreed:\nDECISION 1 -- buy a platform.", format: .transcript).isEmpty)
        // A figure that replaces another in the breath takes its unit.
        #expect(claims("Lee Park: Go-live, nine months, give or take -- sorry, ten.", format: .transcript) == [["lee", "43.3333"]])
        // Views given up: "I'll stop arguing for", "I argued for … on Tuesday", "not … anymore".
        #expect(claims("Lee Park: I'll stop arguing for the Epic module.", format: .transcript).isEmpty)
        #expect(claims("Dana Reyes: I argued for all units at once on Tuesday.", format: .transcript).isEmpty)
        #expect(claims("Dana Reyes: I argued for all units at once, and I still do.", format: .transcript) == [["dana", "big-bang"]])
        #expect(claims("Lee Park: On Monday I said SOC 2 Type II would do, and I'm not saying that anymore.", format: .transcript).isEmpty)
        // An outside paper said to say something is its own, wherever it stands in the statement.
        #expect(claims("Lee Park: One more: the Gartner note says fully hosted is where everyone's heading.", format: .transcript).isEmpty)
        #expect(claims("Lee Park: One more: the Gartner note says fully hosted, but I want hybrid.", format: .transcript) == [["lee", "hybrid"]])
        // Common short forms: Kit for Christopher (capitalized), Wilf for Wilfred.
        let kit = NoteReader(taxonomy: Self.taxonomy, stakeholders: [Stakeholder(id: "kit", name: "Christopher Harrowby", role: "it", influence: "influencer"),
                                                                    Stakeholder(id: "wilf", name: "Wilfred Marchbanks", role: "operations", influence: "influencer")])
        #expect(kit.read(NoteDocument(text: "Kit estimated go-live at 36 weeks. Wilf reckons overtime comes down 12 to 15%.", format: .note)).claims
            .map { [$0.stakeholder, "\($0.value)"] } == [["kit", "36"], ["wilf", "13.5"]])
        #expect(kit.read(NoteDocument(text: "the starter kit wants payback in 18 months", format: .note)).claims.isEmpty)
    }

    /// What a review of blind24's rules by reading found they would misread, each kept right.
    @Test func theBlind24RulesReviewed() {
        func claims(_ text: String, format: NoteFormat = .note, from: String? = nil, inbound: Bool? = nil) -> [[String]] {
            read(text, format: format, from: from, inbound: inbound).claims.map { [$0.stakeholder, "\($0.value)"] }
        }
        func srt(_ cues: [String]) -> String {
            cues.enumerated().map { "\($0.offset + 1)\n00:00:0\($0.offset),000 --> 00:00:0\($0.offset + 1),000\n\($0.element)" }.joined(separator: "\n\n")
        }
        // Captions are joined only where one sentence plainly goes on, and once.
        #expect(!claims(srt(["Dana Reyes: On go-live, I know Lee says 32 weeks,", "I'm planning on forty."]), format: .srt).contains(["dana", "32"]))
        #expect(claims(srt(["Dana Reyes: Payback is the big one for me,", "our last vendor took 30 months,", "I need it under 18."]), format: .srt)
            .allSatisfy { $0 != ["dana", "30"] })
        #expect(claims(srt(["Dana Reyes: What I've told", "the committee is payback inside eighteen months."]), format: .srt) == [["dana", "18"]])
        #expect(claims("Lee Park: hybrid works for me\n[Dana agrees]", format: .transcript) == [["lee", "hybrid"]])
        // In a seller's table, the seller's own words in a person's row stay the seller's; a row
        // headed by no one is read as it stands.
        let table = """
            From: Sam <sam@vendor.example>
            To: Dana Reyes <dana.reyes@mercy.example>
            Subject: recap

            | Lee Park (IT) | On-prem | Our recommendation: hybrid, DB on site |
            | Dana Reyes | Next step: we send our SOC 2 Type II report |
            | Hosting | Lee Park wants on-prem |
            """
        #expect(claims(table, format: .email) == [["lee", "on-prem-required"], ["lee", "on-prem-required"]])
        // Views still held: "not … anymore" without a view taken back, "told".
        #expect(claims("Lee Park: We don't run anything on-prem anymore so it has to be fully hosted.", format: .transcript) == [["lee", "cloud-only"]])
        #expect(claims("Last week I told the board we need HITRUST.", format: .email, from: "dana", inbound: true) == [["dana", "hitrust-required"]])
        // "only if" holds only its own clause when it follows "and"; after a colon it qualifies the point.
        #expect(claims("Dana Reyes: Payback inside 18 months, and a three-year term only if there's a cap on increases.", format: .transcript)
            == [["dana", "18"]])
        #expect(claims("Dana Reyes: annual term: only if they refuse a termination-for-convenience right.", format: .transcript).isEmpty)
        // A caller names themselves only at the start of their words.
        #expect(claims("Caller 2: Honestly it's Lee who signs off on hosting. We need on-prem.", format: .transcript).isEmpty)
        #expect(claims("Speaker 2 (00:05): We need on-prem.", format: .transcript).isEmpty)
        // A named reporter of an outside paper keeps the view they endorse; a corrected figure keeps
        // its own topic's unit.
        #expect(claims("Dana Reyes: Overtime 12% -- sorry, I mean payback of 18.", format: .transcript).contains(["dana", "18"]))
        // Short forms that are names of their own are nobody else's.
        let frank = NoteReader(taxonomy: Self.taxonomy, stakeholders: [Stakeholder(id: "francis", name: "Francis Oduya", role: "it", influence: "influencer")])
        #expect(frank.read(NoteDocument(text: "Frank from Chartis thinks 30 weeks to go-live is realistic.", format: .note)).claims.isEmpty)
    }

    /// Rules from blind25's first run (0.905 / 0.610), each on ordinary sentences, with where it stops.
    @Test func theBlind25Rules() {
        func claims(_ text: String, format: NoteFormat = .note, from: String? = nil, inbound: Bool? = nil) -> [[String]] {
            read(text, format: format, from: from, inbound: inbound).claims.map { [$0.stakeholder, "\($0.value)"] }
        }
        // A rep's "Name = view", and "+" lines right under it, are that person's.
        #expect(claims("Lee Park = on-prem, full stop.\n  + HL7 via Rhapsody fine\n  + staff data stays in the US") ==
                [["lee", "on-prem-required"], ["lee", "hl7-interface-ok"], ["lee", "us-only"]])
        #expect(claims("Lee Park = on-prem, full stop.\n\n  + HL7 via Rhapsody fine") == [["lee", "on-prem-required"]])
        // Minutes that name people by their initials, in capitals (not "IT", not "dr" in lower case).
        #expect(claims("- CD: three-year cost has to stay under $1.4M\n- LP wants a hybrid set-up.", format: .markdown)
            == [["chris-d", "1400000"], ["lee", "hybrid"]])
        // (Dana Reyes's "DR" is also disaster recovery; "IT" is a department; "lp" in lower case is nobody.)
        #expect(claims("- DR wants a hybrid set-up.", format: .markdown).isEmpty)
        #expect(claims("- IT wants a hybrid set-up.", format: .markdown).isEmpty)
        #expect(claims("- the lp wants a hybrid set-up.", format: .markdown).isEmpty)
        // "+1" agrees; it is no figure.
        #expect(claims("Dana Reyes: Overtime, I'm at twelve percent.\nLee Park: +1", format: .transcript) == [["dana", "12"]])
        // A bare sum with decimals on a money topic is in millions.
        #expect(claims("Dana Reyes: I think we get the TCO to 1.15", format: .transcript) == [["dana", "1150000"]])
        #expect(claims("Dana Reyes: I think we get the TCO to 115,000", format: .transcript) == [["dana", "115000"]])
        // Where a view moved from and to is no range.
        #expect(claims("Dana Reyes: And overtime: I've moved from eight to ten percent.", format: .transcript) == [["dana", "10"]])
        #expect(claims("Dana Reyes: Overtime: eight to ten percent.", format: .transcript) == [["dana", "9"]])
        // Views given up or of then; an analyst by name; an unmarked question.
        #expect(claims("I was on-prem until January and I've given that up.", format: .email, from: "lee", inbound: true).isEmpty)
        #expect(claims("Dana Reyes: I'd wanted a one-year deal as a fallback, and I don't need it now.", format: .transcript).isEmpty)
        #expect(claims("- He was firmly on-prem in January", format: .markdown, from: "dana").isEmpty)
        #expect(claims("Lee Park: And for what it's worth, KLAS has Rosterline at twenty-two percent less overtime.", format: .transcript).isEmpty)
        #expect(claims("Lee Park: can the pilot start on nights only for the first two weeks", format: .transcript).isEmpty)
        #expect(claims("Lee Park: Can I just -- sorry -- on go-live I'm at thirty weeks.", format: .transcript) == [["lee", "30"]])
        // A log's date and the writer's initials are taken off; someone outside given a task holds nothing.
        #expect(claims("4/10  LP: Tobin to send the hybrid reference architecture to Dana.").isEmpty)
    }

    /// What a review of blind25's rules by reading found they would misread, each kept right.
    @Test func theBlind25RulesReviewed() {
        func claims(_ text: String, format: NoteFormat = .note, from: String? = nil, inbound: Bool? = nil,
                    people: [Stakeholder] = Self.people) -> [[String]] {
            NoteReader(taxonomy: Self.taxonomy, stakeholders: people)
                .read(NoteDocument(text: text, format: format, from: from, inbound: inbound)).claims.map { [$0.stakeholder, "\($0.value)"] }
        }
        let initials = [Stakeholder(id: "grace", name: "Grace Okafor", role: "it", influence: "influencer"),
                        Stakeholder(id: "dana", name: "Dana Brooks", role: "finance", influence: "influencer"),
                        Stakeholder(id: "maria", name: "Maria Evans", role: "procurement", influence: "influencer"),
                        Stakeholder(id: "rainer", name: "Rainer Albrecht", role: "finance", influence: "decision-maker")]
        // Initials that spell a word or an abbreviation, or stand inside a word in capitals, are nobody.
        #expect(claims("- DB stays onsite, hybrid only", people: initials).allSatisfy { $0[0] != "dana" })
        #expect(claims("GO-LIVE: 30 WEEKS", people: initials).allSatisfy { $0[0] != "grace" })
        #expect(claims("- Me: I'll hold the three-year cost at $1.2M.", format: .markdown, from: "rainer", people: initials).allSatisfy { $0[0] != "maria" })
        #expect(claims("- RA: three-year cost has to stay under $1.4M", format: .markdown, people: initials) == [["rainer", "1400000"]])
        // A log's date leaves its heading to be read as any heading.
        #expect(claims("4/10 RA: three-year cost under $1.4M", people: initials) == [["rainer", "1400000"]])
        // Views said then are views still: "clear in March that she wants".
        #expect(claims("Dana Reyes says she was clear in March that she wants HITRUST.") == [["dana", "hitrust-required"]])
        // Decimals after a score, a model or a move are no millions.
        #expect(claims("Dana Reyes: Rosterline scored 4.2 on TCO.", format: .transcript).allSatisfy { $0 != ["dana", "4200000"] })
        #expect(claims("Dana Reyes: I'll settle at 1.3 for the three-year cost.", format: .transcript) == [["dana", "1300000"]])
        // A rep who bullets every line with "+" starts each afresh.
        #expect(claims("+ Lee Park: on-prem only\n+ sent TCO model, $1.2M 3-yr").allSatisfy { $0 != ["lee", "1200000"] })
        // "=" heads no transcript turn.
        #expect(claims("Dana Reyes: So TCO = about 1.2 million.\nLee Park: We need on-prem.", format: .transcript).contains(["lee", "on-prem-required"]))
        // A range quoted "anywhere from … to …" stays a range; "Willing to share …" is no task.
        #expect(claims("Dana Reyes: Three-year cost quotes came in anywhere from $1.1M to $1.3M, and I'd budget $1.2M.", format: .transcript)
            .contains(["dana", "1200000"]))
        #expect(claims("Lee Park: Happy to confirm HITRUST is required.", format: .transcript) == [["lee", "hitrust-required"]])
    }

    @Test func aQuoteIsTheStatementAndAtMostThreeHundredCharacters() {
        let long = "Dana thinks the TCO is $120k " + String(repeating: "and more words ", count: 40) + "."
        let claim = only(long)
        #expect(claim?.quote.count == NoteReader.quoteLimit)
        #expect(only("Lee says hybrid. Dana budgeted $120k for the TCO.")?.quote == nil)
        #expect(read("Lee says hybrid is fine. Dana budgeted $120k for the TCO.").claims.map(\.quote)
            == ["Lee says hybrid is fine.", "Dana budgeted $120k for the TCO."])
    }

    /// Property: no statement without a `says:` phrase or a carried topic ever becomes a claim,
    /// whatever names and figures it holds.
    @Test func withoutATopicPhraseNothingIsClaimed() {
        var generator = SeededGenerator(seed: 27)
        let subjects = ["Dana", "Lee Park", "Chris Ng", "I", "We", "Zoë"]
        let verbs = ["thinks", "wants", "expects", "budgeted", "says"]
        let objects = ["$120k", "15%", "6 months", "a pilot on 4 West", "the MSA on our paper", "annual reviews of rules"]
        for _ in 0..<300 {
            let text = "\(subjects.randomElement(using: &generator)!) \(verbs.randomElement(using: &generator)!) \(objects.randomElement(using: &generator)!) for the unit."
            let claims = read(text).claims
            let named = text.contains("pilot") || text.contains("annual")
            #expect(named || claims.isEmpty, "\(text) → \(claims)")
        }
    }

    /// What blind27's first look got wrong, each read right now, and where each rule stops.
    @Test func theBlind27Rules() {
        func claims(_ text: String, format: NoteFormat = .transcript, from: String? = nil) -> [[String]] {
            read(text, format: format, from: from).claims.map { [$0.stakeholder, "\($0.value)"] }
        }
        // A view passed on after an initial's full stop is the view of the one it is about.
        #expect(claims("Chris D. says Lee wants a big bang.", format: .note) == [["lee", "big-bang"]])
        #expect(claims("Chris D. says he wants a big bang.", format: .note) == [["chris-d", "big-bang"]])
        // A task in minutes holds no view; a view in the same shape does.
        #expect(claims("- Dana: review the multi-year terms.", format: .markdown).isEmpty)
        #expect(claims("- Dana: multi-year terms are fine.", format: .markdown) == [["dana", "multi-year"]])
        // "Their" default, in a buyer's notes, is the vendor's offer.
        #expect(claims("Their hosting is SaaS by default, with a hybrid option.", format: .note, from: "dana").isEmpty)
        #expect(claims("I want SaaS by default.", format: .note, from: "dana") == [["dana", "cloud-only"]])
        // A figure denied past an aside about it; not one held firm past it.
        #expect(claims("Dana Reyes: Go-live in 90 days, which the vendor floated, won't happen.").isEmpty)
        #expect(claims("Dana Reyes: Payback in 18 months, which is what I said in March, is not negotiable.") == [["dana", "18"]])
        // A change measured since a day is no view of what it will be.
        #expect(claims("Dana says overtime there is up 6% since January.", format: .note).isEmpty)
        #expect(claims("Dana says overtime will come down 6% by January.", format: .note) == [["dana", "6"]])
        // "Our auditors" are outside the group, however far the verb is from them.
        #expect(claims("Lee Park: Our auditors at Grantham & Pike disagree and want HITRUST.").isEmpty)
        #expect(claims("Lee Park: Our auditors disagree, and I want HITRUST.") == [["lee", "hitrust-required"]])
        // What an option is quoted at is no choice of it.
        #expect(claims("Lee Park: The Epic module quote was $1.6M over three years.").isEmpty)
        #expect(claims("Lee Park: Extending the Epic module is what I want.") == [["lee", "extend-ehr-module"]])
        // Heard from no one in the group: nobody's view; heard of a stakeholder: theirs.
        #expect(claims("Lee Park: Kingsbridge got their go-live in 28 weeks, I heard.").isEmpty)
        #expect(claims("Lee Park: I hear you, but I want go-live in 28 weeks.") == [["lee", "28"]])
        #expect(claims("Lee Park: Dana wants go-live in 28 weeks, I heard.") == [["dana", "28"]])
        // "per Lee" at the end names the holder, unless the view is someone else's passed on.
        #expect(claims("Dana Reyes: Data residency: onshore only, per Lee.") == [["lee", "us-only"]])
        #expect(claims("Dana Reyes: The board wants it onshore only, per Lee.").isEmpty)
        #expect(claims("Dana Reyes: She'd like it onshore only (per Lee).").map(\.[0]) != ["lee"])
        // A purpose after the position denies something else; a denial before it still denies it.
        #expect(claims("Lee wants a big bang so nights aren't split across two systems.", format: .note) == [["lee", "big-bang"]])
        #expect(claims("Lee doesn't want a big bang so nights stay on paper.", format: .note).isEmpty)
        // A reason that opens the statement ends at its comma, before "a …".
        #expect(claims("Lee Park: Now that the exit clause is in, a three-year term is fine with me.") == [["lee", "multi-year"]])
        #expect(claims("Lee Park: I'll go fully hosted now that Dana has her HITRUST date.") == [["lee", "cloud-only"]])
    }

    /// What the first looks at blind28 and blind29 got wrong, each read right now, and where each rule stops.
    @Test func theBlind28And29Rules() {
        func claims(_ text: String, format: NoteFormat = .transcript, from: String? = nil) -> [[String]] {
            read(text, format: format, from: from).claims.map { [$0.stakeholder, "\($0.value)"] }
        }
        // In a buyer's notes, what is written under "What they showed us" is the vendor's, up to the next heading.
        let notes = "Rosterline demo -- my notes\n\nWhat they showed us\nPayback in 14 months for most customers.\nHosting is SaaS by default.\n\n"
            + "Where I am\nI want payback inside 18 months.\n\nWhat I heard\nLee wants hybrid."
        #expect(claims(notes, format: .note, from: "dana") == [["dana", "18"], ["lee", "hybrid"]])
        #expect(claims("WHAT RATHMORE TOLD US\nPayback in 14 months.", format: .note, from: "dana").isEmpty)
        #expect(claims("What Lee told us\nPayback in 14 months.", format: .note, from: "dana") == [["dana", "14"]])
        // A name inside a reason that opens the statement is not who holds the view after its comma.
        #expect(claims("Lee Park: Now that Dana's got her cap on increases, a three-year term is fine with me.") == [["lee", "multi-year"]])
        // What someone passes on, taken by the speaker as theirs; passed on alone, theirs.
        #expect(claims("Lee Park: And Dana tells me the hosted part will run in the US region, which is what I need.") == [["lee", "us-only"]])
        #expect(claims("Lee Park: And Dana tells me she needs it in the US region.") == [["dana", "us-only"]])
        // How it is billed is not the contract term; "how the pilot goes" is no call for a pilot.
        #expect(claims("Dana Reyes: Yes, annual invoicing in advance works for us.").isEmpty)
        #expect(claims("Dana Reyes: Yes, an annual term works for us.") == [["dana", "annual"]])
        #expect(claims("Lee Park: I'd still rather we start on an annual contract and see how the pilot goes.") == [["lee", "annual"]])
        #expect(claims("Lee Park: I'd rather we start with a pilot.") == [["lee", "pilot-first"]])
        // "get …" opens a task.
        #expect(claims("- Lee: get Epic's price for extending the EHR module.", format: .markdown).isEmpty)
        // An insurer, and auditors named between commas, are outside the group.
        #expect(claims("Lee said our cyber insurer expects HITRUST from anyone holding staff data.", format: .note).isEmpty)
        #expect(claims("Lee says the external auditors, Tarrant Bell, are comfortable with SOC 2.", format: .note).isEmpty)
        #expect(claims("Lee says he is comfortable with SOC 2.", format: .note) == [["lee", "soc2-sufficient"]])
        // A view passed on past a relative clause, said with "is fine with".
        #expect(claims("Lee says Dana, who runs finance, is fine with a standalone app.", format: .note) == [["dana", "standalone-ok"]])
        #expect(claims("Lee, who runs IT, is fine with a standalone app.", format: .note) == [["lee", "standalone-ok"]])
        // What the speaker says they said, then where they are now in the same turn: the latter.
        #expect(claims("Dana Reyes: On payback, I said two years at the meeting. Having been through your model, I think 20 months is achievable.")
            == [["dana", "20"]])
        #expect(claims("Dana Reyes: Payback: on Monday I said two years; having seen the demo, twenty months is nearer the mark.") == [["dana", "20"]])
        #expect(claims("Dana Reyes: On payback, I said two years at the meeting.") == [["dana", "24"]])
        #expect(claims("Dana Reyes: As I said, payback in two years. And go-live in 30 weeks.") == [["dana", "24"], ["dana", "30"]])
        // An outside paper that came through a stakeholder is still the outsider's; so is someone elsewhere by title.
        #expect(claims("Lee Park: The KLAS write-up Dana sent round says the average go-live is 30 weeks.").isEmpty)
        #expect(claims("Lee Park: Larkhill's procurement lead said their TCO came in at $2.05M.").isEmpty)
        #expect(claims("Lee Park: Legal's position is a three-year term.") == [["lee", "multi-year"]])
    }

    /// What a review by reading found the rules from blind27 to blind29 would misread, each kept right.
    @Test func theBlind27To29RulesReviewed() {
        func claims(_ text: String, format: NoteFormat = .transcript, from: String? = nil) -> [[String]] {
            read(text, format: format, from: from).claims.map { [$0.stakeholder, "\($0.value)"] }
        }
        // "Update:", "Get me …" open no task; a name taken off the line leaves one that does.
        #expect(claims("Update: Dana now wants hybrid.", format: .note) == [["dana", "hybrid"]])
        #expect(claims("Lee Park: Get me payback under 18 months and we have a deal.") == [["lee", "18"]])
        #expect(claims("- Dana: review the multi-year terms.", format: .markdown).isEmpty)
        // "Vendor requirements" are the buyer's; the writer's own line ends a vendor section.
        #expect(claims("Vendor requirements\n- Must be SaaS.", format: .note, from: "dana") == [["dana", "cloud-only"]])
        #expect(claims("What they showed us\nPayback in 14 months.\n\nI still want payback inside 18 months.", format: .note, from: "dana")
            == [["dana", "18"]])
        // A sentence with no full stop is no heading; a department's words are not the vendor's.
        #expect(claims("What they quoted us is way over budget\nI need the three-year cost under $1.2M", format: .note, from: "dana")
            == [["dana", "1200000"]])
        #expect(claims("What HR said\nWe need HITRUST.", format: .note, from: "dana") == [["dana", "hitrust-required"]])
        // "since" as a reason, or a view held since a day, is still a view.
        #expect(claims("Dana Reyes: We need the three-year cost under $1.2M since that's what we budgeted.") == [["dana", "1200000"]])
        #expect(claims("Lee has wanted payback inside 18 months since the kickoff.", format: .note) == [["lee", "18"]])
        // Only "now that" opens a reason whose name holds nothing.
        #expect(!claims("Lee Park: Because Dana wants payback inside 18 months, I'd push for phased.").contains(["lee", "18"]))
        // A figure held firm past an aside.
        #expect(claims("Dana Reyes: Three-year cost: $1.2M, which we agreed in March, can't be exceeded.") == [["dana", "1200000"]])
        #expect(claims("Dana Reyes: Three-year cost: $1.2M, which we agreed in March, isn't going to move.") == [["dana", "1200000"]])
        #expect(claims("Dana Reyes: Three-year cost: $900k, which you floated, isn't realistic.").isEmpty)
        // "which is what I expected" takes nothing from Dana.
        #expect(claims("Lee Park: Dana wants payback in 18 months, which is what I expected.") == [["dana", "18"]])
        // Choosing an option by its quote.
        #expect(claims("Lee prefers the hybrid bid.", format: .note) == [["lee", "hybrid"]])
        #expect(claims("Lee Park: The hybrid quote was $1.4M.").isEmpty)
        // The buyer's own board paper.
        #expect(claims("Dana Reyes: Our board paper puts the three-year cost at $1.2M.") == [["dana", "1200000"]])
        // "per Dana" after the seller's errand, or a department's view passed on.
        #expect(claims("Sent the three-year pricing, per Dana.", format: .note).isEmpty)
        #expect(!claims("Nursing wants a pilot first, per Lee.", format: .note).contains(["lee", "pilot-first"]))
        // Only the hearsay cue is taken out: the speaker's own "I" later still counts.
        #expect(claims("Lee Park: I hear what you're saying on payback, and I can live with 20 months.") == [["lee", "20"]])
        // The listener's deck after an opening phrase.
        #expect(claims("Dana Reyes: Payback is the big one for us. Looking at your deck, 14 months is what you're showing.").isEmpty)
        // A day's meeting is no one elsewhere.
        #expect(claims("Dana Reyes: Tuesday's meeting confirmed we're going hybrid.") == [["dana", "hybrid"]])
    }

    /// What the first looks at blind30 and blind31 got wrong, each read right now, and where each rule stops.
    @Test func theBlind30And31Rules() {
        func claims(_ text: String, format: NoteFormat = .transcript, from: String? = nil) -> [[String]] {
            read(text, format: format, from: from).claims.map { [$0.stakeholder, "\($0.value)"] }
        }
        // "THEIR PITCH" heads the vendor's words; "Their pitch, for the record:" opens a paragraph of them.
        #expect(claims("THEIR PITCH\n- Rufus: payback \"12 to 16 months\" for hospitals our size.\n- Go-live 26 wks is their standard.\n\nME\n- Pilot first.",
                       format: .note, from: "dana") == [["dana", "pilot-first"]])
        #expect(claims("Their pitch, for the record: Joss says customers our size go live in 24 weeks.", format: .note, from: "dana").isEmpty)
        // A reported question with "what".
        #expect(claims("Dana asked what our annual price escalator is.", format: .note).isEmpty)
        // Where the speaker started; what they would move off.
        #expect(claims("Dana Reyes: I came into this wanting a big bang, and I've listened to the nursing side all week.").isEmpty)
        #expect(claims("Dana Reyes: Then I'd move off annual.").isEmpty)
        #expect(claims("Dana Reyes: On Monday I wanted to flip the switch everywhere.").isEmpty)
        #expect(claims("Dana Reyes: I wanted to say I still want a big bang.") == [["dana", "big-bang"]])
        // "That's from Lee": the statement before was Lee's; "and mine": the speaker's too.
        #expect(claims("Dana Reyes: Nights still want a separate app on their phones. That's from Lee.") == [["lee", "standalone-ok"]])
        #expect(claims("Dana Reyes: Data residency -- US only. That's Lee's line and mine.") == [["lee", "us-only"], ["dana", "us-only"]])
        #expect(claims("Dana Reyes: Data residency -- US only. That's Lee's problem.") == [["dana", "us-only"]])
        // A name set aside with "whatever".
        #expect(claims("Dana Reyes: I don't think we should build our own, whatever Lee says -- off the shelf, please.") == [["dana", "buy-platform"]])
        // Where someone stood last month.
        #expect(claims("Lee was on HITRUST last month.", format: .note).isEmpty)
        #expect(claims("Lee has been on HITRUST since last month.", format: .note) == [["lee", "hitrust-required"]])
        // Setting a limit is a view; whom a view was told to is not its holder.
        #expect(claims("- Lee set the ceiling for the three-year cost at $1.25M, all in.", format: .markdown) == [["lee", "1250000"]])
        #expect(claims("Dana told the board she wants it phased by service line.", format: .note) == [["dana", "phased"]])
        // A pronoun after an initial opens a sentence of its own.
        #expect(claims("Lee has come down to 12% on overtime after a call with Chris D. He was at 14 last week.", format: .note) == [["lee", "12"]])
        // Short forms a document declares, for that document, and never a name someone else has.
        let declared = NoteReader(taxonomy: Self.taxonomy, stakeholders: Self.people + [
            Stakeholder(id: "alexandrina", name: "Alexandrina Morrow", role: "clinical", influence: "influencer"),
            Stakeholder(id: "ottoline", name: "Ottoline Vance", role: "finance", influence: "decision-maker")])
        func declaredClaims(_ text: String) -> [[String]] {
            declared.read(NoteDocument(text: text, format: .note)).claims.map { [$0.stakeholder, "\($0.value)"] }
        }
        #expect(declaredClaims("A note on names: \"Sandy\" is Alexandrina Morrow.\n- Sandy wants a big bang.") == [["alexandrina", "big-bang"]])
        #expect(declaredClaims("On the call: Ottoline Vance (CFO, goes by Otty).\nOtty wants payback inside 18 months.") == [["ottoline", "18"]])
        #expect(declaredClaims("- Sandy wants a big bang.").isEmpty)
        #expect(declaredClaims("\"Lee\" is Dana Reyes.\nLee wants a big bang.") == [["lee", "big-bang"]])
        // A statement about someone with no topic lends "he" or "she" to the next.
        #expect(claims("Money first. Dana did most of the talking. She said the three-year cost can't go over $950k.", format: .note)
            == [["dana", "950000"]])
        #expect(claims("Money first. I met Dana on Tuesday. She said the three-year cost can't go over $950k.", format: .note).isEmpty)
        // Someone's own people, reported by them, are theirs; other people's are not.
        #expect(claims("Lee said his night staff would take a separate app on their phones.", format: .note) == [["lee", "standalone-ok"]])
        #expect(claims("Lee said the night staff would take a separate app on their phones.", format: .note).isEmpty)
        // A ceiling with its denial further back; a decimal with "oh".
        #expect(claims("Dana Reyes: On overtime I would not budget for more than 8 percent.") == [["dana", "8"]])
        #expect(claims("Dana Reyes: I'd like to see the TCO at one point oh five.") == [["dana", "1050000"]])
        // A decimal said in words on a sum of money is millions, wherever it stands; in digits, only after a word that sets a sum.
        #expect(claims("Dana Reyes: My ceiling on the three-year cost is still one point two five.") == [["dana", "1250000"]])
        #expect(claims("Dana Reyes: Same from finance. One point three on the TCO.") == [["dana", "1300000"]])
        #expect(claims("Dana Reyes: The vendor scored 4.2 on TCO.").isEmpty)
        // Passing on a view and agreeing with it: both hold it.
        #expect(claims("Dana Reyes: Lee wants it phased by building, and I agree with him.") == [["lee", "phased"], ["dana", "phased"]])
        #expect(claims("Dana Reyes: Lee wants it phased by building, and I doubt him.") == [["lee", "phased"]])
        // "zero interest in" denies.
        #expect(claims("Lee said his team has zero interest in a homegrown tool, they'd buy off the shelf.", format: .note) == [["lee", "buy-platform"]])
    }

    /// What the first look at blind33 got wrong, each read right now, and where each rule stops.
    @Test func theBlind33Rules() {
        func claims(_ text: String, format: NoteFormat = .transcript, from: String? = nil) -> [[String]] {
            read(text, format: format, from: from).claims.map { [$0.stakeholder, "\($0.value)"] }
        }
        // Where a measure is running now is no view of what it will be.
        #expect(claims("Dana said nights are running at about 14% overtime right now.", format: .note).isEmpty)
        #expect(claims("Dana said overtime will come down about 14%.", format: .note) == [["dana", "14"]])
        // A firm by its name, telling someone; "our external auditors".
        #expect(claims("Wetherden Partners are apparently telling the board that the big bang is cheaper.", format: .note, from: "dana").isEmpty)
        #expect(claims("Lee Park: Our external auditors, Fenwick Lyle, have told us HITRUST would make the audit easier.").isEmpty)
        // "Same as Dana:" is the speaker agreeing in their own words.
        #expect(claims("Lee Park: Same as Dana Reyes: a three-year term, with the cap.") == [["lee", "multi-year"]])
        // A later clause of time names no holder.
        #expect(claims("Lee Park: I'd land the TCO at around one point two million, after Dana has had a go at you.") == [["lee", "1200000"]])
        // Where the speaker had been gives way to where they are in the same turn.
        #expect(claims("Dana Reyes: On the TCO, I'd been working to $1.2M. At $1.12M I'm comfortable.") == [["dana", "1120000"]])
        #expect(claims("Dana Reyes: On the TCO, I'd been working to $1.2M.") == [["dana", "1200000"]])
        // A statement that gives nothing but speaks of her again keeps her for the next line.
        #expect(claims("Dana wants a big bang; nights can't run two systems, she says.\nShe would also be happy with a separate app.", format: .note)
            == [["dana", "big-bang"], ["dana", "standalone-ok"]])
        // A range said in words, with the multiplier once.
        #expect(claims("Dana Reyes: The TCO range I gave still holds, one point two to one point four million.") == [["dana", "1300000"]])
    }

    /// The short forms people go by, learned from the blind sets (blind25, blind28, blind29, blind31,
    /// blind33): each names its person, in a group where no one else has that name.
    @Test(arguments: [("Małgorzata Wrona", "Gosia"), ("Archibald Fennimore", "Archie"), ("Bernadette Quill", "Bernie"),
                      ("Frederica Hale", "Freddie"), ("Matilda Orr", "Tilly"), ("Jessamy Vale", "Jess"), ("Theodora Quarrie", "Teddy")])
    func shortFormsNameTheirPerson(name: String, shortForm: String) {
        let reader = NoteReader(taxonomy: Self.taxonomy, stakeholders: Self.people + [
            Stakeholder(id: "named", name: name, role: "operations", influence: "influencer")])
        #expect(reader.read(NoteDocument(text: "\(shortForm) wants a big bang.", format: .note)).claims.map(\.stakeholder) == ["named"])
    }

    /// What a review by reading found the rules from blind30 to blind33 would misread, each kept right.
    @Test func theBlind30To33RulesReviewed() {
        func claims(_ text: String, format: NoteFormat = .note, from: String? = nil) -> [[String]] {
            read(text, format: format, from: from).claims.map { [$0.stakeholder, "\($0.value)"] }
        }
        // Only someone's people as a body are theirs: "her CFO" is not.
        #expect(claims("Dana said her CFO wants the three-year cost under $1M.").isEmpty)
        // "up and running inside 20 weeks" is a go-live view.
        #expect(claims("Dana wants go-live with every unit up and running inside 20 weeks.") == [["dana", "20"]])
        // The speaker's own question, answered: the answer holds.
        #expect(claims("When I asked what their three-year budget was, Dana said $1.2M.") == [["dana", "1200000"]])
        // Someone brought in takes the next pronoun.
        #expect(claims("Dana looped in her CFO. He wants payback inside 12 months.").isEmpty)
        #expect(!claims("Dana wants a big bang. Her CFO overruled her. He wants it phased.", from: "lee").contains(["dana", "phased"]))
        // Bare "move off" only as the speaker's own.
        #expect(claims("Lee won't move off on-prem.") == [["lee", "on-prem-required"]])
        #expect(claims("Dana Reyes: Then I'd move off annual.", format: .transcript).isEmpty)
        // A clause of time where the name speaks keeps its view.
        #expect(claims("Lee Park: I was in the room when Dana told the board she needs HITRUST.", format: .transcript) == [["dana", "hitrust-required"]])
        // "was firm … last week" is held.
        #expect(claims("Dana was firm on a $1.2M three-year cost last week.") == [["dana", "1200000"]])
        #expect(claims("Lee was on HITRUST last month.").isEmpty)
        // "That's Lee's number" after the speaker's own view: both.
        #expect(claims("Dana Reyes: I can live with 20 months on payback. That's Lee's number.", format: .transcript) == [["dana", "20"], ["lee", "20"]])
        // A "Their pitch," line with the writer's own views in it.
        #expect(claims("Their pitch, to be fair, was strong. But we need HITRUST and I want payback inside 18 months.", from: "dana")
            == [["dana", "hitrust-required"], ["dana", "18"]])
        // A score is no sum of money.
        #expect(claims("Lee Park: On the TCO I'd give them a three point five.", format: .transcript).isEmpty)
        // "zero interest in" denies only what follows it closely.
        #expect(claims("Lee has zero interest in a pilot and wants HITRUST from day one.") == [["lee", "hitrust-required"]])
        // "came into this needing … and that hasn't changed" is held.
        #expect(claims("We came into this needing HITRUST and that hasn't changed.", from: "lee") == [["lee", "hitrust-required"]])
        #expect(claims("I came into this wanting a big bang, and I've listened to the nursing side all week.", from: "lee").isEmpty)
        // Politeness after a day.
        #expect(claims("Following up from yesterday I wanted to confirm we need HITRUST.", from: "lee") == [["lee", "hitrust-required"]])
        #expect(claims("Yesterday I wanted to flip the switch everywhere.", from: "lee").isEmpty)
        // The board briefed, then its own view: the board's.
        #expect(claims("Dana briefed the board, who want the three-year cost under $1M.").isEmpty)
        // A declared short form is a name in mixed case, ending where the name ends.
        #expect(claims("Lee Park, who goes by HITRUST as the standard.\nLee wants a pilot.") == [["lee", "pilot-first"]])
    }

    /// What the first looks at blind34 and blind35 got wrong, each read right now, and where each rule stops.
    @Test func theBlind34And35Rules() {
        func claims(_ text: String, format: NoteFormat = .note, from: String? = nil) -> [[String]] {
            read(text, format: format, from: from).claims.map { [$0.stakeholder, "\($0.value)"] }
        }
        // Tasks that open with "write" or "ask" after a name.
        #expect(claims("- Dana: write up the hybrid architecture for Lee.", format: .markdown).isEmpty)
        #expect(claims("- Dana: ask Rosterline for three-year term pricing with a cap.", format: .markdown).isEmpty)
        // A figure or a view disowned.
        #expect(claims("Dana Reyes: Fifteen was me getting carried away.", format: .transcript).isEmpty)
        #expect(claims("I asked for it inside Epic on Monday and I was wrong.", from: "dana").isEmpty)
        // The figure that leads into its topic, not an aside after it.
        #expect(claims("Lee also said 270 days to go-live, which is his nine months again.") == [["lee", "38.5714"]])
        // Someone unnamed, by what they are.
        #expect(claims("The Stainforth man told Lee 12% on overtime is typical.", from: "dana").isEmpty)
        #expect(claims("A chief nurse I know at Kirkby Vale said their payback took 26 months.", from: "dana").isEmpty)
        #expect(claims("Lee says Dana (charge nurse, 4 North) is keen for her unit to be the pilot.") == [["dana", "pilot-first"]])
        // "heard him say" is the one just written about.
        #expect(claims("Lee is cautious on go-live. I have heard him say thirty-six weeks.", from: "dana") == [["lee", "36"]])
        // Passed on with when it was said between.
        #expect(claims("Dana told me yesterday afternoon that Lee now wants the pilot on 5 South.") == [["lee", "pilot-first"]])
        // An aside's own sentence ends at its bracket.
        #expect(claims("Lee pushed back on price. (He would say that.) I put our number on the table at $1.28M for three years, all in.").isEmpty)
        // Someone the group does not know, speaking; hearsay "I gather".
        #expect(claims("Xanthe claimed customers our size see overtime fall by 18% in the first year.", from: "dana").isEmpty)
        #expect(claims("Halberd & Pryce are telling the board to go hybrid, I gather.", from: "dana").isEmpty)
        // Where the speaker started, and where someone was until a day.
        #expect(claims("I went into Monday wanting everything inside Epic, and I've changed my mind.", from: "dana").isEmpty)
        #expect(claims("Dana Reyes: I was on annual until Thursday.", format: .transcript).isEmpty)
        // What the speaker says they were, or asked for, gives way to where they are now.
        #expect(claims("Dana Reyes: I asked for annual on Monday. With the cap written in, a three-year term is fine with me.", format: .transcript)
            == [["dana", "multi-year"]])
        // A sum in millions said in words is kept beside another sum.
        #expect(claims("Dana Reyes: The three-year cost is still capped at one point oh five, so we're eleven thousand apart.", format: .transcript)
            == [["dana", "1050000"]])
        // A name in a condition holds nothing.
        #expect(claims("Dana Reyes: I'm still for doing it in phases, with a pilot first if Lee wants one.", format: .transcript)
            == [["dana", "phased"]])
    }

    /// What a review by reading found the rules from blind34 and blind35 would misread, each kept right.
    @Test func theBlind34And35RulesReviewed() {
        func claims(_ text: String, format: NoteFormat = .note, from: String? = nil) -> [[String]] {
            read(text, format: format, from: from).claims.map { [$0.stakeholder, "\($0.value)"] }
        }
        #expect(claims("As promised, our three-year cost is capped at $1.2M.", from: "dana") == [["dana", "1200000"]])
        #expect(claims("Lee's a numbers guy and wants payback under 18 months.") == [["lee", "18"]])
        #expect(claims("Dana Reyes: As a nurse, I want the pilot on my own unit first.", format: .transcript) == [["dana", "pilot-first"]])
        #expect(claims("The HL7 work adds 6 weeks to go-live, so Lee's now at 34 weeks.").contains(["lee", "34"]))
        #expect(claims("I went into the pricing and I want the pilot on 5 South.", from: "dana") == [["dana", "pilot-first"]])
        #expect(claims("Dana Reyes: I was wrong about go-live, it'll be more like 40 weeks.", format: .transcript) == [["dana", "40"]])
        #expect(claims("Dana Reyes: Your model puts the three-year cost at 1.32, we need $1.2M.", format: .transcript) == [["dana", "1200000"]])
        #expect(claims("Dana Reyes sat in on the demo. She'd go hybrid, I gather.") == [["dana", "hybrid"]])
        #expect(!claims("Lee is still at 24 months on payback. Want to hear him say 18 before we forecast it.").contains(["lee", "18"]))
        #expect(claims("- Dana: ask is a three-year term with a 3% cap.", format: .markdown) == [["dana", "multi-year"]])
        #expect(claims("Lee (IT dir.) wants it on-prem.") == [["lee", "on-prem-required"]])
        #expect(claims("Dana Reyes: I was clear with the board: the three-year cost can't pass $1.3M. Ideally we land at $1.2M.", format: .transcript)
            .contains(["dana", "1300000"]))
    }

    /// What the first look at blind38 got wrong, each read right now, and where each rule stops.
    @Test func theBlind38Rules() {
        func claims(_ text: String, format: NoteFormat = .note, from: String? = nil) -> [[String]] {
            read(text, format: format, from: from).claims.map { [$0.stakeholder, "\($0.value)"] }
        }
        // A figure said to be wrong right after it; not the writer's comment through "which".
        #expect(claims("Dana thinks 8% on overtime is optimistic.").isEmpty)
        #expect(claims("Lee thinks go-live in under six months isn't realistic for nursing.").isEmpty)
        #expect(claims("Dana thinks 8% on overtime is fine.") == [["dana", "8"]])
        #expect(claims("payback Dana wants under a year which is aggressive") == [["dana", "12"]])
        // A figure denied by "won't be" before it; a ceiling still held.
        #expect(claims("Dana Reyes: Implementation won't be 22 weeks with on-prem, let's be honest.", format: .transcript).isEmpty)
        #expect(claims("Dana Reyes: The three-year cost can't be over $1.2M.", format: .transcript) == [["dana", "1200000"]])
        // A position answered with a no.
        #expect(claims("Dana Reyes: Epic-native, no.", format: .transcript).isEmpty)
        #expect(claims("Dana Reyes: Epic-native, no question.", format: .transcript) == [["dana", "epic-native-required"]])
        // Background, said as such.
        #expect(claims("Dana Reyes: For context, the three-year total on the agency contract we're replacing is $2.3M.", format: .transcript).isEmpty)
        // Talked round: the speaker's view now.
        #expect(claims("Lee talked me round and I'm comfortable at sixteen months on payback.", from: "dana") == [["dana", "16"]])
        // Someone's range, ward or view mentioned is not who holds this one.
        #expect(claims("I'll put 9% on overtime in the business case, which is the middle of Lee's range.", from: "dana") == [["dana", "9"]])
        #expect(claims("Dana wants a pilot on 6 North, Lee's ward, before anything else.") == [["dana", "pilot-first"]])
        #expect(claims("Dana is pushing for a phased rollout and said she'd take Lee's view on which ward goes first.") == [["dana", "phased"]])
        // An outside body's own limit, passed on.
        #expect(claims("Lee also said the board won't look at a three-year cost over $1.5M.").isEmpty)
        #expect(claims("Lee also said he won't look at a three-year cost over $1.5M.") == [["lee", "1500000"]])
    }
}

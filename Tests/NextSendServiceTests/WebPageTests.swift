import Foundation
import HTTPTypes
import HummingbirdTesting
import NextSend
import NextSendService
import Testing

/// The web page for reps through the router: sign-in, the session cookie, pages, forms with their
/// CSRF token, and escaping.
@Suite struct WebPageTests {
    let mercy = "mercy-valley-health"
    static let tokens = "alice 0123456789abcdef-alice\n"

    /// Signs in and returns the cookie header for later requests.
    func signIn(_ client: any TestClientProtocol) async throws -> HTTPFields {
        let response = try await client.post("/signin", form: "token=0123456789abcdef-alice")
        #expect(response.status == .seeOther)
        let cookie = try #require(response.headers[.setCookie])
        #expect(cookie.contains("HttpOnly"))
        #expect(cookie.contains("SameSite=Strict"))
        let value = try #require(cookie.split(separator: ";").first.map(String.init))
        return [.cookie: value]
    }

    /// The value of the first hidden `csrf` field on a page.
    func csrf(in page: String) throws -> String {
        let marker = #"name="csrf" value=""#
        let start = try #require(page.range(of: marker)).upperBound
        return String(page[start...].prefix { $0 != "\"" })
    }

    @Test func pagesNeedASignInWhenTheServerHasTokens() async throws {
        let fixture = try ServiceFixture(tokens: try AccessTokens.parse(WebPageTests.tokens, file: "tokens"))
        try await fixture.test { client in
            let home = try await client.get("/")
            #expect(home.status == .seeOther)
            #expect(home.headers[.location] == "/signin")
            #expect(try await client.get("/signin").text.contains(#"name="token""#))
            let wrong = try await client.post("/signin", form: "token=not-the-token")
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("That token is not one of this server"))
            #expect(wrong.headers[.setCookie] == nil)
            let cookie = try await signIn(client)
            let signedIn = try await client.get("/?owner=alice@rosterline.example", headers: cookie)
            #expect(signedIn.status == .ok)
            #expect(signedIn.text.contains("/groups/\(mercy)"))
            #expect(signedIn.text.contains("alice")) // who is signed in
        }
    }

    @Test func anOwnersGroupsAreListedMostUrgentFirst() async throws {
        let fixture = try ServiceFixture()
        let lines = try fixture.desk.groupLines(owner: "alice@rosterline.example", includeClosed: false, asOf: ServiceFixture.today)
        let expected = lines.sorted { ($0.urgency, $1.id) > ($1.urgency, $0.id) }.map(\.id)
        #expect(expected.count >= 2)
        try await fixture.test { client in
            let page = try await client.get("/?owner=alice@rosterline.example").text
            let positions = expected.map { page.range(of: "href=\"/groups/\($0)\"")?.lowerBound }
            #expect(positions.allSatisfy { $0 != nil })
            #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        }
    }

    @Test func markingAPickSentRecordsItAndThePicksChange() async throws {
        let fixture = try ServiceFixture(tokens: try AccessTokens.parse(WebPageTests.tokens, file: "tokens"))
        guard case let .picks(advice, _, _) = try fixture.desk.next(groupID: mercy, limit: 5, to: nil, asOf: ServiceFixture.today),
              let first = advice.recommendations.first else {
            Issue.record("mercy has picks")
            return
        }
        try await fixture.test { client in
            let cookie = try await signIn(client)
            let page = try await client.get("/groups/\(mercy)", headers: cookie)
            #expect(page.status == .ok)
            #expect(page.text.contains(first.reason.replacingOccurrences(of: "'", with: "&#39;")) || page.text.contains(first.asset.title))
            let token = try csrf(in: page.text)
            let recipients = first.sendTo.map { "to%5B%5D=\($0)" }.joined(separator: "&")
            // Without its CSRF token the form is refused and nothing is recorded.
            let forged = try await client.post("/groups/\(mercy)/sent", form: "asset=\(first.asset.id)&\(recipients)", headers: cookie)
            #expect(forged.status == .forbidden)
            #expect(forged.headers[.contentType] == "text/html; charset=utf-8")
            #expect(forged.text.contains("CSRF token is missing or stale"))
            #expect(try fixture.store.history(ofGroup: mercy).sends.allSatisfy { $0.provenance.recordedBy != "alice" })
            let sent = try await client.post("/groups/\(mercy)/sent", form: "csrf=\(token)&asset=\(first.asset.id)&\(recipients)", headers: cookie)
            #expect(sent.status == .seeOther)
            #expect(sent.headers[.location] == "/groups/\(mercy)")
            let after = try await client.get("/groups/\(mercy)", headers: cookie).text
            #expect(after.contains("Recorded: \(first.asset.title.replacingOccurrences(of: "'", with: "&#39;")) sent to"), "titles, not ids")
            let picks = after.components(separatedBy: "id=\"picks\"").last?.components(separatedBy: "</section>").first ?? ""
            #expect(!picks.contains("data-asset=\"\(first.asset.id)\"") || first.sendTo.count > 1)
            // The send is listed under what was sent, with the ways to mark it consumed or take it back.
            let sentSection = after.components(separatedBy: "id=\"sent\"").last?.components(separatedBy: "</section>").first ?? ""
            #expect(sentSection.contains("data-asset=\"\(first.asset.id)\""))
            #expect(sentSection.contains("Mark consumed") && sentSection.contains("Undo this send"))
        }
        let sends = try fixture.store.history(ofGroup: mercy).sends.filter { $0.provenance.recordedBy == "alice" }
        #expect(sends.map(\.asset) == [first.asset.id])
        #expect(sends.first?.to == first.sendTo)
    }

    @Test func anUnknownGroupIsANotFoundPageWithAWayBack() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            let page = try await client.get("/groups/mercy-valley-helth")
            #expect(page.status == .notFound)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.text.contains("did you mean &#39;mercy-valley-health&#39;?"), "\(page.text)")
            #expect(page.text.contains(#"<a href="/">"#))
            // The API still answers problems as JSON.
            let api = try await client.get("/v1/groups/mercy-valley-helth")
            #expect(api.status == .notFound)
            #expect(api.headers[.contentType] == "application/problem+json")
        }
    }

    @Test func aClaimFormTakesAFigureOrAPositionAndShowsMistakesOnThePage() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            let page = try await client.get("/groups/\(mercy)")
            let cookie: HTTPFields = [.cookie: try #require(page.headers[.setCookie]?.split(separator: ";").first.map(String.init))]
            let token = try csrf(in: page.text)
            let bad = try await client.post("/groups/\(mercy)/claim", form: "csrf=\(token)&stakeholder=lee&topic=tco&holds=a+lot", headers: cookie)
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("id=\"claim-error\""), "the error beside the box")
            #expect(bad.text.contains(#"value="a lot""#), "what was typed stays in the box")
            let good = try await client.post("/groups/\(mercy)/claim", form: "csrf=\(token)&stakeholder=lee&topic=tco&holds=130000", headers: cookie)
            #expect(good.status == .seeOther)
            #expect(try await client.get("/groups/\(mercy)", headers: cookie).text.contains("Recorded: Lee Park (IT) holds $130,000"))
            let dismiss = try await client.post("/groups/\(mercy)/dismiss", form: "csrf=\(token)&asset=tco-model&reason=has+it", headers: cookie)
            #expect(dismiss.status == .seeOther)
        }
        #expect(try fixture.store.history(ofGroup: mercy).dismissals.map(\.dismissal.asset) == ["tco-model"])
    }

    /// Pasted notes are shown as read before anything is saved; saving stores the claims with their
    /// quotes, which the page then lists; a quote is text, never markup.
    @Test func pastedNotesArePreviewedThenSaved() async throws {
        let fixture = try ServiceFixture()
        let note = "Ellen thinks payback will take about a year and a half. Tom asked if we could do a pilot first? <b>x</b>"
        let encoded = note.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        try await fixture.test { client in
            let page = try await client.get("/groups/\(mercy)")
            let cookie: HTTPFields = [.cookie: try #require(page.headers[.setCookie]?.split(separator: ";").first.map(String.init))]
            let token = try csrf(in: page.text)
            let preview = try await client.post("/groups/\(mercy)/notes", form: "csrf=\(token)&intent=preview&text=\(encoded)&date=2026-11-27", headers: cookie)
            #expect(preview.status == .ok)
            #expect(preview.text.contains("id=\"notes-preview\""))
            #expect(preview.text.contains("Read 1 claim from this note of 2026-11-27."))
            #expect(preview.text.contains("a question: “Tom asked if we could do a pilot first?”"))
            #expect(!preview.text.contains("<b>x</b>"))
            #expect(try fixture.store.history(ofGroup: mercy).claims.allSatisfy { $0.claim.quote == nil }, "a preview stores nothing")

            let saved = try await client.post("/groups/\(mercy)/notes", form: "csrf=\(token)&intent=save&text=\(encoded)&date=2026-11-27", headers: cookie)
            #expect(saved.status == .seeOther)
            let after = try await client.get("/groups/\(mercy)", headers: cookie).text
            #expect(after.contains("Read 1 claim from the note of 2026-11-27"))
            #expect(after.contains("“Ellen thinks payback will take about a year and a half.”"))

            let empty = try await client.post("/groups/\(mercy)/notes", form: "csrf=\(token)&intent=preview&text=+", headers: cookie)
            #expect(empty.status == .badRequest && empty.text.contains("id=\"notes-error\""))
        }
        let quoted = try fixture.store.history(ofGroup: mercy).claims.filter { $0.claim.quote != nil }
        #expect(quoted.map(\.claim.stakeholder) == ["ellen"] && quoted.first?.claim.value == .number(18))
    }

    @Test func namesAreShownAsTextNeverAsMarkup() async throws {
        let evil = """
            id: evil-corp
            account: "<script>alert(1)</script>"
            owner: "<b>mallory</b>"
            stakeholders:
              - {id: eve, name: "<img src=x onerror=alert(2)>", role: finance, influence: decision-maker}
              - {id: lee, name: Lee Park, role: it, influence: influencer}
            claims:
              - {stakeholder: eve, topic: tco, value: 120000, source: analyst, date: 2026-10-02}
              - {stakeholder: lee, topic: tco, value: 310000, source: peer, date: 2026-10-09}
            """
        let fixture = try ServiceFixture(extraGroup: evil)
        try await fixture.test { client in
            let list = try await client.get("/?owner=%3Cb%3Emallory%3C%2Fb%3E").text
            let group = try await client.get("/groups/evil-corp").text
            for page in [list, group] {
                #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                #expect(!page.contains("<script>"))
                #expect(!page.contains("<b>mallory"))
            }
            #expect(group.contains("&lt;img src=x onerror=alert(2)&gt;"))
            #expect(!group.contains("<img"))
        }
    }

    @Test func signingOutEndsTheSession() async throws {
        let fixture = try ServiceFixture(tokens: try AccessTokens.parse(WebPageTests.tokens, file: "tokens"))
        try await fixture.test { client in
            let cookie = try await signIn(client)
            let token = try csrf(in: try await client.get("/", headers: cookie).text)
            #expect(try await client.post("/signout", form: "csrf=\(token)", headers: cookie).status == .seeOther)
            #expect(try await client.get("/", headers: cookie).status == .seeOther)
        }
    }
}

/// A rep's whole day on the page, through the router: what was sent, marked consumed and taken
/// back, a dismissal undone, the catalog searched and any asset sent, claims as people type them.
@Suite struct RepDayPageTests {
    let mercy = "mercy-valley-health"

    func csrf(in page: String) throws -> String {
        let start = try #require(page.range(of: #"name="csrf" value=""#)).upperBound
        return String(page[start...].prefix { $0 != "\"" })
    }

    func section(_ id: String, of page: String) -> String {
        page.components(separatedBy: "id=\"\(id)\"").dropFirst().first?.components(separatedBy: "</section>").first ?? ""
    }

    @Test func sendingMarkingConsumedAndUndoingAreRetractionsKeptInTheHistory() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { (client: any TestClientProtocol) async throws in
            let page = try await client.get("/groups/\(mercy)?q=deployment")
            let cookie: HTTPFields = [.cookie: try #require(page.headers[.setCookie]?.split(separator: ";").first.map(String.init))]
            let token = try csrf(in: page.text)
            // Search finds assets that are not picks; send one to a person chosen by hand.
            let results = section("search", of: page.text)
            #expect(results.contains("class=\"result\""), "\(results.prefix(500))")
            #expect(try await client.get("/groups/\(mercy)?q=zzzqqq", headers: cookie).text.contains("id=\"no-results\""))
            let nobody = try await client.post("/groups/\(mercy)/sent", form: "csrf=\(token)&asset=deployment-options-primer", headers: cookie)
            #expect(nobody.status == .badRequest)
            #expect(nobody.text.contains("Not recorded as sent: Cloud, hybrid or on-premises"), "the asset by its title")
            #expect(nobody.text.contains("Tick at least one person to send it to."))
            let sent = try await client.post("/groups/\(mercy)/sent", form: "csrf=\(token)&asset=deployment-options-primer&to%5B%5D=jon", headers: cookie)
            #expect(sent.status == .seeOther)
            var after = try await client.get("/groups/\(mercy)", headers: cookie).text
            #expect(after.contains("Recorded: Cloud, hybrid or on-premises"), "\(after.components(separatedBy: "id=\"flash\"").last?.prefix(200) ?? "")")
            #expect(section("sent", of: after).contains("data-asset=\"deployment-options-primer\" data-date=\"2026-11-29\""))
            // Mark it consumed, then take the mark back, then take the send back.
            let consumed = try await client.post("/groups/\(mercy)/consumed",
                                                  form: "csrf=\(token)&asset=deployment-options-primer&date=2026-11-29&to%5B%5D=jon", headers: cookie)
            #expect(consumed.status == .seeOther)
            after = try await client.get("/groups/\(mercy)", headers: cookie).text
            #expect(after.contains("Marked consumed: Cloud, hybrid or on-premises"))
            #expect(section("sent", of: after).contains("Not consumed after all"))
            let unmark = try await client.post("/groups/\(mercy)/retract",
                                               form: "csrf=\(token)&kind=consumed&asset=deployment-options-primer&date=2026-11-29&to%5B%5D=jon",
                                               headers: cookie)
            #expect(unmark.status == .seeOther)
            #expect(try await client.get("/groups/\(mercy)", headers: cookie).text.contains("is no longer marked consumed"))
            let unsend = try await client.post("/groups/\(mercy)/retract",
                                               form: "csrf=\(token)&kind=send&asset=deployment-options-primer&date=2026-11-29&to%5B%5D=jon",
                                               headers: cookie)
            #expect(unsend.status == .seeOther)
            after = try await client.get("/groups/\(mercy)", headers: cookie).text
            #expect(after.contains("Took back the send of Cloud, hybrid or on-premises"))
            #expect(!section("sent", of: after).contains("data-asset=\"deployment-options-primer\""))
            // A dismissal, then its undo.
            #expect(try await client.post("/groups/\(mercy)/dismiss", form: "csrf=\(token)&asset=tco-model&reason=has+it", headers: cookie).status == .seeOther)
            after = try await client.get("/groups/\(mercy)", headers: cookie).text
            #expect(after.contains("Dismissed Three-year TCO model"))
            #expect(section("sent", of: after).contains("class=\"dismissed-row\" data-asset=\"tco-model\""))
            let undo = try await client.post("/groups/\(mercy)/retract", form: "csrf=\(token)&kind=dismissal&asset=tco-model&date=2026-11-29",
                                             headers: cookie)
            #expect(undo.status == .seeOther)
            after = try await client.get("/groups/\(mercy)", headers: cookie).text
            #expect(after.contains("is back among the picks"))
            #expect(section("picks", of: after).contains("data-asset=\"tco-model\""))
        }
        let history = try fixture.store.history(ofGroup: mercy)
        #expect(history.sends.contains { $0.asset == "deployment-options-primer" && $0.provenance.isRetracted })
        #expect(history.dismissals.contains { $0.dismissal.asset == "tco-model" && $0.provenance.isRetracted })
    }

    @Test func theClaimBoxReadsFiguresAndPositionsAsTyped() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { (client: any TestClientProtocol) async throws in
            let page = try await client.get("/groups/\(mercy)")
            let cookie: HTTPFields = [.cookie: try #require(page.headers[.setCookie]?.split(separator: ";").first.map(String.init))]
            let token = try csrf(in: page.text)
            for (typed, shown) in [("%24150k", "$150,000"), ("150%2C000", "$150,000"), ("1.2M", "$1,200,000")] {
                let claim = try await client.post("/groups/\(mercy)/claim", form: "csrf=\(token)&stakeholder=lee&topic=tco&holds=\(typed)", headers: cookie)
                #expect(claim.status == .seeOther, "\(typed)")
                #expect(try await client.get("/groups/\(mercy)", headers: cookie).text.contains(shown), "\(typed)")
            }
            let position = try await client.post("/groups/\(mercy)/claim", form: "csrf=\(token)&stakeholder=lee&topic=deployment&holds=Cloud-Only",
                                                  headers: cookie)
            #expect(position.status == .seeOther)
            let euros = try await client.post("/groups/\(mercy)/claim", form: "csrf=\(token)&stakeholder=lee&topic=tco&holds=%E2%82%AC150k", headers: cookie)
            #expect(euros.status == .badRequest)
            #expect(euros.text.contains("is in EUR; three-year total cost of ownership is counted in USD"), "the topic by its label")
            #expect(euros.text.contains("autofocus"), "the browser brings the box with the error into view")
            for (typed, why) in [("-5", "cannot be negative"), ("0x10", "expected a number")] {
                let bad = try await client.post("/groups/\(mercy)/claim", form: "csrf=\(token)&stakeholder=lee&topic=tco&holds=\(typed)", headers: cookie)
                #expect(bad.status == .badRequest && bad.text.contains(why), "\(typed)")
            }
            let months = try await client.post("/groups/\(mercy)/claim", form: "csrf=\(token)&stakeholder=lee&topic=implementation-time&holds=3+months",
                                               headers: cookie)
            #expect(months.status == .seeOther)
            #expect(try await client.get("/groups/\(mercy)", headers: cookie).text.contains("holds 13 weeks"))
            let prem = try await client.post("/groups/\(mercy)/claim", form: "csrf=\(token)&stakeholder=lee&topic=deployment&holds=on+prem", headers: cookie)
            #expect(prem.status == .seeOther, "a unique start of a position's words")
        }
    }

    @Test func browsersGetPagesForMistakesAndAnIcon() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { (client: any TestClientProtocol) async throws in
            let missing = try await client.get("/no-such-page", headers: [.accept: "text/html,application/xhtml+xml"])
            #expect(missing.status == .notFound)
            #expect(missing.headers[.contentType] == "text/html; charset=utf-8")
            #expect(try await client.get("/no-such-page").headers[.contentType] == "application/problem+json", "programs still get JSON")
            let icon = try await client.get("/favicon.ico")
            #expect(icon.status == .ok && icon.headers[.contentType] == "image/svg+xml")
            let page = try await client.get("/groups/\(mercy)")
            #expect(page.text.contains(##"<a class="skip" href="#main">"##))
            #expect(!page.text.contains("'nextsend "), "no command lines on the page")
            let closed = try await client.get("/groups/mercy-valley-helth")
            #expect(!closed.text.contains("nextsend group"), "\(closed.text)")
        }
    }

    @Test func aRepSignedInWithTheirTokenSeesTheirGroupsWithoutTheListOfReps() async throws {
        let tokens = try AccessTokens.parse("alice alice@rosterline.example 0123456789abcdef-alice\nmaria maria@x.example manager 0123456789abcdef-maria",
                                            file: "tokens")
        let fixture = try ServiceFixture(tokens: tokens)
        try await fixture.test { (client: any TestClientProtocol) async throws in
            let signIn = try await client.post("/signin", form: "token=0123456789abcdef-alice")
            let cookie: HTTPFields = [.cookie: try #require(signIn.headers[.setCookie]?.split(separator: ";").first.map(String.init))]
            let home = try await client.get("/", headers: cookie).text
            #expect(home.contains("Open groups of alice@rosterline.example"))
            #expect(!home.contains("id=\"owner\""), "a rep is not shown a list of every rep")
            let manager = try await client.post("/signin", form: "token=0123456789abcdef-maria")
            let managerCookie: HTTPFields = [.cookie: try #require(manager.headers[.setCookie]?.split(separator: ";").first.map(String.init))]
            let managerHome = try await client.get("/", headers: managerCookie).text
            #expect(managerHome.contains("id=\"owner\""), "a manager chooses among reps: \(managerHome)")
        }
    }

    /// The trend chart (issue #32): one point per week at the height of that week's open problems,
    /// a mark under each week with sends, and the direction in words; kept small.
    @Test func theGroupPageDrawsTheTrendWithItsSends() async throws {
        let fixture = try ServiceFixture()
        let trend = try fixture.desk.groupView(id: mercy, asOf: ServiceFixture.today).trend
        try await fixture.test { client in
            let page = try await client.get("/groups/\(mercy)").text
            let start = try #require(page.range(of: "<svg id=\"trend-chart\""))
            let end = try #require(page.range(of: "</svg>", range: start.upperBound..<page.endIndex))
            let svg = String(page[start.lowerBound..<end.upperBound])
            #expect(svg.utf8.count < 8_000, "an inline chart, not an image: \(svg.utf8.count) bytes")
            for week in trend.weeks {
                #expect(svg.contains("data-week=\"\(week.week)\" data-open=\"\(week.openProblems)\" data-sends=\"\(week.sends)\""), "\(week.week)")
            }
            #expect(svg.components(separatedBy: "class=\"send-mark\"").count - 1 == trend.weeks.filter { $0.sends > 0 }.count)
            #expect(page.contains("id=\"direction\" class=\"direction \(trend.direction.rawValue)\""))
        }
    }

    @Test func missingVoicesAreListedWithWhoToAsk() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            let page = try await client.get("/groups/cascade-behavioral-health").text
            #expect(page.contains("<section id=\"missing-voices\">"), "\(page)")
            #expect(page.contains("Procurement on supplier selection — ask Mei Tanaka (operations) who speaks for procurement"), "\(page)")
            #expect(!(try await client.get("/groups/\(mercy)").text.contains("id=\"missing-voices\"")), "every voice is there")
        }
    }

    /// `/team`: a manager sees every rep's open groups, sortable; a rep is refused.
    @Test func theTeamPageIsAManagersAndSorts() async throws {
        let tokens = try AccessTokens.parse("alice alice@rosterline.example 0123456789abcdef-alice\nmaria maria@x.example manager 0123456789abcdef-maria",
                                            file: "tokens")
        let fixture = try ServiceFixture(tokens: tokens)
        let lines = try fixture.desk.groupLines(owner: nil, includeClosed: false, asOf: ServiceFixture.today)
        try await fixture.test { (client: any TestClientProtocol) async throws in
            let rep = try await client.post("/signin", form: "token=0123456789abcdef-alice")
            let repCookie: HTTPFields = [.cookie: try #require(rep.headers[.setCookie]?.split(separator: ";").first.map(String.init))]
            var htmlCookie = repCookie
            htmlCookie[.accept] = "text/html"
            let refused = try await client.get("/team", headers: htmlCookie)
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("for managers"))
            let manager = try await client.post("/signin", form: "token=0123456789abcdef-maria")
            let cookie: HTTPFields = [.cookie: try #require(manager.headers[.setCookie]?.split(separator: ";").first.map(String.init))]
            #expect(try await client.get("/", headers: cookie).text.contains("href=\"/team\""))
            let byRep = try await client.get("/team", headers: cookie).text
            let rows = { (page: String) in page.components(separatedBy: "data-group=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) } }
            #expect(rows(byRep) == lines.sorted { ($0.owner, $0.id) < ($1.owner, $1.id) }.map(\.id))
            let byStall = rows(try await client.get("/team?sort=stall", headers: cookie).text)
            #expect(byStall.first == lines.max { ($0.longestStallDays, $1.id) < ($1.longestStallDays, $0.id) }?.id)
            let byMissing = rows(try await client.get("/team?sort=missing", headers: cookie).text)
            #expect(byMissing.first == "cascade-behavioral-health")
            let byTrend = try await client.get("/team?sort=trend", headers: cookie).text
            let firstDiverging = lines.filter { $0.direction == .diverging }.map(\.id).sorted()
            #expect(firstDiverging.isEmpty || rows(byTrend).first.map(firstDiverging.contains) == true)
            #expect(byTrend.contains("\(lines.count) open groups"))
            #expect(try await client.get("/team?sort=nonsense", headers: cookie).status == .badRequest)
        }
    }
}


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
            #expect(after.contains("Recorded: \(first.asset.id) sent to"))
            #expect(!after.contains("data-asset=\"\(first.asset.id)\"") || first.sendTo.count > 1)
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
            #expect(bad.text.contains("id=\"error\""))
            let good = try await client.post("/groups/\(mercy)/claim", form: "csrf=\(token)&stakeholder=lee&topic=tco&holds=130000", headers: cookie)
            #expect(good.status == .seeOther)
            #expect(try await client.get("/groups/\(mercy)", headers: cookie).text.contains("Recorded: Lee Park (IT) holds $130,000"))
            let dismiss = try await client.post("/groups/\(mercy)/dismiss", form: "csrf=\(token)&asset=tco-model&reason=has+it", headers: cookie)
            #expect(dismiss.status == .seeOther)
        }
        #expect(try fixture.store.history(ofGroup: mercy).dismissals.map(\.dismissal.asset) == ["tco-model"])
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

import Foundation
import HTTPTypes
import HummingbirdTesting
import NextSend
import NextSendReports
import NextSendService
import NextSendStore
import Testing

/// Tokens kept in the database (`nextsend token add`) and web sessions shared by every instance:
/// two servers over one database stand for two instances behind a load balancer.
@Suite struct StoredAccessTests {
    let mercy = "mercy-valley-health"

    @Test func aRepSignedInOnOneInstanceIsServedByAnother() async throws {
        let fixture = try ServiceFixture()
        let (token, _) = try fixture.desk.addToken(name: "alice", rep: "alice@rosterline.example", isManager: false, expires: nil,
                                                   asOf: ServiceFixture.today)
        let first = try fixture.server(), second = try fixture.server()
        try await first.makeApplication().test(.router) { a in
            try await second.makeApplication().test(.router) { b in
                // A stored token closes the server: no token, no page.
                #expect(try await b.get("/").headers[.location] == "/signin")
                let signIn = try await a.post("/signin", form: "token=\(token)")
                #expect(signIn.status == .seeOther)
                #expect(signIn.headers[.location] == "/?owner=alice%40rosterline.example")
                let cookieValue = try #require(signIn.headers[.setCookie]?.split(separator: ";").first.map(String.init))
                let cookie: HTTPFields = [.cookie: cookieValue]

                // The other instance knows the session, and its forms' CSRF token.
                let page = try await b.get("/groups/\(mercy)", headers: cookie)
                #expect(page.status == .ok)
                let csrf = try #require(page.text.range(of: #"name="csrf" value=""#).map { String(page.text[$0.upperBound...].prefix { $0 != "\"" }) })
                guard case let .picks(advice, _, _) = try fixture.desk.next(groupID: mercy, limit: 5, to: nil, asOf: ServiceFixture.today),
                      let pick = advice.recommendations.first else {
                    Issue.record("mercy has picks")
                    return
                }
                let recipients = pick.sendTo.map { "to%5B%5D=\($0)" }.joined(separator: "&")
                let sent = try await a.post("/groups/\(mercy)/sent", form: "csrf=\(csrf)&asset=\(pick.asset.id)&\(recipients)", headers: cookie)
                #expect(sent.status == .seeOther)
                #expect(try fixture.store.history(ofGroup: mercy).sends.contains { $0.provenance.recordedBy == "alice" })
                // The one-time message follows the rep to whichever instance serves the next page, once.
                let after = try await b.get("/groups/\(mercy)", headers: cookie).text
                #expect(after.contains("Recorded: "), "the flash set on one instance shows on the other")
                #expect(!(try await a.get("/groups/\(mercy)", headers: cookie).text.contains("Recorded: ")))

                // The database holds hashes, never the cookie or the token.
                let cookieID = String(cookieValue.split(separator: "=", maxSplits: 1)[1])
                #expect(try fixture.store.webSession(idHash: cookieID) == nil)
                #expect(try fixture.store.webSession(idHash: Desk.secretHash(cookieID))?.caller == "alice")
                #expect(try fixture.store.accessTokens().allSatisfy { $0.tokenHash != token })

                // Signing out on one instance signs out on both.
                let signOutPage = try await b.get("/", headers: cookie)
                let signOutCSRF = try #require(signOutPage.text.range(of: #"name="csrf" value=""#)
                    .map { String(signOutPage.text[$0.upperBound...].prefix { $0 != "\"" }) })
                #expect(try await b.post("/signout", form: "csrf=\(signOutCSRF)", headers: cookie).status == .seeOther)
                #expect(try await a.get("/", headers: cookie).headers[.location] == "/signin")
            }
        }
    }

    @Test func storedTokensOpenTheAPIUntilTheyExpireOrAreRevoked() async throws {
        let fixture = try ServiceFixture()
        let (token, _) = try fixture.desk.addToken(name: "crm-sidebar", rep: nil, isManager: false, expires: nil, asOf: ServiceFixture.today)
        let (expired, _) = try fixture.desk.addToken(name: "old-script", rep: nil, isManager: false, expires: Day("2026-11-28"),
                                                     asOf: Day("2026-11-01")!)
        try await fixture.test { client in
            #expect(try await client.get("/v1/groups").status == .unauthorized)
            #expect(try await client.get("/v1/groups", headers: [.authorization: "Bearer \(token)"]).status == .ok)
            let stale = try await client.get("/v1/groups", headers: [.authorization: "Bearer \(expired)"])
            #expect(stale.status == .unauthorized, "expired on 2026-11-28, today is 2026-11-29")
            #expect(stale.detail.contains("has expired"))
            // Writes are recorded under the token's name.
            let body = #"{"stakeholder": "dana", "topic": "tco", "value": 150000, "date": "2026-11-29"}"#
            #expect(try await client.post("/v1/groups/\(mercy)/claims", json: body, headers: [.authorization: "Bearer \(token)"]).status == .created)
            #expect(try fixture.store.history(ofGroup: mercy).claims.contains { $0.provenance.recordedBy == "crm-sidebar" })
        }
        #expect(try fixture.store.accessTokens().first { $0.name == "crm-sidebar" }?.lastUsed == ServiceFixture.today)
        // Revoked: a fresh instance (no five-second memory) refuses it.
        try fixture.desk.revokeToken(name: "crm-sidebar")
        try await fixture.test { client in
            let response = try await client.get("/v1/groups", headers: [.authorization: "Bearer \(token)"])
            #expect(response.status == .unauthorized)
        }
    }

    @Test func aPublicAddressIsAllowedWhenTheDatabaseHoldsAToken() throws {
        let fixture = try ServiceFixture()
        #expect(throws: ServeError.self) { try NextSendServer(configuration: .init(store: fixture.store, host: "0.0.0.0")) }
        _ = try fixture.desk.addToken(name: "ops", rep: nil, isManager: false, expires: nil, asOf: ServiceFixture.today)
        _ = try NextSendServer(configuration: .init(store: fixture.store, host: "0.0.0.0"))
    }
}

import Foundation
import HTTPTypes
import HummingbirdTesting
import NextSend
import NextSendReports
import NextSendService
import NextSendStore
import Testing

/// One number must never take the service down: extreme figures are refused where they enter,
/// and a figure already stored (by a version before that check) still renders everywhere.
@Suite struct ExtremeNumberTests {
    let mercy = "mercy-valley-health"

    @Test(arguments: ["1e308", "1e19", "-1e16", "1.7976931348623157e308"])
    func theAPIRefusesAFigureOutOfRangeAndKeepsServing(figure: String) async throws {
        let fixture = try ServiceFixture()
        let before = try #require(try fixture.store.group(id: mercy)).claims.count
        try await fixture.test { client in
            let claim = try await client.post("/v1/groups/\(mercy)/claims", json: #"{"stakeholder": "lee", "topic": "tco", "value": \#(figure)}"#)
            #expect(claim.status == .badRequest)
            #expect(claim.detail.contains("out of range"), "\(claim.text)")
            #expect(try await client.get("/v1/groups/\(mercy)").status == .ok)
            #expect(try await client.get("/v1/groups/\(mercy)/next").status == .ok)
        }
        #expect(try #require(try fixture.store.group(id: mercy)).claims.count == before)
    }

    @Test(arguments: ["99999999999999999999", "1e19", "$2000000000000000"])
    func theClaimBoxRefusesAFigureOutOfRangeBesideTheField(figure: String) async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            let page = try await client.get("/groups/\(mercy)")
            let cookie: HTTPFields = [.cookie: try #require(page.headers[.setCookie]?.split(separator: ";").first.map(String.init))]
            let token = try #require(page.text.range(of: #"name="csrf" value=""#).map { String(page.text[$0.upperBound...].prefix { $0 != "\"" }) })
            let typed = figure.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? figure
            let bad = try await client.post("/groups/\(mercy)/claim", form: "csrf=\(token)&stakeholder=lee&topic=tco&holds=\(typed)", headers: cookie)
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("out of range"))
            #expect(try await client.get("/groups/\(mercy)", headers: cookie).status == .ok)
        }
    }

    /// A figure past the limit that reached the store anyway (only a caller skipping the desk can
    /// put one there now) still renders on every surface: the formatters are total.
    @Test(arguments: [1e308, -1e308, 9.3e18, 1e16])
    func aStoredFigureOutOfRangeStillRenders(figure: Double) async throws {
        let fixture = try ServiceFixture()
        let poison = Claim(stakeholder: "lee", topic: "tco", value: .number(figure), source: "rep", date: ServiceFixture.today)
        _ = try fixture.store.recordClaim(poison, to: mercy, by: Recorder("old-version"))
        try await fixture.test { client in
            for uri in ["/v1/groups/\(mercy)", "/v1/groups/\(mercy)/next", "/v1/groups?owner=alice@rosterline.example", "/groups/\(mercy)",
                        "/?owner=alice@rosterline.example"] {
                let response = try await client.get(uri)
                #expect(response.status == .ok, "\(uri): \(response.text.prefix(300))")
            }
        }
    }
}

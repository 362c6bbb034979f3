import Foundation
import HTTPTypes
import HummingbirdTesting
import NextSend
import NextSendReports
import NextSendService
import NextSendStore
import Testing

/// The API says what it did, and only that: every answer here was once a different one.
@Suite struct APITruthTests {
    let mercy = "mercy-valley-health"

    static var repository: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }

    @Test func consumedAndRetractionsMirrorTheCLI() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { (client: any TestClientProtocol) async throws in
            let sent = try await client.post("/v1/groups/\(mercy)/touches", json: #"{"asset": "tco-model", "to": ["dana"], "date": "2026-11-20"}"#)
            #expect(sent.status == .created)
            let consumed = try await client.post("/v1/groups/\(mercy)/consumed", json: #"{"asset": "tco-model", "recipients": ["dana"]}"#)
            #expect(consumed.status == .created, "\(consumed.text)")
            #expect(consumed.text.contains("Marked consumed: Three-year TCO model"), "titles, not ids: \(consumed.text)")
            #expect(try await client.post("/v1/groups/\(mercy)/consumed", json: #"{"asset": "tco-model", "recipients": ["dana"]}"#).status == .ok,
                    "a second mark changes nothing")
            let nobody = try await client.post("/v1/groups/\(mercy)/consumed", json: #"{"asset": "tco-model", "recipients": ["zed"]}"#)
            #expect(nobody.status == .badRequest)
            #expect(nobody.detail.hasPrefix("recipients: no stakeholder 'zed'"), "\(nobody.detail)")
        }
        #expect(try fixture.store.history(ofGroup: mercy).sends.contains { $0.asset == "tco-model" && $0.date == Day("2026-11-20")! && $0.consumed })
        try await fixture.test { (client: any TestClientProtocol) async throws in
            let undo = try await client.post("/v1/groups/\(mercy)/retractions",
                                             json: #"{"kind": "consumed", "asset": "tco-model", "to": ["dana"], "date": "2026-11-20"}"#)
            #expect(undo.status == .created, "\(undo.text)")
            let unsend = try await client.post("/v1/groups/\(mercy)/retractions",
                                               json: #"{"kind": "send", "asset": "tco-model", "to": ["dana"], "date": "2026-11-20"}"#)
            #expect(unsend.status == .created, "\(unsend.text)")
            let again = try await client.post("/v1/groups/\(mercy)/retractions",
                                              json: #"{"kind": "send", "asset": "tco-model", "to": ["dana"], "date": "2026-11-20"}"#)
            #expect(again.status == .notFound)
            let missing = try await client.post("/v1/groups/\(mercy)/retractions", json: #"{"kind": "claim", "stakeholder": "lee"}"#)
            #expect(missing.status == .badRequest)
            #expect(missing.detail.hasPrefix("topic: "), "\(missing.detail)")
            let fromFile = try await client.post("/v1/groups/\(mercy)/retractions", json: #"{"kind": "stakeholder", "stakeholder": "lee"}"#)
            #expect(fromFile.status == .conflict, "lee came from the group file: \(fromFile.text)")
        }
        let sends = try fixture.store.history(ofGroup: mercy).sends.filter { $0.asset == "tco-model" && $0.date == Day("2026-11-20")! }
        #expect(sends.allSatisfy { $0.provenance.isRetracted && !$0.consumed }, "\(sends)")
    }

    @Test func aRepeatedSendAnswersWithTheChannelStored() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { (client: any TestClientProtocol) async throws in
            let first = try await client.post("/v1/groups/\(mercy)/touches", json: #"{"asset": "tco-model", "to": ["dana"], "date": "2026-11-20", "channel": "email"}"#)
            #expect(first.status == .created)
            let again = try await client.post("/v1/groups/\(mercy)/touches", json: #"{"asset": "tco-model", "to": ["dana"], "date": "2026-11-20", "channel": "meeting"}"#)
            #expect(again.status == .ok)
            #expect((again.json as? [String: Any])?["channel"] as? String == "email", "\(again.text)")
        }
    }

    @Test func unknownFieldsEmptyNamesAndDuplicatesAreRefusedAsTheSpecSays() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { (client: any TestClientProtocol) async throws in
            let unknown = try await client.post("/v1/groups/\(mercy)/claims", json: #"{"stakeholder": "lee", "topic": "tco", "value": 1, "bogus": 1}"#)
            #expect(unknown.status == .badRequest)
            #expect(unknown.detail.contains("bogus"), "\(unknown.detail)")
            #expect(try await client.post("/v1/groups/\(mercy)/touches", json: #"{"asset": "tco-model", "to": []}"#).status == .badRequest)
            #expect(try await client.post("/v1/groups/\(mercy)/events", json: #"{"job": "", "type": "started"}"#).status == .badRequest)
            let duplicate = try await client.post("/v1/groups/\(mercy)/stakeholders",
                                                  json: #"{"id": "lee", "name": "Lee Again", "role": "it", "influence": "user"}"#)
            #expect(duplicate.status == .conflict, "\(duplicate.text)")
            #expect(try await client.get("/v1/assets?job=").status == .badRequest)
        }
    }

    @Test func aMethodARouteDoesNotTakeIs405WithAllow() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { (client: any TestClientProtocol) async throws in
            let delete = try await client.execute(uri: "/v1/groups", method: .delete, headers: [:], body: nil)
            #expect(delete.status == .methodNotAllowed)
            #expect(delete.headers[.allow] == "GET, HEAD")
            let get = try await client.get("/v1/groups/\(mercy)/claims")
            #expect(get.status == .methodNotAllowed)
            #expect(get.headers[.allow] == "POST")
            #expect(try await client.execute(uri: "/signin", method: .put, headers: [:], body: nil).headers[.allow] == "GET, POST, HEAD")
            #expect(try await client.get("/v1/nothing-here").status == .notFound)
        }
    }

    /// Every path and method of openapi.yaml is in the 405 table, and nothing else under /v1.
    @Test func theMethodTableMatchesTheSpec() throws {
        let spec = try String(contentsOf: APITruthTests.repository.appendingPathComponent("Sources/NextSendService/openapi.yaml"), encoding: .utf8)
        var declared: [String: Set<String>] = [:]
        var path: String?
        for line in spec.split(separator: "\n") {
            if line.hasPrefix("  /"), line.hasSuffix(":") { path = String(line.dropFirst(2).dropLast()) }
            else if let current = path, line.hasPrefix("    "), !line.hasPrefix("     "),
                    let method = ["get", "post", "put", "delete", "patch"].first(where: { line == "    \($0):" }) {
                declared[current, default: []].insert(method.uppercased())
            } else if line.hasPrefix("components:") { break }
        }
        #expect(declared.count == 16)
        for (template, methods) in declared {
            let sample = template.replacingOccurrences(of: "{id}", with: "x")
            #expect(Set(NextSendServerTestHooks.methods(for: sample) ?? []) == methods, "\(template)")
        }
    }

    @Test func idsAreMatchedExactly() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { (client: any TestClientProtocol) async throws in
            #expect(try await client.get("/v1/assets/tco-model").status == .ok)
            #expect(try await client.get("/v1/assets/tco-model%00.md").status == .notFound)
            #expect(try await client.get("/v1/groups/\(mercy)%00x").status == .notFound)
        }
    }

    @Test func aChunkedBodyOverTheLimitIs413() async throws {
        let fixture = try ServiceFixture()
        try await fixture.live(maxBodyBytes: 4096) { (port: Int) async throws in
            let chunk = String(repeating: "a", count: 3000)
            let chunked = "\(String(3000, radix: 16))\r\n\(chunk)\r\n\(String(3000, radix: 16))\r\n\(chunk)\r\n0\r\n\r\n"
            // The server answers before it has read the whole body and closes; when the unread rest
            // makes the kernel reset the connection, the answer can be lost on the way (status 0).
            // A lost answer is asked again; any answer that arrives must be 413.
            var answer = RawHTTP.Answer(status: 0, head: "", body: "")
            for _ in 0..<5 where answer.status == 0 {
                answer = try await RawHTTP.send("POST /v1/groups/\(mercy)/claims HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked, port: port)
            }
            #expect(answer.status == 413, "\(answer.head)")
        }
    }

    @Test func readinessAnswersWithoutAToken() async throws {
        let fixture = try ServiceFixture(tokens: try AccessTokens.parse("alice 0123456789abcdef-alice", file: "tokens"))
        try await fixture.test { (client: any TestClientProtocol) async throws in
            #expect(try await client.get("/readyz").status == .ok)
            #expect(try await client.get("/v1/groups").status == .unauthorized)
        }
    }

    @Test func theBinaryAndTheSpecShareOneVersion() throws {
        let spec = try String(contentsOf: APITruthTests.repository.appendingPathComponent("Sources/NextSendService/openapi.yaml"), encoding: .utf8)
        #expect(spec.contains("\n  version: \(NextSendVersion.current)\n"))
    }
}

/// What a new integrator found on a first afternoon with the API.
@Suite struct APIFirstAfternoonTests {
    let mercy = "mercy-valley-health"

    @Test func answersAreForSomeoneWithoutACommandLine() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { (client: any TestClientProtocol) async throws in
            let missing = try await client.post("/v1/groups/\(mercy)/retractions", json: #"{"kind": "send", "asset": "tco-model", "to": ["dana"], "date": "2026-11-01"}"#)
            #expect(missing.status == .notFound)
            #expect(missing.detail.hasPrefix("nothing to retract: the send of tco-model"), "\(missing.detail)")
            #expect(!missing.detail.contains("'nextsend "), "no command lines for an integrator")
            let event = try await client.post("/v1/groups/\(mercy)/retractions", json: #"{"kind": "event", "job": "validation"}"#)
            #expect(event.detail.contains("retracting an event needs"), "\(event.detail)")
            let badJob = try await client.post("/v1/groups/\(mercy)/events", json: #"{"job": "validaton", "type": "started"}"#)
            #expect(badJob.detail.contains("must be one of problem-identification"), "\(badJob.detail)")
            let empty = try await client.post("/v1/groups/\(mercy)/stakeholders", json: #"{"id": "zz", "name": "", "role": "it", "influence": "user"}"#)
            #expect(empty.status == .badRequest && empty.detail.hasPrefix("name: must not be empty"), "\(empty.text)")
            #expect(try await client.post("/v1/groups/\(mercy)/touches", json: #"{"asset": "tco-model", "to": ["dana"], "channel": ""}"#).status == .badRequest)
            #expect(try await client.get("/v1/groups?owner=").status == .ok, "an empty owner is every owner")
            #expect(try await client.execute(uri: "/healthz", method: .head, headers: [:], body: nil).status == .ok, "HEAD for uptime checks")
            let page = try await client.get("/no-such-page", headers: [.accept: "text/html"])
            #expect(page.text.contains("There is no page at this address."))
        }
    }

    @Test func dismissingAgainWithoutAReasonKeepsTheReason() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { (client: any TestClientProtocol) async throws in
            #expect(try await client.post("/v1/groups/\(mercy)/dismissals", json: #"{"asset": "tco-model", "reason": "they built their own"}"#).status == .created)
            #expect(try await client.post("/v1/groups/\(mercy)/dismissals", json: #"{"asset": "tco-model"}"#).status == .ok)
            let long = String(repeating: "x", count: 501)
            #expect(try await client.post("/v1/groups/\(mercy)/dismissals", json: #"{"asset": "tco-model", "reason": "\#(long)"}"#).status == .badRequest)
        }
        #expect(try fixture.store.history(ofGroup: mercy).dismissals.last?.dismissal.reason == "they built their own")
    }

    @Test func aMalformedBodyIs400NotAServerError() async throws {
        let fixture = try ServiceFixture()
        try await fixture.live { (port: Int) async throws in
            let chunk = try await RawHTTP.send("POST /v1/groups/\(mercy)/dismissals HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\nZZZ\r\n{}\r\n0\r\n\r\n", port: port)
            #expect(chunk.status == 400 || chunk.status == 0, "\(chunk.head)")
            #expect(chunk.status != 500)
        }
    }
}

/// A rep names people as people, not by CRM ids.
@Suite struct NextToByNameTests {
    let mercy = "mercy-valley-health"

    @Test(arguments: ["lee", "Lee Park", "lee park", "Lee", "Park"])
    func nextForOnePersonTakesTheirIdOrTheirName(to: String) async throws {
        let fixture = try ServiceFixture()
        let expected = try fixture.desk.next(groupID: mercy, limit: 3, to: "lee", asOf: ServiceFixture.today).report(explain: false)
        let given = try fixture.desk.next(groupID: mercy, limit: 3, to: to, asOf: ServiceFixture.today).report(explain: false)
        #expect(try cliJSON(given) == cliJSON(expected), "\(to)")
    }

    @Test func anUnknownNameListsPeopleWithTheirIds() throws {
        let desk = try ServiceFixture().desk
        let error = try #require(throws: DeskError.self) { try desk.next(groupID: mercy, limit: 3, to: "Zed", asOf: ServiceFixture.today) }
        #expect(error.field == "to")
        #expect(error.message.contains("Lee Park (lee)"), "\(error)")
    }
}

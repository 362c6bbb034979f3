import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NextSend
import NextSendReports
import NextSendService
import NextSendStore
import Testing

/// Every route of openapi.yaml through the router: the CLI's JSON byte for byte, each status and
/// each error with the CLI's message, and writes that change exactly what they say.
@Suite struct APIRouteTests {
    let mercy = "mercy-valley-health"

    @Test func healthAnswersWhenTheDatabaseOpens() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            let response = try await client.get("/healthz")
            #expect(response.status == .ok)
            #expect((response.json as? [String: Any])?["status"] as? String == "ok")
        }
    }

    @Test func readsGiveTheCLIsJSONByteForByte() async throws {
        let fixture = try ServiceFixture()
        let desk = fixture.desk
        let day = ServiceFixture.today
        // A won deal: next has no picks and says why.
        _ = try desk.setStatus(groupID: "harborview-medical-group", .won, on: day, by: Recorder("bob"))
        let expected = [
            "/v1/groups/harborview-medical-group/next?asOf=2026-11-29":
                try cliJSON(desk.next(groupID: "harborview-medical-group", limit: 5, to: nil, asOf: day).report(explain: false)),
            "/v1/groups?asOf=2026-11-29": try cliJSON(desk.groupLines(owner: nil, includeClosed: false, asOf: day)),
            "/v1/groups?owner=alice@rosterline.example&asOf=2026-11-29":
                try cliJSON(desk.groupLines(owner: "alice@rosterline.example", includeClosed: false, asOf: day)),
            "/v1/groups/\(mercy)?asOf=2026-11-29": try cliJSON(desk.groupView(id: mercy, asOf: day).report),
            "/v1/groups/\(mercy)/next?asOf=2026-11-29": try cliJSON(desk.next(groupID: mercy, limit: 5, to: nil, asOf: day).report(explain: false)),
            "/v1/groups/\(mercy)/next?limit=2&to=lee&explain=true":
                try cliJSON(desk.next(groupID: mercy, limit: 2, to: "lee", asOf: day).report(explain: true)),
            "/v1/assets?topic=tco": try cliJSON(desk.assets(job: nil, role: nil, topic: "tco", format: nil, search: nil), omitBody: true),
            "/v1/assets?search=overtime": try cliJSON(desk.assets(job: nil, role: nil, topic: nil, format: nil, search: "overtime"), omitBody: true),
            "/v1/assets/tco-model": try cliJSON(desk.asset(id: "tco-model")),
        ]
        try await fixture.test { client in
            for (uri, json) in expected {
                let response = try await client.get(uri)
                #expect(response.status == .ok, "\(uri): \(response.text)")
                #expect(response.headers[.contentType] == "application/json; charset=utf-8", "\(uri)")
                #expect(response.text == json, "\(uri)")
            }
        }
        // The answers are not empty by accident.
        #expect(try desk.next(groupID: mercy, limit: 5, to: nil, asOf: day).report(explain: false) is RecommendationReport)
        #expect(try cliJSON(desk.asset(id: "tco-model")).contains("\"body\""))
        #expect(try !cliJSON(desk.assets(job: nil, role: nil, topic: "tco", format: nil, search: nil), omitBody: true).contains("\"body\""))
    }

    /// Writes answer with what the Desk reports for the same write, byte for byte: each answer
    /// is moved into the contract's types field by field, so a field left behind shows here.
    @Test func writesGiveTheDesksJSONByteForByte() async throws {
        let served = try ServiceFixture(), local = try ServiceFixture()
        let (desk, day, by) = (local.desk, ServiceFixture.today, Recorder(AccessTokens.anonymousName))
        let note = "Lee thinks the three-year cost is closer to $310k. Would Dana sign off on a pilot?"
        let writes: [(uri: String, body: String, expected: String)] = [
            ("/v1/groups/\(mercy)/touches", #"{"asset": "tco-model", "to": ["dana", "lee"], "date": "2026-11-20", "channel": "email"}"#,
             try cliJSON(desk.recordTouch(groupID: mercy, fields: ["asset": "tco-model", "to": "dana,lee", "date": "2026-11-20", "channel": "email",
                                                                  "consumed": "false"], today: day, by: by).report)),
            ("/v1/groups/\(mercy)/claims", #"{"stakeholder": "lee", "topic": "tco", "value": 310000, "date": "2026-11-21"}"#,
             try cliJSON(desk.recordClaim(groupID: mercy, fields: ["stakeholder": "lee", "topic": "tco", "value": "310000", "date": "2026-11-21"],
                                          today: day, by: by).report)),
            ("/v1/groups/\(mercy)/notes", #"{"text": "\#(note)", "date": "2026-11-22"}"#,
             try cliJSON(desk.readNote(groupID: mercy, text: note, format: nil, date: Day("2026-11-22"), from: nil, today: day, by: by,
                                       dryRun: false).report)),
        ]
        try await served.test { client in
            for write in writes {
                let response = try await client.post(write.uri, json: write.body)
                #expect(response.status == .created, "\(write.uri): \(response.text)")
                #expect(response.text == write.expected, "\(write.uri)")
            }
        }
        #expect(writes[2].expected.contains("\"skipped\""), "the note's question is reported as skipped")
    }

    @Test func unknownIDsAre404WithTheClosestOne() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            for (uri, hint) in [("/v1/groups/mercy-valley-helth", "did you mean 'mercy-valley-health'?"),
                                ("/v1/groups/mercy-valley-helth/next", "did you mean 'mercy-valley-health'?"),
                                ("/v1/groups?owner=alice@rosterline.exampl", "did you mean 'alice@rosterline.example'?"),
                                ("/v1/assets/tco-modle", "did you mean 'tco-model'?")] {
                let response = try await client.get(uri)
                #expect(response.status == .notFound, "\(uri)")
                #expect(response.headers[.contentType] == "application/problem+json", "\(uri)")
                #expect(response.detail.contains(hint), "\(uri): \(response.detail)")
                #expect((response.json as? [String: Any])?["status"] as? Int == 404)
            }
            #expect(try await client.get("/no/such/route").status == .notFound)
        }
    }

    @Test func badQueriesAre400NamingTheField() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            for (uri, field) in [("/v1/groups/\(mercy)/next?to=nobody", "to: no one called 'nobody' in mercy-valley-health; expected one of Dana Reyes (dana)"),
                                 ("/v1/groups/\(mercy)/next?limit=0", "limit: must be between 1 and 50"),
                                 ("/v1/groups/\(mercy)/next?limit=ten", "limit"),
                                 ("/v1/groups?asOf=29-11-2026", "asOf: '29-11-2026' is not a day"),
                                 ("/v1/assets?role=cfo", "role: 'cfo' is not in the taxonomy"),
                                 ("/v1/assets?job=validaton", "job: 'validaton' is not a buying job; did you mean 'validation'?")] {
                let response = try await client.get(uri)
                #expect(response.status == .badRequest, "\(uri): \(response.text)")
                #expect(response.detail.contains(field), "\(uri): \(response.detail)")
            }
        }
    }

    @Test func aTouchIs201ThenThe200OfTheSameSendAndThePicksMoveOn() async throws {
        let fixture = try ServiceFixture()
        let before = try fixture.desk.next(groupID: mercy, limit: 5, to: nil, asOf: ServiceFixture.today)
        guard case let .picks(advice, _, _) = before, let first = advice.recommendations.first else {
            Issue.record("mercy has picks")
            return
        }
        let body = #"{"asset": "\#(first.asset.id)", "to": [\#(first.sendTo.map { "\"\($0)\"" }.joined(separator: ", "))], "channel": "email"}"#
        try await fixture.test { client in
            let created = try await client.post("/v1/groups/\(mercy)/touches", json: body)
            #expect(created.status == .created, "\(created.text)")
            #expect((created.json as? [String: Any])?["added"] as? [String] == first.sendTo)
            let again = try await client.post("/v1/groups/\(mercy)/touches", json: body)
            #expect(again.status == .ok)
            #expect((again.json as? [String: Any])?["alreadyRecorded"] as? [String] == first.sendTo)
            let consumed = try await client.post("/v1/groups/\(mercy)/touches",
                                                 json: #"{"asset": "\#(first.asset.id)", "to": ["\#(first.sendTo[0])"], "consumed": true}"#)
            #expect(consumed.status == .ok)
            #expect((consumed.json as? [String: Any])?["markedConsumed"] as? [String] == [first.sendTo[0]])
            // The send is recorded under the caller (no token: "api") and the picks no longer offer it to them.
            let next = try await client.get("/v1/groups/\(mercy)/next")
            let picks = ((next.json as? [String: Any])?["recommendations"] as? [[String: Any]]) ?? []
            #expect(!picks.isEmpty)
            #expect(!picks.contains { $0["asset"] as? String == first.asset.id && ($0["sendTo"] as? [String]) == first.sendTo })
        }
        let sends = try fixture.store.history(ofGroup: mercy).sends.filter { $0.asset == first.asset.id && $0.provenance.recordedBy == "api" }
        // One send per person, whoever asked how often; only the first recipient read it.
        #expect(sends.flatMap(\.to).sorted() == first.sendTo.sorted())
        #expect(sends.filter(\.consumed).flatMap(\.to) == [first.sendTo[0]])
    }

    @Test func badWritesAre400AndChangeNothing() async throws {
        let fixture = try ServiceFixture()
        let dump = try fixture.desk.groupView(id: mercy, asOf: ServiceFixture.today).report
        let before = try cliJSON(dump)
        try await fixture.test { client in
            for (path, body, message) in [
                ("touches", #"{"asset": "tco-model", "to": ["nobody"]}"#, "nobody"),
                ("touches", #"{"asset": "tco-modle", "to": ["dana"]}"#, "tco-model"),
                ("touches", #"{"asset": "tco-model", "to": ["dana"], "date": "2027-01-01"}"#, "date"),
                ("touches", #"{"asset": "tco-model"}"#, "missing field 'to'"),
                ("touches", #"{"asset": "tco-model", "to": "dana"}"#, "'to' should be a list"),
                ("touches", #"{"asset": "tco-model", "to": ["dana"]"#, "not valid JSON"),
                ("claims", #"{"stakeholder": "lee", "topic": "cots", "value": 150000}"#, "topic"),
                ("claims", #"{"stakeholder": "lee", "topic": "tco", "position": "cheap"}"#, "value"),
                ("events", #"{"job": "validation", "type": "paused"}"#, "type"),
                ("stakeholders", #"{"id": "zoe", "name": "Zoe", "role": "cfo", "influence": "user"}"#, "role"),
                ("dismissals", #"{"asset": "tco-model", "date": "2026-12-25"}"#, "date: 2026-12-25 is after 2026-11-29"),
            ] {
                let response = try await client.post("/v1/groups/\(mercy)/\(path)", json: body)
                #expect(response.status == .badRequest, "\(path) \(body): \(response.text)")
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(response.detail.contains(message), "\(path) \(body): \(response.detail)")
            }
            let text = try await client.execute(uri: "/v1/groups/\(mercy)/touches", method: .post, headers: [.contentType: "text/plain"],
                                                body: ByteBuffer(string: #"{"asset": "tco-model", "to": ["dana"]}"#))
            #expect(text.status == .unsupportedMediaType)
            #expect(text.detail == "the body must be application/json, not text/plain")
        }
        #expect(try cliJSON(fixture.desk.groupView(id: mercy, asOf: ServiceFixture.today).report) == before)
    }

    /// Notes posted to the API are read like `nextsend note`: claims with quotes, reasons for the
    /// rest; the same text again adds nothing; a dry run stores nothing.
    @Test func notesAreReadIntoClaims() async throws {
        let fixture = try ServiceFixture()
        let text = "Ellen thinks payback will take about a year and a half. Tom asked if we could pilot first?"
        try await fixture.test { client in
            let dry = try await client.post("/v1/groups/\(mercy)/notes", json: #"{"text": "\#(text)", "dryRun": true}"#)
            #expect(dry.status == .ok, "\(dry.text)")
            let read = try await client.post("/v1/groups/\(mercy)/notes", json: #"{"text": "\#(text)", "date": "2026-11-27"}"#)
            #expect(read.status == .created, "\(read.text)")
            let body = try #require(read.json as? [String: Any])
            let claims = body["claims"] as? [[String: Any]] ?? []
            #expect(claims.count == 1)
            #expect(claims.first?["stakeholder"] as? String == "ellen" && claims.first?["value"] as? Double == 18)
            #expect(claims.first?["quote"] as? String == "Ellen thinks payback will take about a year and a half.")
            #expect((body["skipped"] as? [[String: Any]])?.first?["why"] as? String == "question")
            let again = try await client.post("/v1/groups/\(mercy)/notes", json: #"{"text": "\#(text)", "date": "2026-11-27"}"#)
            #expect(again.status == .ok && (again.json as? [String: Any])?["unchanged"] as? Int == 1)
            let unknown = try await client.post("/v1/groups/\(mercy)/notes", json: #"{"text": "x", "from": "nobody"}"#)
            #expect(unknown.status == .badRequest && unknown.detail.contains("from"), "\(unknown.text)")
        }
        let view = try fixture.desk.groupView(id: mercy, asOf: ServiceFixture.today)
        #expect(view.history.claims.filter { $0.claim.quote != nil }.map(\.claim.stakeholder) == ["ellen"])
    }

    @Test func claimsEventsStakeholdersAndDismissalsAreRecorded() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            // Lee comes round on cost: the tco conflict closes.
            let claim = try await client.post("/v1/groups/\(mercy)/claims", json: #"{"stakeholder": "lee", "topic": "tco", "value": 130000, "source": "rep"}"#)
            #expect(claim.status == .created, "\(claim.text)")
            #expect((claim.json as? [String: Any])?["message"] as? String == "Recorded: Lee Park (IT) holds $130,000 on three-year total cost of ownership as of 2026-11-29.")
            #expect(try await client.post("/v1/groups/\(mercy)/claims", json: #"{"stakeholder": "lee", "topic": "tco", "value": 130000, "source": "rep"}"#).status == .ok)
            let event = try await client.post("/v1/groups/\(mercy)/events", json: #"{"job": "validation", "type": "progressed", "note": "pilot"}"#)
            #expect(event.status == .created, "\(event.text)")
            let person = try await client.post("/v1/groups/\(mercy)/stakeholders", json: #"{"id": "zoe", "name": "Zoe Kim", "role": "finance", "influence": "user"}"#)
            #expect(person.status == .created, "\(person.text)")
            let duplicate = try await client.post("/v1/groups/\(mercy)/stakeholders", json: #"{"id": "zoe", "name": "Zoe Kim", "role": "finance", "influence": "user"}"#)
            #expect(duplicate.status == .conflict || duplicate.status == .badRequest, "\(duplicate.text)")
            let picks = try await client.get("/v1/groups/\(mercy)/next")
            let first = try #require((((picks.json as? [String: Any])?["recommendations"] as? [[String: Any]])?.first)?["asset"] as? String)
            let dismissal = try await client.post("/v1/groups/\(mercy)/dismissals", json: #"{"asset": "\#(first)", "reason": "they have it"}"#)
            #expect(dismissal.status == .created, "\(dismissal.text)")
            #expect(try await client.post("/v1/groups/\(mercy)/dismissals", json: #"{"asset": "\#(first)", "reason": "they have it"}"#).status == .ok)
            let after = try await client.get("/v1/groups/\(mercy)/next")
            let assets = ((after.json as? [String: Any])?["recommendations"] as? [[String: Any]] ?? []).compactMap { $0["asset"] as? String }
            #expect(!assets.contains(first))
        }
        let view = try fixture.desk.groupView(id: mercy, asOf: ServiceFixture.today)
        #expect(!view.diagnosis.conflicts.contains { $0.topic == "tco" })
        #expect(view.group.stakeholder("zoe")?.name == "Zoe Kim")
        #expect(view.history.dismissals.count == 1)
    }

    @Test func aBodyOverOneMebibyteIs413() async throws {
        let fixture = try ServiceFixture()
        let huge = #"{"asset": "tco-model", "to": ["dana"], "channel": ""# + String(repeating: "x", count: (1 << 20) + 10) + #""}"#
        try await fixture.test { client in
            let response = try await client.post("/v1/groups/\(mercy)/touches", json: huge)
            #expect(response.status == .contentTooLarge)
            #expect(response.headers[.contentType] == "application/problem+json")
        }
        #expect(try fixture.store.history(ofGroup: mercy).sends.allSatisfy { $0.provenance.recordedBy != "api" })
    }

    @Test func aTokenGuardsEveryRouteButHealth() async throws {
        let fixture = try ServiceFixture(tokens: try AccessTokens.parse("alice 0123456789abcdef-alice\nbob 0123456789abcdef-bobby\n", file: "tokens"))
        try await fixture.test { client in
            #expect(try await client.get("/healthz").status == .ok)
            for uri in ["/v1/groups", "/v1/groups/\(mercy)/next", "/v1/assets", "/metrics"] {
                let missing = try await client.get(uri)
                #expect(missing.status == .unauthorized, "\(uri)")
                #expect(missing.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                #expect(try await client.get(uri, headers: [.authorization: "Bearer wrong-token-0000000"]).status == .unauthorized)
                #expect(try await client.get(uri, headers: [.authorization: "Bearer 0123456789abcdef-bobby"]).status == .ok, "\(uri)")
            }
            let write = try await client.post("/v1/groups/\(mercy)/touches", json: #"{"asset": "tco-model", "to": ["lee"]}"#,
                                              headers: [.authorization: "Bearer 0123456789abcdef-alice"])
            #expect(write.status == .created, "\(write.text)")
            #expect(try await client.post("/v1/groups/\(mercy)/touches", json: #"{"asset": "tco-model", "to": ["rosa"]}"#).status == .unauthorized)
        }
        // The tokens file names who made the write.
        let send = try #require(try fixture.store.history(ofGroup: mercy).sends.first { $0.asset == "tco-model" && $0.to == ["lee"] })
        #expect(send.provenance.recordedBy == "alice")
        #expect(try fixture.store.history(ofGroup: mercy).sends.allSatisfy { !$0.to.contains("rosa") || $0.provenance.recordedBy != "api" })
    }

    @Test func metricsCountRequestsPerRoute() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            for _ in 0..<3 { try await client.get("/v1/groups/\(mercy)/next") }
            try await client.get("/v1/groups/nope")
            let metrics = try await client.get("/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.headers[.contentType]?.hasPrefix("text/plain") == true)
            #expect(metrics.text.contains(#"nextsend_http_requests_total{route="/v1/groups/{id}/next",method="GET",status="200"} 3"#), "\(metrics.text)")
            #expect(metrics.text.contains(#"nextsend_http_requests_total{route="/v1/groups/{id}",method="GET",status="404"} 1"#))
            #expect(metrics.text.contains("nextsend_http_request_duration_seconds_bucket{route=\"/v1/groups/{id}/next\""))
            // Every metric says what it counts, and which NextSend and which process it comes from.
            #expect(metrics.text.contains("# HELP nextsend_http_requests_total HTTP requests answered"))
            #expect(metrics.text.contains("# HELP nextsend_http_request_duration_seconds "))
            #expect(metrics.text.contains(#"nextsend_build_info{version="\#(NextSendVersion.current)"} 1"#))
            for name in ["process_resident_memory_bytes", "process_cpu_seconds_total", "process_open_fds", "process_start_time_seconds"] {
                #expect(metrics.text.contains("# HELP \(name) "), "\(name)")
                let value = metrics.text.split(separator: "\n").first { $0.hasPrefix(name + " ") }.flatMap { Double($0.split(separator: " ")[1]) }
                #expect((value ?? 0) > 0, "\(name) = \(String(describing: value))")
            }
        }
    }

    @Test func aCatalogImportRebuildsTheCachedIndex() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test { client in
            let before = try await client.get("/v1/groups/\(mercy)/next?limit=50")
            #expect(before.text.contains("\"tco-model\""))
            // Retire the TCO model in a copy of the catalog and import it while the server runs.
            let catalog = fixture.folder.path("catalog")
            try FileManager.default.copyItem(atPath: ServiceFixture.content + "/catalog", toPath: catalog)
            try FileManager.default.copyItem(atPath: ServiceFixture.content + "/taxonomy.yaml", toPath: fixture.folder.path("taxonomy.yaml"))
            let file = catalog + "/tco-model.md"
            let text = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "status: published", with: "status: retired")
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            try fixture.store.importCatalog(directory: catalog, taxonomyPath: fixture.folder.path("taxonomy.yaml"), asOf: ServiceFixture.today)
            let after = try await client.get("/v1/groups/\(mercy)/next?limit=50")
            #expect(after.status == .ok)
            #expect(!after.text.contains("\"tco-model\""))
        }
    }
}

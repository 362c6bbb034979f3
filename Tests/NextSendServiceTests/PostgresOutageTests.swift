import Foundation
import Logging
import HummingbirdTesting
import NextSend
import NextSendPostgres
import NextSendService
import NextSendStore
import NextSendTestSupport
import Testing

/// PostgreSQL going away under load and coming back, with a real server and a real service:
/// requests answer 503 with `Retry-After` (never hang, never a 500), liveness stays up, and the
/// service answers again once the database is back. Times are printed for the operations guide,
/// not asserted; each request has a 10 s client timeout.
@Suite(.tags(.slow), .enabled(if: SlowTests.enabled)) struct PostgresOutageTests {
    @Test func anOutageAnswers503AndTheServiceRecoversWhenTheDatabaseReturns() async throws {
        guard let database = try PrivatePostgresServer.start() else { return }
        let store = try PostgresStore(try PostgresLocation(url: database.url + "?sslmode=disable"))
        try store.importCatalog(directory: ServiceFixture.content + "/catalog", taxonomyPath: nil, asOf: ServiceFixture.today)
        _ = try store.importGroups(path: ServiceFixture.content + "/groups", asOf: ServiceFixture.today)
        var logger = Logger(label: "nextsend.serve.outage")
        logger.logLevel = .critical
        let server = try NextSendServer(configuration: .init(store: store, port: 0, today: { ServiceFixture.today }, logger: logger))

        try await server.makeApplication().test(.live) { client in
            let port = try #require(client.port)
            func get(_ path: String, html: Bool = false) async throws -> (RawHTTP.Answer, Double) {
                let start = Date()
                let answer = try await RawHTTP.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n" + (html ? "Accept: text/html\r\n" : "") + "\r\n",
                                                    port: port)
                return (answer, Date().timeIntervalSince(start))
            }
            let first = try await get("/v1/groups")
            #expect(first.0.status == 200, "before the outage: \(first.0.status) after \(first.1) s \(first.0.body.prefix(300))")

            // Load while the database goes down and comes back: every answer is 200 or 503.
            let load = Task {
                var statuses: [Int] = []
                while !Task.isCancelled {
                    statuses.append((try? await get("/v1/groups/mercy-valley-health/next").0.status) ?? -1)
                }
                return statuses
            }
            try await Task.sleep(for: .milliseconds(300))
            try database.stop()

            var downTimes: [Double] = []
            var sawAPI503 = false, sawPage503 = false
            for _ in 0..<6 {
                let (answer, seconds) = try await get("/v1/groups")
                downTimes.append(seconds)
                #expect(answer.status == 503, "the database is down: \(answer.status) \(answer.body)")
                if answer.status == 503 {
                    sawAPI503 = true
                    #expect(answer.header("Retry-After") == "5")
                    #expect(answer.header("Content-Type") == "application/problem+json")
                    #expect(answer.body.contains("cannot reach the PostgreSQL server") || answer.body.contains("lost the connection"))
                    #expect(!answer.body.contains("password"))
                }
            }
            let (page, _) = try await get("/groups/mercy-valley-health", html: true)
            if page.status == 503 {
                sawPage503 = true
                #expect(page.header("Content-Type")?.hasPrefix("text/html") == true)
                #expect(page.body.contains("Not available just now"))
                #expect(page.header("Retry-After") == "5")
            }
            #expect(sawAPI503 && sawPage503, "page: \(page.status)")
            #expect(try await get("/healthz").0.status == 200, "liveness does not depend on the database")
            let (ready, readySeconds) = try await get("/readyz")
            #expect(ready.status == 503)

            try database.resume()
            let back = Date()
            var recovered: Double?
            for _ in 0..<120 {
                let (answer, _) = try await get("/v1/groups")
                if answer.status == 200 {
                    recovered = Date().timeIntervalSince(back)
                    break
                }
                try await Task.sleep(for: .milliseconds(250))
            }
            load.cancel()
            let statuses = try await load.value
            #expect(recovered != nil, "the service answers again once the database is back")
            #expect(try await get("/readyz").0.status == 200)
            #expect(Set(statuses).isSubset(of: [200, 503]), "never a 500 or a timeout under load: \(Set(statuses))")
            FileHandle.standardError.write(Data(String(format: "outage figures: 503 in %.2f s max (%@), readyz %.2f s, answered again %.2f s after the database returned; %d load requests\n",
                                                       downTimes.max() ?? 0, downTimes.map { String(format: "%.2f", $0) }.joined(separator: " "),
                                                       readySeconds, recovered ?? -1, statuses.count).utf8))
        }
    }
}

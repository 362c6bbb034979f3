import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import NextSendTestSupport
import Testing

/// `nextsend serve` as a user runs it: the real binary on a free loopback port, asked over HTTP.
@Suite struct ServeCommandTests {
    let cli = CLI()
    let token = "live-test-token-0123456789"

    /// A running `nextsend serve`, stopped with SIGTERM at the end.
    final class Server {
        let process = Process()
        /// The server's stderr goes to a file, never a pipe: it logs every request, and a pipe
        /// nobody drains fills up and stops the server mid-write.
        let log: URL
        var port = 0

        init(cli: CLI, arguments: [String] = [], environment: [String: String]) throws {
            log = cli.folder.url.appendingPathComponent("serve-\(UUID().uuidString).log")
            FileManager.default.createFile(atPath: log.path, contents: nil)
            process.executableURL = CLI.binary
            process.arguments = ["serve", "--port", "0"] + arguments
            process.currentDirectoryURL = cli.folder.url
            var env = ProcessInfo.processInfo.environment
            env["NEXTSEND_DB"] = cli.database
            for (key, value) in environment { env[key] = value }
            process.environment = env
            process.standardError = try FileHandle(forWritingTo: log)
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            // The server says where it listens on stderr: "nextsend: serving http://127.0.0.1:PORT …".
            var seen = ""
            let deadline = Date().addingTimeInterval(60)
            while port == 0 && Date() < deadline && process.isRunning {
                seen = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                if let range = seen.range(of: #"serving http://[0-9.]+:(\d+)"#, options: .regularExpression) {
                    port = Int(seen[range].split(separator: ":").last!) ?? 0
                } else {
                    Thread.sleep(forTimeInterval: 0.05)
                }
            }
            if port == 0 { throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "server did not start: \(seen)"]) }
        }

        /// SIGTERM, then the exit status.
        func stop() -> Int32 {
            process.terminate()
            process.waitUntilExit()
            return process.terminationStatus
        }

        func request(_ path: String, method: String = "GET", token: String?, json: String? = nil) async throws -> (Int, [String: String], String) {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
            request.httpMethod = method
            if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
            if let json {
                request.httpBody = Data(json.utf8)
                request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            }
            let (data, response) = try await URLSession.shared.data(for: request)
            let http = response as! HTTPURLResponse
            var headers: [String: String] = [:]
            for (key, value) in http.allHeaderFields { headers[String(describing: key).lowercased()] = String(describing: value) }
            return (http.statusCode, headers, String(decoding: data, as: UTF8.self))
        }
    }

    /// A copy of the shipped content's database (``ShippedDatabase``).
    func importShippedContent() async throws { try await cli.importShippedContent() }

    @Test func theBinaryServesTheCLIsAnswersAndStopsOnSIGTERM() async throws {
        try await importShippedContent()
        let server = try Server(cli: cli, environment: ["NEXTSEND_TOKEN": token])
        let next = try await server.request("/v1/groups/mercy-valley-health/next?asOf=2026-11-29", token: token)
        #expect(next.0 == 200)
        let cliNext = try await cli.run("next", "mercy-valley-health", "--as-of", "2026-11-29", "--json")
        #expect(next.2 + "\n" == cliNext.stdout)
        let show = try await server.request("/v1/groups/mercy-valley-health?asOf=2026-11-29", token: token)
        #expect(show.2 + "\n" == (try await cli.run("group", "show", "mercy-valley-health", "--as-of", "2026-11-29", "--json")).stdout)
        #expect(try await server.request("/v1/groups", token: nil).0 == 401)
        #expect(try await server.request("/healthz", token: nil).0 == 200)
        #expect(server.stop() == 0)
    }

    /// `token add`, `list` and `revoke` against a running `serve` with no tokens file: the stored
    /// token opens the API, shows as used, and stops working once revoked (a new process).
    @Test func storedTokensAreMadeListedAndRevokedFromTheCommandLine() async throws {
        try await importShippedContent()
        let added = try await cli.run("token", "add", "crm-sidebar", "--as-of", "2026-11-29")
        #expect(added.status == 0, "\(added.stderr)")
        let token = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.count == 48 && token.allSatisfy(\.isHexDigit), "the token alone on stdout, for a script: \(added.stdout)")
        #expect(added.stderr.contains("shown only now"))
        #expect(try await cli.run("token", "add", "crm-sidebar").status == 65, "a name is taken once")
        #expect(try !cli.sqlite("SELECT tokenHash FROM accessToken").contains(token), "only the hash is stored")

        let server = try Server(cli: cli, arguments: ["--host", "0.0.0.0"], environment: [:])
        #expect(try await server.request("/v1/groups", token: nil).0 == 401)
        #expect(try await server.request("/v1/groups", token: token).0 == 200)
        #expect(server.stop() == 0)
        let list = try await cli.run("token", "list", "--json")
        let lines = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(lines.count == 1 && lines[0]["name"] as? String == "crm-sidebar" && lines[0]["token"] == nil)
        #expect(lines[0]["lastUsed"] as? String != nil)

        let typo = try await cli.run("token", "revoke", "crm-sidebr")
        #expect(typo.status == 66 && typo.stderr.contains("did you mean 'crm-sidebar'?"))
        #expect(try await cli.run("token", "revoke", "crm-sidebar").status == 0)
        // Another stored token keeps the server closed; the revoked one no longer opens it.
        #expect(try await cli.run("token", "add", "ops").status == 0)
        let after = try Server(cli: cli, environment: [:])
        #expect(try await after.request("/v1/groups", token: token).0 == 401)
        #expect(after.stop() == 0)
    }

    /// A team on PostgreSQL: two digest shards and a service on one database while the service
    /// records sends. Every send is kept, and every rep's files are written exactly once.
    @Test(.tags(.slow), .enabled(if: SlowTests.enabled, "Scripts/test --full")) func twoDigestShardsAndAServiceShareOnePostgreSQL() async throws {
        guard let postgres = try PostgresTestServer.freshDatabase() else { return }
        let on = ["NEXTSEND_DB": postgres]
        #expect(try await cli.run(["catalog", "import", CLI.repositoryContent + "/catalog", "--as-of", "2026-11-29"], environment: on).status == 0)
        #expect(try await cli.run(["group", "import", CLI.repositoryContent + "/groups", "--as-of", "2026-11-29"], environment: on).status == 0)
        let reference = try await cli.run(["digest", "--week", "2026-W48", "--out", cli.folder.path("reference")], environment: on)
        #expect(reference.status == 0, "\(reference.stderr)")
        let expected = Set(try cli.folder.files(under: "reference").keys)

        let server = try Server(cli: cli, environment: on.merging(["NEXTSEND_TOKEN": token]) { $1 })
        let out = cli.folder.path("shared")
        let shards = try ["1/2", "2/2"].map { shard in
            let process = Process()
            // Never the working directory a command running in process has borrowed: it may be gone by the time the child asks.
            process.currentDirectoryURL = FileManager.default.temporaryDirectory
            process.executableURL = CLI.binary
            process.arguments = ["digest", "--week", "2026-W48", "--out", out, "--shard", shard]
            process.currentDirectoryURL = cli.folder.url
            process.environment = ProcessInfo.processInfo.environment.merging(on) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        // Meanwhile the service records a send a day for 30 days, and answers `next` between them.
        var created = 0
        for day in 1...30 {
            let date = String(format: "2026-10-%02d", day)
            let sent = try await server.request("/v1/groups/mercy-valley-health/touches", method: "POST", token: token,
                                                json: #"{"asset": "tco-model", "to": ["lee"], "date": "\#(date)"}"#)
            if sent.0 == 201 { created += 1 }
            #expect(try await server.request("/v1/groups/granite-peak-health/next?asOf=2026-11-29", token: token).0 == 200)
        }
        for shard in shards { shard.waitUntilExit() }
        #expect(server.stop() == 0)
        #expect(created == 30)
        #expect(shards.allSatisfy { $0.terminationStatus == 0 })
        // Every file of every rep and of marketing, once, and nothing half-written left behind.
        #expect(Set(try cli.folder.files(under: "shared").keys) == expected)
        let history = try await cli.run(["group", "show", "mercy-valley-health", "--as-of", "2026-11-29", "--json"], environment: on)
        let touches = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [String: Any])["touches"] as? [[String: Any]]
        let recorded = (touches ?? []).filter { ($0["date"] as? String ?? "").hasPrefix("2026-10-") && $0["asset"] as? String == "tco-model" }
        #expect(recorded.count == 30, "\(recorded.count) of 30 sends kept")
    }

    @Test func aBusyDatabaseIs503WithRetryAfter() async throws {
        try await importShippedContent()
        let server = try Server(cli: cli, environment: ["NEXTSEND_TOKEN": token, "NEXTSEND_BUSY_TIMEOUT": "0.3"])
        // Another process holds the write lock, as a long import would.
        let (holder, input) = try cli.holdWriteLock("BEGIN IMMEDIATE;\nSELECT 1;")
        try await Task.sleep(for: .milliseconds(500))
        let body = #"{"asset": "tco-model", "to": ["lee"]}"#
        let busy = try await server.request("/v1/groups/mercy-valley-health/touches", method: "POST", token: token, json: body)
        #expect(busy.0 == 503, "\(busy.2)")
        #expect(busy.1["retry-after"] == "1")
        #expect(busy.1["content-type"] == "application/problem+json")
        input.fileHandleForWriting.write(Data("ROLLBACK;\n.quit\n".utf8))
        try input.fileHandleForWriting.close()
        holder.waitUntilExit()
        let done = try await server.request("/v1/groups/mercy-valley-health/touches", method: "POST", token: token, json: body)
        #expect(done.0 == 201, "\(done.2)")
        #expect(server.stop() == 0)
    }

    static let repository = URL(fileURLWithPath: CLI.repositoryContent).deletingLastPathComponent()

    /// Runs a program to the end and returns its status and everything it printed.
    func runTool(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Headless Chromium through Selenium (Tests/browser/rep_page.py): a rep's day on desktop and
    /// phone sizes (send, mark consumed, undo, dismiss and undo, search and send, a claim as typed).
    /// Screenshots go to .build/screenshots.
    @Test(.tags(.slow), .enabled(if: SlowTests.enabled, "Scripts/test --full")) func aRepUsesThePageInARealBrowser() async throws {
        try await importShippedContent()
        let tokens = cli.folder.write("tokens", "alice alice@rosterline.example \(token)\n")
        let server = try Server(cli: cli, arguments: ["--tokens-file", tokens], environment: [:])
        let shots = ServeCommandTests.repository.appendingPathComponent(".build/screenshots")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        // Debian's Python, which has python3-selenium, whatever else is first on the PATH.
        let run = try runTool(["/usr/bin/python3", ServeCommandTests.repository.appendingPathComponent("Tests/browser/rep_page.py").path,
                               "http://127.0.0.1:\(server.port)", token, "alice@rosterline.example", "mercy-valley-health", shots.path])
        #expect(run.status == 0, "\(run.output)")
        for name in ["1-groups.png", "desktop-1-group.png", "desktop-2-sent.png", "desktop-3-search.png", "desktop-4-claim-error.png",
                     "phone-1-group.png", "phone-3-search.png", "phone-5-group.png"] {
            let size = (try? FileManager.default.attributesOfItem(atPath: shots.appendingPathComponent(name).path)[.size] as? Int) ?? 0
            #expect(size > 10_000, "\(name) is \(size) bytes")
        }
        #expect(server.stop() == 0)
    }

    /// Headless Chromium (Tests/browser/trend_views.py): the trend chart on the page (points ordered
    /// as the weeks' open problems, send marks on the weeks with sends, fits a phone), the missing
    /// voices with whom to ask, and the digest's table-cell bars as a mail client shows them.
    @Test(.tags(.slow), .enabled(if: SlowTests.enabled, "Scripts/test --full")) func theTrendAndMissingVoicesShowInARealBrowser() async throws {
        try await importShippedContent()
        let digest = try await cli.run("digest", "--week", "2026-W48", "--out", cli.folder.path("digests"), "--format", "html")
        #expect(digest.status == 0, "\(digest.stderr)")
        let tokens = cli.folder.write("tokens", "alice alice@rosterline.example \(token)\n")
        let server = try Server(cli: cli, arguments: ["--tokens-file", tokens], environment: [:])
        let shots = ServeCommandTests.repository.appendingPathComponent(".build/screenshots")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        let run = try runTool(["/usr/bin/python3", ServeCommandTests.repository.appendingPathComponent("Tests/browser/trend_views.py").path,
                               "http://127.0.0.1:\(server.port)", token, "mercy-valley-health", "cascade-behavioral-health",
                               cli.folder.path("digests/2026-W48/reps/bob@rosterline.example.html"), shots.path])
        #expect(run.status == 0, "\(run.output)")
        for name in ["trend-chart.png", "missing-voices.png", "digest-trend.png"] {
            let size = (try? FileManager.default.attributesOfItem(atPath: shots.appendingPathComponent(name).path)[.size] as? Int) ?? 0
            #expect(size > 1_000, "\(name) is \(size) bytes")
        }
        #expect(server.stop() == 0)
    }

    /// schemathesis generates requests from openapi.yaml against the live binary, with every
    /// check: no 5xx; every status, content type, header and body as the contract says; data the
    /// schema refuses is refused; undeclared methods are 405 (schemathesis.toml says which 400s
    /// answer rules no schema can express).
    @Test(.tags(.slow), .enabled(if: SlowTests.enabled, "Scripts/test --full")) func theContractHoldsUnderSchemathesis() async throws {
        try await importShippedContent()
        let server = try Server(cli: cli, environment: ["NEXTSEND_TOKEN": token])
        let run = try runTool([
            "schemathesis", "--config-file", ServeCommandTests.repository.appendingPathComponent("schemathesis.toml").path,
            "run", ServeCommandTests.repository.appendingPathComponent("openapi.yaml").path,
            "--url", "http://127.0.0.1:\(server.port)", "--header", "Authorization: Bearer \(token)",
            "--checks", "all", "--phases", "examples,coverage,fuzzing,stateful", "--max-examples", "15", "--request-timeout", "20", "--workers", "1", "--seed", "20261129", "--warnings", "off",
        ])
        #expect(run.status == 0, "\(run.output.suffix(4000))")
        #expect(run.output.contains("No issues found"), "\(run.output.suffix(2000))")
        #expect(server.stop() == 0)
    }

    /// A mistyped --db would serve an empty database that reports itself healthy.
    @Test func aDatabaseThatDoesNotExistIsRefusedUnlessToldToCreateIt() async throws {
        let missing = try await cli.run(["serve", "--port", "0", "--db", cli.folder.path("typo.sqlite")])
        #expect(missing.status == 66, "\(missing.stderr)")
        #expect(missing.stderr.contains("no database at"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.folder.path("typo.sqlite")), "nothing created")
        let server = try Server(cli: cli, arguments: ["--db", cli.folder.path("new.sqlite"), "--create"], environment: [:])
        #expect(server.port > 0)
        #expect(server.stop() == 0)
    }

    /// At the default level the log has starts, stops and writes, not a line per read; --log-level debug adds them.
    @Test func theDefaultLogSaysWhatChangedAndDebugSaysEveryRequest() async throws {
        try await importShippedContent()
        let quiet = try Server(cli: cli, environment: ["NEXTSEND_TOKEN": token])
        _ = try await quiet.request("/v1/groups/mercy-valley-health", token: token)
        _ = try await quiet.request("/v1/groups/mercy-valley-health/dismissals", method: "POST", token: token, json: #"{"asset": "tco-model"}"#)
        #expect(quiet.stop() == 0)
        let log = try String(contentsOf: quiet.log, encoding: .utf8)
        #expect(log.contains("nextsend serve starting") && log.contains("nextsend serve stopped"), "\(log)")
        #expect(log.contains("recorded") && log.contains("path=/v1/groups/mercy-valley-health/dismissals"), "\(log)")
        #expect(!log.contains("hb.request.path=/v1/groups/mercy-valley-health "), "no line per read at info: \(log)")
        let chatty = try Server(cli: cli, arguments: ["--log-level", "debug"], environment: ["NEXTSEND_TOKEN": token])
        _ = try await chatty.request("/v1/groups/mercy-valley-health", token: token)
        #expect(chatty.stop() == 0)
        #expect(try String(contentsOf: chatty.log, encoding: .utf8).contains("hb.request.path=/v1/groups/mercy-valley-health"))
    }

    @Test func aPublicAddressNeedsAToken() async throws {
        let result = try await cli.run("serve", "--host", "0.0.0.0", "--port", "0")
        #expect(result.status == 64)
        #expect(result.stderr.contains("refusing to listen on 0.0.0.0 without a token"))
        let tokens = cli.folder.write("tokens", "alice short\n")
        let bad = try await cli.run("serve", "--port", "0", "--tokens-file", tokens)
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("tokens:1: the token of 'alice' is 5 characters; at least 22 random characters are needed"))
        for weak in ["abc", "   ", "aaaaaaaaaaaaaaaaaaaaaaaaaaaa"] {
            let shared = try await cli.run(["serve", "--port", "0"], environment: ["NEXTSEND_TOKEN": weak])
            #expect(shared.status == 65, "NEXTSEND_TOKEN='\(weak)'")
            #expect(shared.stderr.contains("NEXTSEND_TOKEN: "), "\(shared.stderr)")
        }
    }
}

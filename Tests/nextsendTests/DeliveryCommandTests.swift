import Foundation
import NextSendTestSupport
import Testing

/// `nextsend digest --deliver` and `nextsend deliver` against a real SMTP server on loopback
/// (aiosmtpd, Tests/mail/smtp_sink.py) with STARTTLS on a certificate made here by openssl and
/// AUTH: what arrives is parsed by Python's e-mail package (Tests/mail/check_inbox.py).
@Suite(.serialized, .enabled(if: SlowTests.enabled, "delivery suite: Scripts/test --full"))
struct DeliveryCommandTests {
    let cli = CLI()
    let password = "s3cret@pw:with/odd=chars"
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Received: Decodable {
        struct Part: Decodable { var type: String; var charset: String?; var encoding: String? }
        var envelopeTo: [String]
        var tls: Bool
        var auth: Bool
        var from, to, subject, messageId, date, contentType: String
        var autoSubmitted: String?
        var listUnsubscribe: String?
        var parts: [Part]
        var text: String?
        var html: String?
        var longestLine: Int
        var bareNewlines: Int
    }

    /// A running smtp_sink.py and where it keeps what it receives.
    final class Sink {
        let process = Process()
        let port: Int
        let inbox: String

        init(inbox: String, arguments: [String], script: String = "smtp_sink.py") throws {
            self.inbox = inbox
            // Never the working directory a command running in process has borrowed: it may be gone by the time the child asks.
            process.currentDirectoryURL = FileManager.default.temporaryDirectory
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            process.arguments = [DeliveryCommandTests.repository.appendingPathComponent("Tests/mail/\(script)").path, inbox] + arguments
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            var line = Data()
            while !line.contains(UInt8(ascii: "\n")) {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                line += chunk
            }
            let text = String(decoding: line, as: UTF8.self)
            guard let port = Int(text.split(separator: " ").last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") else {
                process.terminate()
                throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "smtp_sink.py did not start: \(text)"])
            }
            self.port = port
        }

        /// SIGKILL: a child of the test process inherits its blocked SIGTERM (Dispatch's threads block it).
        func stop() {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }

        var count: Int { ((try? FileManager.default.contentsOfDirectory(atPath: inbox)) ?? []).filter { $0.hasSuffix(".json") }.count }
    }

    func tool(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// A private CA and a certificate for localhost it signed.
    func certificates() throws -> (ca: String, cert: String, key: String) {
        let dir = cli.folder.path("tls")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let ext = cli.folder.write("tls/ext.cnf", "subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n")
        _ = try tool(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "\(dir)/ca.key", "-out", "\(dir)/ca.pem",
                      "-days", "2", "-subj", "/CN=NextSend Test CA"])
        _ = try tool(["openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "\(dir)/server.key", "-out", "\(dir)/server.csr",
                      "-subj", "/CN=localhost"])
        _ = try tool(["openssl", "x509", "-req", "-in", "\(dir)/server.csr", "-CA", "\(dir)/ca.pem", "-CAkey", "\(dir)/ca.key",
                      "-CAcreateserial", "-out", "\(dir)/server.pem", "-days", "2", "-extfile", ext])
        return ("\(dir)/ca.pem", "\(dir)/server.pem", "\(dir)/server.key")
    }

    func received(_ sink: Sink) throws -> [Received] {
        let json = try tool(["/usr/bin/python3", DeliveryCommandTests.repository.appendingPathComponent("Tests/mail/check_inbox.py").path, sink.inbox])
        return try JSONDecoder().decode([Received].self, from: Data(json.utf8))
    }

    /// The shipped content, its W48 digest written, and a TLS + AUTH sink with these extra arguments.
    func setUp(_ extra: [String] = []) async throws -> (Sink, [String: String]) {
        #expect(try await cli.run("catalog", "import", CLI.repositoryContent + "/catalog", "--as-of", "2026-11-29").status == 0)
        #expect(try await cli.run("group", "import", CLI.repositoryContent + "/groups").status == 0)
        let tls = try certificates()
        let sink = try Sink(inbox: cli.folder.path("inbox"), arguments: ["--cert", tls.cert, "--key", tls.key, "--user", "digest",
                                                                        "--password", password] + extra)
        let passwordFile = cli.folder.write("smtp-password", password + "\n")
        let environment = ["NEXTSEND_SMTP": "smtp://digest@localhost:\(sink.port)", "NEXTSEND_SMTP_PASSWORD_FILE": passwordFile,
                           "NEXTSEND_SMTP_CA_FILE": tls.ca, "NEXTSEND_MAIL_FROM": "NextSend <digest@rosterline.example>"]
        return (sink, environment)
    }

    let reps = ["alice@rosterline.example", "bob@rosterline.example", "carmen@rosterline.example"]

    @Test func everyRepGetsOneMessageWithBothPartsAndARerunSendsNothing() async throws {
        let (sink, environment) = try await setUp()
        defer { sink.stop() }
        var env = environment
        env["NEXTSEND_MAIL_UNSUBSCRIBE"] = "digest-unsubscribe@rosterline.example"
        let run = try await cli.run(["digest", "--week", "2026-W48", "--out", cli.folder.path("out"), "--deliver", "--marketing-to",
                               "maria@rosterline.example", "--verbose"], environment: env)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("4 messages delivered"), "\(run.stdout)")
        let mail = try received(sink)
        #expect(mail.map { $0.envelopeTo } == reps.map { [$0] } + [["maria@rosterline.example"]])
        for message in mail {
            let rep = message.envelopeTo[0]
            #expect(message.tls && message.auth, "STARTTLS, then AUTH")
            #expect(message.contentType == "multipart/alternative")
            #expect(message.parts.map(\.type) == ["text/plain", "text/html"])
            #expect(message.parts.allSatisfy { $0.charset == "utf-8" && $0.encoding == "quoted-printable" })
            #expect(message.longestLine <= 78 && message.bareNewlines == 0)
            #expect(message.from == "NextSend <digest@rosterline.example>")
            #expect(message.autoSubmitted == "auto-generated")
            #expect(message.listUnsubscribe == "<mailto:digest-unsubscribe@rosterline.example>")
            #expect(message.messageId.hasPrefix("<nextsend.2026-W48.") && message.messageId.hasSuffix("@rosterline.example>"))
            let base = rep == "maria@rosterline.example" ? cli.folder.path("out/2026-W48/marketing") : cli.folder.path("out/2026-W48/reps/\(rep)")
            // Line ends travel as CRLF (RFC 5322); the text is otherwise byte for byte what digest wrote.
            let lf = { (text: String?) in text?.replacingOccurrences(of: "\r\n", with: "\n") }
            #expect(lf(message.text) == (try String(contentsOfFile: base + ".md", encoding: .utf8)), "\(rep): the Markdown arrives as written")
            #expect(lf(message.html) == (try String(contentsOfFile: base + ".html", encoding: .utf8)), "\(rep): the HTML arrives as written")
        }
        #expect(mail[1].subject == "W48: 1 deal stalled, 1 open conflict, 1 missing voice — NextSend", "\(mail[1].subject)")
        #expect(!(run.stdout + run.stderr).contains(password), "the password is never printed")
        let again = try await cli.run(["deliver", "--week", "2026-W48", "--out", cli.folder.path("out"), "--marketing-to", "maria@rosterline.example"],
                                environment: environment)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("0 messages delivered, 4 delivered before"), "\(again.stdout)")
        #expect(sink.count == 4)
    }

    @Test func a451IsRetriedThenLeftForTheNextRunWithExit75() async throws {
        let (sink, environment) = try await setUp(["--tempfail", "carmen@rosterline.example:3"])
        defer { sink.stop() }
        #expect(try await cli.run("digest", "--week", "2026-W48", "--out", cli.folder.path("out")).status == 0)
        let first = try await cli.run(["deliver", "--week", "2026-W48", "--out", cli.folder.path("out"), "--retry-delay", "0.2"], environment: environment)
        #expect(first.status == 75, "\(first.stderr)")
        #expect(first.stderr.contains("not delivered yet: rep:carmen@rosterline.example") && first.stderr.contains("451"), "\(first.stderr)")
        #expect(try received(sink).map { $0.envelopeTo[0] } == ["alice@rosterline.example", "bob@rosterline.example"])
        let second = try await cli.run(["deliver", "--week", "2026-W48", "--out", cli.folder.path("out")], environment: environment)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try received(sink).map { $0.envelopeTo[0] } == reps, "the next run sends only what was missing")
    }

    @Test func a550IsReportedTheRestDeliveredAndTheRunExits69() async throws {
        let (sink, environment) = try await setUp(["--permfail", "bob@rosterline.example"])
        defer { sink.stop() }
        let run = try await cli.run(["digest", "--week", "2026-W48", "--out", cli.folder.path("out"), "--deliver"], environment: environment)
        #expect(run.status == 69, "\(run.stderr)")
        #expect(run.stderr.contains("refused for good: rep:bob@rosterline.example") && run.stderr.contains("550"), "\(run.stderr)")
        #expect(try received(sink).map { $0.envelopeTo[0] } == ["alice@rosterline.example", "carmen@rosterline.example"])
    }

    /// Killed after the first message was accepted and before the rest: started again, every rep
    /// ends with one message; SMTP's one window allows at most one copy more, with the same Message-ID.
    @Test func aRunKilledHalfwayAndStartedAgainLeavesEveryRepOneMessage() async throws {
        let (sink, environment) = try await setUp(["--data-delay", "1.0"])
        defer { sink.stop() }
        #expect(try await cli.run("digest", "--week", "2026-W48", "--out", cli.folder.path("out")).status == 0)
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["deliver", "--week", "2026-W48", "--out", cli.folder.path("out")]
        var env = ProcessInfo.processInfo.environment
        env["NEXTSEND_DB"] = cli.database
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while sink.count < 1, Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(sink.count >= 1 && sink.count < 3, "killed halfway: \(sink.count) arrived")
        let again = try await cli.run(["deliver", "--week", "2026-W48", "--out", cli.folder.path("out")], environment: environment)
        #expect(again.status == 0, "\(again.stderr)")
        let mail = try received(sink)
        let byRep = Dictionary(grouping: mail, by: { $0.envelopeTo[0] })
        #expect(byRep.keys.sorted() == reps)
        #expect(mail.count <= reps.count + 1, "at most one copy more: \(mail.count)")
        for (rep, copies) in byRep {
            #expect(Set(copies.map(\.messageId)).count == 1, "\(rep): copies share the Message-ID")
        }
    }

    @Test func aServerWithoutStartTLSOrWithAnUntrustedCertificateIsRefused() async throws {
        #expect(try await cli.run("catalog", "import", CLI.repositoryContent + "/catalog", "--as-of", "2026-11-29").status == 0)
        #expect(try await cli.run("group", "import", CLI.repositoryContent + "/groups").status == 0)
        #expect(try await cli.run("digest", "--week", "2026-W48", "--out", cli.folder.path("out")).status == 0)
        let plain = try Sink(inbox: cli.folder.path("plain-inbox"), arguments: [])
        defer { plain.stop() }
        let from = ["NEXTSEND_MAIL_FROM": "digest@rosterline.example"]
        let noTLS = try await cli.run(["deliver", "--week", "2026-W48", "--out", cli.folder.path("out")],
                                environment: from.merging(["NEXTSEND_SMTP": "smtp://localhost:\(plain.port)"]) { $1 })
        #expect(noTLS.status == 69, "\(noTLS.stderr)")
        #expect(noTLS.stderr.contains("does not offer STARTTLS"), "\(noTLS.stderr)")
        #expect(plain.count == 0)
        let tls = try certificates()
        let secure = try Sink(inbox: cli.folder.path("tls-inbox"), arguments: ["--cert", tls.cert, "--key", tls.key])
        defer { secure.stop() }
        let untrusted = try await cli.run(["deliver", "--week", "2026-W48", "--out", cli.folder.path("out")],
                                    environment: from.merging(["NEXTSEND_SMTP": "smtp://localhost:\(secure.port)"]) { $1 })
        #expect(untrusted.status == 69, "\(untrusted.stderr)")
        #expect(untrusted.stderr.contains("NEXTSEND_SMTP_CA_FILE"), "\(untrusted.stderr)")
        #expect(secure.count == 0)
        // Opportunistic STARTTLS on a plain server still sends (a relay on a trusted network).
        let relay = try await cli.run(["deliver", "--week", "2026-W48", "--out", cli.folder.path("out")],
                                environment: from.merging(["NEXTSEND_SMTP": "smtp://localhost:\(plain.port)?starttls=opportunistic"]) { $1 })
        #expect(relay.status == 0, "\(relay.stderr)")
        #expect(plain.count == 3)
    }

    /// The team's summary goes to a chat webhook: a 429 is retried after its Retry-After, and the
    /// URL (a secret) is never printed.
    @Test func theTeamSummaryReachesTheWebhookAfterA429() async throws {
        let (sink, environment) = try await setUp()
        defer { sink.stop() }
        let hook = try Sink(inbox: cli.folder.path("hook"), arguments: ["--throttle", "1"], script: "webhook_sink.py")
        defer { hook.stop() }
        var env = environment
        env["NEXTSEND_BASE_URL"] = "https://nextsend.rosterline.example"
        let secret = "T000-B000-SECRET-hook-token"
        let run = try await cli.run(["digest", "--week", "2026-W48", "--out", cli.folder.path("out"), "--deliver", "--verbose",
                               "--notify-webhook", "http://127.0.0.1:\(hook.port)/services/\(secret)"], environment: env)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("the team's summary posted"), "\(run.stdout)")
        #expect(!(run.stdout + run.stderr).contains(secret), "the webhook URL is never printed")
        struct Request: Decodable { struct Body: Decodable { var text: String }; var path: String; var status: Int; var body: Body }
        let files = try FileManager.default.contentsOfDirectory(atPath: hook.inbox).sorted()
        let requests = try files.map { try JSONDecoder().decode(Request.self, from: Data(contentsOf: URL(fileURLWithPath: hook.inbox + "/" + $0))) }
        #expect(requests.map(\.status) == [429, 200], "retried after Retry-After")
        let text = try #require(requests.last?.body.text)
        #expect(text.hasPrefix("NextSend 2026-W48: 6 open groups across 3 reps, "), "\(text)")
        #expect(text.contains("Most in need of attention:\n1. "), "\(text)")
        #expect(text.contains("<https://nextsend.rosterline.example/groups/"), "\(text)")
    }
}


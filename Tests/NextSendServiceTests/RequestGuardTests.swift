import Foundation
import HTTPTypes
import HummingbirdTesting
import NextSend
import NextSendService
import NextSendStore
import Testing

/// What stands between a web page on another site and a server on a rep's own machine: the names
/// the server answers to, the origin of writes, and how many tokens one client may try.
@Suite struct RequestGuardTests {
    let mercy = "mercy-valley-health"

    func dismissal(host: String, origin: String?, port: Int) async throws -> RawHTTP.Answer {
        let body = #"{"asset": "tco-model", "reason": "rebinding"}"#
        let originLine = origin.map { "Origin: \($0)\r\n" } ?? ""
        return try await RawHTTP.send("POST /v1/groups/\(mercy)/dismissals HTTP/1.1\r\nHost: \(host)\r\n\(originLine)"
            + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)", port: port)
    }

    /// DNS rebinding: a page on attacker.example resolves its own name to 127.0.0.1 and posts.
    @Test func aRequestForAnotherHostIsRefusedWithOrWithoutAToken() async throws {
        let fixture = try ServiceFixture()
        try await fixture.live { (port: Int) async throws in
            let rebound = try await dismissal(host: "attacker.example", origin: "http://attacker.example", port: port)
            #expect(rebound.status == 421, "\(rebound.head)")
            #expect(try await RawHTTP.send("GET /v1/groups HTTP/1.1\r\nHost: attacker.example:\(port)\r\n\r\n", port: port).status == 421)
            // Probes ask by the pod's address.
            #expect(try await RawHTTP.send("GET /healthz HTTP/1.1\r\nHost: 10.1.2.3:8080\r\n\r\n", port: port).status == 200)
        }
        #expect(try fixture.store.history(ofGroup: mercy).dismissals.isEmpty, "nothing was stored")
    }

    @Test func aWriteFromAnotherOriginIsForbiddenAndOneWithoutAnOriginIsAllowed() async throws {
        let fixture = try ServiceFixture()
        try await fixture.live { (port: Int) async throws in
            #expect(try await dismissal(host: "localhost:\(port)", origin: "http://evil.example", port: port).status == 403)
            #expect(try await dismissal(host: "127.0.0.1:\(port)", origin: "null", port: port).status == 403)
            #expect(try await dismissal(host: "127.0.0.1:\(port)", origin: "http://localhost:1", port: port).status == 403, "another local app")
            #expect(try await RawHTTP.send("GET /v1/groups/\(mercy) HTTP/1.1\r\nHost: [::1]:\(port)\r\nOrigin: http://evil.example\r\n\r\n",
                                     port: port).status == 200, "reads carry no risk of a write")
            #expect(try await dismissal(host: "127.0.0.1:\(port)", origin: "http://127.0.0.1:\(port)", port: port).status == 201)
        }
        try await fixture.live { (port: Int) async throws in
            let fromCurl = try await dismissal(host: "localhost:\(port)", origin: nil, port: port)
            #expect([200, 201].contains(fromCurl.status), "\(fromCurl.head)")
        }
    }

    @Test func thePublicURLsHostAndOriginAreAccepted() async throws {
        let fixture = try ServiceFixture()
        try await fixture.live(publicURL: "https://sales.example.com/nextsend") { (port: Int) async throws in
            let answer = try await dismissal(host: "sales.example.com", origin: "https://sales.example.com", port: port)
            #expect(answer.status == 201, "\(answer.head)")
            #expect(try await dismissal(host: "sales.example.com.evil.example", origin: nil, port: port).status == 421)
        }
    }

    @Test func signInIsLimitedPerClientAndLandsOnTheRepsGroups() async throws {
        let tokens = try AccessTokens.parse("""
            # name, e-mail, token
            alice alice@rosterline.example 0123456789abcdef-alice
            maria maria@rosterline.example manager 0123456789abcdef-maria
            ops 0123456789abcdef-ops-only
            """, file: "tokens")
        let fixture = try ServiceFixture(tokens: tokens)
        try await fixture.test(publicURL: "https://sales.example.com") { client in
            let alice = try await client.post("/signin", form: "token=0123456789abcdef-alice")
            #expect(alice.status == .seeOther)
            #expect(alice.headers[.location] == "/?owner=alice%40rosterline.example")
            #expect(alice.headers[.setCookie]?.contains("Secure") == true, "the public URL is https")
            let ops = try await client.post("/signin", form: "token=0123456789abcdef-ops-only")
            #expect(ops.headers[.location] == "/", "a token without a rep lands on the list of reps")
            for _ in 0..<10 { #expect(try await client.post("/signin", form: "token=wrong-token-guess").status == .unauthorized) }
            let limited = try await client.post("/signin", form: "token=0123456789abcdef-alice")
            #expect(limited.status == .tooManyRequests)
            #expect(Int(limited.headers[.retryAfter] ?? "") ?? 0 > 0)
        }
        try await fixture.test { client in
            let plain = try await client.post("/signin", form: "token=0123456789abcdef-alice")
            #expect(plain.headers[.setCookie]?.contains("Secure") == false, "plain http: a Secure cookie would never come back")
        }
    }

    @Test(arguments: [
        ("alice short", "is 5 characters"), ("alice aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "repeats a few characters"),
        ("alice not-an-email 0123456789abcdef-alice", "is not an e-mail address"),
        ("alice a@x.example boss 0123456789abcdef-alice", "expected 'manager'"),
        ("alice a@x.example manager extra 0123456789abcdef-alice", "found 5 words"),
    ])
    func aWeakTokenOrAMalformedLineIsRefusedWithItsLine(line: String, message: String) {
        #expect(throws: TokensFileError.self) { try AccessTokens.parse("# team\n" + line, file: "tokens") }
        do {
            _ = try AccessTokens.parse("# team\n" + line, file: "tokens")
        } catch {
            #expect("\(error)".hasPrefix("tokens:2: "), "\(error)")
            #expect("\(error)".contains(message), "\(error)")
        }
    }

    @Test func aTokensFileNamesEachHoldersRep() throws {
        let tokens = try AccessTokens.parse("alice 0123456789abcdef-alice\nmaria maria@x.example manager 0123456789abcdef-maria", file: "t")
        #expect(tokens.holder(for: "0123456789abcdef-alice") == AccessTokens.Holder(name: "alice"))
        #expect(tokens.holder(for: "0123456789abcdef-maria") == AccessTokens.Holder(name: "maria", rep: "maria@x.example", isManager: true))
        #expect(tokens.holder(for: "0123456789abcdef-mari") == nil)
        #expect(throws: TokensFileError.self) { try AccessTokens.shared("   ") }
        #expect(throws: TokensFileError.self) { try AccessTokens.shared("abc") }
    }
}

import Foundation
import Hummingbird
import Logging
import HummingbirdTesting
import NextSend
import NextSendReports
import NextSendService
import NextSendStore
import NextSendTestSupport
import Testing

/// A database with the shipped catalog and groups, and a server over it whose today is fixed.
struct ServiceFixture {
    static let today = Day("2026-11-29")!
    static let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("content").path

    let folder = TemporaryFolder()
    let store: any Store
    let tokens: AccessTokens

    init(tokens: AccessTokens = .none, extraGroup: String? = nil) throws {
        store = try SQLiteStore(path: folder.path("nextsend.sqlite"))
        try store.importCatalog(directory: ServiceFixture.content + "/catalog", taxonomyPath: nil, asOf: ServiceFixture.today)
        _ = try store.importGroups(path: ServiceFixture.content + "/groups", asOf: ServiceFixture.today)
        if let extraGroup { _ = try store.importGroups(path: folder.write("extra.yaml", extraGroup), asOf: ServiceFixture.today) }
        self.tokens = tokens
    }

    /// The desk the CLI would use over the same database: what the API must agree with.
    var desk: Desk { Desk(store: store) }

    func test<T>(publicURL: String? = nil, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        try await server(publicURL: publicURL).makeApplication().test(.router, body)
    }

    /// A real server on a free loopback port; `body` gets the port.
    func live<T>(host: String = "127.0.0.1", publicURL: String? = nil, maxBodyBytes: Int = 1 << 20,
                 _ body: @escaping @Sendable (Int) async throws -> T) async throws -> T {
        let server = try server(host: host, publicURL: publicURL, maxBodyBytes: maxBodyBytes)
        return try await server.makeApplication().test(.live) { client in try await body(try #require(client.port)) }
    }

    func server(host: String = "127.0.0.1", publicURL: String? = nil, maxBodyBytes: Int = 1 << 20) throws -> NextSendServer {
        var logger = Logger(label: "nextsend.serve.test")
        logger.logLevel = .warning
        return try NextSendServer(configuration: .init(store: store, host: host, port: 0, tokens: tokens, today: { ServiceFixture.today },
                                                       logger: logger, maxBodyBytes: maxBodyBytes, publicURL: publicURL))
    }
}

extension TestClientProtocol {
    @discardableResult
    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await execute(uri: uri, method: .get, headers: headers, body: nil)
    }

    @discardableResult
    func post(_ uri: String, json: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        var headers = headers
        headers[.contentType] = "application/json"
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: json))
    }

    @discardableResult
    func post(_ uri: String, form: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        var headers = headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: form))
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    var json: Any? { try? JSONSerialization.jsonObject(with: Data(text.utf8)) }

    /// The `detail` of a problem response.
    var detail: String { (json as? [String: Any])?["detail"] as? String ?? "" }
}

/// The CLI's `--json` for a report, without the newline the CLI prints after it.
func cliJSON(_ value: some Encodable, omitBody: Bool = false) throws -> String {
    String(decoding: try JSONOutput.encode(value, omitBody: omitBody), as: UTF8.self)
}

import Foundation
import Hummingbird
import Logging
import NextSend
import NextSendReports
import NextSendStore
import OpenAPIHummingbird
import Prometheus
import ServiceLifecycle

/// `nextsend serve`: the JSON API of openapi.yaml and the web page for reps, over one store.
///
/// ```swift
/// let server = try NextSendServer(configuration: .init(store: store, tokens: try .shared(token)))
/// try await server.run()   // until SIGTERM or SIGINT
/// ```
public struct NextSendServer: Sendable {
    public struct Configuration: Sendable {
        public var store: any Store
        public var host: String
        /// 0 picks a free port; `onListening` hears which.
        public var port: Int
        public var tokens: AccessTokens
        /// Today, for requests without `asOf`.
        public var today: @Sendable () -> Day
        public var logger: Logger
        /// Bodies above this are refused with 413.
        public var maxBodyBytes: Int
        /// Where people reach the server (`https://sales.example.com/nextsend`), from `--public-url`
        /// or `NEXTSEND_BASE_URL`: its host is accepted in `Host`, and https makes the session cookie `Secure`.
        public var publicURL: String?

        public init(store: any Store, host: String = "127.0.0.1", port: Int = 8080, tokens: AccessTokens = .none,
                    today: @escaping @Sendable () -> Day = { Day.today() }, logger: Logger = Logger(label: "nextsend.serve"),
                    maxBodyBytes: Int = 1 << 20, publicURL: String? = nil) {
            self.store = store
            self.host = host
            self.port = port
            self.tokens = tokens
            self.today = today
            self.logger = logger
            self.maxBodyBytes = maxBodyBytes
            self.publicURL = publicURL
        }
    }

    public let configuration: Configuration
    /// How many tokens the database held at start: read once, for the check and for the gate, and
    /// an error reading it stops the start (a server never opens because a read failed).
    let storedTokens: Int

    /// - Throws: ``ServeError`` for a non-loopback address without a token; the store's error
    ///   when its tokens cannot be read.
    public init(configuration: Configuration) throws {
        let stored = try configuration.store.accessTokens().count
        try NextSendServer.check(host: configuration.host, tokens: configuration.tokens, storedTokens: stored)
        self.configuration = configuration
        storedTokens = stored
    }

    /// - Parameter storedTokens: how many tokens the database holds (`nextsend token add`).
    /// - Throws: ``ServeError`` for a non-loopback address without a token anywhere.
    public static func check(host: String, tokens: AccessTokens, storedTokens: Int) throws {
        if tokens.isEmpty && storedTokens == 0 && !NextSendServer.isLoopback(host) {
            throw ServeError(description: "refusing to listen on \(host) without a token: set NEXTSEND_TOKEN or --tokens-file, "
                + "add one with 'nextsend token add NAME', or listen on 127.0.0.1")
        }
    }

    /// The router with every route and middleware, without a socket: what the router tests drive.
    public func makeRouter() throws -> Router<ServiceContext> {
        let registry = PrometheusCollectorRegistry()
        let store = configuration.store
        let cache = AdvisorCache(store: store)
        let desk = Desk(store: store, advisor: { day in try cache.advisor(asOf: day) })
        let sessions = WebSessions(store: store)
        let gate = TokenGate(configured: configuration.tokens, storedTokens: storedTokens, store: store, today: configuration.today)
        let router = Router(context: ServiceContext.self)
        // Outermost first: log and measure everything, answer errors as problems, then check size and who is asking.
        // A line per request at debug; what changed data and what failed at info and above.
        router.add(middleware: LogRequestsMiddleware(.debug))
        router.add(middleware: RequestMetricsMiddleware(registry: registry))
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: MethodGuardMiddleware())
        router.add(middleware: HostGuardMiddleware(host: configuration.host, publicURL: configuration.publicURL))
        router.add(middleware: RequestBodyMiddleware(limit: configuration.maxBodyBytes))
        router.add(middleware: AuthMiddleware(gate: gate, sessions: sessions))
        router.add(middleware: WriteLogMiddleware())
        router.add(middleware: ContextTaskLocalMiddleware())
        // Encoded as the CLI encodes (JSONOutput): the same data gives the same bytes from both.
        try APIHandler(desk: desk, metrics: registry, process: ProcessMetrics(registry: registry), today: configuration.today)
            .registerHandlers(on: router, configuration: .init(jsonEncodingOptions: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]))
        let secure = configuration.publicURL?.lowercased().hasPrefix("https://") ?? false
        try WebRoutes(desk: desk, sessions: sessions, gate: gate, today: configuration.today, secureCookies: secure)
            .register(on: router)
        return router
    }

    /// The Hummingbird application, listening where the configuration says.
    public func makeApplication(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) throws -> some ApplicationProtocol {
        Application(
            responder: HeadResponder(base: try makeRouter().buildResponder()),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "nextsend"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: configuration.logger
        )
    }

    /// Serves until SIGTERM or SIGINT, then finishes the requests in flight and returns.
    public func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let services = ServiceGroup(configuration: .init(
            services: [try makeApplication(onListening: onListening)],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: configuration.logger
        ))
        configuration.logger.info("nextsend serve starting", metadata: ["host": "\(configuration.host)", "port": "\(configuration.port)",
                                                                    "version": "\(NextSendVersion.current)"])
        try await services.run()
        configuration.logger.info("nextsend serve stopped")
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}

/// A server that must not start as configured.
public struct ServeError: Error, CustomStringConvertible {
    public var description: String
}

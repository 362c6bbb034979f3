import ArgumentParser
import Foundation
import Logging
import NextSendPostgres
import NextSendService
import NextSendStore

extension NextSendCommand {
    /// `nextsend serve`: the JSON API and the web page for reps, until SIGTERM or SIGINT.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Serve the JSON API (openapi.yaml) and the web page for reps.",
            discussion: """
                Tokens come from NEXTSEND_TOKEN (one shared token), --tokens-file (one 'name token' pair per line; writes are \
                recorded under the name) and the database ('nextsend token add'). Without any token the server listens only on a \
                loopback address. Stops cleanly on \
                SIGTERM or SIGINT. GET /metrics serves Prometheus metrics; GET /healthz answers 200 while the process runs, GET /readyz when the database answers within a second.
                """
        )

        @Option(help: "The address to listen on.") var host = "127.0.0.1"
        @Option(help: "The port to listen on (0: any free port, printed on stderr).") var port = 8080
        @Option(name: .customLong("tokens-file"), help: ArgumentHelp("A file of 'name token' lines.", valueName: "path"))
        var tokensFile: String?
        @Option(name: .customLong("public-url"), help: ArgumentHelp(
            "Where people reach the server, e.g. https://sales.example.com (else NEXTSEND_BASE_URL); its host is accepted.",
            valueName: "url"))
        var publicURL: String?

        @Flag(help: "Create the SQLite database when --db names a file that does not exist (else that is an error: a mistyped path).")
        var create = false
        @Option(name: .customLong("log-level"), help: ArgumentHelp(
            "What to log on stderr: trace, debug (each request), info (starts, stops, writes and errors; the default), notice, warning, error.",
            valueName: "level"))
        var logLevel: Logger.Level?

        @OptionGroup var store: StoreOptions
        @OptionGroup var log: LogOptions

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        }

        func run() async throws {
            let tokens = try accessTokens()
            // Starts, stops, writes and errors at info; a line per request at debug (--verbose is debug).
            var logger = log.logger
            logger.logLevel = logLevel ?? (log.verbose ? .debug : .info)
            let path = store.path
            let noFile = !PostgresLocation.isURL(path) && !FileManager.default.fileExists(atPath: path)
            if noFile {
                // A database that does not exist yet holds no token: say that first.
                do {
                    try NextSendServer.check(host: host, tokens: tokens, storedTokens: 0)
                } catch let error as ServeError {
                    throw ValidationError(error.description)
                }
            }
            if noFile, !create {
                // A mistyped --db would otherwise serve an empty database and report itself healthy.
                throw UserError.notFound("--db: no database at \(path); import a catalog into it first, or pass --create to start an empty one")
            }
            let server: NextSendServer
            do {
                let publicURL = self.publicURL ?? CommandIO.current.variable("NEXTSEND_BASE_URL")
                // The database may hold tokens (`nextsend token add`): the check for a public
                // address without one comes once it is open.
                server = try NextSendServer(configuration: .init(store: try store.open(), host: host, port: port, tokens: tokens, logger: logger,
                                                                 publicURL: publicURL))
            } catch let error as ServeError {
                throw ValidationError(error.description)
            }
            let host = self.host
            try await server.run { port in
                // On stderr, so a script that asked for port 0 can read where to connect.
                Console.error("nextsend: serving http://\(host):\(port) (Ctrl-C to stop)")
            }
        }

        private func accessTokens() throws -> AccessTokens {
            if let tokensFile {
                guard let data = FileManager.default.contents(atPath: tokensFile) else {
                    throw UserError.notFound("--tokens-file: cannot read \(tokensFile)")
                }
                do {
                    return try AccessTokens.parse(String(decoding: data, as: UTF8.self), file: tokensFile)
                } catch let error as TokensFileError {
                    throw UserError.badData(error.description)
                }
            }
            if let token = CommandIO.current.variable("NEXTSEND_TOKEN") {
                do {
                    return try .shared(token)
                } catch let error as TokensFileError {
                    throw UserError.badData(error.description)
                }
            }
            return .none
        }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

import ArgumentParser
import Foundation
import Logging
import NextSend
import NextSendPostgres
import NextSendReports
import NextSendStore

typealias NextSendAsset = NextSend.Asset

/// `--db`: which database a command works on.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database: a SQLite file, or postgres://USER@HOST[:PORT]/DB (default: $NEXTSEND_DB, else ./nextsend.sqlite).",
                                            valueName: "path|url"))
    var db: String?

    var path: String {
        db ?? CommandIO.current.variable("NEXTSEND_DB") ?? "nextsend.sqlite"
    }

    func open() throws -> any Store { try StoreOptions.open(path) }

    /// The desk over this database. The advisors it makes are kept until the next command's
    /// (``KeptAdvisor``): a process ends right after its one command, and taking a catalog index of
    /// thousands of assets apart first was about a tenth of a `next` call.
    func desk() throws -> Desk {
        let store = try open()
        return Desk(store: store) { day in KeptAdvisor.keep(try store.advisor(asOf: day)) }
    }

    /// A SQLite file, or a PostgreSQL database when `location` is a postgres:// URL.
    static func open(_ location: String) throws -> any Store {
        if PostgresLocation.isURL(location) { return try PostgresStore(try PostgresLocation(url: location, environment: CommandIO.current.environment)) }
        return try SQLiteStore(path: location)
    }
}

/// `--as-of`: the day the command reasons about. Only here does the clock enter NextSend.
struct DateOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day to reason about, YYYY-MM-DD (default: today).", valueName: "date"))
    var asOf: Day?

    var day: Day { asOf ?? Day.today() }
}

/// `--verbose`: what imports and the batch do, step by step, on stderr.
struct LogOptions: ParsableArguments {
    @Flag(name: .long, help: "Log each step on stderr.")
    var verbose = false

    /// The logger the command hands to the libraries: steps at info with `--verbose`, else warnings only.
    var logger: Logger {
        // Bound to this command's stderr, so a command run in process logs where its messages go.
        let io = CommandIO.current
        var logger = Logger(label: "nextsend") { label in StreamLogHandler(label: label, stream: CommandErrorStream(io: io)) }
        logger.logLevel = verbose ? .info : .warning
        return logger
    }
}

/// `--by`: who records a fact (else `NEXTSEND_USER`, else the login name).
struct RecorderOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Who records this (default: $NEXTSEND_USER, else the login name).", valueName: "name"))
    var by: String?

    var recorder: Recorder { Recorder.resolve(by, environment: CommandIO.current.environment) }
}

/// `--json`: machine-readable output.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false
}

extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension BuyingJob: ExpressibleByArgument {}

extension NextSendAsset.Status: ExpressibleByArgument {}


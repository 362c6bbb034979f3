import ArgumentParser
import Foundation
import Logging
import NextSend
import NextSendReports
import NextSendStore

typealias NextSendAsset = NextSend.Asset

/// `--db`: which database a command works on.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file (default: $NEXTSEND_DB, else ./nextsend.sqlite).", valueName: "path"))
    var db: String?

    var path: String {
        db ?? ProcessInfo.processInfo.environment["NEXTSEND_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "nextsend.sqlite"
    }

    func open() throws -> Store { try SQLiteStore(path: path) }
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
        var logger = Logger(label: "nextsend")
        logger.logLevel = verbose ? .info : .warning
        return logger
    }
}

/// `--by`: who records a fact (else `NEXTSEND_USER`, else the login name).
struct RecorderOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Who records this (default: $NEXTSEND_USER, else the login name).", valueName: "name"))
    var by: String?

    var recorder: Recorder { Recorder.resolve(by) }
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


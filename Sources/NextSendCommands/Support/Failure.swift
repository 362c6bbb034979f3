import ArgumentParser
import Foundation
import NextSend
import NextSendReports
import NextSendStore

/// Maps errors to the sysexits codes of the brief and prints them for a person.
enum Failure {
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
    static let unavailable: Int32 = 69
    static let cannotCreate: Int32 = 73
    static let ioError: Int32 = 74
    static let tempFailure: Int32 = 75

    /// The exit code for NextSend's own errors; `nil` leaves the error to ArgumentParser.
    static func exitCode(for error: any Error) -> Int32? {
        if let error = error as? UserError { return error.code }
        return FailureKind.of(error).map(exitCode(for:))
    }

    /// Each kind of failure's sysexits code: the one table the CLI keeps.
    static func exitCode(for kind: FailureKind) -> Int32 {
        switch kind {
        case .badInput, .conflict, .unusable: return dataError
        case .notFound: return noInput
        case .busy: return tempFailure
        case .cannotCreate: return cannotCreate
        case .unavailable: return unavailable
        case .ioError: return ioError
        }
    }

    static func report(_ error: any Error) {
        if let failure = error as? ValidationFailure {
            for diagnostic in failure.diagnostics { Console.error(diagnostic.description) }
            let errors = failure.errors.count
            let files = Set(failure.errors.map(\.file).filter { !$0.hasPrefix("<") }).count
            let place = files == 0 ? "" : " in \(files) file\(files == 1 ? "" : "s")"
            Console.error("nextsend: \(errors) error\(errors == 1 ? "" : "s")\(place); nothing was written")
        } else if let error = error as? DeskError {
            // The desk names JSON fields; here they are options.
            let options = ["recipients": "by-recipient"]
            Console.error("nextsend: " + (error.field.map { "--\(options[$0] ?? $0): " } ?? "") + error.message)
        } else {
            Console.error("nextsend: \(error)")
        }
    }
}

/// An error the CLI itself raises, with its exit code.
struct UserError: Error, CustomStringConvertible {
    var description: String
    var code: Int32

    static func notFound(_ description: String) -> UserError { UserError(description: description, code: Failure.noInput) }
    static func badData(_ description: String) -> UserError { UserError(description: description, code: Failure.dataError) }
}

import NextSend
import NextSendMail
import NextSendStore

/// What went wrong, by what the person or program that asked can do about it. Every error
/// NextSend raises has one kind; the CLI turns the kind into a sysexits code and the service into
/// an HTTP status, each in one table (`Failure.exitCode`, `Problem.status`).
public enum FailureKind: String, Sendable, Hashable, CaseIterable {
    /// The input breaks a rule (a file, a field, an option value): fix it and try again.
    case badInput
    /// No such group, asset, file or folder.
    case notFound
    /// It clashes with what is stored: already there, owned by its source, or refused without saying so.
    case conflict
    /// Another writer holds the database: try again in a moment.
    case busy
    /// The database cannot be used as it is: damaged, or written by a newer NextSend.
    case unusable
    /// An output or a database cannot be created there, or the target already holds data.
    case cannotCreate
    /// The database server cannot be reached or refuses the login.
    case unavailable
    /// Reading or writing failed midway: a full disk, an I/O error.
    case ioError

    /// The kind of a NextSend error; `nil` for one nobody foresaw (a bug, reported as such).
    public static func of(_ error: any Error) -> FailureKind? {
        switch error {
        case is ValidationFailure:
            return .badInput
        case let error as MailError:
            switch error.kind {
            case .configuration: return .badInput
            case .temporary: return .busy
            case .unavailable, .permanent: return .unavailable
            }
        case let error as DeskError:
            return error.kind == .notFound ? .notFound : .badInput
        case let error as StoreError:
            switch error.code {
            case .notFound: return .notFound
            case .busy: return .busy
            case .duplicate, .sourceOwned, .refused: return .conflict
            case .newerSchema, .damaged: return .unusable
            case .cannotOpen, .notEmpty: return .cannotCreate
            case .unreachable: return .unavailable
            default: return .ioError
            }
        case let error as ContentError:
            switch error.code {
            case .missingInput: return .notFound
            case .cannotCreate: return .cannotCreate
            default: return .ioError
            }
        default:
            return nil
        }
    }
}

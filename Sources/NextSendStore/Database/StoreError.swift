import Foundation
import GRDB
import NextSend

/// What can go wrong with the database, in words a user can act on.
///
/// An opaque struct with a ``Code``, so new codes can be added without breaking callers: compare
/// with `==` (`error.code == .busy`) rather than switching over every case.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// What kind of problem, by what the user can do about it.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case busy, newerSchema, damaged, notFound, duplicate, sourceOwned, refused, cannotOpen, ioFailure, unreachable, notEmpty, other
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// Another process holds the lock past the busy timeout: try again.
        public static let busy = Code(.busy)
        /// The database was written by a newer NextSend.
        public static let newerSchema = Code(.newerSchema)
        /// The file is not a NextSend database, is damaged, or holds a row NextSend cannot read.
        public static let damaged = Code(.damaged)
        /// An id (group, asset) or the catalog itself is not in the database.
        public static let notFound = Code(.notFound)
        /// What was to be added is already there.
        public static let duplicate = Code(.duplicate)
        /// The fact came from a file or a CRM: it is changed there, not by a command.
        public static let sourceOwned = Code(.sourceOwned)
        /// A destructive change that needs saying so explicitly (such as `--allow-retire`).
        public static let refused = Code(.refused)
        /// The database file cannot be opened or created.
        public static let cannotOpen = Code(.cannotOpen)
        /// Writing failed midway: a full disk or an I/O error.
        public static let ioFailure = Code(.ioFailure)
        /// The database server cannot be reached or refuses the connection.
        public static let unreachable = Code(.unreachable)
        /// The target of a copy already holds data.
        public static let notEmpty = Code(.notEmpty)
        /// Anything else the database reported.
        public static let other = Code(.other)

        public var description: String { base.rawValue }
    }

    public let code: Code
    public let description: String

    package init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }

    static func newerSchema(path: String) -> StoreError {
        StoreError(.newerSchema, "\(path) was written by a newer version of NextSend; upgrade nextsend to use it (nothing was changed)")
    }


    /// No group `id`, with the closest of `ids` when it looks like a typo.
    public static func noGroup(_ id: String, known ids: [String]) -> StoreError {
        let hint = Suggestion.closest(to: id, in: ids).map { "; did you mean '\($0)'?" } ?? "; see 'nextsend group list'"
        return StoreError(.notFound, "no group '\(id)'\(hint)")
    }


    /// No asset `id` in the catalog, with the closest of `ids` when it looks like a typo.
    public static func noAsset(_ id: String, known: Set<String>) -> StoreError {
        let ids = known.sorted()
        let hint = Suggestion.closest(to: id, in: ids).map { "; did you mean '\($0)'?" } ?? "; see 'nextsend catalog list'"
        return StoreError(.notFound, "no asset '\(id)' in the catalog\(hint)")
    }


    /// No groups owned by `owner`, with the closest of `owners`.
    public static func noOwner(_ owner: String, known owners: [String]) -> StoreError {
        let hint = Suggestion.closest(to: owner, in: owners).map { "; did you mean '\($0)'?" } ?? ""
        return StoreError(.notFound, "no groups owned by '\(owner)'\(hint)")
    }

    static let noCatalog = StoreError(.notFound, "no catalog in this database yet; run 'nextsend catalog import' first")

    /// A stored row NextSend cannot read back: the database was changed by something else, or is damaged.
    static func unreadableRow(_ table: String, _ key: String, _ problem: String) -> StoreError {
        StoreError(.damaged, "the database holds a \(table) row it cannot read (\(key)): \(problem); "
            + "it was changed outside NextSend or is damaged")
    }

    static func translate(_ error: any Error, path: String) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        switch error.resultCode.primaryResultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(.busy, "\(path) is busy: another nextsend is writing to it; try again in a moment")
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return StoreError(.damaged, "\(path) is not a NextSend database or is damaged (\(error.message ?? "corrupt")); nothing was changed")
        case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM:
            return StoreError(.cannotOpen, "cannot open \(path) for writing: \(error.message ?? "permission denied")")
        case .SQLITE_FULL:
            return StoreError(.ioFailure, "cannot write \(path): the disk is full; the last committed state is intact")
        case .SQLITE_IOERR:
            return StoreError(.ioFailure, "cannot write \(path): \(error.message ?? "I/O error"); the last committed state is intact")
        case .SQLITE_CONSTRAINT:
            return StoreError(.duplicate, "\(path) already holds this: \(error.message ?? "constraint failed"); nothing was changed")
        default:
            return StoreError(.other, "database error on \(path): \(error.message ?? "\(error)")")
        }
    }
}

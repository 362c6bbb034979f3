import Foundation
import GRDB

/// What can go wrong with the database, in words a user can act on.
///
/// A struct over a private enum, so new cases do not break callers that switch on ``kind``.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The database is locked by another process past the busy timeout: try again.
        case busy
        /// The database was written by a newer NextSend.
        case newerSchema
        /// The file is not a SQLite database, or is damaged.
        case corrupt
        /// The catalog has not been imported yet, or an id is unknown.
        case notFound
        /// The database file cannot be opened or written.
        case cannotOpen
        /// Anything else SQLite reported.
        case other
    }

    public let kind: Kind
    public let description: String

    init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }

    static func newerSchema(path: String) -> StoreError {
        StoreError(.newerSchema, "\(path) was written by a newer version of NextSend; upgrade nextsend to use it (nothing was changed)")
    }

    static func notFound(_ what: String) -> StoreError { StoreError(.notFound, what) }

    static func noGroup(_ id: String) -> StoreError {
        StoreError(.notFound, "no group '\(id)'; see 'nextsend group list'")
    }

    static let noCatalog = StoreError(.notFound, "no catalog in this database yet; run 'nextsend catalog import' first")

    static func translate(_ error: any Error, path: String) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        switch error.resultCode.primaryResultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(.busy, "\(path) is busy: another nextsend is writing to it; try again in a moment")
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return StoreError(.corrupt, "\(path) is not a NextSend database or is damaged (\(error.message ?? "corrupt")); nothing was changed")
        case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM:
            return StoreError(.cannotOpen, "cannot open \(path) for writing: \(error.message ?? "permission denied")")
        case .SQLITE_FULL, .SQLITE_IOERR:
            return StoreError(.cannotOpen, "cannot write \(path): \(error.message ?? "I/O error"); the last committed state is intact")
        default:
            return StoreError(.other, "database error on \(path): \(error.message ?? "\(error)")")
        }
    }
}

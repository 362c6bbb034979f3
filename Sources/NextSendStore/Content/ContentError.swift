import Foundation

/// A problem with files and folders (as opposed to their content), mapped to sysexits by the CLI.
///
/// An opaque struct with a ``Code``, so new codes can be added without breaking callers.
public struct ContentError: Error, Sendable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case missingInput, unreadable, cannotCreate, writeFailed
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The input does not exist (EX_NOINPUT).
        public static let missingInput = Code(.missingInput)
        /// It exists but cannot be read or listed (EX_IOERR).
        public static let unreadable = Code(.unreadable)
        /// An output cannot be created: no such folder, no permission (EX_CANTCREAT).
        public static let cannotCreate = Code(.cannotCreate)
        /// Writing failed midway: a full disk or an I/O error (EX_IOERR).
        public static let writeFailed = Code(.writeFailed)

        public var description: String { base.rawValue }
    }

    public let code: Code
    public let description: String

    public init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }

    /// A failed write of `path`, classed by its cause: a full disk or an I/O error is a failed
    /// write, anything else (no folder, no permission, read-only) means the output cannot be created.
    public static func writing(_ path: String, _ error: any Error) -> ContentError {
        let nsError = error as NSError
        let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError
        let posix = [nsError, underlying].compactMap { $0 }.first { $0.domain == NSPOSIXErrorDomain }?.code
        let reason = nsError.localizedFailureReason ?? nsError.localizedDescription
        if posix.map(Int32.init).map(writeFailureCodes.contains) == true || nsError.code == NSFileWriteOutOfSpaceError {
            return ContentError(.writeFailed, "cannot write \(path): \(reason)")
        }
        return ContentError(.cannotCreate, "cannot create \(path): \(reason)")
    }

    /// `errno` values that mean the write itself failed, not that the place is wrong.
    public static let writeFailureCodes: Set<Int32> = [ENOSPC, EDQUOT, EIO, EFBIG]

    /// The code for a failed POSIX call that wrote to `errno`.
    public static func writing(_ path: String, errno code: Int32) -> ContentError {
        let message = String(cString: strerror(code))
        if writeFailureCodes.contains(code) { return ContentError(.writeFailed, "cannot write \(path): \(message)") }
        return ContentError(.cannotCreate, "cannot create \(path): \(message)")
    }
}

/// A problem with files and folders (as opposed to their content), mapped to sysexits by the CLI.
public struct ContentError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The input does not exist (EX_NOINPUT).
        case missingInput
        /// It exists but cannot be read (EX_IOERR).
        case unreadable
        /// An output cannot be created (EX_CANTCREAT).
        case cannotCreate
        /// Writing failed midway (EX_IOERR).
        case writeFailed
    }

    public let kind: Kind
    public let description: String

    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }
}

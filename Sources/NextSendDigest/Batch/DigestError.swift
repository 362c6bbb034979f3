/// A digest run that could not finish, with what to tell the user.
public struct DigestError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// An output folder or file cannot be created (EX_CANTCREAT).
        case cannotCreate
        /// Writing failed midway, for example a full disk (EX_IOERR).
        case writeFailed
        /// The arguments do not make sense (EX_USAGE).
        case usage
    }

    public let kind: Kind
    public let description: String

    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }
}

/// A question the ``Desk`` cannot answer as asked: a bad value (naming the field at fault) or
/// something that is not there.
///
/// The CLI prints it and exits 65 or 66; the service answers 400 or 404.
public struct DeskError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable { case badInput, notFound }

    public var kind: Kind
    /// The field as the JSON body or query names it (`to`, `limit`, `date`), for bad input.
    public var field: String?
    public var message: String

    public static func badInput(field: String, _ message: String) -> DeskError { DeskError(kind: .badInput, field: field, message: message) }
    public static func notFound(_ message: String) -> DeskError { DeskError(kind: .notFound, field: nil, message: message) }

    public var description: String { (field.map { "\($0): " } ?? "") + message }
}

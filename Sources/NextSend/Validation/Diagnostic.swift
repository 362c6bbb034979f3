/// One problem found in an input file, precise enough to act on.
///
/// Printed as `path:line: error: field: message`, the form editors and CI logs link to.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error
        case warning
    }

    public var severity: Severity
    /// The file as the user named it (or a label such as `<command line>`).
    public var file: String
    /// 1-based line of the offending key, when known.
    public var line: Int?
    /// The field at fault, dotted for nested values (`claims[2].topic`).
    public var field: String?
    public var message: String

    public init(_ severity: Severity, file: String, line: Int?, field: String?, message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        var text = file
        if let line, line > 0 { text += ":\(line)" }
        text += ": \(severity.rawValue): "
        if let field { text += "\(field): " }
        return text + message
    }

    /// Orders diagnostics by file, then line, then field, so reports read top to bottom.
    public static func byLocation(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if (lhs.line ?? 0) != (rhs.line ?? 0) { return (lhs.line ?? 0) < (rhs.line ?? 0) }
        if (lhs.field ?? "") != (rhs.field ?? "") { return (lhs.field ?? "") < (rhs.field ?? "") }
        return lhs.message < rhs.message
    }
}

/// Thrown when input has at least one error; carries every diagnostic found, warnings too.
public struct ValidationFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted(by: Diagnostic.byLocation)
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// Gathers diagnostics while a file is read, so one pass reports every problem, not just the first.
public struct DiagnosticCollector: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []
    public let file: String

    public init(file: String) { self.file = file }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public mutating func error(_ field: String?, line: Int?, _ message: String) {
        diagnostics.append(Diagnostic(.error, file: file, line: line, field: field, message: message))
    }

    public mutating func warning(_ field: String?, line: Int?, _ message: String) {
        diagnostics.append(Diagnostic(.warning, file: file, line: line, field: field, message: message))
    }

    public mutating func append(contentsOf other: [Diagnostic]) { diagnostics.append(contentsOf: other) }

    /// Throws a ``ValidationFailure`` when any error was collected.
    public func throwIfErrors() throws {
        if hasErrors { throw ValidationFailure(diagnostics) }
    }
}

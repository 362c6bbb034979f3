import Logging

extension Logger {
    /// A logger that drops everything: the default for callers that pass none, so the library
    /// never prints on its own.
    public static let silent = Logger(label: "nextsend.silent", factory: { _ in SwiftLogNoOpLogHandler() })
}

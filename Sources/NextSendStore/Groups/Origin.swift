import Foundation
import NextSend

/// Where a fact came from, as stored with it.
///
/// `file:<group id>` for a group's YAML file, `file:<file name>:<group id>` for a line of a JSON
/// Lines file, `salesforce:<Id>` or `hubspot:<Record ID>` for a CRM record, `recorded` for what
/// the CLI or the service recorded. A re-import of a source replaces
/// what that source brought and keeps everything else.
public enum Origin {
    public static let recorded = "recorded"

    /// `note:<source>:<record>`: claims read from a CRM activity (`note:salesforce:00T…`), a file
    /// (`note:file:<path>`) or pasted text (`note:recorded:<hash of the text>`, so pasting the same
    /// text again adds nothing).
    public static func note(source: String, record: String) -> String { "note:\(source):\(record)" }

    /// The origin of pasted text: the same words always give the same origin.
    public static func pastedNote(_ text: String) -> String {
        note(source: "recorded", record: StableHash.hex(text.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    public static func isNote(_ origin: String) -> Bool { origin.hasPrefix("note:") }

    /// What a rep may retract: what was recorded, and claims read from notes.
    public static func isRetractable(_ origin: String) -> Bool { origin == recorded || isNote(origin) }

    static func unique(_ origins: [String]) -> [String] { Array(Set(origins)).sorted() }

    /// The source of a group read from `path`: named by the group (and, for a JSON Lines file that
    /// holds many, the file's name), never by the folder, so the same content imported from
    /// another checkout or machine is the same source and replaces rather than doubles.
    public static func file(_ path: String, group: String) -> String {
        let ext = (path as NSString).pathExtension.lowercased()
        guard GroupFiles.jsonLinesExtensions.contains(ext) else { return "file:" + group }
        return "file:" + (path as NSString).lastPathComponent + ":" + group
    }
}

/// Who records facts: `--by`, else `NEXTSEND_USER`, else the login name (in the service, the
/// signed-in user).
public struct Recorder: Sendable, Hashable {
    public var name: String

    public init(_ name: String) { self.name = name }

    /// The recorder for a command: `explicit` when given, else the environment, else the login name.
    public static func resolve(_ explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> Recorder {
        if let explicit, !explicit.isEmpty { return Recorder(explicit) }
        if let user = environment["NEXTSEND_USER"], !user.isEmpty { return Recorder(user) }
        if let user = environment["USER"] ?? environment["LOGNAME"], !user.isEmpty { return Recorder(user) }
        return Recorder(ProcessInfo.processInfo.userName.isEmpty ? "unknown" : ProcessInfo.processInfo.userName)
    }
}

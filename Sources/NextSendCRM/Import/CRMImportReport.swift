import Foundation
import NextSend

/// What a CRM import read, made and skipped: every skipped row with `file:line` and why.
public struct CRMImportReport: Sendable, Codable {
    public struct Skip: Sendable, Hashable, Codable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var reason: String
        /// What kind of row it is, in the plural, for the counts by reason ("contacts no role rule matches").
        public var kind: String
        public var description: String { "\(file):\(line): skipped: \(reason)" }
    }

    public var skipped: [Skip] = []
    /// Activities dated after the import day: plans, not facts.
    public var plans = 0
    /// Remarks about whole files (an encoding read as Windows-1252).
    public var notes: [String] = []
    public var groups = 0
    public var people = 0
    public var events = 0
    public var touches = 0
    /// Closed opportunities in the export (a stored group among them is closed by the import).
    public var closed = 0
    /// Rows marked deleted (`IsDeleted`), left out.
    public var deleted = 0
    /// Rows repeated exactly, read once.
    public var duplicates = 0
    /// Activities on closed deals: counted, not listed (a nightly export is full of them).
    public var onClosedDeals = 0

    public init() {}

    mutating func skip(_ file: String, line: Int, _ reason: String, kind: String) {
        skipped.append(Skip(file: file, line: line, reason: reason, kind: kind))
    }

    /// The skipped rows counted by reason, each with its first three `file:line`s, most frequent
    /// first: what a nightly run prints, so a real problem is not buried under thousands of lines.
    public var skippedByKind: [(kind: String, count: Int, first: [String])] {
        var order: [String] = []
        var groups: [String: [Skip]] = [:]
        for skip in skipped {
            if groups[skip.kind] == nil { order.append(skip.kind) }
            groups[skip.kind, default: []].append(skip)
        }
        return order.map { kind in
            let rows = groups[kind]!
            return (kind, rows.count, rows.prefix(3).map { "\(($0.file as NSString).lastPathComponent):\($0.line)" })
        }.enumerated().sorted { ($0.element.count, -$0.offset) > ($1.element.count, -$1.offset) }.map(\.element)
    }
    mutating func note(_ text: String) { notes.append(text) }

    /// Adds what reading one file skipped and noted.
    mutating func absorb(_ other: CRMImportReport) {
        skipped += other.skipped
        notes += other.notes
        deleted += other.deleted
        duplicates += other.duplicates
        onClosedDeals += other.onClosedDeals
    }

    /// "3 groups, 21 people, 18 events, 9 touches; 4 rows skipped; 1 planned activity not yet due".
    public var summary: String {
        var parts = [Words.count(groups, "group"), Words.count(people, "person", plural: "people"), Words.count(events, "event"),
                     Words.count(touches, "touch", plural: "touches")].joined(separator: ", ")
        parts += "; \(Words.count(skipped.count, "row")) skipped"
        if plans > 0 { parts += "; \(Words.count(plans, "planned activity", plural: "planned activities")) not yet due" }
        if deleted > 0 { parts += "; \(Words.count(deleted, "row")) marked deleted left out" }
        if duplicates > 0 { parts += "; \(Words.count(duplicates, "repeated row")) read once" }
        if onClosedDeals > 0 { parts += "; \(Words.count(onClosedDeals, "activity", plural: "activities")) on closed deals left out" }
        return parts
    }
}

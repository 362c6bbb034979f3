import Foundation

/// The file formats a digest is written in.
public enum DigestFormat: String, Sendable, Hashable, CaseIterable, Comparable {
    case md, html, json

    public static func < (lhs: DigestFormat, rhs: DigestFormat) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Parses `md,html,json`; `nil` when a name is unknown.
    public static func parseList(_ text: String) -> Set<DigestFormat>? {
        var formats = Set<DigestFormat>()
        for name in text.split(separator: ",") {
            guard let format = DigestFormat(rawValue: name.trimmingCharacters(in: .whitespaces).lowercased()) else { return nil }
            formats.insert(format)
        }
        return formats.isEmpty ? nil : formats
    }
}

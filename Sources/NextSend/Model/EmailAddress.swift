/// An e-mail address as people and CRMs write it: `grace@x.example`, or `Grace Okafor <grace@x.example>`.
///
/// One rule for every way one enters (a group file's `email:`, a CRM contact, an e-mail's `From:`),
/// so an address stored from one is matched when it comes back through another.
public enum EmailAddress {
    /// Longer than this is not an address (RFC 5321's limit).
    public static let maximumLength = 254

    /// The address in `text`, lower case, or `nil` when there is none: one `@`, something before it,
    /// a dotted domain after it, no spaces, at most ``maximumLength`` characters.
    public static func parse(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var candidate = Substring(trimmed)
        if let open = trimmed.firstIndex(of: "<"), let close = trimmed[open...].firstIndex(of: ">") {
            candidate = trimmed[trimmed.index(after: open)..<close]
        }
        let address = candidate.trimmingCharacters(in: .whitespaces).lowercased()
        return isValid(address) ? address : nil
    }

    /// Whether `text` is one address exactly as written (no display name around it).
    public static func isValid(_ text: String) -> Bool {
        guard text.count <= maximumLength else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return !text.contains { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," }
    }
}

import Foundation

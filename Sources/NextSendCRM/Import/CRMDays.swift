import Foundation
import NextSend

/// Turns a CRM's dates and timestamps into days in the mapping's time zone (UTC by default).
///
/// Salesforce writes `2026-11-03` for dates and `2026-11-03T14:22:00.000Z` for timestamps;
/// HubSpot writes `2026-11-03 14:22` in the portal's zone. A timestamp with an offset is moved
/// into the mapping's zone before its day is taken; one without is taken as it reads.
struct CRMDays {
    private let calendar: Calendar
    // Made once: building a formatter per timestamp was a fifth of a 100,000-activity import.
    private let plain = ISO8601DateFormatter()
    private let fractional = ISO8601DateFormatter()

    /// The mapping's pattern for dates written in a locale's format (`MM/dd/yyyy`), if any.
    private let local: DateFormatter?

    init(timeZone identifier: String?, dateFormat: String? = nil) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = identifier.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")!
        self.calendar = calendar
        plain.formatOptions = [.withInternetDateTime]
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        local = dateFormat.map { format in
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = calendar.timeZone
            formatter.dateFormat = format
            return formatter
        }
    }

    /// The first of `texts` that reads as a day: an activity with no usable date falls back to its created date.
    func firstDay(_ texts: String?...) -> Day? { firstDay(texts) }

    func firstDay(_ texts: [String?]) -> Day? {
        for text in texts { if let text, let day = day(text) { return day } }
        return nil
    }

    func day(_ text: String) -> Day? {
        let text = text.trimmingCharacters(in: .whitespaces)
        if let local, !text.contains("T") || text.count < 16, let date = local.date(from: text) {
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            if let year = parts.year, let month = parts.month, let day = parts.day {
                return Day(String(format: "%04d-%02d-%02d", year, month, day))
            }
        }
        if text.count == 10 { return Day(text) }
        guard text.count >= 16 else { return nil }
        // With a zone (Z or ±hh:mm): an instant, read in the mapping's zone.
        if text.hasSuffix("Z") || text.dropFirst(19).contains("+") || text.dropFirst(19).contains("-") {
            let formatter = text.contains(".") ? fractional : plain
            guard let date = formatter.date(from: text.replacingOccurrences(of: " ", with: "T")) else { return nil }
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
            return Day(String(format: "%04d-%02d-%02d", year, month, day))
        }
        return Day(String(text.prefix(10)))
    }
}

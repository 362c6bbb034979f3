/// What a figure's unit allows and how units of time convert, so a claim of "-5 dollars" or
/// "150%" of overtime cut is refused where it enters, and "3 months" on a topic counted in weeks
/// is read as 13 weeks.
public enum FigureUnit {
    /// Weeks per unit of time: 1 month = 52/12 weeks, 1 year = 12 months (section 15 of the design).
    static let weeks: [String: Double] = ["day": 1.0 / 7, "week": 1, "month": 52.0 / 12, "year": 52]

    /// `months` → `month`, `wks` → `week`; `nil` for a unit that is not one of time.
    public static func timeUnit(_ unit: String) -> String? {
        timeUnitNames[unit.lowercased().trimmingCharacters(in: .whitespaces)]
    }

    /// Built once: as a literal inside ``timeUnit(_:)`` the table was made again on every call,
    /// which was a twentieth of a group import's time (each number claim is checked against it).
    private static let timeUnitNames: [String: String] = [
        "day": "day", "days": "day", "d": "day", "week": "week", "weeks": "week", "wk": "week", "wks": "week", "w": "week",
        "month": "month", "months": "month", "mo": "month", "mos": "month", "year": "year", "years": "year", "yr": "year", "yrs": "year",
        "y": "year",
    ]

    /// `value` in `from` expressed in `to`, when both are units of time.
    public static func convert(_ value: Double, from: String, to: String) -> Double? {
        guard let from = timeUnit(from).flatMap({ weeks[$0] }), let to = timeUnit(to).flatMap({ weeks[$0] }) else { return nil }
        return value * from / to
    }

    /// Why `value` cannot be a figure in `unit`, or `nil` when it can: money and time are never
    /// negative, a percentage is between 0 and 100, and a span of time is at most ten years.
    public static func problem(_ value: Double, unit: String?) -> String? {
        guard let unit else { return nil }
        switch unit.lowercased() {
        case "usd", "eur", "gbp":
            return value < 0 ? "a figure in \(unit) cannot be negative" : nil
        case "percent", "%":
            return (0...100).contains(value) ? nil : "a percentage is between 0 and 100"
        default:
            guard let weeks = convert(value, from: unit, to: "week") else { return nil }
            if value < 0 { return "a span of time cannot be negative" }
            return weeks > 520 ? "a span of time of more than ten years is not a figure a buyer holds" : nil
        }
    }
}

/// An ISO 8601 week such as `2026-W48`: Monday to Sunday, numbered within its ISO year.
///
/// The weekly digest reasons as of a week's Sunday, so a Monday-morning run reports the week
/// that just ended.
public struct IsoWeek: Sendable, Hashable, Comparable, Codable, CustomStringConvertible, LosslessStringConvertible {
    public let year: Int
    public let week: Int

    /// Parses `YYYY-Www` (for example `2026-W48`); `nil` for anything else or a week the year lacks.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]),
              parts[1].count == 3, parts[1].first == "W", let week = Int(parts[1].dropFirst()) else { return nil }
        guard (1...IsoWeek.weeks(in: year)).contains(week) else { return nil }
        self.year = year
        self.week = week
    }

    /// The week a day falls in.
    public init(containing day: Day) {
        let thursday = day.adding(days: 4 - day.weekday)
        let year = thursday.components.year
        self.year = year
        self.week = (Day(year: year, month: 1, day: 1)!.days(until: thursday)) / 7 + 1
    }

    public var monday: Day {
        // Week 1 is the week with the year's first Thursday, so it holds January 4th.
        let january4 = Day(year: year, month: 1, day: 4)!
        return january4.adding(days: 1 - january4.weekday + (week - 1) * 7)
    }

    public var sunday: Day { monday.adding(days: 6) }

    public var previous: IsoWeek { IsoWeek(containing: monday.adding(days: -7)) }

    public var description: String { "\(year)-W\(week < 10 ? "0" : "")\(week)" }

    public static func < (lhs: IsoWeek, rhs: IsoWeek) -> Bool { (lhs.year, lhs.week) < (rhs.year, rhs.week) }

    /// 52 or 53: a year has 53 ISO weeks when December 28th falls in week 53.
    static func weeks(in year: Int) -> Int {
        guard let december28 = Day(year: year, month: 12, day: 28) else { return 52 }
        return IsoWeek(containing: december28).week
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let week = IsoWeek(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a week YYYY-Www, found \(text)")
        }
        self = week
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// The last week that has ended by `day`: the week itself on its Sunday, else the week before,
    /// so a digest run on a Monday reports the week just ended.
    public static func lastComplete(asOf day: Day) -> IsoWeek {
        let current = IsoWeek(containing: day)
        return day == current.sunday ? current : current.previous
    }
}

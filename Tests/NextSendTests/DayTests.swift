import NextSend
import Testing

@Suite struct DayTests {
    @Test func parsesAndPrintsISODates() throws {
        let day = try #require(Day("2026-11-29"))
        #expect(day.description == "2026-11-29")
        #expect(day.components.year == 2026 && day.components.month == 11 && day.components.day == 29)
        #expect(Day("2024-02-29") != nil)
    }

    @Test(arguments: ["2026-02-30", "2025-02-29", "2026-13-01", "2026-1-05", "26-11-29", "2026/11/29", "2026-11-29T10:00", "", "tomorrow"])
    func rejectsWhatIsNotADay(_ text: String) {
        #expect(Day(text) == nil)
    }

    @Test func arithmeticIsExactAcrossMonthsAndLeapYears() throws {
        let day = try #require(Day("2024-02-28"))
        #expect(day.adding(days: 1).description == "2024-02-29")
        #expect(day.adding(days: 2).description == "2024-03-01")
        #expect(try #require(Day("2026-01-01")).days(until: try #require(Day("2026-12-31"))) == 364)
    }

    @Test func roundTripsEveryDayOfSeveralYears() {
        let start = Day("1999-12-25")!
        for offset in 0..<(366 * 5) {
            let day = start.adding(days: offset)
            #expect(Day(day.description) == day)
        }
    }

    @Test func knowsTheWeekday() {
        #expect(Day("2026-11-29")!.weekday == 7)  // a Sunday
        #expect(Day("2026-11-23")!.weekday == 1)  // a Monday
        #expect(Day("1970-01-01")!.weekday == 4)
    }
}

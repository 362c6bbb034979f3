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

    @Test func printsEveryFieldZeroPaddedEvenAtTheEdgesOfTheCalendar() throws {
        #expect(try #require(Day(year: 1, month: 1, day: 1)).description == "0001-01-01")
        #expect(try #require(Day(year: 987, month: 6, day: 5)).description == "0987-06-05")
        #expect(try #require(Day(year: 9999, month: 12, day: 31)).description == "9999-12-31")
        // Arithmetic may leave the four-digit years: the day is still printed, just longer.
        #expect(try #require(Day(year: 9999, month: 12, day: 31)).adding(days: 1).description == "10000-01-01")
    }

    @Test func knowsTheWeekday() {
        #expect(Day("2026-11-29")!.weekday == 7)  // a Sunday
        #expect(Day("2026-11-23")!.weekday == 1)  // a Monday
        #expect(Day("1970-01-01")!.weekday == 4)
    }
}

import NextSend
import NextSendTestSupport
import Testing

@Suite struct IsoWeekTests {
    @Test func week48Of2026EndsOnSunday29November() throws {
        let week = try #require(IsoWeek("2026-W48"))
        #expect(week.monday.description == "2026-11-23")
        #expect(week.sunday.description == "2026-11-29")
        #expect(week.previous.description == "2026-W47")
        #expect(IsoWeek(containing: Day("2026-11-29")!) == week)
        #expect(IsoWeek(containing: Day("2026-11-30")!).description == "2026-W49")
    }

    @Test(arguments: [("2021-01-03", "2020-W53"), ("2024-12-30", "2025-W01"), ("2026-01-01", "2026-W01"), ("2027-01-01", "2026-W53")])
    func yearBoundariesFollowISO(day: String, week: String) {
        #expect(IsoWeek(containing: Day(day)!).description == week)
    }

    @Test func everyDayRoundTripsThroughItsWeek() {
        let start = Day("2019-12-20")!
        for offset in 0..<(365 * 8) {
            let day = start.adding(days: offset)
            let week = IsoWeek(containing: day)
            #expect(week.monday <= day && day <= week.sunday)
            #expect(IsoWeek(week.description) == week)
        }
    }

    @Test(arguments: ["2026-W54", "2026-W00", "2026W48", "2026-48", "26-W48", "2025-W53"])
    func rejectsWhatIsNotAWeek(_ text: String) {
        #expect(IsoWeek(text) == nil)
    }
}

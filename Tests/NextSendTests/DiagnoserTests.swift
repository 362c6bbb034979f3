import NextSend
import NextSendTestSupport
import Testing

@Suite struct DiagnoserTests {
    let taxonomy = Samples.taxonomy

    func event(_ job: BuyingJob, _ type: JobEvent.Kind, _ date: String) -> JobEvent {
        JobEvent(job: job, type: type, date: Day(date)!)
    }

    @Test func replaysEventsIntoStatusesIdleDaysAndLoops() throws {
        let events = [
            event(.requirementsBuilding, .started, "2026-08-01"),
            event(.requirementsBuilding, .completed, "2026-09-01"),
            event(.requirementsBuilding, .reopened, "2026-10-01"),
            event(.requirementsBuilding, .completed, "2026-10-15"),
            event(.requirementsBuilding, .reopened, "2026-11-20"),
            event(.supplierSelection, .started, "2026-10-01"),
            event(.problemIdentification, .completed, "2026-07-01"),
        ]
        let board = JobBoard.evaluate(events, taxonomy: taxonomy, asOf: Day("2026-11-29")!)
        let requirements = try #require(board.first { $0.job == .requirementsBuilding })
        #expect(requirements.status == .active)
        #expect(requirements.loops == 2)
        #expect(requirements.idleDays == 9)
        #expect(board.first { $0.job == .supplierSelection }?.status == .stalled)
        #expect(board.first { $0.job == .problemIdentification }?.status == .done)
        #expect(board.first { $0.job == .validation }?.status == .notStarted)
        #expect(board.map(\.job) == BuyingJob.allCases)
    }

    @Test func reopeningAJobThatWasNotCompletedIsNoLoop() {
        let board = JobBoard.evaluate([event(.validation, .started, "2026-11-01"), event(.validation, .reopened, "2026-11-20")],
                                      taxonomy: taxonomy, asOf: Day("2026-11-29")!)
        #expect(board.first { $0.job == .validation }?.loops == 0)
    }

    /// Stalled means idle *longer* than the threshold: validation's is 10 days here, the default 14.
    @Test(arguments: [(BuyingJob.validation, 10, false), (.validation, 11, true), (.supplierSelection, 14, false), (.supplierSelection, 15, true)])
    func stallThresholdBoundary(job: BuyingJob, idle: Int, stalled: Bool) {
        let start = Day("2026-11-01")!
        let board = JobBoard.evaluate([JobEvent(job: job, type: .started, date: start)], taxonomy: taxonomy, asOf: start.adding(days: idle))
        #expect(board.first { $0.job == job }?.status == (stalled ? .stalled : .active))
    }

    @Test func manyJobsCanBeActiveAtOnce() {
        let events = BuyingJob.allCases.map { event($0, .started, "2026-11-25") }
        let board = JobBoard.evaluate(events, taxonomy: taxonomy, asOf: Day("2026-11-29")!)
        #expect(board.allSatisfy { $0.status == .active })
    }

    @Test func unengagedMeansNoTouchAndNoClaimInThirtyDays() {
        let diagnosis = Diagnoser.diagnose(Samples.group, taxonomy: taxonomy, asOf: Day("2026-11-29")!)
        // dana: touched 10-12, claimed 10-02; kim: claimed 09-05; lee, max: claimed in November.
        #expect(diagnosis.unengaged == ["dana", "kim"])
        let earlier = Diagnoser.diagnose(Samples.group, taxonomy: taxonomy, asOf: Day("2026-11-10")!)
        #expect(earlier.unengaged == ["kim"])
    }

    @Test func needsAreRankedConflictsFirstWithInfluenceWeighing() throws {
        let diagnosis = Diagnoser.diagnose(Samples.group, taxonomy: taxonomy, asOf: Day("2026-11-29")!)
        let kinds = diagnosis.needs.map(\.kind.key)
        #expect(kinds.contains("conflict:tco"))
        #expect(kinds.contains("stalled-job:validation"))
        #expect(kinds.contains("unengaged-stakeholder:kim"))
        let tco = try #require(diagnosis.needs.first { $0.kind == .conflict(topic: "tco") })
        let deployment = try #require(diagnosis.needs.first { $0.kind == .conflict(topic: "deployment") })
        // tco involves a decision-maker and an influencer (1.6); deployment three lighter people (2.0).
        #expect(deployment.urgency > tco.urgency)
        let unengagedDana = try #require(diagnosis.needs.first { $0.kind == .unengagedStakeholder("dana") })
        let unengagedKim = try #require(diagnosis.needs.first { $0.kind == .unengagedStakeholder("kim") })
        #expect(unengagedDana.urgency > unengagedKim.urgency, "a decision-maker nobody reached matters more")
        #expect(diagnosis.needs == diagnosis.needs.sorted { $0.urgency != $1.urgency ? $0.urgency > $1.urgency : $0.kind.key < $1.kind.key })
    }
}

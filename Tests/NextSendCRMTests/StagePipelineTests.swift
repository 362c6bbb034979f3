import NextSend
import NextSendCRM
import NextSendTestSupport
import Testing
import NextSendSynthetic

/// CRM stages as a path: a skipped stage leaves no false stall, a move back is a loop.
@Suite struct StagePipelineTests {
    /// Salesforce's standard stages, as content/crm.yaml maps them.
    static let salesforce = StagePipeline(name: "default", stages: [
        .init(stage: "Prospecting", starts: [.problemIdentification]),
        .init(stage: "Qualification", starts: [.solutionExploration]),
        .init(stage: "Needs Analysis", starts: [.requirementsBuilding], progresses: [.solutionExploration]),
        .init(stage: "Value Proposition", progresses: [.requirementsBuilding]),
        .init(stage: "Id. Decision Makers", starts: [.consensusCreation], progresses: [.requirementsBuilding]),
        .init(stage: "Perception Analysis", starts: [.supplierSelection]),
        .init(stage: "Proposal/Price Quote", starts: [.validation], progresses: [.supplierSelection]),
        .init(stage: "Negotiation/Review", progresses: [.validation, .consensusCreation]),
        .init(stage: "Closed Won", closed: .won),
        .init(stage: "Closed Lost", closed: .lost),
    ], keepOpen: [.consensusCreation])

    let day = Day("2026-07-06")!

    func board(_ path: [(String, Int)], asOf: Int) -> [BuyingJob: JobState] {
        let events = StagePipelineTests.salesforce.events(for: path.map { ($0.0, day.adding(days: $0.1)) }, source: "Salesforce")
        let states = JobBoard.evaluate(events, taxonomy: Samples.taxonomy, asOf: day.adding(days: asOf))
        return Dictionary(uniqueKeysWithValues: states.map { ($0.job, $0) })
    }

    /// The deal: Prospecting → Qualification → Needs Analysis → Proposal → Negotiation,
    /// skipping Value Proposition, Id. Decision Makers and Perception Analysis.
    @Test func aDealThatSkipsStagesHasNoFalseStall() {
        let jobs = board([("Prospecting", 0), ("Qualification", 28), ("Needs Analysis", 57), ("Proposal/Price Quote", 127),
                          ("Negotiation/Review", 150)], asOf: 152)
        #expect(jobs[.problemIdentification]?.status == .done)
        #expect(jobs[.solutionExploration]?.status == .done, "explored long ago, not 'stalled 122 days'")
        #expect(jobs[.requirementsBuilding]?.status == .done)
        #expect(jobs[.supplierSelection]?.status == .done, "started by the skipped Perception Analysis, done by Negotiation")
        #expect(jobs[.validation]?.status == .active)
        #expect(jobs[.consensusCreation]?.status == .active, "kept open: consensus is built until the deal closes")
        #expect(jobs.values.allSatisfy { $0.status != .stalled })
    }

    @Test func movingBackReopensWhatMovingForwardCompleted() {
        let jobs = board([("Prospecting", 0), ("Needs Analysis", 10), ("Proposal/Price Quote", 40), ("Needs Analysis", 60)], asOf: 61)
        #expect(jobs[.requirementsBuilding]?.status == .active)
        #expect(jobs[.requirementsBuilding]?.loops == 1, "back to Needs Analysis: requirements building looped")
        #expect(jobs[.solutionExploration]?.status == .active)
        #expect(jobs[.problemIdentification]?.status == .done, "earlier than where the deal went back to: still done")
        #expect(jobs[.validation]?.isOpen == true, "started at Proposal; going back does not complete it")
    }

    @Test func stageNamesMatchInAnyCaseAndUnknownStagesSayNothing() {
        let pipeline = StagePipelineTests.salesforce
        #expect(pipeline.position(of: " proposal/price  QUOTE ") == 6)
        #expect(pipeline.closing(of: "closed won") == .won)
        #expect(pipeline.events(for: [("Nonsense", day)], source: "x").isEmpty)
    }

    /// For every forward path, where the deal stands decides what is done: the same set of jobs
    /// is done whichever earlier stages it passed through or skipped.
    @Test func forwardPathsAgreeOnWhatIsDoneWhereverTheyPassed() {
        let stages = StagePipelineTests.salesforce.stages.prefix(8).map(\.stage)
        var random = SeededGenerator(seed: 28)
        for _ in 0..<300 {
            let chosen = stages.indices.filter { _ in Bool.random(using: &random) }
            guard let last = chosen.last else { continue }
            let walked = board(chosen.enumerated().map { (stages[$0.element], $0.offset * 5) }, asOf: chosen.count * 5)
            let jumped = board([(stages[last], 0)], asOf: chosen.count * 5)
            for job in BuyingJob.allCases {
                #expect((walked[job]?.status == .done) == (jumped[job]?.status == .done), "\(chosen.map { stages[$0] }) \(job)")
            }
            #expect(!walked.values.contains { $0.status == .stalled && StagePipelineTests.salesforce.completed(at: last).contains($0.job) })
        }
    }
}

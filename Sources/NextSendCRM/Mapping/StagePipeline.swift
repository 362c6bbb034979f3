import NextSend

/// A CRM pipeline as the stages a deal moves along, in order, and what reaching each says about
/// the buying jobs.
///
/// CRM stages are a path, not a list of events: a deal that goes from Prospecting straight to
/// Proposal has done its problem identification and solution exploration even though nobody
/// moved it through those stages. Reaching a stage therefore completes every job an earlier stage
/// starts — passed through or skipped — unless that stage or a later one still works on it, or
/// the mapping keeps it open (consensus is built until the deal closes). Moving back along the
/// path reopens what moving forward had completed: a loop, as buyers make them.
///
/// ```swift
/// let pipeline = StagePipeline(name: "default", stages: [
///     .init(stage: "Prospecting", starts: [.problemIdentification]),
///     .init(stage: "Proposal", starts: [.validation]),
/// ], keepOpen: [])
/// pipeline.events(for: [("Prospecting", d1), ("Proposal", d2)])
/// // problem identification started on d1, completed on d2; validation started on d2
/// ```
public struct StagePipeline: Sendable, Hashable, Codable {
    /// What reaching one stage means.
    public struct Stage: Sendable, Hashable, Codable {
        public enum Closing: String, Sendable, Hashable, Codable { case won, lost }

        public var stage: String
        public var starts: [BuyingJob]
        public var progresses: [BuyingJob]
        public var completes: [BuyingJob]
        /// Reaching it closes the deal.
        public var closed: Closing?

        public init(stage: String, starts: [BuyingJob] = [], progresses: [BuyingJob] = [], completes: [BuyingJob] = [], closed: Closing? = nil) {
            self.stage = stage
            self.starts = starts
            self.progresses = progresses
            self.completes = completes
            self.closed = closed
        }
    }

    public var name: String
    public var stages: [Stage]

    /// How a deal standing at `stage` closed, when that stage closes deals.
    public func closing(of stage: String) -> Stage.Closing? { position(of: stage).flatMap { stages[$0].closed } }
    /// Jobs that reaching later stages never completes on its own.
    public var keepOpen: [BuyingJob]

    public init(name: String, stages: [Stage], keepOpen: [BuyingJob]) {
        self.name = name
        self.stages = stages
        self.keepOpen = keepOpen
    }

    /// The position of a stage named in any case and spacing, as CRMs write them.
    public func position(of stage: String) -> Int? {
        let wanted = StagePipeline.fold(stage)
        return stages.firstIndex { StagePipeline.fold($0.stage) == wanted }
    }

    /// "closed won" for " Closed  Won": stage names compared without case and extra spaces.
    static func fold(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The jobs done once a deal stands at `position`: those a stage up to it completes, and those
    /// an earlier stage starts that neither this stage nor a later one works on, nor `keepOpen`;
    /// at a stage that wins the deal, every job an earlier stage works on.
    public func completed(at position: Int) -> Set<BuyingJob> {
        var done = Set(stages[...position].flatMap(\.completes))
        if stages[position].closed == .won {
            // A won deal has done every job it worked on, consensus included.
            return done.union(stages[..<position].flatMap { $0.starts + $0.progresses })
        }
        let stillWorked = Set(stages[position...].flatMap { $0.starts + $0.progresses })
        for job in stages[..<position].flatMap(\.starts) where !stillWorked.contains(job) && !keepOpen.contains(job) {
            done.insert(job)
        }
        return done
    }

    /// The buying-job events of a deal that reached `path`'s stages on those days (oldest first).
    /// Stages the pipeline does not list are skipped (the caller reports them); a repeated stage
    /// says nothing new.
    public func events(for path: [(stage: String, day: Day)], source: String) -> [JobEvent] {
        var events: [JobEvent] = []
        var current: Int?
        for step in path {
            guard let position = position(of: step.stage), position != current else { continue }
            let stage = stages[position]
            let note = "entered \(stage.stage) in \(source)"
            var reopened = Set<BuyingJob>()
            if let from = current, position < from {
                // Back along the path: what reaching the later stage had completed is open again.
                for job in BuyingJob.allCases where completed(at: from).contains(job) && !completed(at: position).contains(job) {
                    events.append(JobEvent(job: job, type: .reopened, date: step.day, note: note))
                    reopened.insert(job)
                }
            }
            let alreadyDone = current.map(completed(at:)) ?? []
            let done = completed(at: position)
            for job in BuyingJob.allCases where done.contains(job) && !alreadyDone.contains(job) {
                events.append(JobEvent(job: job, type: .completed, date: step.day, note: note))
            }
            for job in stage.starts where !done.contains(job) && !reopened.contains(job) {
                events.append(JobEvent(job: job, type: .started, date: step.day, note: note))
            }
            for job in stage.progresses where !done.contains(job) && !stage.starts.contains(job) && !reopened.contains(job) {
                events.append(JobEvent(job: job, type: .progressed, date: step.day, note: note))
            }
            current = position
        }
        return events
    }
}

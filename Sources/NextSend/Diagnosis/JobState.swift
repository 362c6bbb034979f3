/// Where one buying job stands as of a day.
public struct JobState: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case notStarted = "not-started"
        case active
        /// Active, with no event for longer than the job's stall threshold.
        case stalled
        case done
    }

    public var job: BuyingJob
    public var status: Status
    /// The day of the job's last event, if it has any.
    public var lastActivity: Day?
    /// Days since the last event (`nil` for a job never started).
    public var idleDays: Int?
    /// How often the job was reopened after being completed.
    public var loops: Int
    /// The stall threshold that applied.
    public var stallDays: Int

    /// Whether anyone is working on it (active or stalled).
    public var isOpen: Bool { status == .active || status == .stalled }
}

/// Replays a group's job events into the state of each of the six jobs.
///
/// Events are taken in date order (same-day events in the order given); `reopened` after
/// `completed` counts a loop. Any number of jobs can be active at once: buying is not a funnel.
public enum JobBoard {
    public static func evaluate(_ events: [JobEvent], taxonomy: Taxonomy, asOf: Day) -> [JobState] {
        let ordered = events.enumerated()
            .filter { $0.element.date <= asOf }
            .sorted { $0.element.date != $1.element.date ? $0.element.date < $1.element.date : $0.offset < $1.offset }
            .map(\.element)
        return BuyingJob.allCases.map { job in
            var status = JobState.Status.notStarted
            var loops = 0
            var last: Day?
            for event in ordered where event.job == job {
                switch event.type {
                case .started, .progressed:
                    if status != .done || event.type == .started { status = .active }
                case .completed:
                    status = .done
                case .reopened:
                    if status == .done { loops += 1 }
                    status = .active
                }
                last = event.date
            }
            let threshold = taxonomy.stallThreshold(for: job)
            let idle = last.map { $0.days(until: asOf) }
            if status == .active, let idle, idle > threshold { status = .stalled }
            return JobState(job: job, status: status, lastActivity: last, idleDays: idle, loops: loops, stallDays: threshold)
        }
    }
}

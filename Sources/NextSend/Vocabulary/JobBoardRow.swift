/// One buying job as a person reads it on a group's job board — the terminal, the page and the
/// digest all show this row, so its words are chosen once, here.
public struct JobBoardRow: Sendable, Hashable {
    public var job: BuyingJob
    /// "Requirements building".
    public var title: String
    /// "active", "stalled", "not started", "done".
    public var status: String
    public var isStalled: Bool
    public var idleDays: Int?
    /// "12 days", or "–" for a job with no event yet.
    public var idle: String
    public var loops: Int
    /// "reopened twice", or `nil` for a job that never looped.
    public var reopened: String?
    /// What to notice: "idle past its 14-day threshold; reopened twice", or "".
    public var note: String
    /// Days without an event after which this job counts as stalled.
    public var stallDays: Int
}

extension Vocabulary {
    /// The job board row of `state`.
    public func jobRow(_ state: JobState) -> JobBoardRow {
        let reopened = state.loops > 0 ? "reopened \(Words.times(state.loops))" : nil
        let note = [state.status == .stalled ? "idle past its \(state.stallDays)-day threshold" : nil, reopened].compactMap { $0 }
            .joined(separator: "; ")
        return JobBoardRow(job: state.job, title: jobTitle(state.job), status: status(state.status), isStalled: state.status == .stalled,
                           idleDays: state.idleDays, idle: state.idleDays.map { Words.count($0, "day") } ?? "–", loops: state.loops,
                           reopened: reopened, note: note, stallDays: state.stallDays)
    }

    /// What a rep reads when nothing is picked for a group: either it needs nothing, or the live
    /// catalog has nothing for what it needs (a gap marketing sees in its digest).
    public func nothingToSend(_ diagnosis: Diagnosis) -> String {
        diagnosis.needs.isEmpty
            ? "Nothing to send: no open conflict, no stalled or active job, everyone reached."
            : "Nothing in the live catalog serves this group's needs; marketing's weekly digest lists such gaps."
    }
}

/// What one recording did (`dismiss`, `retract`, `group close`, a claim through the API…), in the
/// same shape for all of them: the sentence the CLI prints and the fields behind it.
public struct RecordedReport: Sendable, Hashable, Encodable {
    public var group: String
    /// `claimed`, `event`, `stakeholder`, `dismissed`, `retracted`, `won`, `lost`, `archived`, `open`.
    public var action: String
    public var fact: String?
    public var date: String?
    public var by: String
    public var message: String

    public init(group: String, action: String, fact: String? = nil, date: String? = nil, by: String, message: String) {
        self.group = group
        self.action = action
        self.fact = fact
        self.date = date
        self.by = by
        self.message = message
    }
}

/// A report with whether it recorded something new: the API answers 201 then, 200 otherwise.
public struct Recorded<Report: Sendable & Encodable>: Sendable {
    public var report: Report
    public var isNew: Bool
}

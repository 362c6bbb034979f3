import NextSend

/// What `next` answers for a group: its picks, or why a closed group has none.
public enum NextAnswer: Sendable {
    case picks(Advice, group: BuyingGroup, taxonomy: Taxonomy)
    case closed(ClosedGroupReport)

    /// The JSON shape of `next --json` and `GET /v1/groups/{id}/next`.
    public func report(explain: Bool) -> any Encodable & Sendable {
        switch self {
        case let .picks(advice, group, _):
            RecommendationReport(group: group.id, asOf: advice.diagnosis.asOf, advice.recommendations, explain: explain)
        case let .closed(report):
            report
        }
    }
}

/// `next --json` for a closed or archived group: no recommendations, and why.
public struct ClosedGroupReport: Sendable, Hashable, Encodable {
    public var group: String
    public var asOf: String
    public var status: String
    public var message: String
    public var recommendations: [String] = []
}

import NextSend
import NextSendReports

// `GET /v1/groups/{id}/next`, the hot path, field by field like every answer (Reports+Wire.swift).
// That the bytes equal `nextsend next --json` is checked by the router tests.

extension Components.Schemas.NextReport {
    init(_ answer: NextAnswer, explain: Bool) {
        switch answer {
        case let .picks(advice, group, _):
            let report = RecommendationReport(group: group.id, asOf: advice.diagnosis.asOf, advice.recommendations, explain: explain)
            self.init(group: report.group, asOf: report.asOf, recommendations: report.recommendations.map(Components.Schemas.Pick.init))
        case let .closed(closed):
            self.init(group: closed.group, asOf: closed.asOf, recommendations: [], status: closed.status, message: closed.message)
        }
    }
}

extension Components.Schemas.Pick {
    init(_ entry: RecommendationReport.Entry) {
        self.init(rank: entry.rank, asset: entry.asset, title: entry.title, format: entry.format, url: entry.url, sendTo: entry.sendTo,
                  addresses: entry.addresses.map {
                      Components.Schemas.Address(kind: $0.kind, topic: $0.topic, job: $0.job, role: $0.role, stakeholder: $0.stakeholder)
                  },
                  score: entry.score, reason: entry.reason,
                  breakdown: entry.breakdown?.map { Components.Schemas.ScorePart(name: $0.name, kind: $0.kind, value: $0.value, detail: $0.detail) },
                  evidence: entry.evidence.map { Components.Schemas.Evidence(sends: $0.sends, successes: $0.successes, factor: $0.factor) })
    }
}

import NextSend
import NextSendReports

// Every answer goes from its report to the contract's type field by field and is encoded once,
// by the runtime: encoding a report, decoding the bytes as the generated type and encoding that
// again did the work three times. That the bytes still equal the CLI's `--json` is checked by the
// router tests, for every read and write; the round trip belongs there, not in every answer.

extension Components.Schemas.GroupLine {
    init(_ line: GroupLine) throws {
        self.init(deal: line.deal, id: line.id, account: line.account, owner: line.owner, stakeholders: line.stakeholders,
                  conflicts: line.conflicts, stalled: line.stalled, unengaged: line.unengaged, missingVoices: line.missingVoices,
                  longestStallDays: line.longestStallDays, direction: try Wire.value(line.direction.rawValue), urgency: line.urgency)
    }
}

extension Components.Schemas.GroupReport {
    init(_ report: GroupReport) throws {
        let diagnosis = report.diagnosis
        self.init(
            deal: diagnosis.deal.map {
                Components.Schemas.Deal(name: $0.name, stage: $0.stage, amount: $0.amount, currency: $0.currency, closeDate: $0.closeDate?.description)
            },
            group: diagnosis.group, account: diagnosis.account, owner: diagnosis.owner, asOf: diagnosis.asOf, urgency: diagnosis.urgency,
            jobs: diagnosis.jobs.map {
                Components.Schemas.JobState(job: $0.job, status: $0.status, idleDays: $0.idleDays, loops: $0.loops,
                                            lastActivity: $0.lastActivity, stallDays: $0.stallDays)
            },
            conflicts: diagnosis.conflicts.map { conflict in
                Components.Schemas.Conflict(topic: conflict.topic, label: conflict.label, unit: conflict.unit, positions: conflict.positions.map {
                    Components.Schemas.ConflictSide(position: $0.position, value: $0.value, stakeholders: $0.stakeholders, camp: $0.camp)
                })
            },
            unengaged: diagnosis.unengaged,
            missingVoices: diagnosis.missingVoices.map { Components.Schemas.MissingVoice(job: $0.job, role: $0.role) },
            needs: diagnosis.needs.map {
                Components.Schemas.Need(kind: $0.kind, topic: $0.topic, job: $0.job, role: $0.role, stakeholder: $0.stakeholder,
                                        urgency: $0.urgency, stakeholders: $0.stakeholders)
            },
            status: try Wire.value(report.history.status.rawValue), statusDate: report.history.statusDate?.description,
            stakeholders: report.people.map {
                Components.Schemas.Person(id: $0.id, name: $0.name, role: $0.role, influence: $0.influence, origin: $0.origin, title: $0.title,
                                          email: $0.email, recordedBy: $0.recordedBy, retractedBy: $0.retractedBy)
            },
            claims: report.claims.map {
                Components.Schemas.ClaimEntry(stakeholder: $0.stakeholder, topic: $0.topic, position: $0.position, value: $0.value, date: $0.date,
                                              source: $0.source, origin: $0.origin, quote: $0.quote, recordedBy: $0.recordedBy)
            },
            touches: report.sends.map {
                Components.Schemas.Send(asset: $0.asset, to: $0.to, date: $0.date, channel: $0.channel, consumed: $0.consumed, origin: $0.origin,
                                        recordedBy: $0.recordedBy, retractedBy: $0.retractedBy)
            },
            dismissals: report.dismissals.map {
                Components.Schemas.DismissalEntry(asset: $0.asset, date: $0.date, reason: $0.reason, origin: $0.origin, recordedBy: $0.recordedBy,
                                                  retractedBy: $0.retractedBy)
            },
            retracted: report.retractions.map { Components.Schemas.Retraction(fact: $0.fact, retractedBy: $0.retractedBy) },
            trend: report.trendRows.map {
                Components.Schemas.TrendWeek(week: $0.week, conflicts: $0.conflicts, stalled: $0.stalled, unreached: $0.unreached,
                                             missingVoices: $0.missingVoices, sends: $0.sends, consumed: $0.consumed)
            },
            direction: try Wire.value(report.trend.direction.rawValue))
    }
}

extension Components.Schemas.TouchReport {
    init(_ report: TouchReport) {
        self.init(group: report.group, asset: report.asset, to: report.to, date: report.date, channel: report.channel, consumed: report.consumed,
                  added: report.added, alreadyRecorded: report.alreadyRecorded, markedConsumed: report.markedConsumed, warnings: report.warnings)
    }
}

extension Components.Schemas.RecordedReport {
    init(_ report: RecordedReport) {
        self.init(group: report.group, action: report.action, fact: report.fact, date: report.date, by: report.by, message: report.message)
    }
}

extension Components.Schemas.NoteReport {
    init(_ report: NoteReport) throws {
        self.init(
            group: report.group, format: report.format, date: report.date, origin: report.origin, dryRun: report.dryRun,
            claims: try report.claims.map {
                Components.Schemas.NoteClaim(stakeholder: $0.stakeholder, topic: $0.topic, position: $0.position, value: $0.value, date: $0.date,
                                             origin: $0.origin, quote: $0.quote, recordedBy: $0.recordedBy, stored: try Wire.value($0.stored))
            },
            skipped: try report.skipped.map { Components.Schemas.SkippedStatement(quote: $0.quote, why: try Wire.value($0.why.rawValue)) },
            added: report.added, unchanged: report.unchanged, changed: report.changed, keptRetracted: report.keptRetracted)
    }
}

extension Components.Schemas.Asset {
    /// - Parameter omitBody: listings leave bodies out, as `catalog list --json` does.
    init(_ asset: Asset, omitBody: Bool = false) {
        self.init(id: asset.id, title: asset.title, summary: asset.summary, url: asset.url, format: asset.format, jobs: asset.jobs.map(\.rawValue),
                  roles: asset.roles, topics: asset.topics,
                  resolves: asset.resolves.map { Components.Schemas.Resolution(topic: $0.topic, positions: $0.positions) },
                  shareable: asset.shareable, channel: asset.channel.rawValue, minutes: asset.minutes, industries: asset.industries,
                  published: asset.published?.description, reviewBy: asset.reviewBy?.description, owner: asset.owner,
                  status: asset.status.rawValue, body: omitBody ? nil : asset.body)
    }
}

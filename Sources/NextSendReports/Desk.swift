import NextSend
import NextSendStore

/// The questions a rep asks and the facts a rep records, answered the same way whoever asks:
/// the CLI prints what `Desk` returns, and the HTTP service encodes it.
///
/// Validation happens here (through ``GroupParser``), so a bad claim gets the same message from
/// `nextsend group claim` and from `POST /v1/groups/{id}/claims`; field names are the JSON
/// body's (`topic`), and the CLI renames them to its options (`--topic`).
public struct Desk: Sendable {
    /// Only the desk reaches the store: every command and endpoint asks the desk.
    let store: any Store
    private let advisorFor: @Sendable (Day) throws -> Advisor

    /// - Parameter advisor: the advisor for a day; by default one is built over the store for
    ///   each question (the CLI), while the service hands in one that keeps its catalog index.
    public init(store: any Store, advisor: (@Sendable (Day) throws -> Advisor)? = nil) {
        self.store = store
        advisorFor = advisor ?? { day in try store.advisor(asOf: day) }
    }

    public func advisor(asOf day: Day) throws -> Advisor { try advisorFor(day) }

    // MARK: - Questions

    /// `group list`: one line per group, in id order.
    ///
    /// - Throws: ``StoreError`` (not found) for an owner who owns no group, naming the closest one.
    public func groupLines(owner: String?, includeClosed: Bool, asOf: Day) throws -> [GroupLine] {
        if let owner { try store.requireOwner(owner) }
        let advisor = try advisor(asOf: asOf)
        return try store.groups(owner: owner, includeClosed: includeClosed).map { group in
            GroupLine(group, diagnosis: advisor.diagnose(group, asOf: asOf),
                      direction: ConsensusTrend.direction(group, taxonomy: advisor.taxonomy, asOf: asOf))
        }
    }

    /// `group show`: the diagnosis and the history of one group.
    public func groupView(id: String, asOf: Day) throws -> GroupView {
        let group = try store.existingGroup(id: id)
        let history = try store.history(ofGroup: id)
        let advisor = try advisor(asOf: asOf)
        return GroupView(group: group, diagnosis: advisor.diagnose(group, asOf: asOf), history: history, taxonomy: advisor.taxonomy,
                         trend: ConsensusTrend.of(group, taxonomy: advisor.taxonomy, asOf: asOf))
    }

    /// `next`: what to send the group, or why a closed group gets nothing.
    ///
    /// - Throws: ``DeskError`` (bad input, field `to`) for a recipient who is not in the group.
    public func next(groupID: String, limit: Int, to: String?, asOf: Day) throws -> NextAnswer {
        guard (1...50).contains(limit) else { throw DeskError.badInput(field: "limit", "must be between 1 and 50, not \(limit)") }
        let group = try store.existingGroup(id: groupID)
        let (status, closedOn) = try store.status(ofGroup: group.id)
        guard status.isOpen else {
            // A closed deal gets no picks: say so rather than answer with an empty list.
            let text = "\(group.title) (\(group.id)) is \(status == .archived ? "archived" : "closed as \(status.rawValue)")"
                + "\(closedOn.map { " since \($0)" } ?? ""); nothing to send. 'nextsend group reopen \(group.id)' if it is back."
            return .closed(ClosedGroupReport(group: group.id, asOf: asOf.description, status: status.rawValue, message: text))
        }
        let person = try to.map { try Desk.person($0, in: group) }
        let advisor = try advisor(asOf: asOf)
        return .picks(try advisor.advise(group, asOf: asOf, limit: limit, to: person), group: group, taxonomy: advisor.taxonomy)
    }

    /// The longest search accepted, in characters.
    public static let searchLimit = 200

    /// `catalog list`: assets by tag or full-text search (best match first), checking each tag
    /// against the taxonomy so a typo is named rather than answered with nothing.
    public func assets(job: String?, role: String?, topic: String?, format: String?, search: String?,
                       status: Asset.Status? = nil) throws -> [Asset] {
        // Each word is a full-text query of its own: a search is a few words, not a page.
        if let search, search.count > Desk.searchLimit {
            throw DeskError.badInput(field: "search", "is \(search.count) characters; a search takes at most \(Desk.searchLimit)")
        }
        var buyingJob: BuyingJob?
        if let job {
            guard let parsed = BuyingJob(rawValue: job) else {
                throw DeskError.badInput(field: "job", "'\(job)' is not a buying job" + Suggestion.hint(for: job, in: BuyingJob.allCases.map(\.rawValue)))
            }
            buyingJob = parsed
        }
        let taxonomy = role == nil && topic == nil && format == nil ? nil : try store.taxonomy()
        for (field, value, known) in [("role", role, taxonomy?.roles ?? []), ("topic", topic, taxonomy?.topics.map(\.id) ?? []),
                                      ("format", format, taxonomy?.formats ?? [])] {
            if let value, !known.contains(value) {
                throw DeskError.badInput(field: field, "'\(value)' is not in the taxonomy" + Suggestion.hint(for: value, in: known))
            }
        }
        return try store.assets(matching: AssetFilter(job: buyingJob, role: role, topic: topic, format: format, status: status, search: search))
    }

    /// `catalog show`: one asset.
    public func asset(id: String) throws -> Asset {
        guard let asset = try store.asset(id: id) else {
            throw DeskError.notFound("no asset '\(id)' in the catalog" + Suggestion.hint(for: id, in: try store.assetIDs().sorted()))
        }
        return asset
    }

    // MARK: - Records

    /// Records a send. `fields` are those of a touch in a group file (`asset`, `to` comma
    /// separated, `date`, `channel`, `consumed`); `today` is the latest day a fact may carry.
    public func recordTouch(groupID: String, fields: [String: String], today: Day, by recorder: Recorder) throws -> Recorded<TouchReport> {
        let group = try store.existingGroup(id: groupID)
        var fields = fields
        if fields["date"] == nil { fields["date"] = today.description }
        let touch = try GroupParser.touch(fields, in: group, knownAssets: try store.assetIDs(), latest: today)
        let advisor = try advisor(asOf: touch.date)
        let warnings = try store.asset(id: touch.asset).map { try advisor.touchWarnings(for: $0, to: group, on: touch.date) }?
            .map(\.description) ?? []
        let outcome = try store.recordTouch(touch, to: group.id, by: recorder)
        // The answer says what is stored: a send already recorded that day keeps its channel,
        // whatever channel the repeat named.
        var channel = touch.channel
        if outcome.added.isEmpty {
            channel = try store.history(ofGroup: group.id).sends
                .first { $0.asset == touch.asset && $0.date == touch.date && !$0.provenance.isRetracted && !Set($0.to).isDisjoint(with: touch.to) }?
                .channel
        }
        let report = TouchReport(group: group.id, asset: touch.asset, to: touch.to, date: touch.date.description, channel: channel,
                                consumed: touch.consumed, added: outcome.added, alreadyRecorded: outcome.alreadyRecorded,
                                markedConsumed: outcome.markedConsumed, warnings: warnings)
        return Recorded(report: report, isNew: !outcome.added.isEmpty)
    }

    /// Records what a stakeholder now holds: `stakeholder`, `topic`, `position` or `value`, `source`, `date`.
    public func recordClaim(groupID: String, fields: [String: String], today: Day, by recorder: Recorder) throws -> Recorded<RecordedReport> {
        let group = try store.existingGroup(id: groupID)
        var fields = fields
        if fields["date"] == nil { fields["date"] = today.description }
        let taxonomy = try store.taxonomy()
        if let topic = fields["topic"].flatMap(taxonomy.topic) { fields = try Desk.typedClaimValue(fields, topic: topic) }
        let claim = try GroupParser.claim(fields, in: group, taxonomy: taxonomy, latest: today)
        let outcome = try store.recordClaim(claim, to: group.id, by: recorder)
        let words = Vocabulary(taxonomy)
        var names = words.names(in: group)
        let fact = "\(names.mention(claim.stakeholder)) holds \(words.value(claim.value, topic: claim.topic)) "
            + "on \(words.topic(claim.topic)) as of \(claim.date)"
        let message = switch outcome {
        case .added: "Recorded: \(fact)."
        case .changed: "Updated the claim of that day: \(fact)."
        case .unchanged: "Already recorded: \(fact)."
        }
        return Recorded(report: RecordedReport(group: group.id, action: "claimed", fact: "\(claim.stakeholder)/\(claim.topic)",
                                               date: claim.date.description, by: recorder.name, message: message),
                        isNew: outcome != .unchanged)
    }

    /// A claim as a person types it: `$150k`, `150,000` or `1.2M` for a number topic, a
    /// position in any case or with spaces (`Cloud Only`) for a choice topic; what cannot be read
    /// is passed on unchanged for the parser to name.
    ///
    /// - Throws: ``DeskError`` (field `value`) for a figure in another unit than the topic's, or
    ///   too large to store.
    static func typedClaimValue(_ fields: [String: String], topic: Topic) throws -> [String: String] {
        var fields = fields
        let name = Words.lowercasingFirst(topic.label)
        if case let .number(unit, _) = topic.kind, let text = fields["value"], let figure = TypedFigure(text) {
            var value = figure.value
            if let given = figure.unit, !Desk.sameUnit(given, unit) {
                // "3 months" on a topic counted in weeks is 13 weeks; "€150k" on one in USD is refused.
                guard let unit, let converted = FigureUnit.convert(value, from: given, to: unit) else {
                    throw DeskError.badInput(field: "value", "'\(text)' is in \(given); \(name) is counted in \(unit ?? "plain numbers")")
                }
                value = converted
            }
            guard NumberText.isAcceptable(value) else {
                throw DeskError.badInput(field: "value", "'\(text)' is out of range: expected a number between -10^15 and 10^15")
            }
            fields["value"] = NumberText.plain(Rounding.figure(value))
        }
        if !topic.isNumber, let text = fields["position"], !topic.positions.contains(text) {
            // "Cloud-Only", "cloud only", and a unique start of the words: "on prem" for on-prem-required.
            let typed = text.trimmingCharacters(in: .whitespaces).lowercased().split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" })
            let words = topic.positions.map { ($0, $0.split(separator: "-")) }
            if let exact = words.first(where: { $0.1 == typed }) {
                fields["position"] = exact.0
            } else if !typed.isEmpty {
                let starts = words.filter { $0.1.count >= typed.count && Array($0.1.prefix(typed.count)) == typed }
                if starts.count == 1 { fields["position"] = starts[0].0 }
            }
        }
        return fields
    }

    private static func sameUnit(_ given: String, _ unit: String?) -> Bool {
        guard let unit else { return false }
        let aliases = ["%": "percent"]
        let (a, b) = (given.lowercased(), unit.lowercased())
        return (aliases[a] ?? a) == (aliases[b] ?? b)
    }

    /// Records a buying-job event: `job`, `type`, `date`, `note`.
    public func recordEvent(groupID: String, fields: [String: String], today: Day, by recorder: Recorder) throws -> Recorded<RecordedReport> {
        let group = try store.existingGroup(id: groupID)
        var fields = fields
        if fields["date"] == nil { fields["date"] = today.description }
        let event = try GroupParser.event(fields, latest: today)
        let outcome = try store.recordEvent(event, to: group.id, by: recorder)
        let message = "\(outcome == .added ? "Recorded" : "Already recorded"): \(Words.capitalized(event.job.phrase)) "
            + "\(event.type.rawValue) on \(event.date)."
        return Recorded(report: RecordedReport(group: group.id, action: "event", fact: "\(event.job.rawValue) \(event.type.rawValue)",
                                               date: event.date.description, by: recorder.name, message: message),
                        isNew: outcome == .added)
    }

    /// Adds a person: `id`, `name`, `role`, `influence`, `title`.
    ///
    /// - Throws: ``StoreError`` (duplicate) when the id is taken.
    public func addStakeholder(groupID: String, fields: [String: String], by recorder: Recorder) throws -> Recorded<RecordedReport> {
        let group = try store.existingGroup(id: groupID)
        // Taken is a conflict with what is stored (409), not a mistake in the input (400).
        if let id = fields["id"], group.stakeholder(id) != nil {
            throw StoreError(.duplicate, "stakeholder '\(id)' is already in \(group.id); retract it first to add it anew")
        }
        for key in ["id", "name", "role", "influence"] where fields[key]?.trimmingCharacters(in: .whitespaces).isEmpty == true {
            throw DeskError.badInput(field: key, "must not be empty")
        }
        let taxonomy = try store.taxonomy()
        let person = try GroupParser.stakeholder(fields, in: group, taxonomy: taxonomy)
        try store.addStakeholder(person, to: group.id, by: recorder)
        return Recorded(report: RecordedReport(group: group.id, action: "stakeholder", fact: person.id, by: recorder.name,
                                               message: "Added \(Vocabulary(taxonomy).personWithInfluence(person)) to \(group.id)."),
                        isNew: true)
    }

    /// Records that a rep said no to a pick: it stays out of the group's picks for the policy's dismissal window.
    public func recordDismissal(groupID: String, asset: String, date: Day?, reason: String?, today: Day,
                                by recorder: Recorder) throws -> Recorded<RecordedReport> {
        let when = date ?? today
        guard when <= today else {
            throw DeskError.badInput(field: "date", "\(when) is after \(today); a dismissal cannot be dated later than the day it is recorded")
        }
        if let reason, reason.count > 500 { throw DeskError.badInput(field: "reason", "is \(reason.count) characters; at most 500") }
        // Dismissing again without a reason keeps the reason given before.
        let given = reason.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        let earlier = given == nil ? try store.history(ofGroup: groupID).dismissals
            .last { $0.dismissal.asset == asset && $0.dismissal.date == when && !$0.provenance.isRetracted }?.dismissal.reason : nil
        let dismissal = Dismissal(asset: asset, date: when, reason: given ?? earlier)
        let outcome = try store.recordDismissal(dismissal, in: groupID, by: recorder)
        let until = when.adding(days: ScoringPolicy.standard.dismissalDays)
        let message = switch outcome {
        case .added: "Dismissed \(asset) for \(groupID) on \(when): out of its picks until \(until)."
        case .changed: "Updated the reason of the dismissal of \(asset) for \(groupID) on \(when)."
        case .unchanged: "Already dismissed: \(asset) for \(groupID) on \(when)."
        }
        return Recorded(report: RecordedReport(group: groupID, action: "dismissed", fact: asset, date: when.description,
                                               by: recorder.name, message: message),
                        isNew: outcome == .added)
    }
}

extension Desk {
    /// Marks earlier sends consumed (`consumed GROUP ASSET --by-recipient`, `POST …/consumed`):
    /// without a date, each recipient's latest send of the asset.
    ///
    /// - Throws: ``DeskError`` (field `recipients`) for someone not in the group; ``StoreError``
    ///   (not found) for a recipient who never got the asset.
    public func markConsumed(groupID: String, asset: String, recipients: [String], date: Day?,
                             by recorder: Recorder) throws -> Recorded<RecordedReport> {
        let group = try store.existingGroup(id: groupID)
        guard !recipients.isEmpty else { throw DeskError.badInput(field: "recipients", "name at least one stakeholder") }
        for person in recipients where group.stakeholder(person) == nil {
            throw DeskError.badInput(field: "recipients", "no stakeholder '\(person)' in \(group.id)"
                + Suggestion.hint(for: person, in: group.stakeholders.map(\.id)))
        }
        let history = try store.history(ofGroup: group.id)
        let before = Set(history.sends.filter { $0.asset == asset && $0.consumed }.flatMap { send in send.to.map { "\($0)/\(send.date)" } })
        let marked = try store.markConsumed(asset: asset, in: group.id, recipients: recipients, date: date, by: recorder)
        let title = try store.asset(id: asset)?.title ?? asset
        var names = Vocabulary(try store.taxonomy()).names(in: group)
        let isNew = marked.contains { !before.contains("\($0.recipient)/\($0.date)") }
        let message = (isNew ? "Marked consumed: " : "Already marked consumed: ") + "\(title) for "
            + Words.list(marked.map { "\(names.mention($0.recipient)) (sent \($0.date))" }) + "."
        return Recorded(report: RecordedReport(group: group.id, action: "consumed", fact: asset,
                                               date: marked.map(\.date).max()?.description, by: recorder.name, message: message),
                        isNew: isNew)
    }

    /// Closes a deal as won or lost, archives it, or opens it again (`group close|archive|reopen`):
    /// a closed or archived group leaves `next`, the digest and `group list`; its history stays.
    public func setStatus(groupID: String, _ status: GroupStatus, on day: Day, by recorder: Recorder) throws -> Recorded<RecordedReport> {
        try store.setStatus(status, ofGroup: groupID, on: day, by: recorder)
        let message = switch status {
        case .won, .lost: "\(groupID) is closed as \(status.rawValue) on \(day); it leaves next and the digest. Its history stays."
        case .archived: "\(groupID) is archived on \(day); it leaves next and the digest. Its history stays."
        case .open: "\(groupID) is open again."
        }
        return Recorded(report: RecordedReport(group: groupID, action: status.rawValue, date: day.description, by: recorder.name, message: message),
                        isNew: true)
    }

    /// Withdraws a recorded fact, or a rep's consumed mark (`retract`, `POST …/retractions`): it
    /// stays in the history, marked, and stops counting from `day`.
    public func retract(groupID: String, fact: FactReference, on day: Day, by recorder: Recorder) throws -> Recorded<RecordedReport> {
        let group = try store.existingGroup(id: groupID)
        try store.retract(fact, in: group.id, by: recorder, on: day)
        let message = if case .consumed = fact {
            "Took back \(fact) (by \(recorder.name)): the send stays, no longer marked consumed."
        } else {
            "Retracted by \(recorder.name): \(fact). It stays in the history, marked, and no longer counts."
        }
        return Recorded(report: RecordedReport(group: group.id, action: "retracted", fact: fact.description, date: day.description, by: recorder.name,
                                               message: message),
                        isNew: true)
    }

    /// The stakeholder a rep means: an id, an e-mail address, a full name, or a first or last name
    /// no one else in the group has (any case). CRM ids (`c-003hs00003cnt01iax`) are not what a rep types.
    ///
    /// - Throws: ``DeskError`` (field `to`) naming everyone with their id, or the people a name fits.
    static func person(_ text: String, in group: BuyingGroup, field: String = "to") throws -> String {
        if group.stakeholder(text) != nil { return text }
        let wanted = text.trimmingCharacters(in: .whitespaces).lowercased()
        if wanted.contains("@"), let person = group.stakeholders.first(where: { $0.email?.lowercased() == wanted }) { return person.id }
        let byName = group.stakeholders.filter { $0.name.lowercased() == wanted }
        let byPart = group.stakeholders.filter { person in
            let parts = person.name.lowercased().split(separator: " ")
            return parts.first.map(String.init) == wanted || parts.last.map(String.init) == wanted
        }
        let found = byName.isEmpty ? byPart : byName
        if found.count == 1 { return found[0].id }
        let list = (found.isEmpty ? group.stakeholders : found).map { "\($0.name) (\($0.id))" }.joined(separator: ", ")
        throw DeskError.badInput(field: field, found.isEmpty ? "no one called '\(text)' in \(group.id); expected one of \(list)"
                                    : "'\(text)' could be \(list); give the full name or the id")
    }

    /// "an event", "a claim", "a consumed mark".
    static func article(_ kind: String) -> String {
        kind == "consumed" ? "a consumed mark" : ("aeiou".contains(kind.first ?? "x") ? "an " : "a ") + kind
    }

    /// The fact a retraction names, from the fields of `POST …/retractions` (the CLI's options).
    ///
    /// - Throws: ``DeskError`` naming the first missing or unreadable field.
    public static func fact(kind: String, fields: [String: String], to: [String]?) throws -> FactReference {
        func need(_ key: String) throws -> String {
            guard let value = fields[key], !value.isEmpty else { throw DeskError.badInput(field: key, "retracting \(Desk.article(kind)) needs \(key)") }
            return value
        }
        func day() throws -> Day {
            let text = try need("date")
            guard let day = Day(text) else { throw DeskError.badInput(field: "date", "'\(text)' is not a day; expected YYYY-MM-DD") }
            return day
        }
        func people() throws -> [String] {
            guard let to, !to.isEmpty else { throw DeskError.badInput(field: "to", "retracting \(Desk.article(kind)) needs to, the recipients") }
            return to
        }
        switch kind {
        case "claim":
            return .claim(stakeholder: try need("stakeholder"), topic: try need("topic"), date: try day(),
                          origin: fields["origin"].flatMap { $0.isEmpty ? nil : $0 })
        case "event":
            let jobName = try need("job"), typeName = try need("type")
            guard let job = BuyingJob(rawValue: jobName) else {
                throw DeskError.badInput(field: "job", "'\(jobName)' is not a buying job" + Suggestion.hint(for: jobName, in: BuyingJob.allCases.map(\.rawValue)))
            }
            guard let type = JobEvent.Kind(rawValue: typeName) else {
                throw DeskError.badInput(field: "type", "must be started, progressed, completed or reopened, not '\(typeName)'")
            }
            return .event(job: job, type: type, date: try day())
        case "send": return .send(asset: try need("asset"), to: try people(), date: try day())
        case "consumed": return .consumed(asset: try need("asset"), to: try people(), date: try day())
        case "dismissal": return .dismissal(asset: try need("asset"), date: try day())
        case "stakeholder": return .stakeholder(id: try need("stakeholder"))
        default:
            throw DeskError.badInput(field: "kind", "'\(kind)' is not a kind of fact; expected claim, event, send, consumed, dismissal or stakeholder")
        }
    }
}

/// One group as `group show` presents it.
public struct GroupView: Sendable {
    public var group: BuyingGroup
    public var diagnosis: Diagnosis
    public var history: GroupHistory
    public var taxonomy: Taxonomy
    /// The last twelve weeks, each as of its Sunday, and the direction.
    public var trend: ConsensusTrend

    /// The JSON shape of `group show --json` and `GET /v1/groups/{id}`.
    public var report: GroupReport {
        GroupReport(diagnosis: DiagnosisReport(diagnosis, group: group, taxonomy: taxonomy), history: history, trend: trend)
    }
}

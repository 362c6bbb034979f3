import Foundation
import NextSend
import NextSendReports
import NextSendStore
import OpenAPIRuntime
import Prometheus

/// The JSON API, as openapi.yaml describes it: each operation asks the ``Desk`` what the CLI
/// would, and answers with the same JSON.
///
/// Errors are thrown (``Problem``, ``DeskError``, ``StoreError``, ``ValidationFailure``) and
/// become `application/problem+json` in ``ProblemMiddleware``.
struct APIHandler: APIProtocol {
    var desk: Desk
    var metrics: PrometheusCollectorRegistry
    var process: ProcessMetrics
    /// Today, for requests without `asOf`: the service's only clock.
    var today: @Sendable () -> Day

    /// Who the request's writes are recorded under.
    private var recorder: Recorder { Recorder(ServiceContext.current?.caller ?? AccessTokens.anonymousName) }

    private func day(_ text: String?, field: String = "asOf") throws -> Day {
        guard let text else { return today() }
        guard let day = Day(text) else { throw Problem.badRequest("\(field): '\(text)' is not a day; expected YYYY-MM-DD") }
        return day
    }

    private func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T { try await Blocking.run(body) }

    // MARK: - Operations

    /// Liveness: the process answers. The database is readiness's business — a kubelet that
    /// restarted every instance because PostgreSQL went away would only add to the outage.
    func health(_ input: Operations.Health.Input) async throws -> Operations.Health.Output {
        .ok(.init(body: .json(.init(status: "ok"))))
    }

    func readiness(_ input: Operations.Readiness.Input) async throws -> Operations.Readiness.Output {
        let desk = self.desk
        // A database that does not answer within a second is as good as down for a load balancer.
        // The check runs on its own: the answer does not wait for a blocked call to come back.
        let answered = try await Deadline.race(seconds: 1) { _ = try await Blocking.run { try desk.ping() } }
        guard answered else {
            throw Problem(status: .serviceUnavailable, detail: "the database did not answer within a second", extraHeaders: [.retryAfter: "2"])
        }
        return .ok(.init(body: .json(.init(status: "ok"))))
    }

    func metrics(_ input: Operations.Metrics.Input) async throws -> Operations.Metrics.Output {
        process.update()
        return .ok(.init(body: .plainText(HTTPBody(metrics.emitToString()))))
    }

    func listGroups(_ input: Operations.ListGroups.Input) async throws -> Operations.ListGroups.Output {
        let (desk, asOf, query) = (desk, try day(input.query.asOf), input.query)
        let owner = query.owner.flatMap { $0.isEmpty ? nil : $0 }  // ?owner= is every owner, as no owner is
        let lines = try await run { try desk.groupLines(owner: owner, includeClosed: query.all ?? false, asOf: asOf) }
        return .ok(.init(body: .json(try lines.map(Components.Schemas.GroupLine.init))))
    }

    func showGroup(_ input: Operations.ShowGroup.Input) async throws -> Operations.ShowGroup.Output {
        let (desk, asOf, id) = (desk, try day(input.query.asOf), input.path.id)
        let report = try await run { try desk.groupView(id: id, asOf: asOf).report }
        return .ok(.init(body: .json(try Components.Schemas.GroupReport(report))))
    }

    func nextForGroup(_ input: Operations.NextForGroup.Input) async throws -> Operations.NextForGroup.Output {
        let (desk, asOf, id, query) = (desk, try day(input.query.asOf), input.path.id, input.query)
        let answer = try await run { try desk.next(groupID: id, limit: query.limit ?? 5, to: query.to, asOf: asOf) }
        return .ok(.init(body: .json(Components.Schemas.NextReport(answer, explain: query.explain ?? false))))
    }

    func recordTouch(_ input: Operations.RecordTouch.Input) async throws -> Operations.RecordTouch.Output {
        guard case let .json(body) = input.body else { throw Problem.badRequest("body: expected JSON") }
        var fields = ["asset": body.asset, "to": body.to.joined(separator: ","), "consumed": body.consumed == true ? "true" : "false"]
        fields["date"] = body.date
        if body.channel?.isEmpty == true { throw Problem.badRequest("channel: must not be empty; leave it out for none") }
        fields["channel"] = body.channel
        let (desk, today, recorder, id, touch) = (desk, today(), recorder, input.path.id, fields)
        let recorded = try await run { try desk.recordTouch(groupID: id, fields: touch, today: today, by: recorder) }
        let response = Components.Responses.Sent(body: .json(Components.Schemas.TouchReport(recorded.report)))
        return recorded.isNew ? .created(response) : .ok(response)
    }

    func recordClaim(_ input: Operations.RecordClaim.Input) async throws -> Operations.RecordClaim.Output {
        guard case let .json(body) = input.body else { throw Problem.badRequest("body: expected JSON") }
        var fields = ["stakeholder": body.stakeholder, "topic": body.topic]
        fields["position"] = body.position
        fields["value"] = body.value.map(Wire.figure)
        if body.source?.isEmpty == true { throw Problem.badRequest("source: must not be empty; leave it out for none") }
        fields["source"] = body.source
        fields["date"] = body.date
        let (desk, today, recorder, id, given) = (desk, today(), recorder, input.path.id, fields)
        return try await recorded(run { try desk.recordClaim(groupID: id, fields: given, today: today, by: recorder) })
    }

    func readNotes(_ input: Operations.ReadNotes.Input) async throws -> Operations.ReadNotes.Output {
        guard case let .json(body) = input.body else { throw Problem.badRequest("body: expected JSON") }
        let date = try body.date.map { text -> Day in
            guard let day = Day(text) else { throw Problem.badRequest("date: '\(text)' is not a day; expected YYYY-MM-DD") }
            return day
        }
        let (desk, today, recorder, id) = (desk, today(), recorder, input.path.id)
        let result = try await run {
            try desk.readNote(groupID: id, text: body.text, format: body.format?.rawValue, date: date, from: body.from, today: today,
                              by: recorder, dryRun: body.dryRun ?? false)
        }
        let response = Components.Responses.NoteRead(body: .json(try Components.Schemas.NoteReport(result.report)))
        return result.isNew ? .created(response) : .ok(response)
    }

    func recordEvent(_ input: Operations.RecordEvent.Input) async throws -> Operations.RecordEvent.Output {
        guard case let .json(body) = input.body else { throw Problem.badRequest("body: expected JSON") }
        var fields = ["job": body.job.rawValue, "type": body._type.rawValue]
        fields["date"] = body.date
        fields["note"] = body.note
        let (desk, today, recorder, id, given) = (desk, today(), recorder, input.path.id, fields)
        return try await recorded(run { try desk.recordEvent(groupID: id, fields: given, today: today, by: recorder) })
    }

    func addStakeholder(_ input: Operations.AddStakeholder.Input) async throws -> Operations.AddStakeholder.Output {
        guard case let .json(body) = input.body else { throw Problem.badRequest("body: expected JSON") }
        var fields = ["id": body.id, "name": body.name, "role": body.role, "influence": body.influence.rawValue]
        fields["title"] = body.title
        let (desk, recorder, id, given) = (desk, recorder, input.path.id, fields)
        return try await recorded(run { try desk.addStakeholder(groupID: id, fields: given, by: recorder) })
    }

    func recordDismissal(_ input: Operations.RecordDismissal.Input) async throws -> Operations.RecordDismissal.Output {
        guard case let .json(body) = input.body else { throw Problem.badRequest("body: expected JSON") }
        let date = try body.date.map { try day($0, field: "date") }
        let (desk, today, recorder, id) = (desk, today(), recorder, input.path.id)
        return try await recorded(run {
            try desk.recordDismissal(groupID: id, asset: body.asset, date: date, reason: body.reason, today: today, by: recorder)
        })
    }

    func markConsumed(_ input: Operations.MarkConsumed.Input) async throws -> Operations.MarkConsumed.Output {
        guard case let .json(body) = input.body else { throw Problem.badRequest("body: expected JSON") }
        let date = try body.date.map { try day($0, field: "date") }
        let (desk, recorder, id) = (desk, recorder, input.path.id)
        return try await recorded(run {
            try desk.markConsumed(groupID: id, asset: body.asset, recipients: body.recipients, date: date, by: recorder)
        })
    }

    func retractFact(_ input: Operations.RetractFact.Input) async throws -> Operations.RetractFact.Output {
        guard case let .json(body) = input.body else { throw Problem.badRequest("body: expected JSON") }
        var fields: [String: String] = [:]
        fields["stakeholder"] = body.stakeholder
        fields["topic"] = body.topic
        fields["job"] = body.job?.rawValue
        fields["type"] = body._type?.rawValue
        fields["asset"] = body.asset
        fields["date"] = body.date
        fields["origin"] = body.origin
        let fact = try Desk.fact(kind: body.kind.rawValue, fields: fields, to: body.to)
        let (desk, recorder, id, today) = (desk, recorder, input.path.id, today())
        return try await recorded(run { try desk.retract(groupID: id, fact: fact, on: today, by: recorder) })
    }

    func listAssets(_ input: Operations.ListAssets.Input) async throws -> Operations.ListAssets.Output {
        let (desk, query) = (desk, input.query)
        let assets = try await run {
            try desk.assets(job: query.job?.rawValue, role: query.role, topic: query.topic, format: query.format, search: query.search)
        }
        return .ok(.init(body: .json(assets.map { Components.Schemas.Asset($0, omitBody: true) })))
    }

    func showAsset(_ input: Operations.ShowAsset.Input) async throws -> Operations.ShowAsset.Output {
        let (desk, id) = (desk, input.path.id)
        let asset = try await run { try desk.asset(id: id) }
        return .ok(.init(body: .json(Components.Schemas.Asset(asset))))
    }

    /// 201 for a new fact, 200 for one already recorded.
    private func recorded<Output: RecordedOutput>(_ recorded: Recorded<RecordedReport>) throws -> Output {
        let response = Components.Responses.Recorded(body: .json(Components.Schemas.RecordedReport(recorded.report)))
        return recorded.isNew ? .created(response) : .ok(response)
    }
}

/// The outputs of the operations that record one fact: 201 or 200 with a ``RecordedReport``.
protocol RecordedOutput {
    static func created(_ response: Components.Responses.Recorded) -> Self
    static func ok(_ response: Components.Responses.Recorded) -> Self
}

extension Operations.RecordClaim.Output: RecordedOutput {}
extension Operations.RecordEvent.Output: RecordedOutput {}
extension Operations.AddStakeholder.Output: RecordedOutput {}
extension Operations.RecordDismissal.Output: RecordedOutput {}
extension Operations.MarkConsumed.Output: RecordedOutput {}
extension Operations.RetractFact.Output: RecordedOutput {}

import Foundation
import HTTPTypes
import Hummingbird
import NextSend
import NextSendReports
import NextSendStore
import OpenAPIRuntime

/// An error answered as `application/problem+json` (RFC 9457), carrying the message the CLI
/// prints for the same mistake.
struct Problem: Error, Sendable, HTTPResponseConvertible, CustomStringConvertible {
    var status: HTTPResponse.Status
    var detail: String
    var extraHeaders: HTTPFields = [:]

    var description: String { detail }

    static func badRequest(_ detail: String) -> Problem { Problem(status: .badRequest, detail: detail) }
    static func notFound(_ detail: String) -> Problem { Problem(status: .notFound, detail: detail) }
    static func forbidden(_ detail: String) -> Problem { Problem(status: .forbidden, detail: detail) }

    static func unauthorized(_ detail: String) -> Problem {
        Problem(status: .unauthorized, detail: detail, extraHeaders: [.wwwAuthenticate: "Bearer realm=\"nextsend\""])
    }

    static func busy(_ detail: String) -> Problem {
        // Another writer holds the database: a client that waits a moment gets through.
        Problem(status: .serviceUnavailable, detail: detail, extraHeaders: [.retryAfter: "1"])
    }

    /// The problem a NextSend error stands for, or `nil` for an error nobody foresaw (a 500).
    static func from(_ error: any Error) -> Problem? {
        switch error {
        case let problem as Problem:
            return problem.withoutCommands
        case let error as ServerError:
            // The generated server could not read the request: a missing parameter, a body that is
            // not the JSON the contract describes.
            if let inner = from(error.underlyingError) { return inner }
            if error.httpStatus == .badRequest || error.underlyingError is DecodingError {
                return .badRequest(Problem.describe(decoding: error))
            }
            return nil
        case let error as HTTPError:
            return Problem(status: error.status, detail: error.body ?? error.status.reasonPhrase)
        default:
            guard let kind = FailureKind.of(error), let status = status(for: kind) else { return nil }
            let detail: String = switch error {
            case let failure as ValidationFailure: failure.errors.map(Problem.sentence).joined(separator: "; ")
            case let error as DeskError where error.kind == .notFound: error.message
            default: "\(error)"
            }
            var problem = Problem(status: status, detail: detail).withoutCommands
            // Another writer holds the database: a client that waits a moment gets through. The
            // database down: the service checks it again on the next request, so a few seconds.
            if kind == .busy { problem.extraHeaders[.retryAfter] = "1" }
            if kind == .unavailable { problem.extraHeaders[.retryAfter] = "5" }
            return problem
        }
    }

    /// Each kind of failure's HTTP status: the one table the service keeps. An I/O failure is the
    /// server's own problem (a 500, logged), not something the client can act on.
    static func status(for kind: FailureKind) -> HTTPResponse.Status? {
        switch kind {
        case .badInput: return .badRequest
        case .notFound: return .notFound
        case .conflict: return .conflict
        case .busy, .unusable, .cannotCreate, .unavailable: return .serviceUnavailable
        case .ioError: return nil
        }
    }

    /// "topic: 'cots' is not a topic of the taxonomy; did you mean 'cost'?" — a diagnostic
    /// without the `<command line>` location, which means nothing to an API client.
    private static func sentence(_ diagnostic: Diagnostic) -> String {
        (diagnostic.field.map { "\($0): " } ?? "") + diagnostic.message
    }

    private static func describe(decoding error: ServerError) -> String {
        if let decoding = error.underlyingError as? DecodingError {
            switch decoding {
            case let .keyNotFound(key, context):
                return "body: missing field '\(Problem.path(context.codingPath + [key]))'"
            case let .typeMismatch(type, context), let .valueNotFound(type, context):
                if context.codingPath.isEmpty, let query = Problem.badQueryParameter(in: error.request) { return query }
                return "body: '\(Problem.path(context.codingPath))' should be \(Problem.kind(type))"
            case let .dataCorrupted(context):
                if context.codingPath.isEmpty, let query = Problem.badQueryParameter(in: error.request) { return query }
                if let field = context.codingPath.last?.stringValue, let allowed = Problem.enumerations[field] {
                    return "body: '\(Problem.path(context.codingPath))' must be one of \(allowed.joined(separator: ", "))"
                }
                return context.codingPath.isEmpty ? "body: not valid JSON" : "body: '\(Problem.path(context.codingPath))' is not valid"
            @unknown default:
                return "body: not the JSON this operation takes"
            }
        }
        return error.causeDescription
    }

    /// The body fields the contract closes to a list of values, for an error that lists them.
    static let enumerations: [String: [String]] = [
        "job": BuyingJob.allCases.map(\.rawValue), "type": ["started", "progressed", "completed", "reopened"],
        "influence": ["decision-maker", "champion", "influencer", "user"],
        "kind": ["claim", "event", "send", "consumed", "dismissal", "stakeholder"],
    ]

    /// The query parameters that are not strings, and what they take.
    private static let typedQueryParameters = ["limit": "a whole number", "all": "true or false", "explain": "true or false"]

    /// "limit: 'ten' is not a whole number", for the query parameter the generated server could not read.
    private static func badQueryParameter(in request: HTTPRequest) -> String? {
        let items = URLComponents(string: request.path ?? "")?.queryItems ?? []
        for item in items {
            if item.name == "job", let value = item.value, BuyingJob(rawValue: value) == nil {
                // The same sentence as the CLI's --job, with the closest job.
                return "job: '\(value)' is not a buying job" + Suggestion.hint(for: value, in: BuyingJob.allCases.map(\.rawValue))
            }
            guard let kind = typedQueryParameters[item.name] else { continue }
            let value = item.value ?? ""
            let readable = kind == "a whole number" ? Int(value) != nil : ["true", "false"].contains(value)
            if !readable { return "\(item.name): '\(value)' is not \(kind)" }
        }
        return nil
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
    }

    private static func kind(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Double.Type, is Int.Type: "a number"
        default: "\(type)".contains("Array") ? "a list" : "an object"
        }
    }

    // MARK: HTTPResponseConvertible

    var httpStatus: HTTPResponse.Status { status }
    var httpHeaderFields: HTTPFields {
        var fields = extraHeaders
        fields[.contentType] = "application/problem+json"
        return fields
    }
    var httpBody: OpenAPIRuntime.HTTPBody? { HTTPBody(json) }

    /// The RFC 9457 body, encoded like every other JSON NextSend writes.
    var json: Data {
        struct Body: Encodable { var type, title: String; var status: Int; var detail: String }
        let body = Body(type: "about:blank", title: status.reasonPhrase, status: status.code, detail: detail)
        return (try? JSONOutput.encode(body)) ?? Data()
    }

    /// An integrator has no command line: a "'nextsend …' does it" hint is left out of what
    /// the API and the page say (the CLI prints it whole).
    var withoutCommands: Problem {
        var problem = self
        problem.detail = PageText.withoutCommands(detail)
        return problem
    }

    /// The Hummingbird response for routes outside the generated server (and for middleware).
    var response: Response {
        var headers = HTTPFields()
        headers.append(contentsOf: httpHeaderFields)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: json)))
    }
}

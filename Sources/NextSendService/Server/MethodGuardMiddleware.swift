import HTTPTypes
import Hummingbird

/// Answers a method a route does not take with 405 and the `Allow` header, rather than the
/// router's 404 (which would say the resource does not exist).
struct MethodGuardMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Path templates (`{…}` matches one segment) and the methods each takes. The API's come from
    /// openapi.yaml (a test checks they agree), the page's from ``WebRoutes``.
    static var routes: [(template: String, methods: [HTTPRequest.Method])] {
        [
            ("/healthz", [.get]), ("/readyz", [.get]), ("/metrics", [.get]),
            ("/v1/groups", [.get]), ("/v1/groups/{id}", [.get]), ("/v1/groups/{id}/next", [.get]),
            ("/v1/groups/{id}/touches", [.post]), ("/v1/groups/{id}/claims", [.post]), ("/v1/groups/{id}/notes", [.post]), ("/v1/groups/{id}/events", [.post]),
            ("/v1/groups/{id}/stakeholders", [.post]), ("/v1/groups/{id}/dismissals", [.post]),
            ("/v1/groups/{id}/consumed", [.post]), ("/v1/groups/{id}/retractions", [.post]),
            ("/v1/assets", [.get]), ("/v1/assets/{id}", [.get]),
        ] + WebRoutes.routes
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // Checked before the body is looked at, so a PUT without a body is told the method is wrong, not the body.
        guard let allowed = MethodGuardMiddleware.methods(for: request.uri.path) else { return try await next(request, context) }
        let names = allowed.contains(.get) ? allowed + [.head] : allowed  // GET routes answer HEAD too
        guard !names.contains(request.method) else { return try await next(request, context) }
        let list = names.map(\.rawValue).joined(separator: ", ")
        var response = Problem(status: .methodNotAllowed, detail: "\(request.uri.path) takes \(list), not \(request.method.rawValue)").response
        response.headers[.allow] = list
        return response
    }

    /// The methods of the route whose template matches `path`, or `nil` when none does.
    static func methods(for path: String) -> [HTTPRequest.Method]? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for route in routes {
            let template = route.template.split(separator: "/", omittingEmptySubsequences: false)
            guard template.count == segments.count else { continue }
            if zip(template, segments).allSatisfy({ $0.hasPrefix("{") || $0 == $1 }) { return route.methods }
        }
        return nil
    }
}

/// What the tests may ask of the server's route table without starting it.
public enum NextSendServerTestHooks {
    /// The methods the route matching `path` takes, as upper-case names.
    public static func methods(for path: String) -> [String]? {
        MethodGuardMiddleware<ServiceContext>.methods(for: path)?.map(\.rawValue)
    }
}

/// Answers HEAD as GET without the body (an uptime check asks HEAD). The router matches a route
/// by method before any middleware runs, so the method is changed in front of the router.
struct HeadResponder<Base: HTTPResponder>: HTTPResponder {
    var base: Base

    func respond(to request: Request, context: Base.Context) async throws -> Response {
        guard request.method == .head else { return try await base.respond(to: request, context: context) }
        var head = request.head
        head.method = .get
        let response = try await base.respond(to: Request(head: head, body: request.body), context: context)
        return Response(status: response.status, headers: response.headers, body: ResponseBody())
    }
}

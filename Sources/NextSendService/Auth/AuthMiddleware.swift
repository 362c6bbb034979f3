import HTTPTypes
import Hummingbird

/// Lets a request through when it carries a known bearer token or a signed-in session cookie,
/// and names the caller in the context.
///
/// `/healthz` is open (a load balancer asks it), and so are the sign-in page and its form.
/// Without tokens (a server on loopback for one person) everyone is let in as `api`.
struct AuthMiddleware: RouterMiddleware {
    var gate: TokenGate
    var sessions: WebSessions

    static let openPaths: Set<String> = ["/healthz", "/readyz", "/signin", "/favicon.ico"]

    func handle(_ request: Request, context: ServiceContext, next: (Request, ServiceContext) async throws -> Response) async throws -> Response {
        var context = context
        if let cookie = request.cookies[WebSessions.cookieName], let session = try await sessions.session(id: cookie.value) {
            context.session = session
            context.caller = session.caller
        }
        if gate.isOpen {
            context.caller = context.caller ?? AccessTokens.anonymousName
        } else if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer", let holder = try await gate.holder(for: String(parts[1])) else {
                throw Problem.unauthorized("the bearer token is not one of this server's tokens (or it has expired)")
            }
            context.caller = holder.name
        }
        if context.caller == nil && !AuthMiddleware.openPaths.contains(request.uri.path) {
            if WebRoutes.isPage(request) {
                // A person in a browser: off to the sign-in page rather than a JSON problem.
                return Response(status: .seeOther, headers: [.location: "/signin"])
            }
            throw Problem.unauthorized("this server needs 'Authorization: Bearer <token>'")
        }
        return try await next(request, context)
    }
}

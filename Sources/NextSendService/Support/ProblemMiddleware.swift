import Hummingbird
import Logging

/// Turns every error a route throws into a problem response; an error nobody foresaw is logged
/// and answered with a 500 that gives nothing away.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            if let problem = Problem.from(error) { return problem.response }
            context.logger.error("unexpected error", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.uri.path)"])
            return Problem(status: .internalServerError, detail: "NextSend could not answer this request; the server log says why").response
        }
    }
}

import Hummingbird
import Logging

/// Turns every error a route throws into a problem response; an error nobody foresaw is logged
/// and answered with a 500 that gives nothing away.
///
/// A browser asking for a page that does not exist gets the page's own 404, not JSON.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let pages = WebPages()

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            if let problem = Problem.from(error) {
                if WebPages.wantsHTML(request), let page = try? pages.render(problem, session: nil) { return page }
                return problem.response
            }
            context.logger.error("unexpected error", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.uri.path)"])
            return Problem(status: .internalServerError, detail: "NextSend could not answer this request; the server log says why").response
        }
    }
}

import Hummingbird
import Logging

/// Logs every write that went through (who, where, the answer) at info, inside the sign-in check
/// so the caller is known. Errors nobody foresaw are logged by ``ProblemMiddleware`` at error;
/// reads only at debug, by Hummingbird's request log.
struct WriteLogMiddleware: RouterMiddleware {
    func handle(_ request: Request, context: ServiceContext, next: (Request, ServiceContext) async throws -> Response) async throws -> Response {
        let response = try await next(request, context)
        let metadata: Logger.Metadata = ["method": "\(request.method)", "path": "\(request.uri.path)", "status": "\(response.status.code)",
                                         "caller": "\(context.caller ?? "-")"]
        if request.method == .post, [200, 201, 303].contains(response.status.code), !["/signin", "/signout"].contains(request.uri.path) {
            context.logger.info("recorded", metadata: metadata)
        }
        return response
    }
}

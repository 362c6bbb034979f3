import Hummingbird

/// Refuses a request body over `limit` bytes with 413, and an API body that is not JSON with
/// 415, before any handler reads it.
///
/// The body is collected here once (up to the limit), so a client that streams without a
/// Content-Length is held to the same limit as one that declares its length.
struct RequestBodyMiddleware<Context: RequestContext>: RouterMiddleware {
    var limit: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let tooLarge = Problem(status: .contentTooLarge, detail: "the body is over \(limit / 1024 / 1024) MiB")
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit { return tooLarge.response }
        guard request.method == .post || request.method == .put || request.method == .patch else { return try await next(request, context) }
        if request.uri.path.hasPrefix("/v1/") {
            // The API takes JSON only; saying so beats a decoding error about a body it never meant to read.
            let type = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
            guard type == "application/json" else {
                return Problem(status: .unsupportedMediaType, detail: "the body must be application/json, not \(type ?? "untyped")").response
            }
        }
        var request = request
        do {
            _ = try await request.collectBody(upTo: limit)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            // A declared length over the limit is an HTTPError; a chunked body that runs past it, NIO's NIOTooManyBytesError.
            return tooLarge.response
        } catch {
            // A body cut short or with a broken chunk: the client's mistake (400), not the server's,
            // and nothing for the error log.
            return Problem.badRequest("the body could not be read: it ended early or its chunks are malformed").response
        }
        return try await next(request, context)
    }
}

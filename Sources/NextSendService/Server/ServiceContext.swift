import Hummingbird
import NIOCore

/// The per-request context: Hummingbird's own, plus who is asking once the token or the
/// session cookie is checked.
public struct ServiceContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The name writes are recorded under: the token's name from a tokens file, else `api`.
    public var caller: String?
    /// The web session, for pages and their forms.
    var session: WebSession?

    /// The client's address, for limits per client (sign-in attempts); `nil` in router tests.
    var clientAddress: String?

    public init(source: Source) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Lets the generated OpenAPI handlers, which see no context, read the caller.
    @TaskLocal static var current: ServiceContext?
}

/// Puts the request's context where the generated handlers can read it.
struct ContextTaskLocalMiddleware: RouterMiddleware {
    func handle(_ request: Request, context: ServiceContext, next: (Request, ServiceContext) async throws -> Response) async throws -> Response {
        try await ServiceContext.$current.withValue(context) { try await next(request, context) }
    }
}

import HTTPTypes
import Hummingbird

/// Refuses requests addressed to a name this server does not answer to (421), and state-changing
/// requests sent from another site (403).
///
/// A server on loopback without a token trusts whoever can reach it; a page on any web site can
/// make a browser reach it by pointing its own name at 127.0.0.1 (DNS rebinding). Such a request
/// carries the attacker's name in `Host`, so only the names the server is known by are let in.
/// Probes (`/healthz`, `/readyz`) are exempt: a kubelet asks by the pod's address.
struct HostGuardMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Lower-case host names (no port) the server answers to.
    var allowedHosts: Set<String>
    /// `scheme://host[:port]` of the public URL, when there is one.
    var publicOrigin: String?

    static var probePaths: Set<String> { ["/healthz", "/readyz"] }

    init(host: String, publicURL: String?) {
        var hosts: Set<String> = ["localhost", "127.0.0.1", "[::1]"]
        let listening = host.lowercased()
        if !["0.0.0.0", "::", "[::]", "*", ""].contains(listening) {
            hosts.insert(listening.contains(":") && !listening.hasPrefix("[") ? "[\(listening)]" : listening)
        }
        if let publicURL, let origin = HostGuardMiddleware.origin(of: publicURL) {
            publicOrigin = origin.text
            hosts.insert(origin.host)
        }
        allowedHosts = hosts
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if HostGuardMiddleware.probePaths.contains(request.uri.path) { return try await next(request, context) }
        // Browsers always name the host; a request without one (HTTP/1.0, an in-process test) was
        // not sent by a page on another site.
        let authority = request.head.authority?.lowercased() ?? ""
        guard authority.isEmpty || allowedHosts.contains(HostGuardMiddleware.hostPart(of: authority)) else {
            return Problem(status: .misdirectedRequest, detail: "this server does not answer to '\(authority)'; "
                + "use localhost, its listening address or its public URL").response
        }
        if ![.get, .head, .options].contains(request.method), let origin = request.headers[.origin] {
            // An Origin is sent by browsers; its absence (curl, a CRM's server) is no sign of another site.
            let own = "://" + authority
            let fromHere = origin.lowercased().hasSuffix(own) && origin.lowercased().hasPrefix("http")
                && origin.lowercased().dropLast(own.count).allSatisfy(\.isLetter)
            guard fromHere || origin.lowercased() == publicOrigin else {
                return Problem.forbidden("requests that change data must come from this server's own pages, not from '\(origin)'").response
            }
        }
        return try await next(request, context)
    }

    /// `example.com:8080` → `example.com`; `[::1]:8080` → `[::1]`.
    static func hostPart(of authority: String) -> String {
        if authority.hasPrefix("["), let end = authority.firstIndex(of: "]") { return String(authority[...end]) }
        return String(authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }

    /// The origin (`https://sales.example.com`) and host of a URL, lower-cased.
    static func origin(of url: String) -> (text: String, host: String)? {
        let lower = url.lowercased()
        guard let scheme = lower.range(of: "://"), lower.hasPrefix("http") else { return nil }
        let rest = lower[scheme.upperBound...]
        let authority = String(rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" })
        let withoutUser = authority.split(separator: "@").last.map(String.init) ?? authority
        guard !withoutUser.isEmpty else { return nil }
        return (String(lower[..<scheme.upperBound]) + withoutUser, hostPart(of: withoutUser))
    }
}

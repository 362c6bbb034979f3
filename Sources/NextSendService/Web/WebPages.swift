import Foundation
import HTTPTypes
import Hummingbird
import Mustache

/// The page templates, compiled into the binary, and how a page becomes a response.
struct WebPages: Sendable {
    private let library: MustacheLibrary

    init() {
        var library = MustacheLibrary()
        for (name, bytes) in [("layout", PackageResources.layout_mustache), ("signin", PackageResources.signin_mustache),
                              ("groups", PackageResources.groups_mustache), ("group", PackageResources.group_mustache),
                              ("problem", PackageResources.problem_mustache), ("team", PackageResources.team_mustache)] {
            // The templates ship with the binary; one that does not parse is a build mistake caught by every page test.
            library.register(try! MustacheTemplate(string: String(decoding: bytes, as: UTF8.self)), named: name)
        }
        self.library = library
    }

    /// Renders `page` inside the layout. Mustache escapes every `{{value}}`, so an account named
    /// `<script>` shows as text; only the page body, already rendered, goes in unescaped.
    func render<Page: WebPage>(_ template: String, _ page: Page, title: String, session: WebSession?, cookie: Cookie? = nil,
                               flash: String? = nil, status: HTTPResponse.Status = .ok) throws -> Response {
        var page = page
        page.csrf = session?.csrf ?? ""
        let body = library.render(page, withTemplate: template) ?? ""
        let layout = Layout(title: title, body: body, csrf: session?.csrf ?? "", caller: session?.caller, flash: flash)
        let html = library.render(layout, withTemplate: "layout") ?? ""
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                                   .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'",
                                   .xContentTypeOptions: "nosniff", .referrerPolicy: "same-origin"]
        if let cookie { headers[.setCookie] = cookie.description }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// A problem as a page, for a person in a browser rather than a program: the same status and
    /// sentence as the API's `application/problem+json`.
    func render(_ problem: Problem, session: WebSession?) throws -> Response {
        let heading = switch problem.status {
        case .notFound: "Not found"
        case .forbidden: "Not allowed"
        case .serviceUnavailable: "Not available just now"
        default: "Something is wrong"
        }
        // A route nobody has ("Not Found" from the router) gets a sentence, not its status again.
        let detail = problem.detail == problem.status.reasonPhrase && problem.status == .notFound ? "There is no page at this address." : problem.detail
        var response = try render("problem", ProblemPage(heading: heading, detail: PageText.withoutCommands(detail)), title: heading,
                                  session: session, status: problem.status)
        // Retry-After and the like say the same to a browser as to a program.
        for field in problem.extraHeaders where response.headers[field.name] == nil { response.headers.append(field) }
        return response
    }

    /// The page's icon: a small SVG, so a browser's request for `/favicon.ico` is answered rather
    /// than logged as an error on every page load.
    static var favicon: Response {
        let svg = ##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#2457c5"/>"##
            + ##"<path d="M4 12V4h1.6l4.8 5.6V4H12v8h-1.6L5.6 6.4V12z" fill="#fff"/></svg>"##
        return Response(status: .ok, headers: [.contentType: "image/svg+xml", .cacheControl: "public, max-age=86400"],
                        body: .init(byteBuffer: ByteBuffer(string: svg)))
    }

    /// Whether a request comes from a person in a browser (it asks for HTML) rather than a program.
    static func wantsHTML(_ request: Request) -> Bool {
        !request.uri.path.hasPrefix("/v1/") && request.uri.path != "/metrics"
            && (request.headers[.accept]?.contains("text/html") ?? false)
    }

    /// An id as one path segment of a link.
    static func pathComponent(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))) ?? id
    }

    /// A value for a query string (`?owner=alice%40x.example`).
    static func queryValue(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }

    struct Layout {
        var title: String
        var body: String
        var csrf: String
        var caller: String?
        var flash: String?
    }
}

/// A page model: what its template shows, plus the session's CSRF token for its forms.
protocol WebPage {
    var csrf: String { get set }
}

extension HTTPField.Name {
    static let contentSecurityPolicy = Self("Content-Security-Policy")!
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
}

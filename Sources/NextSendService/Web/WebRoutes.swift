import Foundation
import Hummingbird
import NextSend
import NextSendReports
import NextSendStore

/// The web page for reps: pick an owner, see their groups most urgent first, open one to see its
/// job board, conflicts and picks, and record a send, a claim or a dismissal.
///
/// Server-rendered HTML that works without JavaScript. Every value goes through Mustache's
/// escaping; every form carries the session's CSRF token; the session cookie is HttpOnly and
/// SameSite=Strict.
struct WebRoutes: Sendable {
    var desk: Desk
    var sessions: WebSessions
    var gate: TokenGate
    var today: @Sendable () -> Day
    /// Whether the public URL is https: the session cookie is then `Secure`.
    var secureCookies = false
    let signInLimiter = SignInLimiter()
    let pages = WebPages()

    /// Whether a request is for a page (answered with a redirect to sign in) rather than the API.
    static func isPage(_ request: Request) -> Bool {
        let path = request.uri.path
        return path == "/" || path.hasPrefix("/groups/") || path == "/signout" || path == "/team"
    }

    /// The page's routes and their methods, for the 405 answer of ``MethodGuardMiddleware``.
    static let routes: [(template: String, methods: [HTTPRequest.Method])] = [
        ("/", [.get]), ("/team", [.get]), ("/signin", [.get, .post]), ("/signout", [.post]), ("/groups/{id}", [.get]),
        ("/groups/{id}/sent", [.get, .post]), ("/groups/{id}/claim", [.get, .post]), ("/groups/{id}/dismiss", [.get, .post]),
        ("/groups/{id}/consumed", [.get, .post]), ("/groups/{id}/retract", [.get, .post]), ("/groups/{id}/notes", [.get, .post]),
        ("/favicon.ico", [.get]),
    ]

    func register(on router: Router<ServiceContext>) {
        router.get("/signin") { _, context in try await page(context) { try signInPage(context: context, error: nil, status: .ok) } }
        router.post("/signin") { request, context in try await page(context) { try await signIn(request, context: context) } }
        router.post("/signout") { request, context in try await page(context) { try await signOut(request, context: context) } }
        router.get("/") { request, context in try await page(context) { try await groupsPage(request, context: context) } }
        router.get("/groups/{id}") { request, context in
            try await page(context) {
                let query = request.uri.queryParameters.get("q").map { $0.trimmingCharacters(in: .whitespaces) }
                return try await groupPage(context: context, input: GroupPageInput(search: query))
            }
        }
        router.get("/team") { request, context in try await page(context) { try await teamPage(request, context: context) } }
        router.get("/favicon.ico") { _, _ in WebPages.favicon }
        // A page answering a refused form stays at the form's address; reloading it goes back to the group.
        for action in ["sent", "claim", "dismiss", "consumed", "retract", "notes"] {
            router.get("/groups/{id}/\(action)") { _, context in
                redirect("/groups/\(WebPages.pathComponent(try context.parameters.require("id")))")
            }
        }
        router.post("/groups/{id}/sent") { request, context in
            try await page(context) { try await record(request, context: context, form: SentForm.self) }
        }
        router.post("/groups/{id}/claim") { request, context in
            try await page(context) { try await record(request, context: context, form: ClaimForm.self) }
        }
        router.post("/groups/{id}/dismiss") { request, context in
            try await page(context) { try await record(request, context: context, form: DismissForm.self) }
        }
        router.post("/groups/{id}/consumed") { request, context in
            try await page(context) { try await record(request, context: context, form: ConsumedForm.self) }
        }
        router.post("/groups/{id}/retract") { request, context in
            try await page(context) { try await record(request, context: context, form: RetractForm.self) }
        }
        router.post("/groups/{id}/notes") { request, context in
            try await page(context) { try await notes(request, context: context) }
        }
    }

    /// A page's problems (no such group, a stale form, a busy database) answer as a page with the
    /// same status and sentence the API would give, not as JSON in a rep's browser.
    private func page(_ context: ServiceContext, _ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch {
            guard let problem = Problem.from(error) else { throw error }
            var response = try pages.render(problem, session: context.session)
            for field in problem.extraHeaders { response.headers.append(field) }
            return response
        }
    }

    // MARK: - Signing in

    private func signInPage(context: ServiceContext, error: String?, status: HTTPResponse.Status) throws -> Response {
        if gate.isOpen { return redirect("/") }
        return try pages.render("signin", SignInPage(error: error), title: "Sign in", session: nil, status: status)
    }

    private func signIn(_ request: Request, context: ServiceContext) async throws -> Response {
        struct Form: Decodable { var token: String? }
        let client = context.clientAddress ?? "unknown"
        if let wait = signInLimiter.wait(for: client) {
            var response = try signInPage(context: context, error: "Too many wrong tokens from here; try again in \(wait) seconds.",
                                          status: .tooManyRequests)
            response.headers[.retryAfter] = String(wait)
            return response
        }
        let form = try await decode(Form.self, from: request, context: context)
        let typed = form.token?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !typed.isEmpty, let holder = try await gate.holder(for: typed) else {
            signInLimiter.recordFailure(for: client)
            return try signInPage(context: context, error: "That token is not one of this server's.", status: .unauthorized)
        }
        // A token that names its rep lands on that rep's groups.
        var response = redirect(holder.rep.map { "/?owner=" + WebPages.queryValue($0) } ?? "/")
        response.setCookie(sessionCookie(for: try await sessions.start(holder, stored: true)))
        return response
    }

    private func signOut(_ request: Request, context: ServiceContext) async throws -> Response {
        let session = try await checkedSession(request, context: context)
        try await sessions.end(session)
        var response = redirect(gate.isOpen ? "/" : "/signin")
        response.setCookie(Cookie(name: WebSessions.cookieName, value: "", maxAge: 0, path: "/", secure: secureCookies, httpOnly: true,
                                  sameSite: .strict))
        return response
    }

    // MARK: - Pages

    private func groupsPage(_ request: Request, context: ServiceContext) async throws -> Response {
        let (session, cookie) = try await session(for: context)
        // A rep's own groups unless another owner is asked for; a manager starts from the list of reps.
        let asked = request.uri.queryParameters.get("owner").flatMap { $0.isEmpty ? nil : $0 }
        let owner = asked ?? (session.isManager ? nil : session.rep)
        let (desk, day) = (desk, today())
        let (owners, lines) = try await Blocking.run {
            let owners = try desk.owners()
            guard let owner else { return (owners, [GroupLine]()) }
            do {
                return (owners, try desk.groupLines(owner: owner, includeClosed: false, asOf: day))
            } catch let error as StoreError where error.code == .notFound && asked == nil {
                return (owners, [])  // a rep with no open group yet: "No open groups", not a 404
            }
        }
        let page = GroupsPage(owner: owner, asOf: day.description, owners: owners.map { OwnerOption(name: $0, selected: $0 == owner) },
                              groups: lines.sorted { ($0.urgency, $1.id) > ($1.urgency, $0.id) }.map(GroupsPage.Row.init),
                              chooseOwner: session.rep == nil || session.isManager, showTeam: session.isManager || gate.isOpen)
        return try pages.render("groups", page, title: owner.map { "Groups of \($0)" } ?? "Groups", session: session, cookie: cookie,
                                flash: try await sessions.takeFlash(for: session))
    }

    /// Every rep's open groups, for a manager (or anyone, on a server without tokens).
    private func teamPage(_ request: Request, context: ServiceContext) async throws -> Response {
        let (session, cookie) = try await session(for: context)
        guard session.isManager || gate.isOpen else {
            throw Problem.forbidden("The team page is for managers: sign in with a manager's token.")
        }
        let asked = request.uri.queryParameters.get("sort") ?? TeamPage.Sort.rep.rawValue
        guard let sort = TeamPage.Sort(rawValue: asked) else {
            throw Problem.badRequest("sort: expected one of \(TeamPage.Sort.allCases.map(\.rawValue).joined(separator: ", ")), not '\(asked)'")
        }
        let (desk, day) = (desk, today())
        let lines = try await Blocking.run { try desk.groupLines(owner: nil, includeClosed: false, asOf: day) }
        return try pages.render("team", TeamPage(lines: lines, sort: sort, asOf: day), title: "Team", session: session, cookie: cookie)
    }

    private func groupPage(context: ServiceContext, input: GroupPageInput = GroupPageInput(),
                           status: HTTPResponse.Status = .ok) async throws -> Response {
        let (session, cookie) = try await session(for: context)
        let id = try context.parameters.require("id")
        let (desk, day) = (desk, today())
        let page = try await Blocking.run {
            let view: GroupView
            do {
                view = try desk.groupView(id: id, asOf: day)
            } catch let error as StoreError where error.code == .notFound {
                throw Problem.notFound(PageText.withoutCommands(error.description))
            }
            let answer = try desk.next(groupID: id, limit: 5, to: nil, asOf: day)
            var input = input
            if let query = input.search, !query.isEmpty {
                input.results = Array(try desk.assets(job: nil, role: nil, topic: nil, format: nil, search: query, status: .published).prefix(10))
            }
            // Titles for what was sent and dismissed: a rep knows assets by title, not by id.
            var titles: [String: String] = [:]
            for asset in Set(view.history.sends.map(\.asset) + view.history.dismissals.map(\.dismissal.asset)) {
                titles[asset] = try desk.title(ofAsset: asset)
            }
            return GroupPage(view: view, answer: answer, today: day, titles: titles, input: input)
        }
        let flash = input.error == nil && input.claimError == nil && input.notesError == nil && input.notesPreview == nil
            ? try await sessions.takeFlash(for: session) : nil
        return try pages.render("group", page, title: page.account, session: session, cookie: cookie, flash: flash, status: status)
    }

    // MARK: - Forms

    private func record<Form: WebForm>(_ request: Request, context: ServiceContext, form: Form.Type) async throws -> Response {
        let session = try await checkedSession(request, context: context)
        let id = try context.parameters.require("id")
        let form = try await decode(Form.self, from: request, context: context)
        let (desk, day, recorder) = (desk, today(), Recorder(session.caller))
        do {
            let message = try await Blocking.run { try form.record(on: desk, group: id, today: day, by: recorder) }
            try await sessions.flash(PageText.withoutCommands(message), for: session)
            return redirect("/groups/\(WebPages.pathComponent(id))")
        } catch {
            // A bad value comes back on the page with what was wrong (a claim beside its box, with
            // what was typed); a missing group is a 404 page.
            guard let problem = Problem.from(error), [.badRequest, .conflict, .notFound].contains(problem.status),
                  (try? desk.hasGroup(id)) == true else { throw error }
            let detail = PageText.withoutCommands((error as? DeskError).map { Words.capitalized($0.message) + "." } ?? problem.detail)
            var input = GroupPageInput()
            if let claim = form as? ClaimForm {
                input.claim = claim
                input.claimError = detail
            } else if let notes = form as? NotesForm {
                input.notes = notes
                input.notesError = detail
            } else if let sent = form as? SentForm {
                // Said with the asset's title, and the search it came from shown again.
                let title = (try? desk.title(ofAsset: sent.asset)) ?? sent.asset
                input.error = "Not recorded as sent: \(title). \(detail)"
                input.search = sent.q.flatMap { $0.isEmpty ? nil : $0 }
            } else {
                input.error = detail
            }
            return try await groupPage(context: context, input: input, status: problem.status == .notFound ? .badRequest : problem.status)
        }
    }

    /// Pasted notes: a preview shows what was read (nothing stored) with a button to save it;
    /// saving records it like any form.
    private func notes(_ request: Request, context: ServiceContext) async throws -> Response {
        let session = try await checkedSession(request, context: context)
        let form = try await decode(NotesForm.self, from: request, context: context)
        if form.isSave { return try await record(request, context: context, form: NotesForm.self) }
        let id = try context.parameters.require("id")
        let (desk, day, recorder) = (desk, today(), Recorder(session.caller))
        var input = GroupPageInput()
        input.notes = form
        do {
            input.notesPreview = try await Blocking.run { try form.read(on: desk, group: id, today: day, by: recorder, dryRun: true) }
        } catch {
            guard let problem = Problem.from(error), problem.status == .badRequest else { throw error }
            input.notesError = PageText.withoutCommands((error as? DeskError).map { Words.capitalized($0.message) + "." } ?? problem.detail)
            return try await groupPage(context: context, input: input, status: .badRequest)
        }
        return try await groupPage(context: context, input: input)
    }

    /// The session of a form post, once its CSRF token is checked.
    private func checkedSession(_ request: Request, context: ServiceContext) async throws -> WebSession {
        struct Token: Decodable { var csrf: String? }
        guard let session = context.session else { throw Problem.forbidden("this form needs a signed-in session; open the page again") }
        let token = try await decode(Token.self, from: request, context: context).csrf
        guard let token, token.utf8.elementsEqual(session.csrf.utf8) else {
            throw Problem.forbidden("the form's CSRF token is missing or stale; open the page again and resubmit")
        }
        return session
    }

    private func decode<T: Decodable>(_ type: T.Type, from request: Request, context: ServiceContext) async throws -> T {
        var request = request
        let buffer = try await request.collectBody(upTo: 1 << 20)
        do {
            return try URLEncodedFormDecoder().decode(T.self, from: String(buffer: buffer))
        } catch {
            throw Problem.badRequest("the form is missing a field or has one of the wrong kind")
        }
    }

    /// The request's session; without tokens, a first visit gets one (its forms need a CSRF token too).
    private func session(for context: ServiceContext) async throws -> (WebSession, Cookie?) {
        if let session = context.session { return (session, nil) }
        // A caller let in by a bearer token on a page (not signed in): a session of this process only.
        let session = try await sessions.start(AccessTokens.Holder(name: context.caller ?? AccessTokens.anonymousName), stored: false)
        return (session, sessionCookie(for: session))
    }

    private func sessionCookie(for session: WebSession) -> Cookie {
        Cookie(name: WebSessions.cookieName, value: session.id, maxAge: Int(WebSessions.lifetime), path: "/",
               secure: secureCookies, httpOnly: true, sameSite: .strict)
    }

    private func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}

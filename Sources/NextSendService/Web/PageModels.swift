import NextSend
import NextSendReports
import NextSendStore

struct SignInPage: WebPage {
    var error: String?
    var csrf = ""
}

struct ProblemPage: WebPage {
    var heading: String
    var detail: String
    var csrf = ""
}

struct OwnerOption {
    var name: String
    var selected: Bool
}

/// One rep's open groups, most urgent first.
struct GroupsPage: WebPage {
    struct Row {
        var id, link, account: String
        var stakeholders, conflicts, unengaged, missingVoices: Int
        var stalled: String?
        var urgency: String
        var direction: String

        init(_ line: GroupLine) {
            id = line.id
            link = "/groups/" + WebPages.pathComponent(line.id)
            account = line.deal.map { "\(line.account) — \($0)" } ?? line.account
            stakeholders = line.stakeholders
            conflicts = line.conflicts
            unengaged = line.unengaged
            missingVoices = line.missingVoices
            direction = line.direction.rawValue
            stalled = line.stalled.isEmpty ? nil : line.stalled.map { BuyingJob(rawValue: $0)?.phrase ?? $0 }.joined(separator: ", ")
            urgency = NumberText.plain(line.urgency)
        }
    }

    var owner: String?
    var asOf: String
    /// The list of reps to choose from: for a token that names no rep, and for managers.
    var chooseOwner: Bool
    /// A link to the manager's page, for those who may open it.
    var showTeam: Bool
    var owners: [OwnerOption]
    var groups: [Row]
    var csrf = ""
    // Stored, not computed: Mustache sees a page's stored properties only.
    var noGroups: Bool
    var hasGroups: Bool

    init(owner: String?, asOf: String, owners: [OwnerOption], groups: [Row], chooseOwner: Bool = true, showTeam: Bool = false) {
        self.owner = owner
        self.showTeam = showTeam
        self.chooseOwner = chooseOwner
        self.asOf = asOf
        self.owners = owners
        self.groups = groups
        noGroups = owner != nil && groups.isEmpty
        hasGroups = !groups.isEmpty
    }
}

/// What the group page was asked besides the group: a catalog search, and a claim form to show
/// again with what was typed and what was wrong with it.
struct GroupPageInput {
    var search: String?
    var results: [Asset] = []
    var claim: ClaimForm?
    var claimError: String?
    var error: String?
    /// Pasted notes: what was typed, and what NextSend read from it before it is saved.
    var notes: NotesForm?
    var notesPreview: NoteReport?
    var notesError: String?
}

/// One group as a rep works it in a day: the picks first (with the conflicts they settle), then
/// the conflicts and the people nobody has reached, the job board, what was sent (to mark
/// consumed or take back), the dismissed picks, a catalog search to send anything, and the claim box.
struct GroupPage: WebPage {
    struct Job { var name, status: String; var stalled: Bool; var idle: String; var loops: Int; var note: String }
    struct ConflictRow { var topic, line: String }
    struct Person { var id, label: String; var checked: Bool }
    struct Pick {
        var rank: Int
        var asset, title, reason, sendTo: String
        var url: String?
        var resolves: String?
        /// The people the pick is for (checked) and everyone else, behind "change who": a shared
        /// asset suggested to eight people is one line on a phone, not eight checkboxes.
        var suggested: [Person]
        var others: [Person]
        var hasOthers: Bool
    }
    struct SentRow {
        var date, asset, title, people, channel: String
        var recipients: [String]
        var consumed, recorded: Bool
        /// A rep marked it consumed here, so a rep can take the mark back (a source's mark is changed at the source).
        var markedHere: Bool
    }
    struct DismissedRow { var asset, title, date, until: String; var reason: String? }
    struct Result { var asset, title, format: String; var url: String?; var people: [Person] }
    struct Option { var id, label: String; var selected: Bool }
    struct ClaimRow { var date, person, holds, topic, source: String; var quote: String? }
    struct ReadRow { var person, holds, topic, quote, stored: String }
    struct SkippedRow { var why, quote: String }

    var id, link, account, owner, asOf, today: String
    /// "Negotiation/Review · $480,000 · closes 2027-02-27".
    var deal: String?
    var closed: String?
    var error: String?
    var jobs: [Job]
    var conflicts: [ConflictRow]
    var unreached: [String]
    var hasUnreached: Bool
    /// "security on validation — ask Ellen Cho (executive) who speaks for security".
    var missingVoices: [String]
    var hasMissingVoices: Bool
    var trend: TrendChart
    var picks: [Pick]
    var noPicks: String?
    var sends: [SentRow]
    var hasSends: Bool
    var dismissed: [DismissedRow]
    var hasDismissed: Bool
    var search: String
    var searched: Bool
    var results: [Result]
    var noResults: Bool
    var stakeholders: [Option]
    var topics: [Option]
    var holds: String
    var source: String
    var claimError: String?
    /// Each person's latest claim per topic, with the words it came from when read from notes.
    var claims: [ClaimRow]
    var hasClaims: Bool
    var claimCount: Int
    var notesText: String
    var notesDate: String
    var notesFrom: [Option]
    var notesError: String?
    var previewed: Bool
    var readClaims: [ReadRow]
    var readSkipped: [SkippedRow]
    var hasSkipped: Bool
    var readSummary: String
    var nothingRead: Bool
    var csrf = ""

    init(view: GroupView, answer: NextAnswer, today: Day, titles: [String: String], input: GroupPageInput) {
        let (group, diagnosis) = (view.group, view.diagnosis)
        let words = Vocabulary(view.taxonomy)
        id = group.id
        link = "/groups/" + WebPages.pathComponent(group.id)
        account = group.title
        deal = group.deal?.summary
        owner = group.owner
        asOf = diagnosis.asOf.description
        self.today = today.description
        error = input.error
        jobs = diagnosis.jobs.map(words.jobRow).map { row in
            Job(name: row.title, status: row.status, stalled: row.isStalled, idle: row.idle, loops: row.loops, note: row.note)
        }
        var names = words.names(in: group)
        conflicts = diagnosis.conflicts.map { ConflictRow(topic: words.topicTitle($0.topic), line: words.conflictLine($0, names: &names)) }
        unreached = diagnosis.unengaged.compactMap { group.stakeholder($0).map(words.personWithInfluence) }
        hasUnreached = !unreached.isEmpty
        missingVoices = words.missingVoiceLines(diagnosis, group: group)
        hasMissingVoices = !missingVoices.isEmpty
        trend = TrendChart(view.trend)
        switch answer {
        case let .closed(report):
            closed = PageText.withoutCommands(report.message)
            picks = []
        case let .picks(advice, _, _):
            picks = words.pickRows(advice.recommendations, in: group).map { row in
                let people = group.stakeholders.map { Person(id: $0.id, label: words.person($0), checked: row.sendToIds.contains($0.id)) }
                let others = people.filter { !$0.checked }
                return Pick(rank: row.rank, asset: row.asset, title: row.title, reason: row.reason, sendTo: row.sendTo, url: row.url,
                            resolves: row.resolves, suggested: people.filter(\.checked), others: others, hasOthers: !others.isEmpty)
            }
            if picks.isEmpty { noPicks = words.nothingToSend(diagnosis) }
        }
        sends = view.history.sends.filter { !$0.provenance.isRetracted }.sorted { ($0.date, $0.asset) > ($1.date, $1.asset) }.map { send in
            var names = words.names(in: group)
            return SentRow(date: send.date.description, asset: send.asset, title: titles[send.asset] ?? send.asset,
                           people: Words.list(send.to.map { names.mention($0) }), channel: send.channel ?? "–", recipients: send.to,
                           consumed: send.consumed, recorded: send.provenance.origin == "recorded", markedHere: send.consumed && send.consumedBy != nil)
        }
        hasSends = !sends.isEmpty
        let window = ScoringPolicy.standard.dismissalDays
        dismissed = view.history.dismissals
            .filter { !$0.provenance.isRetracted && $0.dismissal.date.adding(days: window) > today }
            .map { DismissedRow(asset: $0.dismissal.asset, title: titles[$0.dismissal.asset] ?? $0.dismissal.asset,
                                date: $0.dismissal.date.description, until: $0.dismissal.date.adding(days: window).description,
                                reason: $0.dismissal.reason) }
        hasDismissed = !dismissed.isEmpty
        search = input.search ?? ""
        searched = !(input.search ?? "").isEmpty
        results = input.results.map { asset in
            Result(asset: asset.id, title: asset.title, format: asset.format, url: WebLink.safe(asset.url),
                   people: group.stakeholders.map { Person(id: $0.id, label: words.person($0), checked: false) })
        }
        noResults = searched && results.isEmpty
        let claim = input.claim
        stakeholders = group.stakeholders.map { Option(id: $0.id, label: words.person($0), selected: $0.id == claim?.stakeholder) }
        topics = view.taxonomy.topics.map { topic in
            let label = switch topic.kind {
            case let .choice(positions, _): "\(topic.label) (\(positions.joined(separator: " / ")))"
            case let .number(unit, _): "\(topic.label) (\(unit ?? "a figure"))"
            }
            return Option(id: topic.id, label: label, selected: topic.id == claim?.topic)
        }
        holds = claim?.holds ?? ""
        source = claim?.source ?? ""
        claimError = input.claimError

        claims = view.history.currentClaims(asOf: diagnosis.asOf).map { entry in
            let row = words.claimRow(entry.claim, in: group)
            return ClaimRow(date: row.date.description, person: row.person, holds: row.holds, topic: row.topicTitle, source: row.source ?? "–",
                            quote: row.quote)
        }
        hasClaims = !claims.isEmpty
        claimCount = claims.count
        notesText = input.notes?.text ?? ""
        notesDate = input.notes?.date ?? today.description
        notesFrom = [Option(id: "", label: "A rep's notes, or an e-mail with its headers", selected: (input.notes?.from ?? "").isEmpty)]
            + group.stakeholders.map { Option(id: $0.id, label: "Written by " + words.person($0), selected: $0.id == input.notes?.from) }
        notesError = input.notesError
        previewed = input.notesPreview != nil
        let preview = input.notesPreview
        readClaims = (preview?.claims ?? []).map { row in
            var names = words.names(in: group)
            let value: Claim.Value = row.position.map { .position($0) } ?? .number(row.value ?? 0)
            let stored = ["unchanged": "already recorded", "retracted": "retracted before: stays out", "changed": "changes the stored one"][row.stored] ?? "new"
            return ReadRow(person: names.mention(row.stakeholder), holds: words.value(value, topic: row.topic), topic: words.topicTitle(row.topic),
                           quote: row.quote, stored: stored)
        }
        readSkipped = (preview?.skipped ?? []).map { SkippedRow(why: $0.why.phrase, quote: $0.quote) }
        hasSkipped = !readSkipped.isEmpty
        readSummary = preview.map { "Read \(Words.count($0.claims.count, "claim")) from this \($0.format) of \($0.date)." } ?? ""
        nothingRead = previewed && readClaims.isEmpty
    }
}

/// Sentences written for the command line, made right for the page: a rep on the page has no
/// terminal, so a "'nextsend …' does it" hint is left out rather than shown.
enum PageText {
    static func withoutCommands(_ text: String) -> String {
        var kept: [String] = []
        for sentence in text.components(separatedBy: ". ") {
            // "…; record it first with 'nextsend sent …'" keeps the part before the hint.
            guard let hint = sentence.range(of: "'nextsend ") else {
                kept.append(sentence)
                continue
            }
            let before = sentence[..<hint.lowerBound]
            if let cut = before.range(of: ";", options: .backwards) {
                kept.append(String(before[..<cut.lowerBound]))
            }
        }
        var result = kept.joined(separator: ". ").trimmingCharacters(in: .whitespaces)
        if !result.isEmpty, !result.hasSuffix("."), !result.hasSuffix("?"), !result.hasSuffix("!") { result += "." }
        return result
    }
}

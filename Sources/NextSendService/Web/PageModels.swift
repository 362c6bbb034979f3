import NextSend
import NextSendReports

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
        var stakeholders, conflicts, unengaged: Int
        var stalled: String?
        var urgency: String

        init(_ line: GroupLine) {
            id = line.id
            link = "/groups/" + WebPages.pathComponent(line.id)
            account = line.account
            stakeholders = line.stakeholders
            conflicts = line.conflicts
            unengaged = line.unengaged
            stalled = line.stalled.isEmpty ? nil : line.stalled.map { BuyingJob(rawValue: $0)?.phrase ?? $0 }.joined(separator: ", ")
            urgency = NumberText.plain(line.urgency)
        }
    }

    var owner: String?
    var asOf: String
    var owners: [OwnerOption]
    var groups: [Row]
    var csrf = ""
    // Stored, not computed: Mustache sees a page's stored properties only.
    var noGroups: Bool
    var hasGroups: Bool

    init(owner: String?, asOf: String, owners: [OwnerOption], groups: [Row]) {
        self.owner = owner
        self.asOf = asOf
        self.owners = owners
        self.groups = groups
        noGroups = owner != nil && groups.isEmpty
        hasGroups = !groups.isEmpty
    }
}

/// One group: its job board, conflicts as camps, unreached people, picks and the forms.
struct GroupPage: WebPage {
    struct Job { var name, status: String; var stalled: Bool; var idle: String; var loops: Int; var note: String }
    struct ConflictRow { var topic, line: String }
    struct Person { var id, label: String; var checked: Bool }
    struct Pick { var rank: Int; var asset, title, reason, sendTo: String; var url: String?; var people: [Person] }
    struct Option { var id, label: String }

    var id, link, account, owner, asOf, today: String
    var closed: String?
    var error: String?
    var jobs: [Job]
    var conflicts: [ConflictRow]
    var unreached: [String]
    var hasUnreached: Bool
    var picks: [Pick]
    var noPicks: String?
    var stakeholders: [Option]
    var topics: [Option]
    var csrf = ""

    init(view: GroupView, answer: NextAnswer, today: Day, error: String?) {
        let (group, diagnosis) = (view.group, view.diagnosis)
        let words = Vocabulary(view.taxonomy)
        id = group.id
        link = "/groups/" + WebPages.pathComponent(group.id)
        account = group.account
        owner = group.owner
        asOf = diagnosis.asOf.description
        self.today = today.description
        self.error = error
        jobs = diagnosis.jobs.map { state in
            var note = state.status == .stalled ? "idle past its \(state.stallDays)-day threshold" : ""
            if state.loops > 0 { note += (note.isEmpty ? "" : "; ") + "reopened \(Words.times(state.loops))" }
            return Job(name: words.jobTitle(state.job), status: words.status(state.status), stalled: state.status == .stalled,
                       idle: state.idleDays.map { Words.count($0, "day") } ?? "–", loops: state.loops, note: note)
        }
        var names = words.names(in: group)
        conflicts = diagnosis.conflicts.map { ConflictRow(topic: words.topicTitle($0.topic), line: words.conflictLine($0, names: &names)) }
        unreached = diagnosis.unengaged.compactMap { group.stakeholder($0).map(words.personWithInfluence) }
        hasUnreached = !unreached.isEmpty
        switch answer {
        case let .closed(report):
            closed = report.message
            picks = []
        case let .picks(advice, _, _):
            picks = advice.recommendations.map { pick in
                var names = words.names(in: group)
                return Pick(rank: pick.rank, asset: pick.asset.id, title: pick.asset.title, reason: pick.reason,
                            sendTo: Words.list(pick.sendTo.map { names.mention($0) }), url: pick.asset.url,
                            people: group.stakeholders.map { Person(id: $0.id, label: words.person($0), checked: pick.sendTo.contains($0.id)) })
            }
            if picks.isEmpty {
                noPicks = diagnosis.needs.isEmpty
                    ? "Nothing to send: no open conflict, no stalled or active job, everyone reached."
                    : "Nothing in the live catalog serves this group's needs; the marketing digest lists such gaps."
            }
        }
        stakeholders = group.stakeholders.map { Option(id: $0.id, label: words.person($0)) }
        topics = view.taxonomy.topics.map { topic in
            switch topic.kind {
            case let .choice(positions, _): Option(id: topic.id, label: "\(topic.label) (\(positions.joined(separator: " / ")))")
            case let .number(unit, _): Option(id: topic.id, label: "\(topic.label) (\(unit ?? "a figure"))")
            }
        }
    }
}

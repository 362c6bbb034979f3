/// How NextSend names things, in every sentence it writes: people, roles, jobs, influence,
/// topics, figures and conflicts. The CLI, the reasons and the digests all speak through it, so a
/// person reads the same way on every screen.
///
/// ```swift
/// let words = Vocabulary(taxonomy)            // roleLabels: {it: IT}
/// var names = words.names(in: group)
/// names.mention("lee")                        // "Lee Park (IT)"
/// names.mention("lee")                        // "Lee"
/// ```
public struct Vocabulary: Sendable {
    public let taxonomy: Taxonomy

    public init(_ taxonomy: Taxonomy) { self.taxonomy = taxonomy }

    /// A role as it reads in a sentence: the taxonomy's `roleLabels`, else the id with hyphens as
    /// spaces; an id of two letters is taken for an acronym ("it" → "IT", "hr" → "HR").
    public func role(_ id: String) -> String {
        taxonomy.roleLabels[id] ?? (id.count <= 2 ? id.uppercased() : Words.spaced(id))
    }

    /// "decision-maker" → "decision maker".
    public func influence(_ id: String) -> String { Words.spaced(id) }

    /// "requirements building".
    public func job(_ job: BuyingJob) -> String { job.phrase }

    /// "Requirements building", for the start of a line.
    public func jobTitle(_ job: BuyingJob) -> String { Words.capitalized(job.phrase) }

    /// A topic inside a sentence: its label with a lowercase first word ("three-year total cost of ownership").
    public func topic(_ id: String) -> String { taxonomy.topic(id).map { Words.lowercasingFirst($0.label) } ?? Words.spaced(id) }

    /// A topic as a title: its label as written ("Three-year total cost of ownership").
    public func topicTitle(_ id: String) -> String { taxonomy.topic(id)?.label ?? Words.spaced(id) }

    /// "FAQ", "case study".
    public func format(_ format: String) -> String { format == "faq" ? "FAQ" : Words.spaced(format) }

    /// A claim's value: a position as is, a figure with the topic's unit ("$120,000", "12 weeks").
    public func value(_ value: Claim.Value, topic id: String) -> String {
        switch value {
        case let .position(position): return position
        case let .number(number):
            if case let .number(unit, _)? = taxonomy.topic(id)?.kind { return NumberText.withUnit(number, unit: unit) }
            return NumberText.grouped(number)
        }
    }

    /// A job's status in words: "not started", "active", "stalled", "done".
    public func status(_ status: JobState.Status) -> String { Words.spaced(status.rawValue) }

    /// "Dana Reyes (finance)": a person with their role, as a first mention.
    public func person(_ person: Stakeholder) -> String { "\(person.name) (\(role(person.role)))" }

    /// "Marcus Hill (end user; influence: user)": a person with role and influence, for lists of people.
    public func personWithInfluence(_ person: Stakeholder) -> String {
        "\(person.name) (\(role(person.role)); influence: \(influence(person.influence)))"
    }

    /// Names people within one sentence: the first mention in full with the role, later ones by first name.
    public func names(in group: BuyingGroup) -> PersonNames { PersonNames(group: group, vocabulary: self) }

    /// A conflict in one line, its figures or positions grouped into camps:
    /// "Dana Reyes (finance) and Ellen Cho (executive) at $120,000–$140,000 vs Lee Park (IT) at $310,000".
    ///
    /// - Parameter names: the sentence's names, so people already mentioned read by first name.
    public func conflictLine(_ conflict: Conflict, names: inout PersonNames, peoplePerCamp: Int = 3) -> String {
        let camps = ConflictCamps.group(conflict, taxonomy: taxonomy)
        return camps.map { camp in
            let people = camp.flatMap(\.stakeholders)
            let who = Words.list(people.prefix(peoplePerCamp).map { names.mention($0) }
                + (people.count > peoplePerCamp ? [Words.count(people.count - peoplePerCamp, "other")] : []))
            let values = camp.map { value($0.value, topic: conflict.topic) }
            switch camp.first?.value {
            case .number?:
                return "\(who) at " + (values.count == 1 ? values[0] : "\(values.first!)–\(values.last!)")
            default:
                return "\(who) for " + values.joined(separator: " or ")
            }
        }.joined(separator: " vs ")
    }
}

/// The people of one sentence: each named in full with their role the first time, by first name after.
public struct PersonNames: Sendable {
    let group: BuyingGroup
    let vocabulary: Vocabulary
    private var mentioned = Set<String>()

    /// How many people of the group carry each full name and each first name.
    private let fullNames: [String: Int]
    private let firstNames: [String: Int]

    init(group: BuyingGroup, vocabulary: Vocabulary) {
        self.group = group
        self.vocabulary = vocabulary
        var fullNames: [String: Int] = [:], firstNames: [String: Int] = [:]
        for person in group.stakeholders {
            fullNames[person.name, default: 0] += 1
            firstNames[person.shortName, default: 0] += 1
        }
        self.fullNames = fullNames
        self.firstNames = firstNames
    }

    /// "Lee Park (IT)" the first time, "Lee" after; an unknown id as it is. When someone else in
    /// the group has the same first name, later mentions keep the full name ("Everett Cole", not
    /// "Everett"), and the role too when the full names match: a reader must be able to tell who.
    public mutating func mention(_ id: String) -> String {
        guard let person = group.stakeholder(id) else { return id }
        if mentioned.insert(id).inserted { return vocabulary.person(person) }
        if fullNames[person.name, default: 0] > 1 { return vocabulary.person(person) }
        let first = person.shortName
        return firstNames[first, default: 0] > 1 ? person.name : first
    }
}

extension Vocabulary {
    /// A group's missing voices as a rep reads them, each with whom to ask: "Procurement on supplier
    /// selection — ask Mei Tanaka (operations) who speaks for procurement". One sentence for the
    /// page, the digest and the CLI.
    public func missingVoiceLines(_ diagnosis: Diagnosis, group: BuyingGroup) -> [String] {
        var names = self.names(in: group)
        let broker = Diagnoser.broker(of: group, taxonomy: taxonomy).map { names.mention($0) }
        return diagnosis.missingVoices.map { voice in
            "\(Words.capitalized(role(voice.role))) on \(job(voice.job))" + (broker.map { " — ask \($0) who speaks for \(role(voice.role))" } ?? "")
        }
    }
}

extension TrendDirection {
    /// "Converging: fewer open problems than 4 weeks ago", without a final stop.
    public var sentence: String {
        let span = ConsensusTrend.directionWeeks
        switch self {
        case .converging: return "Converging: fewer open problems than \(span) weeks ago"
        case .diverging: return "Diverging: more open problems than \(span) weeks ago"
        case .stuck: return "Stuck: as many open problems as \(span) weeks ago"
        }
    }
}

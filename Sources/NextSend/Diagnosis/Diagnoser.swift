/// Diagnoses a buying group: a pure function of the group, the taxonomy and the day.
///
/// Facts dated after `asOf` are ignored, so a diagnosis as of an earlier day is what the rep
/// would have seen then.
///
/// ```swift
/// let diagnosis = Diagnoser.diagnose(group, taxonomy: taxonomy, asOf: Day("2026-11-29")!)
/// diagnosis.conflicts.first?.topic   // "tco"
/// ```
public enum Diagnoser {
    /// A stakeholder without a touch or a claim for this many days is unengaged.
    public static let engagementWindowDays = 30

    public static func diagnose(_ group: BuyingGroup, taxonomy: Taxonomy, asOf: Day) -> Diagnosis {
        let jobs = JobBoard.evaluate(group.events, taxonomy: taxonomy, asOf: asOf)
        let conflicts = ConflictDetector.detect(group.claims, taxonomy: taxonomy, asOf: asOf)
        let unengaged = unengagedStakeholders(group, asOf: asOf)
        let missing = missingVoices(group, jobs: jobs, taxonomy: taxonomy)
        let needs = Diagnoser.needs(group: group, jobs: jobs, conflicts: conflicts, unengaged: unengaged, missing: missing,
                                    taxonomy: taxonomy, asOf: asOf)
        return Diagnosis(group: group.id, asOf: asOf, jobs: jobs, conflicts: conflicts, unengaged: unengaged,
                         missingVoices: missing, needs: needs)
    }

    /// How many open problems the group has as of a day — conflicts, stalled jobs, unreached people,
    /// missing voices — without working out its needs (the trend asks this for twelve days a group).
    static func openProblems(_ group: BuyingGroup, taxonomy: Taxonomy, asOf: Day) -> OpenProblems {
        openProblems(group, taxonomy: taxonomy, asOf: asOf, conflicts: ConflictDetector.count(group.claims, taxonomy: taxonomy, asOf: asOf))
    }

    /// The same, with the conflicts already counted (the trend counts them from a ``ConflictTimeline``).
    static func openProblems(_ group: BuyingGroup, taxonomy: Taxonomy, asOf: Day, conflicts: Int) -> OpenProblems {
        let jobs = JobBoard.evaluate(group.events, taxonomy: taxonomy, asOf: asOf)
        return OpenProblems(conflicts: conflicts,
                            stalled: jobs.filter { $0.status == .stalled }.count,
                            unreached: unengagedStakeholders(group, asOf: asOf).count,
                            missingVoices: missingVoices(group, jobs: jobs, taxonomy: taxonomy).count)
    }

    /// The roles the taxonomy's `voices:` expects on each job under way that nobody in the group
    /// holds, in board order then role order. Nobody is invented: a group without people has none
    /// (there is no one to ask).
    static func missingVoices(_ group: BuyingGroup, jobs: [JobState], taxonomy: Taxonomy) -> [MissingVoice] {
        guard !group.stakeholders.isEmpty else { return [] }
        let held = Set(group.stakeholders.map(\.role))
        return jobs.filter(\.isOpen).flatMap { state in
            (taxonomy.voices[state.job] ?? []).filter { !held.contains($0) }.map { MissingVoice(job: state.job, role: $0) }
        }
    }

    /// Who can bring a missing voice in: the group's champion (an influence named `champion`), else
    /// its most influential person; ties by id.
    public static func broker(of group: BuyingGroup, taxonomy: Taxonomy) -> String? {
        let champions = group.stakeholders.filter { $0.influence == "champion" }.map(\.id).sorted()
        if let champion = champions.first { return champion }
        return group.stakeholders.min { lhs, rhs in
            let left = taxonomy.weight(ofInfluence: lhs.influence), right = taxonomy.weight(ofInfluence: rhs.influence)
            return left != right ? left > right : lhs.id < rhs.id
        }?.id
    }

    static func unengagedStakeholders(_ group: BuyingGroup, asOf: Day) -> [String] {
        let since = asOf.adding(days: -engagementWindowDays)
        var engaged = Set<String>()
        for claim in group.claims where claim.date > since && claim.date <= asOf { engaged.insert(claim.stakeholder) }
        for touch in group.touches where touch.date > since && touch.date <= asOf { engaged.formUnion(touch.to) }
        return group.stakeholders.map(\.id).filter { !engaged.contains($0) }.sorted()
    }

    /// Turns the diagnosis into needs with urgencies in 0…1.
    ///
    /// Conflicts weigh by the influence of the people in them; stalled jobs by how far past their
    /// threshold they are and how often they looped; unengaged people by their influence. Active
    /// jobs are the background hum: worth serving when nothing is on fire.
    static func needs(group: BuyingGroup, jobs: [JobState], conflicts: [Conflict], unengaged: [String],
                      missing: [MissingVoice], taxonomy: Taxonomy, asOf: Day) -> [Need] {
        var needs: [Need] = []
        let influence: (String) -> Double = { id in
            group.stakeholder(id).map { taxonomy.weight(ofInfluence: $0.influence) } ?? 0
        }
        for conflict in conflicts {
            let weight = conflict.stakeholders.map(influence).reduce(0, +)
            needs.append(Need(kind: .conflict(topic: conflict.topic), urgency: 0.6 + 0.4 * min(1, weight / 3),
                              stakeholders: conflict.stakeholders))
        }
        let latest = ConflictDetector.latestClaims(group.claims, asOf: asOf)
        for state in jobs where state.isOpen {
            // The people a job concerns: those holding views on the topics worked out in it.
            let topics = taxonomy.topics.filter { $0.jobs.contains(state.job) }.map(\.id)
            var concerned = Set(topics.flatMap { latest[$0].map { Array($0.keys) } ?? [] })
            if concerned.isEmpty { concerned = Set(group.stakeholders.map(\.id)) }
            let people = concerned.sorted()
            if state.status == .stalled {
                let overdue = Double((state.idleDays ?? 0) - state.stallDays) / Double(state.stallDays)
                let urgency = 0.5 + 0.3 * min(1, overdue) + 0.1 * Double(min(state.loops, 2))
                needs.append(Need(kind: .stalledJob(state.job), urgency: min(1, urgency), stakeholders: people))
            } else {
                needs.append(Need(kind: .activeJob(state.job), urgency: 0.2 + 0.05 * Double(min(state.loops, 2)), stakeholders: people))
            }
        }
        for id in unengaged {
            needs.append(Need(kind: .unengagedStakeholder(id), urgency: 0.2 + 0.3 * influence(id), stakeholders: [id]))
        }
        // A voice missing from a stalled job matters more than one missing from a job that moves.
        if let broker = broker(of: group, taxonomy: taxonomy) {
            for voice in missing {
                let stalled = jobs.first { $0.job == voice.job }?.status == .stalled
                needs.append(Need(kind: .missingVoice(job: voice.job, role: voice.role), urgency: stalled ? 0.45 : 0.3, stakeholders: [broker]))
            }
        }
        // Conflicts, then stalled jobs, then unreached people, then missing voices, then active jobs;
        // by urgency within each.
        return needs.sorted { lhs, rhs in
            if lhs.kind.rank != rhs.kind.rank { return lhs.kind.rank < rhs.kind.rank }
            return lhs.urgency != rhs.urgency ? lhs.urgency > rhs.urgency : lhs.kind.key < rhs.kind.key
        }
    }
}

/// The counts the consensus trend adds up.
struct OpenProblems {
    var conflicts, stalled, unreached, missingVoices: Int
    var total: Int { conflicts + stalled + unreached + missingVoices }
}

/// Writes the one plain sentence that says why an asset is recommended, naming people and need.
///
/// "Dana Reyes (finance), Ellen Cho (executive) and Lee Park (IT) disagree on three-year total cost
/// of ownership: Dana and Ellen at $120,000–$140,000 vs Lee at $310,000 — this shared tool is made
/// to reconcile exactly that."
public struct ReasonWriter: Sendable {
    let group: BuyingGroup
    let diagnosis: Diagnosis
    let taxonomy: Taxonomy
    let words: Vocabulary
    /// Each topic's latest claim per person, for where a split was heard (worked out once per
    /// writer, and only when there is a split: a matcher writes several reasons with one writer).
    let latest: [String: [String: Claim]]
    /// The group's people with nobody mentioned yet: each sentence starts from a copy.
    let people: PersonNames

    public init(group: BuyingGroup, diagnosis: Diagnosis, taxonomy: Taxonomy) {
        self.group = group
        self.diagnosis = diagnosis
        self.taxonomy = taxonomy
        words = Vocabulary(taxonomy)
        latest = diagnosis.conflicts.isEmpty ? [:] : ConflictDetector.latestClaims(group.claims, asOf: diagnosis.asOf)
        people = words.names(in: group)
    }

    /// - Parameter earlier: person → their latest earlier send of this asset (day, consumed), so
    ///   the sentence can say who already had it.
    public func sentence(for asset: Asset, needs: [Need], sendTo: [String],
                         earlier: [String: (date: Day, consumed: Bool)] = [:], evidence: Recommendation.Evidence? = nil) -> String {
        guard let first = needs.first else { return "" }
        var names = people
        var sentence = main(asset, first, sendTo: sendTo, names: &names)
        // Cite the track record only when it lifts the pick.
        if let evidence, evidence.factor > 1 {
            switch first.kind {
            case let .conflict(topic):
                sentence += "; sent into \(Words.count(evidence.sends, "split")) on \(words.topic(topic)) before, "
                    + "it saw \(evidence.successes) of them close within \(Words.count(ScoringPolicy.standard.followUpDays, "day"))"
            case let .stalledJob(job):
                sentence += "; sent to \(Words.count(evidence.sends, "stalled \(words.job(job))", plural: "stalled \(words.job(job))s")) before, "
                    + "it saw \(evidence.successes) move within \(Words.count(ScoringPolicy.standard.followUpDays, "day"))"
            default: break
            }
        }
        let others = alsoHelps(Array(needs.dropFirst()), names: &names)
        if !others.isEmpty { sentence += "; it also helps with " + Words.list(others, limit: 3) }
        let had = sendTo.filter { earlier[$0] != nil }
        if !had.isEmpty {
            // "Quin read it on 2026-09-01; Rae has not seen it."
            let before = had.map { person -> String in
                let send = earlier[person]!
                return "\(names.mention(person)) \(send.consumed ? "read" : "got") it on \(send.date)"
            }
            let fresh = sendTo.filter { earlier[$0] == nil }
            sentence += ". " + Words.capitalized(Words.list(before, limit: 3))
            if !fresh.isEmpty {
                sentence += "; \(Words.list(fresh.map { names.mention($0) }, limit: 3)) \(fresh.count == 1 ? "has" : "have") not seen it"
            }
        }
        return sentence + "."
    }

    func main(_ asset: Asset, _ need: Need, sendTo: [String], names: inout PersonNames) -> String {
        let this = (asset.shareable ? "this shared " : "this ") + words.format(asset.format)
        switch need.kind {
        case let .conflict(topicID):
            guard let conflict = diagnosis.conflicts.first(where: { $0.topic == topicID }) else { return "" }
            let people = Words.list(conflict.stakeholders.map { names.mention($0) }, limit: 4)
            let camps = words.conflictLine(conflict, names: &names)
            // The matcher lists a conflict only for assets that resolve or cover its topic.
            let action = asset.resolves.contains(where: { $0.topic == topicID })
                ? resolving(asset, conflict, names: &names)
                : "lays out \(words.topic(topicID)) for every side"
            return "\(people) disagree on \(words.topic(topicID)): \(camps)\(heardIn(conflict, names: &names)) — \(this) \(action)"
        case let .stalledJob(job):
            let state = diagnosis.job(job)
            var situation = "\(words.jobTitle(job)) has stalled: no movement for \(Words.count(state?.idleDays ?? 0, "day"))"
            if let loops = state?.loops, loops > 0 { situation += " after being reopened \(Words.times(loops))" }
            return "\(situation) — \(this) is built for \(words.job(job))" + audience(asset, sendTo, names: &names)
        case let .activeJob(job):
            var situation = "\(words.jobTitle(job)) is under way"
            if let loops = diagnosis.job(job)?.loops, loops > 0 { situation += " again, reopened \(Words.times(loops))" }
            return "\(situation) — \(this) helps move it forward" + audience(asset, sendTo, names: &names)
        case let .unengagedStakeholder(id):
            let who = group.stakeholder(id).map { "\(names.mention($0.id)), \(Words.withArticle(words.influence($0.influence)))," } ?? id
            let way = asset.channel == .repLed ? this : this.replacingOccurrences(of: "this ", with: "this self-serve ", options: .anchored)
            return "Nobody has reached \(who) in \(Words.count(Diagnoser.engagementWindowDays, "day")) — \(way) gives them a way in on \(asset.primaryJob.map(words.job) ?? "the deal")"
        case let .missingVoice(job, role):
            // Nobody is invented: the sentence asks the person who can bring that role in.
            let state = diagnosis.job(job)?.status == .stalled ? "has stalled" : "is under way"
            let broker = need.stakeholders.first.map { names.mention($0) } ?? "your contact"
            let roleName = words.role(role)
            let then = asset.shareable ? "and forward \(this), made for \(roleName)" : "then walk that person through \(this), made for \(roleName)"
            return "No one in \(roleName) is known and \(words.job(job)) \(state) — ask \(broker) who speaks for \(roleName) on their side \(then)"
        }
    }

    /// Where views read from text were heard, so a rep can check them: " (Lee, on the 2026-11-02
    /// call; Dana, in the 2026-11-18 email)". Only the claims that count (each person's latest).
    func heardIn(_ conflict: Conflict, names: inout PersonNames) -> String {
        let latest = self.latest[conflict.topic] ?? [:]
        let heard = conflict.stakeholders.compactMap { id -> String? in
            guard let claim = latest[id], claim.quote != nil else { return nil }
            let kind = claim.source ?? "note"
            return "\(names.mention(id)), \(kind == "email" ? "in" : "on") the \(claim.date) \(kind)"
        }
        guard !heard.isEmpty else { return "" }
        return " (" + heard.prefix(3).joined(separator: "; ") + (heard.count > 3 ? "; and \(heard.count - 3) more" : "") + ")"
    }

    /// Whom the asset speaks to: only people whose role it is made for are said to be spoken to
    /// ("and speaks to Ann (finance)"); the others it goes to because it is for everyone are named
    /// as sharing it ("shared with Bo (IT)"), never as its audience.
    func audience(_ asset: Asset, _ sendTo: [String], names: inout PersonNames) -> String {
        let madeFor = sendTo.filter { id in group.stakeholder(id).map { asset.roles.contains($0.role) } == true }
        let others = sendTo.filter { !madeFor.contains($0) }
        var text = madeFor.isEmpty ? "" : " and speaks to " + Words.list(madeFor.map { names.mention($0) }, limit: 3)
        if !others.isEmpty { text += (madeFor.isEmpty ? ", shared with " : ", shared with ") + Words.list(others.map { names.mention($0) }, limit: 3) }
        return text
    }

    /// What a resolver does for a split: all of it, or which sides it covers and whose view it
    /// leaves out — "covers 2 of 3 sides (buy-outright and lease); Kim's energy-as-a-service view is
    /// not addressed". Worked out by ``SideCoverage``, as the score is.
    func resolving(_ asset: Asset, _ conflict: Conflict, names: inout PersonNames) -> String {
        guard let coverage = SideCoverage.of(asset, conflict, group: group, taxonomy: taxonomy), !coverage.isComplete else {
            return "is made to reconcile exactly that"
        }
        guard !coverage.covered.isEmpty else { return "covers other positions than theirs" }
        let values: ([Conflict.Side]) -> String = { camp in
            let all = camp.map { self.words.value($0.value, topic: conflict.topic) }
            return all.count > 1 && camp.first?.value.isNumber == true ? "\(all.first!)–\(all.last!)" : all.joined(separator: " or ")
        }
        let covered = coverage.covered.map { values(coverage.sides[$0]) }
        let unaddressed = coverage.left.map { camp -> String in
            let who = Words.list(camp.flatMap(\.stakeholders).map { names.mention($0) }, limit: 2)
            return "\(who)'s \(values(camp)) view"
        }
        return "covers \(coverage.covered.count) of \(coverage.sides.count) sides (\(Words.list(covered))); "
            + "\(Words.list(unaddressed)) \(unaddressed.count == 1 ? "is" : "are") not addressed"
    }

    /// The other needs in a few words each, unreached people gathered into one item:
    /// "the stalled validation", "reaching Ed, Fiona and 3 others".
    func alsoHelps(_ needs: [Need], names: inout PersonNames) -> [String] {
        var items: [String] = []
        var unreached: [String] = []
        for need in needs {
            switch need.kind {
            case let .conflict(topic): items.append("the split on \(words.topic(topic))")
            case let .stalledJob(job): items.append("the stalled \(words.job(job))")
            case let .activeJob(job): items.append(words.job(job))
            case let .missingVoice(job, role): items.append("bringing \(words.role(role)) into \(words.job(job))")
            case let .unengagedStakeholder(id):
                if unreached.isEmpty { items.append("") }
                unreached.append(id)
            }
        }
        if let slot = items.firstIndex(of: "") {
            items[slot] = "reaching " + Words.list(unreached.prefix(2).map { names.mention($0) }
                + (unreached.count > 2 ? [Words.count(unreached.count - 2, "other")] : []))
        }
        return items
    }
}

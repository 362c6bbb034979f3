/// Writes the one plain sentence that says why an asset is recommended, naming people and need.
///
/// "Dana Reyes (finance), Ellen Cho (executive) and Lee Park (IT) disagree on three-year total cost
/// of ownership: Dana and Ellen at $120,000–$140,000 vs Lee at $310,000 — this shared tool is made
/// to reconcile exactly that."
public struct ReasonWriter: Sendable {
    let group: BuyingGroup
    let diagnosis: Diagnosis
    let words: Vocabulary

    public init(group: BuyingGroup, diagnosis: Diagnosis, taxonomy: Taxonomy) {
        self.group = group
        self.diagnosis = diagnosis
        words = Vocabulary(taxonomy)
    }

    /// - Parameter earlier: person → their latest earlier send of this asset (day, consumed), so
    ///   the sentence can say who already had it.
    public func sentence(for asset: Asset, needs: [Need], sendTo: [String],
                         earlier: [String: (date: Day, consumed: Bool)] = [:], evidence: Recommendation.Evidence? = nil) -> String {
        guard let first = needs.first else { return "" }
        var names = words.names(in: group)
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
            return "\(situation) — \(this) is built for \(words.job(job)) and speaks to \(Words.list(madeForFirst(sendTo, asset).map { names.mention($0) }, limit: 3))"
        case let .activeJob(job):
            var situation = "\(words.jobTitle(job)) is under way"
            if let loops = diagnosis.job(job)?.loops, loops > 0 { situation += " again, reopened \(Words.times(loops))" }
            return "\(situation) — \(this) helps \(Words.list(madeForFirst(sendTo, asset).map { names.mention($0) }, limit: 3)) move it forward"
        case let .unengagedStakeholder(id):
            let who = group.stakeholder(id).map { "\(names.mention($0.id)), \(Words.withArticle(words.influence($0.influence)))," } ?? id
            let way = asset.channel == .repLed ? this : this.replacingOccurrences(of: "this ", with: "this self-serve ", options: .anchored)
            return "Nobody has reached \(who) in \(Words.count(Diagnoser.engagementWindowDays, "day")) — \(way) gives them a way in on \(asset.primaryJob.map(words.job) ?? "the deal")"
        }
    }

    /// Where views read from text were heard, so a rep can check them: " (Lee, on the 2026-11-02
    /// call; Dana, in the 2026-11-18 email)". Only the claims that count (each person's latest).
    func heardIn(_ conflict: Conflict, names: inout PersonNames) -> String {
        let latest = ConflictDetector.latestClaims(group.claims, asOf: diagnosis.asOf)[conflict.topic] ?? [:]
        let heard = conflict.stakeholders.compactMap { id -> String? in
            guard let claim = latest[id], claim.quote != nil else { return nil }
            let kind = claim.source ?? "note"
            return "\(names.mention(id)), \(kind == "email" ? "in" : "on") the \(claim.date) \(kind)"
        }
        guard !heard.isEmpty else { return "" }
        return " (" + heard.prefix(3).joined(separator: "; ") + (heard.count > 3 ? "; and \(heard.count - 3) more" : "") + ")"
    }

    /// The people an asset is made for (their role is one of its roles) first, then the others,
    /// each in id order: a business case for finance names the CFO before the nurse manager.
    func madeForFirst(_ people: [String], _ asset: Asset) -> [String] {
        let madeFor = people.filter { id in group.stakeholder(id).map { asset.roles.contains($0.role) } == true }
        return madeFor + people.filter { !madeFor.contains($0) }
    }

    /// What a resolver does for a split: all of it, or which positions it covers and whose view it
    /// leaves out — "covers cloud-only vs hybrid; Kim's on-prem-required view is not addressed".
    func resolving(_ asset: Asset, _ conflict: Conflict, names: inout PersonNames) -> String {
        let resolutions = asset.resolves.filter { $0.topic == conflict.topic }
        // A resolution without positions settles the topic whatever the positions.
        if resolutions.contains(where: \.positions.isEmpty) || conflict.positions.isEmpty { return "is made to reconcile exactly that" }
        let best = resolutions.max { lhs, rhs in
            let a = Set(lhs.positions).intersection(conflict.positions).count, b = Set(rhs.positions).intersection(conflict.positions).count
            return a != b ? a < b : lhs.positions.joined() > rhs.positions.joined()
        }!
        let covered = conflict.positions.filter(best.positions.contains)
        let left = conflict.sides.filter { side in
            if case let .position(position) = side.value { return !best.positions.contains(position) }
            return false
        }
        if left.isEmpty { return "is made to reconcile exactly that" }
        let coverage = covered.count >= 2 ? "covers \(covered.joined(separator: " vs "))"
            : covered.count == 1 ? "speaks to the \(covered[0]) side only" : "covers other positions than theirs"
        let unaddressed = left.map { side -> String in
            let who = Words.list(side.stakeholders.map { names.mention($0) }, limit: 2)
            return "\(who)'s \(side.value) view"
        }
        return "\(coverage); \(Words.list(unaddressed)) \(left.count == 1 ? "is" : "are") not addressed"
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

/// Why the best asset for a need still falls short, in words a marketer can write to: the content
/// backlog says not only which need is served weakly but what the closest asset lacks.
extension MatchContext {
    /// The shortfalls of `asset`'s `contribution` to `need`, most telling first; empty when it
    /// lacks nothing this type can name.
    func shortfall(of asset: Asset, for need: Need, contribution: Contribution) -> [String] {
        let words = Vocabulary(taxonomy)
        var reasons: [String] = []
        let roleOf = { (id: String) in self.group.stakeholder(id)?.role }
        if let industry = group.industry, !asset.industries.isEmpty, !asset.industries.contains(industry) {
            reasons.append("no edition for \(Words.spaced(industry)) (made for \(asset.industries.map(Words.spaced).joined(separator: ", ")))")
        }
        func roleList(_ roles: [String]) -> String { Words.list(roles.map(words.role)) }
        switch (need.kind, contribution.detail) {
        case let (.conflict(topic), .conflict(how, reached, sides)):
            let label = words.topic(topic)
            if how == "covers the topic" {
                reasons.append("covers \(label) without settling it (it does not resolve the topic)")
            } else if how == "shares the topic's job" {
                reasons.append("only shares a buying job with \(label); it says nothing on it")
            } else if how == "resolves other positions than the ones held" {
                let held = diagnosis.conflicts.first { $0.topic == topic }?.positions ?? []
                reasons.append("resolves other positions than the ones held (\(held.map(Words.spaced).joined(separator: " vs ")))")
            } else if how.hasPrefix("covers ") {
                reasons.append("settles \(how.dropFirst("covers ".count)) of the split")
            }
            if reached < sides, let conflict = diagnosis.conflicts.first(where: { $0.topic == topic }) {
                let splitRoles = Array(Set(conflict.stakeholders.compactMap(roleOf))).sorted()
                let made = asset.roles.isEmpty ? "everyone" : roleList(asset.roles)
                reasons.append("reaches \(reached) of \(sides) sides: made for \(made), the split is between \(roleList(splitRoles))")
            }
        case let (.stalledJob(job), .job(primary, reachable, concerned)):
            if !primary, let main = asset.primaryJob {
                reasons.append("built for \(words.job(main)); \(words.job(job)) is a secondary job")
            }
            if reachable < concerned {
                let missing = Array(Set(need.stakeholders.compactMap(roleOf)).subtracting(asset.roles)).sorted()
                reasons.append("reaches \(reachable) of \(concerned) people concerned"
                               + (missing.isEmpty || asset.roles.isEmpty ? "" : ": not made for \(roleList(missing))"))
            }
        case let (.unengagedStakeholder(person), .reach(forRole, timely)):
            if !forRole, let role = roleOf(person) { reasons.append("not made for \(words.role(role)): it reaches them only as content for everyone") }
            if !timely { reasons.append("about no job under way") }
            if asset.channel == .repLed { reasons.append("rep-led, for someone not talking to the rep") }
        case let (.missingVoice(job, role), .voice(shareable, onJob)):
            if !shareable { reasons.append("made for \(words.role(role)) but not shareable: the champion cannot forward it as it is") }
            if !onJob { reasons.append("for \(words.role(role)), but about another job than \(words.job(job))") }
        default:
            break
        }
        return reasons
    }
}

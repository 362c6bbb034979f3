import Foundation
import NextSend

/// The week in one chat message for the team (`--notify-webhook`): how many open groups, open
/// conflicts and stalled deals, the longest stalls, and the five groups that most need attention,
/// linked to their page when `NEXTSEND_BASE_URL` says where the service is.
enum TeamSummary {
    static func text(_ reps: [WrittenDigests.RepFacts], week: IsoWeek, baseURL: String?) -> String {
        let groups = reps.flatMap { rep in rep.groups.map { (rep: rep.rep, group: $0) } }
        let conflicts = groups.map(\.group.conflicts.count).reduce(0, +)
        let stalled = groups.filter { !$0.group.stalled.isEmpty }
        var lines = ["NextSend \(week): \(Words.count(groups.count, "open group")) across \(Words.count(reps.count, "rep")), "
            + "\(Words.count(conflicts, "open conflict")), \(Words.count(stalled.count, "deal")) stalled."]
        let stalls = groups.flatMap { entry in entry.group.stalled.map { (entry, $0) } }
            .sorted { ($0.1.idleDays ?? 0, $1.0.group.id) > ($1.1.idleDays ?? 0, $0.0.group.id) }.prefix(3)
        if !stalls.isEmpty {
            lines.append("Longest stalls: " + stalls.map { "\($0.0.group.account) (\($0.1.label.lowercased()), \(Words.count($0.1.idleDays ?? 0, "day")))" }
                .joined(separator: "; ") + ".")
        }
        let top = groups.sorted { ($0.group.urgency, $1.group.id) > ($1.group.urgency, $0.group.id) }.prefix(5)
        if !top.isEmpty {
            lines.append("Most in need of attention:")
            let base = baseURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
            for (index, entry) in top.enumerated() {
                let link = base.map { " <\($0)/groups/\(entry.group.id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? entry.group.id)>" } ?? ""
                lines.append("\(index + 1). \(entry.group.account) (\(entry.rep)): \(entry.group.headline)\(link)")
            }
        }
        return lines.joined(separator: "\n")
    }
}

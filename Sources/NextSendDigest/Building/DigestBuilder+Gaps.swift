import Foundation
import NextSend

extension DigestBuilder {
    /// The content backlog: one row per need no asset serves well, by how many groups have it,
    /// each naming its groups and reps, why the closest asset falls short where it fits least,
    /// the industries and roles concerned, and how it changed since the week before.
    func gapRows(_ facts: [GroupFacts]) -> [MarketingDigest.Gap] {
        var byKey: [String: [(group: GroupFacts, gap: GroupFacts.Gap)]] = [:]
        for group in facts {
            for gap in group.gaps { byKey[gap.key, default: []].append((group, gap)) }
        }
        let trend = facts.allSatisfy { $0.previousGaps != nil } && !facts.isEmpty
        return byKey.map { key, entries -> MarketingDigest.Gap in
            // Weakest fit first: the group where the best asset serves least says most about what to write.
            let ordered = entries.sorted { $0.gap.strength != $1.gap.strength ? $0.gap.strength < $1.gap.strength : $0.group.group < $1.group.group }
            let weakest = ordered[0]
            let named = ordered.prefix(5).map { MarketingDigest.Gap.GroupRef(group: $0.group.group, rep: $0.group.owner) }
            var industries: [String: Int] = [:]
            for entry in entries { if let industry = entry.group.industry { industries[industry, default: 0] += 1 } }
            let roles = Set(entries.flatMap(\.gap.roles)).sorted().map(words.role)
            let previous = trend ? facts.filter { $0.previousGaps?[key] != nil }.count : nil
            var change: String?
            if let previous {
                if previous == 0 { change = "new this week" } else if entries.count > previous {
                    change = "\(Words.count(entries.count - previous, "more group")) than last week"
                } else if entries.count < previous {
                    change = "\(Words.count(previous - entries.count, "fewer group")) than last week"
                }
            }
            var row = MarketingDigest.Gap(
                key: key, kind: weakest.gap.kind, label: weakest.gap.label, groups: entries.count, examples: named.map(\.group), named: named,
                bestAsset: weakest.gap.bestAsset, bestFormat: weakest.gap.bestAsset.flatMap { assetsByID[$0]?.format }, strength: weakest.gap.strength,
                why: weakest.gap.shortfall, whyText: weakest.gap.shortfall.isEmpty ? nil : weakest.gap.shortfall.joined(separator: "; "),
                industries: industries.map { MarketingDigest.Gap.Count(value: $0.key, count: $0.value) }
                    .sorted { $0.count != $1.count ? $0.count > $1.count : $0.value < $1.value },
                roles: roles, previousGroups: previous, change: change)
            row.heading = "\(row.label) — \(Words.count(entries.count, "group"))" + (change.map { " (\($0))" } ?? "")
            row.groupsText = named.map { "\($0.group) (\($0.rep))" }.joined(separator: ", ")
                + (entries.count > named.count ? " and \(entries.count - named.count) more" : "")
            row.industriesText = row.industries.isEmpty ? nil : row.industries.map { "\($0.value) \($0.count)" }.joined(separator: ", ")
            row.rolesText = roles.isEmpty ? nil : Words.list(roles)
            return row
        }.sorted { $0.groups != $1.groups ? $0.groups > $1.groups : $0.key < $1.key }
    }

    /// Gaps seen this week and not the week before, and the other way round; `nil` when last
    /// week was not worked out.
    func gapTrend(_ facts: [GroupFacts], gaps: [MarketingDigest.Gap]) -> MarketingDigest.GapTrend? {
        guard !facts.isEmpty, facts.allSatisfy({ $0.previousGaps != nil }) else { return nil }
        var before: [String: String] = [:]
        for group in facts { before.merge(group.previousGaps ?? [:]) { first, _ in first } }
        let now = Set(gaps.map(\.key))
        let opened = gaps.filter { before[$0.key] == nil }.map(\.label)
        let closed = before.filter { !now.contains($0.key) }.sorted { $0.key < $1.key }.map(\.value)
        let since = asOf.adding(days: -7).description
        let summary = opened.isEmpty && closed.isEmpty
            ? "No gap opened or closed since \(since)."
            : "\(Words.count(opened.count, "gap")) opened and \(closed.count) closed since \(since)."
        var text = summary
        if !opened.isEmpty { text += " Opened: \(opened.joined(separator: "; "))." }
        if !closed.isEmpty { text += " Closed: \(closed.joined(separator: "; "))." }
        return MarketingDigest.GapTrend(since: since, opened: opened, closed: closed, summary: summary, text: text)
    }
}

/// Dismissal reasons grouped by their words: "no behavioral-health edition", "No edition for
/// behavioral health" and "needs a behavioral health version" are one thing a marketer can act on.
enum DismissalReasons {
    /// Words that carry no meaning of their own in a reason, or in what a gap lacks.
    static let filler: Set<String> = [
        "a", "an", "the", "and", "or", "of", "for", "to", "in", "on", "at", "by", "with", "is", "are", "was", "it", "its", "this", "that",
        "they", "them", "we", "our", "us", "their", "be", "has", "have", "had", "not", "no", "too", "very", "just", "only", "need", "needs",
        "needed", "want", "wants", "asset", "content", "piece", "one", "ones", "edition", "version", "made", "side", "sides", "split",
        "reaches", "reach", "people", "job", "built", "group", "rep", "between", "about", "what", "from", "any", "there", "here", "yet",
    ]

    /// The words a reason (or a gap's label and shortfall) is compared on: lower case, letters and
    /// digits, filler left out, a plural `s` dropped.
    static func words(_ text: String) -> Set<String> {
        var result = Set<String>()
        for part in text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            let word = String(part)
            // Numbers say nothing about what a reason means ("sent 2 weeks ago" is not "1 of 2 sides").
            guard !filler.contains(word), !word.allSatisfy(\.isNumber) else { continue }
            let plural = word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss")
            result.insert(plural ? String(word.dropLast()) : word)
        }
        return result
    }

    /// Reasons given in `facts`, grouped when their words mostly agree (half or more in common),
    /// each tied to the gaps of the same groups it points at.
    static func group(_ facts: [DigestBuilder.GroupFacts], gaps: [MarketingDigest.Gap], assets: [String: Asset],
                      words vocabulary: Vocabulary) -> [MarketingDigest.ReasonGroup] {
        struct Given { var reason: String; var asset: String; var group: DigestBuilder.GroupFacts }
        var given: [Given] = []
        for group in facts {
            for dismissal in group.dismissals {
                guard let reason = dismissal.reason?.trimmingCharacters(in: .whitespacesAndNewlines), !reason.isEmpty else { continue }
                given.append(Given(reason: reason, asset: dismissal.asset, group: group))
            }
        }
        given.sort { ($0.reason, $0.group.group, $0.asset) < ($1.reason, $1.group.group, $1.asset) }
        var clusters: [(words: Set<String>, text: String, members: [Given])] = []
        for item in given {
            let own = words(item.reason)
            let text = item.reason.lowercased()
            if let at = clusters.firstIndex(where: { cluster in
                let union = cluster.words.union(own)
                // Reasons of filler words only ("Not needed") group when they read the same.
                guard !union.isEmpty else { return cluster.text == text }
                return Double(cluster.words.intersection(own).count) / Double(union.count) >= 0.5
            }) {
                clusters[at].members.append(item)
            } else {
                clusters.append((own, text, [item]))
            }
        }
        let gapWords = Dictionary(uniqueKeysWithValues: gaps.map { ($0.key, words($0.label + " " + ($0.whyText ?? ""))) })
        return clusters.map { cluster -> MarketingDigest.ReasonGroup in
            var counts: [String: Int] = [:]
            for member in cluster.members { counts[member.reason, default: 0] += 1 }
            let reason = counts.sorted {
                $0.value != $1.value ? $0.value > $1.value : $0.key.count != $1.key.count ? $0.key.count < $1.key.count : $0.key < $1.key
            }[0].key
            var tied = Set<String>()
            for member in cluster.members {
                // A reason points at a gap of its group when it names what the gap is about or
                // what its closest asset lacks; the dismissed asset alone says nothing about which.
                for gap in member.group.gaps where !(gapWords[gap.key] ?? []).isDisjoint(with: words(member.reason)) {
                    tied.insert(gap.key)
                }
            }
            let count = cluster.members.count
            let pointed = gaps.filter { tied.contains($0.key) }
            let assetIDs = Set(cluster.members.map(\.asset)).sorted()
            return MarketingDigest.ReasonGroup(
                reason: reason, count: count, variants: counts.keys.sorted(), assets: assetIDs,
                groups: Set(cluster.members.map(\.group.group)).sorted(), gaps: pointed.map(\.key),
                said: "“\(reason)” (\(Words.count(count, "dismissal")))",
                variantsText: counts.count < 2 ? nil : counts.keys.sorted().filter { $0 != reason }.map { "“\($0)”" }.joined(separator: ", "),
                assetsText: assetIDs.joined(separator: ", "), gapsText: pointed.isEmpty ? nil : pointed.map(\.label).joined(separator: "; "))
        }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.reason < $1.reason }
    }
}

import Foundation
import NextSend

extension DigestBuilder {
    /// The content backlog: one row per need no asset serves well, by how many groups have it,
    /// each naming its groups and reps, why the closest asset falls short where it fits least,
    /// the industries and roles concerned, and how it changed since the week before.
    func gapRows(_ tally: MarketingTally) -> [MarketingDigest.Gap] {
        let trend = tally.tellsTrend
        return tally.gaps.map { key, entries -> MarketingDigest.Gap in
            let weakest = entries.weakest[0]
            let named = entries.weakest.map { MarketingDigest.Gap.GroupRef(group: $0.group, rep: $0.owner) }
            let roles = entries.roles.sorted().map(words.role)
            let previous = trend ? tally.lastWeek[key]?.groups ?? 0 : nil
            var change: String?
            if let previous {
                if previous == 0 { change = "new this week" } else if entries.groups > previous {
                    change = "\(Words.count(entries.groups - previous, "more group")) than last week"
                } else if entries.groups < previous {
                    change = "\(Words.count(previous - entries.groups, "fewer group")) than last week"
                }
            }
            var row = MarketingDigest.Gap(
                key: key, kind: weakest.gap.kind, label: weakest.gap.label, groups: entries.groups, examples: named.map(\.group), named: named,
                bestAsset: weakest.gap.bestAsset, bestFormat: weakest.gap.bestAsset.flatMap { assetsByID[$0]?.format }, strength: weakest.gap.strength,
                why: weakest.gap.shortfall, whyText: weakest.gap.shortfall.isEmpty ? nil : weakest.gap.shortfall.joined(separator: "; "),
                industries: entries.industries.map { MarketingDigest.Gap.Count(value: $0.key, count: $0.value) }
                    .sorted { $0.count != $1.count ? $0.count > $1.count : $0.value < $1.value },
                roles: roles, previousGroups: previous, change: change)
            row.heading = "\(row.label) — \(Words.count(entries.groups, "group"))" + (change.map { " (\($0))" } ?? "")
            row.groupsText = named.map { "\($0.group) (\($0.rep))" }.joined(separator: ", ")
                + (entries.groups > named.count ? " and \(entries.groups - named.count) more" : "")
            row.industriesText = row.industries.isEmpty ? nil : row.industries.map { "\($0.value) \($0.count)" }.joined(separator: ", ")
            row.rolesText = roles.isEmpty ? nil : Words.list(roles)
            return row
        }.sorted { $0.groups != $1.groups ? $0.groups > $1.groups : $0.key < $1.key }
    }

    /// Gaps seen this week and not the week before, and the other way round; `nil` when last
    /// week was not worked out.
    func gapTrend(_ tally: MarketingTally, gaps: [MarketingDigest.Gap]) -> MarketingDigest.GapTrend? {
        guard tally.tellsTrend else { return nil }
        let now = Set(gaps.map(\.key))
        let opened = gaps.filter { tally.lastWeek[$0.key] == nil }.map(\.label)
        let closed = tally.lastWeek.filter { !now.contains($0.key) }.sorted { $0.key < $1.key }.map(\.value.label)
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

    /// Reasons given, grouped when their words mostly agree (half or more in common),
    /// each tied to the gaps of the same groups it points at.
    /// A dismissal that gives a reason, with the gaps its group had.
    struct Given: Sendable {
        var reason: String
        var asset: String
        var group: String
        var gapKeys: [String]
    }

    static func group(_ given: [Given], gaps: [MarketingDigest.Gap], assets: [String: Asset],
                      words vocabulary: Vocabulary) -> [MarketingDigest.ReasonGroup] {
        let given = given.sorted { ($0.reason, $0.group, $0.asset) < ($1.reason, $1.group, $1.asset) }
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
                for key in member.gapKeys where !(gapWords[key] ?? []).isDisjoint(with: words(member.reason)) {
                    tied.insert(key)
                }
            }
            let count = cluster.members.count
            let pointed = gaps.filter { tied.contains($0.key) }
            let assetIDs = Set(cluster.members.map(\.asset)).sorted()
            return MarketingDigest.ReasonGroup(
                reason: reason, count: count, variants: counts.keys.sorted(), assets: assetIDs,
                groups: Set(cluster.members.map(\.group)).sorted(), gaps: pointed.map(\.key),
                said: "“\(reason)” (\(Words.count(count, "dismissal")))",
                variantsText: counts.count < 2 ? nil : counts.keys.sorted().filter { $0 != reason }.map { "“\($0)”" }.joined(separator: ", "),
                assetsText: assetIDs.joined(separator: ", "), gapsText: pointed.isEmpty ? nil : pointed.map(\.label).joined(separator: "; "))
        }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.reason < $1.reason }
    }
}

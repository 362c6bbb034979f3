/// One recommendation as a person reads it — the terminal (`next`), the reps' page and the weekly
/// digest all show this row, so its words are chosen once, here.
public struct PickRow: Sendable, Hashable {
    public var rank: Int
    public var asset: String
    public var title: String
    /// The asset's link when it is a web link, made safe for Markdown and HTML (``WebLink``); `nil`
    /// otherwise, and the title shows as plain text.
    public var url: String?
    /// Who to send it to: "Dana Reyes (finance) and Lee Park (IT)".
    public var sendTo: String
    public var sendToIds: [String]
    /// The one sentence of why.
    public var reason: String
    /// "For the split on total cost of ownership and deployment", or `nil` when the pick settles no
    /// conflict.
    public var resolves: String?
    public var score: Double
}

extension Vocabulary {
    /// The row of `pick` for `group`. Each row names its people in full: a reader may see one pick
    /// alone (a page section, a digest line).
    public func pickRow(_ pick: Recommendation, in group: BuyingGroup) -> PickRow {
        pickRow(pick, names: names(in: group))
    }

    /// The rows of a group's picks, its people's names counted once for all of them (counting them
    /// was a third of writing a row); each row still names its people in full.
    public func pickRows(_ picks: [Recommendation], in group: BuyingGroup) -> [PickRow] {
        let unmentioned = names(in: group)
        return picks.map { pickRow($0, names: unmentioned) }
    }

    /// - Parameter names: the group's names with nobody mentioned yet; a copy is used.
    private func pickRow(_ pick: Recommendation, names unmentioned: PersonNames) -> PickRow {
        var names = unmentioned
        let splits = pick.addresses.compactMap { need -> String? in
            if case let .conflict(topic) = need { return topicTitle(topic) }
            return nil
        }
        return PickRow(rank: pick.rank, asset: pick.asset.id, title: pick.asset.title, url: WebLink.safe(pick.asset.url),
                       sendTo: Words.list(pick.sendTo.map { names.mention($0) }), sendToIds: pick.sendTo, reason: pick.reason,
                       resolves: splits.isEmpty ? nil : "For the split on " + Words.list(splits), score: pick.score)
    }
}

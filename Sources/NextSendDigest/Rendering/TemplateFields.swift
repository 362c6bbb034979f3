import Mustache
import NextSend

// The templates read the digest's own typed values: each type names its fields here
// (`MustacheParent`), so rendering needs neither `Mirror` (slow: it rebuilds every child list at each
// lookup) nor a round trip through JSON. A name a type does not list is looked up in the enclosing
// section, as Mustache does for a missing key; `TemplateFieldsTests` checks that every name a
// template uses is listed by some type.

/// How a decimal reads in a template: whole numbers without ".0", others as Swift writes them.
enum TemplateNumber {
    static func text(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

extension RepDigest: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "rep": rep
        case "week": week
        case "weekStart": weekStart
        case "asOf": asOf
        case "summary": summary
        case "groups": groups
        default: nil
        }
    }
}

extension GroupSection: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "rank": rank
        case "id": id
        case "account": account
        case "urgency": TemplateNumber.text(urgency)
        case "headline": headline
        case "jobs": jobs
        case "conflicts": conflicts
        case "stalled": stalled
        case "unengaged": unengaged
        case "missingVoices": missingVoices
        case "direction": direction
        case "directionText": directionText
        case "trend": trend
        case "trendRow": trendRow
        case "changes": changes
        case "recommendations": recommendations
        case "nothingToSend": nothingToSend
        default: nil
        }
    }
}

extension GroupSection.JobRow: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "job": job
        case "label": label
        case "status": status
        case "statusLabel": statusLabel
        case "idle": idle
        case "idleDays": idleDays
        case "loops": loops
        case "reopened": reopened
        case "stallDays": stallDays
        case "background": background
        case "foreground": foreground
        default: nil
        }
    }
}

extension GroupSection.ConflictRow: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "topic": topic
        case "label": label
        case "text": text
        default: nil
        }
    }
}

extension GroupSection.RecommendationRow: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "rank": rank
        case "asset": asset
        case "title": title
        case "url": url
        case "sendTo": sendTo
        case "sendToIds": sendToIds
        case "reason": reason
        case "score": TemplateNumber.text(score)
        default: nil
        }
    }
}

extension GroupSection.TrendBar: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "week": week
        case "short": short
        case "open": open
        case "sends": sends
        case "bar": bar
        case "space": space
        case "marked": marked
        default: nil
        }
    }
}

extension MarketingDigest: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "week": week
        case "weekStart": weekStart
        case "asOf": asOf
        case "groupCount": groupCount
        case "liveAssets": liveAssets
        case "gaps": gaps
        case "gapTrend": gapTrend
        case "reasonGroups": reasonGroups
        case "expiring": expiring
        case "expiredEarlier": expiredEarlier
        case "outcomesFrom": outcomesFrom
        case "effectiveness": effectiveness
        case "dismissals": dismissals.map(DismissalView.init)
        case "coverage": coverage
        default: nil
        }
    }
}

extension MarketingDigest.Gap: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "key": key
        case "kind": kind
        case "label": label
        case "groups": groups
        case "examples": examples
        case "named": named
        case "bestAsset": bestAsset
        case "bestFormat": bestFormat
        case "strength": TemplateNumber.text(strength)
        case "why": why
        case "whyText": whyText
        case "industries": industries
        case "roles": roles
        case "previousGroups": previousGroups
        case "change": change
        case "repsSaid": repsSaid
        case "heading": heading
        case "groupsText": groupsText
        case "industriesText": industriesText
        case "rolesText": rolesText
        case "repsSaidText": repsSaidText
        default: nil
        }
    }
}

extension MarketingDigest.Gap.GroupRef: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "group": group
        case "rep": rep
        default: nil
        }
    }
}

extension MarketingDigest.Gap.Count: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "value": value
        case "count": count
        default: nil
        }
    }
}

extension MarketingDigest.GapTrend: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "since": since
        case "opened": opened
        case "closed": closed
        case "summary": summary
        case "text": text
        default: nil
        }
    }
}

extension MarketingDigest.ReasonGroup: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "reason": reason
        case "count": count
        case "variants": variants
        case "assets": assets
        case "groups": groups
        case "gaps": gaps
        case "said": said
        case "variantsText": variantsText
        case "assetsText": assetsText
        case "gapsText": gapsText
        default: nil
        }
    }
}

extension MarketingDigest.Expiring: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "asset": asset
        case "title": title
        case "owner": owner
        case "reviewBy": reviewBy
        case "daysLeft": daysLeft
        case "state": state
        default: nil
        }
    }
}

extension MarketingDigest.Effect: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "asset": asset
        case "title": title
        case "sent": sent
        case "consumed": consumed
        case "conflictsAddressed": conflictsAddressed
        case "conflictsClosed": conflictsClosed
        case "conflictsPending": conflictsPending
        case "jobsAddressed": jobsAddressed
        case "jobsMoved": jobsMoved
        case "jobsPending": jobsPending
        case "conflictsText": conflictsText
        case "jobsText": jobsText
        default: nil
        }
    }
}

/// A dismissed asset as the tables show it: each reason's words ("no reason given" for none), its
/// groups and reps joined with commas — built here so that no separator is ever left dangling.
struct DismissalView: MustacheParent {
    struct ReasonView: MustacheParent {
        let reason: MarketingDigest.Dismissed.Reason

        func child(named name: String) -> Any? {
            switch name {
            case "reason": reason.reason
            case "text": reason.reason ?? "no reason given"
            case "count": reason.count
            case "groups": reason.groups
            case "groupsText": reason.groups.joined(separator: ", ")
            case "reps": reason.reps
            case "repsText": reason.reps.joined(separator: ", ")
            case "latest": reason.latest
            default: nil
            }
        }
    }

    let dismissed: MarketingDigest.Dismissed

    init(_ dismissed: MarketingDigest.Dismissed) { self.dismissed = dismissed }

    func child(named name: String) -> Any? {
        switch name {
        case "asset": dismissed.asset
        case "title": dismissed.title
        case "count": dismissed.count
        case "reasons": dismissed.reasons.map(ReasonView.init)
        default: nil
        }
    }
}

extension MarketingDigest.Coverage: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "roles": roles
        case "rows": rows
        case "emptyCount": emptyCount
        default: nil
        }
    }
}

extension MarketingDigest.Coverage.Row: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "job": job
        case "label": label
        case "cells": cells
        default: nil
        }
    }
}

extension MarketingDigest.Coverage.Cell: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "role": role
        case "count": count
        case "display": display
        default: nil
        }
    }
}

extension CoverageChart: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "width": width
        case "height": height
        case "columns": columns
        case "rows": rows
        case "cells": cells
        default: nil
        }
    }
}

extension CoverageChart.Label: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "x": x
        case "y": y
        case "label": label
        default: nil
        }
    }
}

extension CoverageChart.Cell: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "x": x
        case "y": y
        case "size": size
        case "textX": textX
        case "textY": textY
        case "fill": fill
        case "ink": ink
        case "display": display
        case "tooltip": tooltip
        default: nil
        }
    }
}

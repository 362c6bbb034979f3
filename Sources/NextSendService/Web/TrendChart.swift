import NextSend

/// A group's twelve weeks as an inline SVG line chart for the page: open problems (conflicts,
/// stalled jobs, unreached people, missing voices) per week, with a mark under each week that had
/// sends. Only numbers and escaped text reach the template, so the chart needs no script and no
/// raw HTML.
struct TrendChart {
    struct Week {
        var week, short, tooltip: String
        var open, sends: Int
        var hasSends: Bool
        var x, y: String
    }

    static let width = 480, height = 150
    static let left = 28.0, right = 12.0, top = 14.0, plotHeight = 96.0
    /// Where the send marks sit (below the plot) and the week labels (below them).
    static let markY = 118, labelY = 144

    var direction: String
    var directionText: String
    var width = TrendChart.width, height = TrendChart.height
    var points: String
    var weeks: [Week]
    var peak: Int
    var peakY: String
    var baseY: String
    var markY = TrendChart.markY, labelY = TrendChart.labelY
    var label: String

    init(_ trend: ConsensusTrend) {
        direction = trend.direction.rawValue
        directionText = trend.direction.sentence
        peak = max(1, trend.weeks.map(\.openProblems).max() ?? 0)
        let step = trend.weeks.count > 1 ? (Double(TrendChart.width) - TrendChart.left - TrendChart.right) / Double(trend.weeks.count - 1) : 0
        let peak = Double(self.peak)
        let format = { (value: Double) in NumberText.plain((value * 10).rounded() / 10) }
        weeks = trend.weeks.enumerated().map { index, week in
            let x = TrendChart.left + step * Double(index)
            let y = TrendChart.top + TrendChart.plotHeight * (1 - Double(week.openProblems) / peak)
            let tooltip = "\(week.week) (as of \(week.asOf)): \(Words.count(week.conflicts, "conflict")), \(week.stalled) stalled, "
                + "\(week.unreached) unreached, \(Words.count(week.missingVoices, "missing voice")); "
                + "\(Words.count(week.sends, "send")), \(week.consumed) consumed"
            return Week(week: week.week.description, short: "W\(week.week.week)", tooltip: tooltip, open: week.openProblems,
                        sends: week.sends, hasSends: week.sends > 0, x: format(x), y: format(y))
        }
        points = weeks.map { "\($0.x),\($0.y)" }.joined(separator: " ")
        peakY = format(TrendChart.top)
        baseY = format(TrendChart.top + TrendChart.plotHeight)
        let first = trend.weeks.first, last = trend.weeks.last
        label = "Open problems per week from \(first?.week.description ?? "") to \(last?.week.description ?? ""): "
            + trend.weeks.map { String($0.openProblems) }.joined(separator: ", ") + ". " + directionText + "."
    }
}

/// The job × role coverage matrix laid out as SVG shapes: a coloured square per cell.
///
/// Geometry is computed here so the template only places what it is given; every label still
/// passes through the template's HTML escaping.
struct CoverageChart: Sendable {
    struct Label: Sendable {
        var x: Int
        var y: Int
        var label: String
    }

    struct Cell: Sendable {
        var x: Int
        var y: Int
        var size: Int
        var textX: Int
        var textY: Int
        var fill: String
        var ink: String
        var display: String
        var tooltip: String
    }

    var width: Int
    var height: Int
    var columns: [Label]
    var rows: [Label]
    var cells: [Cell]

    init(_ coverage: MarketingDigest.Coverage) {
        let size = 34, gap = 4, left = 170, top = 80
        let maxCount = max(1, coverage.rows.flatMap(\.cells).map(\.count).max() ?? 1)
        columns = coverage.roles.enumerated().map { index, role in
            Label(x: left + index * (size + gap) + 8, y: top - 8, label: role)
        }
        rows = coverage.rows.enumerated().map { index, row in
            Label(x: left - 8, y: top + index * (size + gap) + size / 2 + 4, label: row.label)
        }
        var cells: [Cell] = []
        for (rowIndex, row) in coverage.rows.enumerated() {
            for (columnIndex, cell) in row.cells.enumerated() {
                let x = left + columnIndex * (size + gap), y = top + rowIndex * (size + gap)
                let (fill, ink) = CoverageChart.colour(cell.count, maxCount: maxCount)
                cells.append(Cell(x: x, y: y, size: size, textX: x + size / 2, textY: y + size / 2 + 4, fill: fill, ink: ink,
                                  display: cell.count == 0 ? "0" : String(cell.count),
                                  tooltip: "\(row.label) × \(cell.role): \(cell.count) live asset\(cell.count == 1 ? "" : "s")"))
            }
        }
        self.cells = cells
        width = left + coverage.roles.count * (size + gap) + 10
        height = top + coverage.rows.count * (size + gap) + 10
    }

    /// Red for an empty cell, then five blues from light to dark as coverage grows.
    static func colour(_ count: Int, maxCount: Int) -> (fill: String, ink: String) {
        if count == 0 { return ("#fecaca", "#991b1b") }
        let shades = ["#dbeafe", "#bfdbfe", "#93c5fd", "#3b82f6", "#1d4ed8"]
        let step = min(shades.count - 1, (count - 1) * shades.count / maxCount)
        return (shades[step], step >= 3 ? "#ffffff" : "#1e3a8a")
    }
}

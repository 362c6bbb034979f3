import ArgumentParser
import NextSend
import NextSendReports
import NextSendStore

extension CoverageMatrix.Dimension: ExpressibleByArgument {}

extension NextSendCommand.Catalog {
    struct Coverage: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "coverage",
            abstract: "The buying job × role (or topic, or industry) matrix of live assets, empty cells marked.",
            discussion: """
                Counts published assets whose review date has not passed. Assets with no role (topic, industry) count in the 'any' \
                column; with --by industry that is an asset made for every industry, and an empty cell is a missing edition.
                """
        )

        @Option(help: ArgumentHelp("The columns: role, topic, industry or format.", valueName: "dimension")) var by: CoverageMatrix.Dimension = .role

        @OptionGroup var store: StoreOptions
        @OptionGroup var date: DateOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let matrix = try store.desk().coverage(by: by, asOf: date.day)
            if output.json {
                try Console.printJSON(CoverageJSON(matrix))
            } else {
                Console.print(CoverageText.render(matrix))
            }
        }
    }
}

/// The coverage matrix as a terminal table: a count per cell, a loud marker where there is none.
enum CoverageText {
    static func render(_ matrix: CoverageMatrix) -> String {
        let jobWidth = BuyingJob.allCases.map(\.rawValue.count).max()!
        let widths = (matrix.columns + ["any"]).map { max($0.count, 3) }
        var lines: [String] = []
        lines.append("".padding(toLength: jobWidth, withPad: " ", startingAt: 0) + "  "
            + zip(matrix.columns + ["any"], widths).map { pad($0, $1) }.joined(separator: "  "))
        for row in matrix.rows {
            let cells = zip(row.counts + [row.anyRole], widths).enumerated().map { index, pair in
                let (count, width) = pair
                if count == 0, index < row.counts.count {
                    return Console.highlight(pad("--", width), "1;31")
                }
                return pad(String(count), width)
            }
            lines.append(row.job.rawValue.padding(toLength: jobWidth, withPad: " ", startingAt: 0) + "  " + cells.joined(separator: "  "))
        }
        let empty = matrix.emptyCells
        lines.append("")
        if empty.isEmpty {
            lines.append("Every job × \(matrix.dimension.rawValue) cell has at least one live asset (as of \(matrix.asOf)).")
        } else {
            lines.append("\(empty.count) empty cell\(empty.count == 1 ? "" : "s") (--) as of \(matrix.asOf): "
                + empty.map { "\($0.job.rawValue) × \($0.role)" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}

/// `catalog coverage --json`.
struct CoverageJSON: Encodable {
    struct Row: Encodable {
        var job: String
        var counts: [String: Int]
        var anyRole: Int
    }

    /// An empty cell: its job, and its role, topic or industry under that name.
    struct Cell: Encodable {
        var job: String
        var role: String?
        var topic: String?
        var industry: String?
        var format: String?

        init(job: String, column: String, by dimension: CoverageMatrix.Dimension) {
            self.job = job
            switch dimension {
            case .role: role = column
            case .topic: topic = column
            case .industry: industry = column
            case .format: format = column
            }
        }
    }

    var asOf: String
    /// role, topic or industry: what `columns` are (and the key in `counts` and `emptyCells`).
    var by: String
    var columns: [String]
    /// The columns again when they are roles, as before `--by` existed.
    var roles: [String]?
    var rows: [Row]
    var emptyCells: [Cell]

    init(_ matrix: CoverageMatrix) {
        asOf = matrix.asOf.description
        by = matrix.dimension.rawValue
        columns = matrix.columns
        roles = matrix.dimension == .role ? matrix.columns : nil
        rows = matrix.rows.map { row in
            Row(job: row.job.rawValue, counts: Dictionary(uniqueKeysWithValues: zip(matrix.columns, row.counts)), anyRole: row.anyRole)
        }
        emptyCells = matrix.emptyCells.map { Cell(job: $0.job.rawValue, column: $0.role, by: matrix.dimension) }
    }
}

import ArgumentParser
import NextSend
import NextSendReports
import NextSendStore

extension NextSendCommand.Catalog {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one asset with all its tags and how it did: sends, what followed them, dismissals.",
            discussion: "A send is met when a conflict it addressed closed or a stalled job it addressed moved within 14 days; pending while those days run; not met after."
        )

        @Argument(help: "The asset id (its file name without .md).") var id: String

        @OptionGroup var store: StoreOptions
        @OptionGroup var date: DateOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let desk = try store.desk()
            let asset = try desk.asset(id: id)
            let performance = try desk.performance(ofAsset: id, asOf: date.day)
            if output.json {
                try Console.printJSON(AssetWithPerformance(asset: asset, performance: performance))
                return
            }
            Console.print(AssetText.render(asset, asOf: date.day) + "\n  " + "results".padding(toLength: 11, withPad: " ", startingAt: 0)
                + performance.sentence)
        }
    }
}

/// How one asset reads in a terminal.
enum AssetText {
    static func render(_ asset: NextSendAsset, asOf: Day) -> String {
        var lines = ["\(asset.title)", "id: \(asset.id)"]
        if let summary = asset.summary { lines.append(summary) }
        lines.append("")
        var status = asset.status.rawValue
        if asset.isExpired(asOf: asOf), let reviewBy = asset.reviewBy { status += " (expired \(reviewBy))" }
        let fields: [(String, String)] = [
            ("status", status),
            ("format", asset.format + (asset.minutes.map { ", \($0) min" } ?? "")),
            ("jobs", asset.jobs.map(\.rawValue).joined(separator: ", ") + " (primary: \(asset.primaryJob?.rawValue ?? "-"))"),
            ("roles", asset.roles.isEmpty ? "any" : asset.roles.joined(separator: ", ")),
            ("topics", asset.topics.joined(separator: ", ")),
            ("resolves", asset.resolves.map { $0.positions.isEmpty ? $0.topic : "\($0.topic) (\($0.positions.joined(separator: " vs ")))" }.joined(separator: "; ")),
            ("shareable", asset.shareable ? "yes, made for the whole group" : "no"),
            ("channel", asset.channel.rawValue),
            ("industries", asset.industries.isEmpty ? "any" : asset.industries.joined(separator: ", ")),
            ("published", asset.published?.description ?? "-"),
            ("review by", asset.reviewBy?.description ?? "-"),
            ("owner", asset.owner ?? "-"),
            ("url", asset.url ?? "-"),
        ]
        for (label, value) in fields where !value.isEmpty {
            lines.append("  " + label.padding(toLength: 11, withPad: " ", startingAt: 0) + value)
        }
        return lines.joined(separator: "\n")
    }
}

/// `catalog show --json`: the asset's fields, and `performance`.
struct AssetWithPerformance: Encodable {
    var asset: NextSendAsset
    var performance: AssetPerformance

    enum Keys: String, CodingKey { case performance }

    func encode(to encoder: any Encoder) throws {
        try asset.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(performance, forKey: .performance)
    }
}

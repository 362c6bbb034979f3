import ArgumentParser
import Foundation
import NextSend
import NextSendReports
import NextSendStore

extension NextSendCommand {
    /// The whole story on the shipped content, in a throwaway database.
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "demo",
            abstract: "Tell the whole story on the shipped content, in a throwaway database.",
            discussion: "Imports the catalog and the example groups, diagnoses one group, recommends what to send, records a send, and shows how the recommendations change; then imports the sample Salesforce export and shows a conflict read from its call notes and e-mails, with the pick that settles it."
        )

        @Option(help: ArgumentHelp("The content folder (taxonomy.yaml, catalog/, groups/).", valueName: "dir")) var content = "content"
        @Option(help: ArgumentHelp("The group to follow.", valueName: "id")) var group = "mercy-valley-health"
        @Option(name: .customLong("as-of"), help: ArgumentHelp("The day of the story.", valueName: "date")) var asOf = Day("2026-11-29")!

        func run() throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nextsend-demo-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let desk = Desk(store: try SQLiteStore(path: folder.appendingPathComponent("demo.sqlite").path))

            step("1. The catalog: \(content)/catalog, every tag checked against \(content)/taxonomy.yaml")
            let imported = try desk.importCatalog(directory: "\(content)/catalog", taxonomyPath: nil, asOf: asOf, allowRetire: false,
                                                  allowOrphans: false, dryRun: false, logger: .silent)
            let taxonomy = try desk.taxonomy()
            let assets = try desk.allAssets()
            Console.print("\(Words.count(assets.count, "asset")) imported; \(Words.count(imported.warnings.count, "warning")) for the owners (review dates, summaries).")
            Console.print(CoverageText.render(CoverageMatrix(assets: assets, taxonomy: taxonomy, asOf: asOf)))

            step("2. The buying groups: \(content)/groups")
            let groups = try desk.importGroups(path: "\(content)/groups", asOf: asOf, replace: false, dryRun: false, logger: .silent)
            Console.print("\(Words.count(groups.summary.added.count + groups.summary.updated.count, "group")) imported.")

            step("3. Where is \(group) really stuck? (as of \(asOf))")
            guard try desk.hasGroup(group) else { throw UserError.notFound("no group '\(group)' in \(content)/groups") }
            var current = try desk.group(id: group)
            let advisor = try desk.advisor(asOf: asOf)
            let words = Vocabulary(taxonomy)
            var advice = try advisor.advise(current, asOf: asOf, limit: 3)
            Console.print(GroupText.render(advice.diagnosis, group: current, vocabulary: words))

            step("4. What to send next, to whom, and why")
            Console.print(RecommendationText.render(advice, group: current, vocabulary: words, explain: false))
            guard let first = advice.recommendations.first else { return }
            let diagnosis = advice.diagnosis

            step("5. The rep sends the top pick: nextsend sent \(group) \(first.asset.id) --to \(first.sendTo.joined(separator: ","))")
            let demo = Recorder("demo")
            _ = try desk.recordTouch(groupID: group, fields: ["asset": first.asset.id, "to": first.sendTo.joined(separator: ","),
                                                             "date": asOf.description, "channel": "email"], today: asOf, by: demo)
            current = try desk.group(id: group)
            advice = try advisor.advise(current, asOf: asOf, limit: 3)
            Console.print("Nobody gets the same asset twice within \(Words.count(advisor.policy.resendWindowDays, "day")): "
                + "\(first.asset.id) is off the list for \(Words.list(first.sendTo.map { current.stakeholder($0)?.shortName ?? $0 })), and the picks move up:\n")
            Console.print(RecommendationText.render(advice, group: current, vocabulary: words, explain: false))

            if let conflict = diagnosis.conflicts.first, let topic = taxonomy.topic(conflict.topic), topic.isNumber,
               let low = conflict.sides.first, let high = conflict.sides.last, let who = high.stakeholders.first,
               case let .number(agreed) = low.value {
                var names = words.names(in: current)
                step("6. A week later, \(names.mention(who)) revises the figure after working through the model")
                let day = asOf.adding(days: 7)
                _ = try desk.recordClaim(groupID: group, fields: ["stakeholder": who, "topic": conflict.topic, "value": NumberText.plain(agreed * 1.1),
                                                                  "source": first.asset.id, "date": day.description], today: day, by: demo)
                current = try desk.group(id: group)
                let later = advisor.diagnose(current, asOf: day)
                Console.print(later.conflicts.contains { $0.topic == conflict.topic }
                    ? "The conflict on \(words.topic(conflict.topic)) is still open."
                    : "The conflict on \(words.topic(conflict.topic)) is closed: the group now works from one set of numbers.")
            }
            try crmStory(desk, taxonomy: taxonomy)
        }

        /// The sample CRM export: its call notes and e-mails hold a split no one typed in.
        private func crmStory(_ desk: Desk, taxonomy: Taxonomy) throws {
            let folder = "\(content)/crm/salesforce"
            guard FileManager.default.fileExists(atPath: folder) else { return }
            step("7. What the CRM already knows: call notes and e-mails in \(folder)")
            let outcome = try desk.importCRM(.salesforce, directory: folder, mappingPath: nil, includeClosed: false, full: false, dryRun: false,
                                             today: asOf)
            Console.print(outcome.lines.joined(separator: "\n"))
            let words = Vocabulary(taxonomy)
            for id in outcome.imported.added + outcome.imported.updated + outcome.imported.unchanged {
                let view = try desk.groupView(id: id, asOf: asOf)
                let read = view.history.claims.filter { $0.claim.quote != nil }
                guard !read.isEmpty else { continue }
                Console.print("\nRead from \(view.group.title)'s activities:")
                for entry in read {
                    var names = words.names(in: view.group)
                    Console.print("  \(entry.claim.date) \(entry.claim.source ?? "note"): \(names.mention(entry.claim.stakeholder)) — “\(entry.claim.quote!)”")
                }
                guard let conflict = view.diagnosis.conflicts.first else { continue }
                var names = words.names(in: view.group)
                Console.print("\nThe split no one typed in: \(words.topic(conflict.topic)) — \(words.conflictLine(conflict, names: &names))")
                if case let .picks(advice, group, _) = try desk.next(groupID: id, limit: 1, to: nil, asOf: asOf) {
                    Console.print("")
                    Console.print(RecommendationText.render(advice, group: group, vocabulary: words, explain: false))
                }
            }
        }

        private func step(_ title: String) {
            Console.print("\n" + Console.highlight("== " + title, "1") + "\n")
        }
    }
}

import Foundation
import NextSendCommands
import NextSendTestSupport
import Testing

/// Every command the README and the docs show is run (#26): each page's `$ nextsend …` lines
/// (console blocks) and `nextsend …` lines (sh blocks), in order, on a copy of the shipped content
/// in a fresh database, after the page's `<!-- setup: … -->` commands. Each must exit 0, and every
/// line a console block shows as printed must be printed (lines holding `…` or `...` elide; a command
/// named only in prose or a table is not a shown command). A
/// command that cannot run here (a server, a mail relay, PostgreSQL) is named in `runElsewhere`
/// with the test that runs it, and is still parsed, so its flags cannot drift.
/// docs/marketers-week.md has its own, stricter test (MarketersWeekTests).
@Suite struct DocsCommandsTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Commands shown but run by another test, by their first words.
    static let runElsewhere: [String: String] = [
        "nextsend serve": "ServeCommandTests starts the binary's server on a free port and stops it with SIGTERM",
        "nextsend deliver": "DeliveryCommandTests delivers to an SMTP server on loopback",
        "nextsend db copy": "DBCopyCommandTests copies into and out of a throwaway PostgreSQL",
        "Scripts/test": "CI runs it (.ci/run)",
        "Scripts/demo": "CI runs it after the tests (.ci/run)",
    ]

    struct Command {
        var line: Int
        var words: [String]
        /// Whether the lines below it on the page are what it prints (a console block's own command).
        var printsBelow: Bool
        var shown: [String] = []
    }

    /// The page's setup commands and the commands its blocks show, with the lines shown under each.
    static func commands(of text: String) -> (setup: [[String]], shown: [Command]) {
        var setup: [[String]] = []
        var shown: [Command] = []
        var block: String?
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            if block == nil {
                if line.hasPrefix("<!-- setup: ") {
                    setup.append(MarketersWeekTests.words(String(line.dropFirst("<!-- setup: ".count).dropLast(" -->".count))))
                }
                if line.hasPrefix("```") { block = String(line.dropFirst(3)) }
                continue
            }
            if line.hasPrefix("```") {
                block = nil
                continue
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if block == "console", trimmed.hasPrefix("$ ") {
                // Other programs on the page (export, curl against a running server) are the
                // reader's shell, not NextSend's: their lines end the output above them.
                let own = trimmed.hasPrefix("$ nextsend ") || trimmed.hasPrefix("$ Scripts/")
                // A comment after the command is the page's, not the shell's input.
                let command = String(trimmed.dropFirst(2)).components(separatedBy: " #").first ?? ""
                shown.append(Command(line: index + 1, words: own ? words(command) : [], printsBelow: own))
            } else if block == "console", shown.last?.printsBelow == true {
                shown[shown.count - 1].shown.append(line)
            } else if block == "sh", trimmed.hasPrefix("nextsend ") || trimmed.hasPrefix("Scripts/") {
                // A comment after the command is the page's, not the shell's input.
                let command = trimmed.components(separatedBy: " #").first ?? trimmed
                shown.append(Command(line: index + 1, words: words(command), printsBelow: false))
            }
        }
        return (setup, shown)
    }

    /// Shell words, as MarketersWeekTests reads them.
    static func words(_ line: String) -> [String] { MarketersWeekTests.words(line) }

    static var pages: [String] {
        let docs = (try? FileManager.default.contentsOfDirectory(atPath: repository.appendingPathComponent("docs").path)) ?? []
        return ["README.md"] + docs.filter { $0.hasSuffix(".md") && $0 != "marketers-week.md" }.sorted().map { "docs/" + $0 }
    }

    @Test(arguments: DocsCommandsTests.pages)
    func everyCommandAPageShowsRuns(page: String) async throws {
        let text = try String(contentsOf: Self.repository.appendingPathComponent(page), encoding: .utf8)
        let (setup, commands) = Self.commands(of: text)
        let cli = CLI()
        MarketersWeekTests.copyShippedContent(into: cli)
        // The note the README and docs/notes.md read, where they say it is.
        let note = "Tests/corpus/notes/dev/001-call-note.txt"
        cli.folder.write(note, try String(contentsOf: Self.repository.appendingPathComponent(note), encoding: .utf8))
        for words in setup {
            let result = try await cli.run(Array(words.dropFirst()))
            #expect(result.status == 0, "\(page) setup \(words.joined(separator: " ")): \(result.stderr)")
        }
        for command in commands where !command.words.isEmpty {
            let where_ = "\(page):\(command.line): \(command.words.joined(separator: " "))"
            if let elsewhere = Self.runElsewhere.first(where: { command.words.joined(separator: " ").hasPrefix($0.key) }) {
                if command.words.first == "nextsend" {
                    #expect(throws: Never.self, "\(where_) (run by \(elsewhere.value))") {
                        _ = try NextSendCommand.parseAsRoot(Array(command.words.dropFirst()).map { $0 == "$NEXTSEND_DB" ? "nextsend.sqlite" : $0 })
                    }
                }
                continue
            }
            try #require(command.words.first == "nextsend", "\(where_): not a command this test knows how to run; name it in runElsewhere")
            let result = try await cli.run(Array(command.words.dropFirst()))
            #expect(result.status == 0, "\(where_) exited \(result.status): \(result.stderr)")
            let printed = Set((result.stdout + result.stderr).components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
            for line in command.shown where !line.contains("…") && !line.contains("...") && !line.trimmingCharacters(in: .whitespaces).isEmpty {
                #expect(printed.contains(line.trimmingCharacters(in: .whitespaces)),
                        "\(where_) does not print a line the page shows:\n\(line)\nit printed:\n\(result.stdout)\(result.stderr)")
            }
        }
        // Pages that name commands only in prose and tables (performance.md's Scripts/bench runs for
        // minutes to hours and is run by hand, its figures dated on the page).
        #expect(!commands.isEmpty || ["docs/architecture.md", "docs/commands.md", "docs/library.md", "docs/performance.md"].contains(page),
                "\(page) shows no command")
    }
}

import Foundation
import NextSendTestSupport
import Testing

/// docs/marketers-week.md, run: every `$ nextsend …` line of its console blocks in order on a copy
/// of the shipped content, each output compared with the lines the page shows (`…` skips lines),
/// and every file excerpt found in the file it names.
@Suite struct MarketersWeekTests {
    static let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/marketers-week.md")

    /// One step of the page: a command and what it prints, or an excerpt of a file.
    enum Step {
        case command([String], expected: [String])
        case excerpt(path: String, expected: [String])
    }

    static func steps(of text: String) -> [Step] {
        var steps: [Step] = []
        var block: String?
        var excerptPath: String?
        var command: [String]?
        var expected: [String] = []
        func flushCommand() {
            if let command { steps.append(.command(command, expected: expected)) }
            command = nil
            expected = []
        }
        for line in text.components(separatedBy: "\n") {
            if block == nil {
                if line.hasPrefix("<!-- file: ") { excerptPath = String(line.dropFirst("<!-- file: ".count).dropLast(" -->".count)) }
                if line.hasPrefix("```") { block = String(line.dropFirst(3)) }
                continue
            }
            if line == "```" {
                if block == "console" { flushCommand() }
                if let path = excerptPath, block == "markdown" { steps.append(.excerpt(path: path, expected: expected)) }
                if block != "console" { expected = [] }
                block = nil
                excerptPath = nil
                continue
            }
            if block == "console", line.hasPrefix("$ ") {
                flushCommand()
                command = words(String(line.dropFirst(2)))
            } else if block == "console" || (block == "markdown" && excerptPath != nil) {
                expected.append(line)
            }
        }
        return steps
    }

    /// Shell words: spaces separate, double quotes group.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        for character in line {
            if character == "\"" { quoted.toggle() } else if character == " ", !quoted {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Whether `actual` reads as `expected`: line for line, where `…` stands for any lines.
    static func matches(_ actual: [String], _ expected: [String]) -> Bool {
        var at = 0
        var skipping = false
        for line in expected {
            if line == "…" {
                skipping = true
                continue
            }
            if skipping {
                guard let found = actual[at...].firstIndex(of: line) else { return false }
                at = found + 1
            } else {
                guard at < actual.count, actual[at] == line else { return false }
                at += 1
            }
            skipping = false
        }
        return skipping || actual[at...].allSatisfy(\.isEmpty)
    }

    /// The shipped content (catalog, groups, taxonomy, CRM mapping and samples) copied into `cli`'s folder.
    static func copyShippedContent(into cli: CLI) {
        let content = URL(fileURLWithPath: CLI.repositoryContent)
        let files = FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil)
        while let url = files?.nextObject() as? URL {
            let source = url.resolvingSymlinksInPath()
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  !url.lastPathComponent.hasPrefix("."), let text = try? String(contentsOf: source, encoding: .utf8) else { continue }
            cli.folder.write("content" + url.path.dropFirst(content.path.count), text)
        }
    }

    @Test func everyCommandOnThePageRunsAndPrintsWhatThePageShows() async throws {
        let cli = CLI()
        Self.copyShippedContent(into: cli)
        let steps = Self.steps(of: try String(contentsOf: Self.page, encoding: .utf8))
        #expect(steps.count >= 12, "the page's steps were found")
        let roots = [cli.folder.url.path, cli.folder.url.resolvingSymlinksInPath().path].map { $0 + "/" }
        for step in steps {
            switch step {
            case let .command(words, expected):
                try #require(words.first == "nextsend", "only nextsend commands on this page: \(words)")
                let result = try await cli.run(Array(words.dropFirst()))
                #expect(result.status == 0, "\(words.joined(separator: " ")): \(result.stderr)")
                var output = result.stdout
                for root in roots { output = output.replacingOccurrences(of: root, with: "") }
                #expect(Self.matches(output.components(separatedBy: "\n"), expected),
                        "\(words.joined(separator: " ")) printed:\n\(output)\nthe page shows:\n\(expected.joined(separator: "\n"))")
            case let .excerpt(path, expected):
                let text = cli.folder.read(path)
                let lines = text.components(separatedBy: "\n")
                let wanted = expected.filter { !$0.isEmpty && $0 != "…" }
                let start = lines.firstIndex(of: wanted.first ?? "")
                #expect(start != nil && Self.matches(Array(lines[(start ?? 0)...]), expected + ["…"]),
                        "\(path) does not hold the page's excerpt:\n\(expected.joined(separator: "\n"))")
            }
        }
    }
}

/// Splits a Markdown file into its YAML front matter and its body.
///
/// The front matter sits between a first line `---` and the next line that is `---` (or `...`).
/// Line numbers are kept so diagnostics point at the line in the file, not in the YAML block.
public struct FrontMatter: Sendable, Equatable {
    /// The YAML between the fences.
    public var yaml: String
    /// Everything after the closing fence.
    public var body: String
    /// File line of the first YAML line, minus one: add it to a line within `yaml`.
    public var lineOffset: Int

    public enum Problem: Error, Equatable {
        case missingOpeningFence
        case missingClosingFence
    }

    public static func split(_ text: String) -> Result<FrontMatter, Problem> {
        var text = Substring(text)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        // "\r\n" is one Character in Swift, so both line endings are separators here.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        guard let first = lines.first, first.trimmingTrailingSpaces() == "---" else {
            return .failure(.missingOpeningFence)
        }
        guard let close = lines.indices.dropFirst().first(where: {
            let line = lines[$0].trimmingTrailingSpaces()
            return line == "---" || line == "..."
        }) else {
            return .failure(.missingClosingFence)
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return .success(FrontMatter(yaml: yaml, body: body, lineOffset: 1))
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}

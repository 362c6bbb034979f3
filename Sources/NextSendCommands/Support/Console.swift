import Foundation
import NextSend

/// Results go to stdout, diagnostics to stderr.
enum Console {
    static func print(_ text: String) {
        CommandIO.current.standardOutput(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        CommandIO.current.standardError(Data((text + "\n").utf8))
    }

    /// Pretty, key-sorted JSON: the same data always prints the same bytes.
    static func printJSON<T: Encodable>(_ value: T, omitBody: Bool = false) throws {
        var data = try JSONOutput.encode(value, omitBody: omitBody)
        data.append(Data("\n".utf8))
        CommandIO.current.standardOutput(data)
    }

    static var stdoutIsTerminal: Bool { CommandIO.current.stdoutIsTerminal }
    static var stderrIsTerminal: Bool { CommandIO.current.stderrIsTerminal }

    /// Wraps text in an ANSI colour when stdout is a terminal and NO_COLOR is unset.
    static func highlight(_ text: String, _ code: String) -> String {
        guard stdoutIsTerminal, CommandIO.current.environment["NO_COLOR"] == nil else { return text }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    /// Lays out rows as left-aligned columns.
    static func table(_ rows: [[String]], header: [String]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }.joined(separator: "\n")
    }
}

import Yams

/// Replaces chosen scalars of a YAML text in place, leaving every other byte as it was.
///
/// Yams parses the text and says where each scalar starts; a rule picks scalars by where they sit
/// (their path of keys) and what they hold; only those are rewritten in the text. Comments,
/// order, quoting style and flow or block layout stay, so a renamed taxonomy or group file reads
/// as the person who wrote it left it.
enum YAMLScalarRewriter {
    /// Where a scalar sits: the keys from the root (`"*"` for a list item), whether the scalar is
    /// itself a mapping key, and the nearest mapping it sits in (for rules that look at a sibling:
    /// a list item's is the mapping that holds the list).
    struct Site {
        var path: [String]
        var isKey: Bool
        var parent: Node.Mapping?

        /// The value of a sibling key in the same mapping (`topic` beside `position`).
        func sibling(_ key: String) -> String? {
            parent?.first { $0.key.scalar?.string == key }?.value.scalar?.string
        }

        /// Whether the path is `pattern`, where `"_"` in the pattern matches any one key.
        func at(_ pattern: String...) -> Bool {
            path.count == pattern.count && zip(path, pattern).allSatisfy { $1 == "_" || $0 == $1 }
        }
    }

    enum Failure: Error, Equatable, CustomStringConvertible {
        /// The text is not YAML Yams can read.
        case unreadable(String)
        /// A scalar to replace was not found where Yams placed it (an unusual line break or escape).
        case notAt(line: Int, expected: String)

        var description: String {
            switch self {
            case let .unreadable(reason): return "cannot read it as YAML (\(reason))"
            case let .notAt(line, expected): return "line \(line): expected '\(expected)' where the YAML parser placed it; edit this file by hand"
            }
        }
    }

    /// Rewrites every scalar equal to `old` that `rule` picks to `new`.
    ///
    /// - Returns: the new text and how many scalars changed (0: the text is returned as given).
    static func replace(_ old: String, with new: String, in text: String,
                               where rule: (Site) -> Bool) throws -> (text: String, count: Int) {
        guard !text.isEmpty else { return (text, 0) }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw Failure.unreadable("\(error)".split(separator: "\n").first.map(String.init) ?? "invalid YAML")
        }
        guard let root else { return (text, 0) }
        var marks: [Mark] = []
        collect(root, path: [], parent: nil, old: old, rule: rule, into: &marks)
        guard !marks.isEmpty else { return (text, 0) }
        return (try splice(text, at: marks, old: old, new: new), marks.count)
    }

    private static func collect(_ node: Node, path: [String], parent: Node.Mapping?, old: String,
                                rule: (Site) -> Bool, into marks: inout [Mark]) {
        switch node {
        case let .scalar(scalar):
            if scalar.string == old, let mark = scalar.mark, rule(Site(path: path, isKey: false, parent: parent)) {
                marks.append(mark)
            }
        case let .mapping(mapping):
            for (key, value) in mapping {
                guard let name = key.scalar?.string else { continue }
                if name == old, let mark = key.mark, rule(Site(path: path + [name], isKey: true, parent: mapping)) {
                    marks.append(mark)
                }
                collect(value, path: path + [name], parent: mapping, old: old, rule: rule, into: &marks)
            }
        case let .sequence(sequence):
            for item in sequence {
                collect(item, path: path + ["*"], parent: parent, old: old, rule: rule, into: &marks)
            }
        case .alias:
            break
        }
    }

    /// The lines of `text`, split at every "\n" scalar, a "\r" before it kept. (Swift splits by
    /// Character, and "\r\n" is one Character: a CRLF file would read as a single line.)
    static func lines(of text: String) -> [String] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
    }

    /// Replaces `old` at each mark (1-based line and column, columns counted in Unicode scalars as
    /// libyaml counts them), keeping a quote that opens the scalar.
    private static func splice(_ text: String, at marks: [Mark], old: String, new: String) throws -> String {
        // Split on "\n" scalars, not Characters: "\r\n" is one Character and would hide the break.
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
        let oldScalars = Array(old.unicodeScalars)
        let newScalars = Array(new.unicodeScalars)
        // Right to left within a line, so earlier columns stay where Yams put them.
        for mark in marks.sorted(by: { ($0.line, $0.column) > ($1.line, $1.column) }) {
            let row = mark.line - 1
            guard lines.indices.contains(row) else { throw Failure.notAt(line: mark.line, expected: old) }
            var start = mark.column - 1
            let line = lines[row]
            if start < line.count, line[start] == "\"" || line[start] == "'" { start += 1 }
            guard start >= 0, start + oldScalars.count <= line.count,
                  Array(line[start..<(start + oldScalars.count)]) == oldScalars else {
                throw Failure.notAt(line: mark.line, expected: old)
            }
            lines[row].replaceSubrange(start..<(start + oldScalars.count), with: newScalars)
        }
        var result = String.UnicodeScalarView()
        for (index, line) in lines.enumerated() {
            if index > 0 { result.append("\n") }
            result.append(contentsOf: line)
        }
        return String(result)
    }
}

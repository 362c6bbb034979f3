import Foundation
import Yams

/// Reads the fields of one YAML (or JSON) mapping, checking each and recording precise diagnostics.
///
/// Each accessor reports its own problem (missing, wrong type, unknown value) at the line of the
/// offending key and returns `nil`, so a caller reads every field and learns about every problem
/// in one pass.
package struct MappingReader {
    package struct Entry {
        package var key: String
        package var line: Int
        package var value: Node
    }

    package let entries: [Entry]
    /// Line of the mapping itself, used when a required key is missing.
    package let line: Int
    /// Field path of the mapping (`claims[2]`), empty at the top level.
    package let path: String
    package let lineOffset: Int
    /// For JSON Lines every field of a record is reported at the record's line.
    package let fixedLine: Int?

    /// - Parameter keyLine: the line of the key holding this mapping, where a missing field is reported.
    package init?(_ node: Node, path: String, lineOffset: Int, fixedLine: Int? = nil, keyLine: Int? = nil,
          into diagnostics: inout DiagnosticCollector) {
        let nodeLine = fixedLine ?? keyLine ?? (node.mark.map { $0.line + lineOffset } ?? lineOffset + 1)
        guard case let .mapping(mapping) = node else {
            diagnostics.error(path.isEmpty ? nil : path, line: nodeLine, "expected a mapping of fields (key: value), found \(MappingReader.kind(of: node))")
            return nil
        }
        var entries: [Entry] = []
        for (keyNode, value) in mapping {
            let keyLine = fixedLine ?? (keyNode.mark.map { $0.line + lineOffset } ?? nodeLine)
            guard case let .scalar(scalar) = keyNode else {
                diagnostics.error(path.isEmpty ? nil : path, line: keyLine, "expected a plain field name as key")
                continue
            }
            entries.append(Entry(key: scalar.string, line: keyLine, value: value))
        }
        self.entries = entries
        self.line = nodeLine
        self.path = path
        self.lineOffset = lineOffset
        self.fixedLine = fixedLine
    }

    package func field(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    package func entry(_ key: String) -> Entry? { entries.first { $0.key == key } }

    package func has(_ key: String) -> Bool {
        guard let value = entry(key)?.value else { return false }
        return !MappingReader.isNull(value)
    }

    package func line(of key: String) -> Int { entry(key)?.line ?? line }

    /// Reports every key not in `allowed`, suggesting the closest known key.
    package func rejectUnknownKeys(allowed: [String], into diagnostics: inout DiagnosticCollector) {
        for entry in entries where !allowed.contains(entry.key) {
            var message = "unknown field"
            if let suggestion = Suggestion.closest(to: entry.key, in: allowed) {
                message += "; did you mean '\(suggestion)'?"
            } else {
                message += "; expected one of \(allowed.joined(separator: ", "))"
            }
            diagnostics.error(field(entry.key), line: entry.line, message)
        }
    }

    // MARK: Scalars

    package func string(_ key: String, required: Bool = false, into diagnostics: inout DiagnosticCollector) -> String? {
        guard let entry = entry(key), !MappingReader.isNull(entry.value) else {
            if required { diagnostics.error(field(key), line: line, "required field is missing") }
            return nil
        }
        guard case let .scalar(scalar) = entry.value else {
            diagnostics.error(field(key), line: entry.line, "expected a single value, found \(MappingReader.kind(of: entry.value))")
            return nil
        }
        let text = MappingReader.trimmed(scalar.string)
        if text.isEmpty {
            if required { diagnostics.error(field(key), line: entry.line, "must not be empty") }
            return nil
        }
        return text
    }

    package func day(_ key: String, required: Bool = false, into diagnostics: inout DiagnosticCollector) -> Day? {
        guard let text = string(key, required: required, into: &diagnostics) else { return nil }
        guard let day = Day(text) else {
            diagnostics.error(field(key), line: line(of: key), "expected a date YYYY-MM-DD, found '\(text)'")
            return nil
        }
        return day
    }

    package func number(_ key: String, required: Bool = false, into diagnostics: inout DiagnosticCollector) -> Double? {
        guard let text = string(key, required: required, into: &diagnostics) else { return nil }
        let plain = text.replacingOccurrences(of: "_", with: "")
        guard NumberText.isPlainNumeral(plain), let value = Double(plain), !value.isNaN else {
            diagnostics.error(field(key), line: line(of: key), "expected a number, found '\(text)'")
            return nil
        }
        // Checked where figures enter, so no stored figure is too large to print or compare.
        guard NumberText.isAcceptable(value) else {
            diagnostics.error(field(key), line: line(of: key), "'\(text)' is out of range: expected a number between -10^15 and 10^15")
            return nil
        }
        return value
    }

    package func integer(_ key: String, required: Bool = false, into diagnostics: inout DiagnosticCollector) -> Int? {
        guard let text = string(key, required: required, into: &diagnostics) else { return nil }
        guard let value = Int(text.replacingOccurrences(of: "_", with: "")) else {
            diagnostics.error(field(key), line: line(of: key), "expected a whole number, found '\(text)'")
            return nil
        }
        return value
    }

    package func bool(_ key: String, into diagnostics: inout DiagnosticCollector) -> Bool? {
        guard let text = string(key, into: &diagnostics) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            diagnostics.error(field(key), line: line(of: key), "expected true or false, found '\(text)'")
            return nil
        }
    }

    // MARK: Collections

    /// A list of plain values. A single value is taken as a list of one, as people write `roles: finance`.
    package func strings(_ key: String, into diagnostics: inout DiagnosticCollector) -> [(value: String, line: Int)] {
        guard let entry = entry(key), !MappingReader.isNull(entry.value) else { return [] }
        switch entry.value {
        case let .scalar(scalar):
            let text = MappingReader.trimmed(scalar.string)
            return text.isEmpty ? [] : [(text, entry.line)]
        case let .sequence(sequence):
            var values: [(String, Int)] = []
            for (index, item) in sequence.enumerated() {
                let itemLine = fixedLine ?? (item.mark.map { $0.line + lineOffset } ?? entry.line)
                guard case let .scalar(scalar) = item else {
                    diagnostics.error("\(field(key))[\(index)]", line: itemLine, "expected a single value, found \(MappingReader.kind(of: item))")
                    continue
                }
                values.append((MappingReader.trimmed(scalar.string), itemLine))
            }
            return values
        default:
            diagnostics.error(field(key), line: entry.line, "expected a list like [a, b], found \(MappingReader.kind(of: entry.value))")
            return []
        }
    }

    /// The items of a list of mappings (`claims:`), each as a reader of its own.
    package func mappings(_ key: String, into diagnostics: inout DiagnosticCollector) -> [MappingReader] {
        guard let entry = entry(key), !MappingReader.isNull(entry.value) else { return [] }
        guard case let .sequence(sequence) = entry.value else {
            diagnostics.error(field(key), line: entry.line, "expected a list, found \(MappingReader.kind(of: entry.value))")
            return []
        }
        return sequence.enumerated().compactMap { index, item in
            MappingReader(item, path: "\(field(key))[\(index)]", lineOffset: lineOffset, fixedLine: fixedLine, into: &diagnostics)
        }
    }

    /// A nested mapping (`stallDays:`).
    package func mapping(_ key: String, into diagnostics: inout DiagnosticCollector) -> MappingReader? {
        guard let entry = entry(key), !MappingReader.isNull(entry.value) else { return nil }
        return MappingReader(entry.value, path: field(key), lineOffset: lineOffset, fixedLine: fixedLine, keyLine: entry.line,
                             into: &diagnostics)
    }

    /// The raw node of a field, for shapes the accessors above do not cover.
    package func node(_ key: String) -> Node? { entry(key)?.value }

    // MARK: Helpers

    /// The text without leading and trailing spaces, tabs and line breaks (Foundation's
    /// `trimmingCharacters` is slow on Linux, and every field goes through here).
    package static func trimmed(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = text.first, let last = text.last, isSpace(first) || isSpace(last) else { return text }
        guard let start = text.firstIndex(where: { !isSpace($0) }), let end = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[start...end])
    }

    package static func isNull(_ node: Node) -> Bool {
        guard case let .scalar(scalar) = node else { return false }
        guard scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    package static func kind(of node: Node) -> String {
        switch node {
        case .scalar: return "a single value"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

/// Kebab-case identifiers: lowercase letters and digits, words joined by single hyphens.
public enum Identifier {
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 200 else { return false }
        var previousHyphen = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousHyphen = false
            case UInt8(ascii: "-"):
                if previousHyphen { return false }
                previousHyphen = true
            default:
                return false
            }
        }
        return !previousHyphen
    }
}

/// "Did you mean …?" for a mistyped id, field or value.
public enum Suggestion {
    /// The candidate closest to `word` by edit distance, if close enough to be a typo; an e-mail
    /// address whose name part is `word` ("alice" for "alice@vendor.example") counts as close.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let lowered = word.lowercased()
        if !lowered.contains("@"),
           let named = candidates.filter({ $0.lowercased().split(separator: "@").first.map(String.init) == lowered }).sorted().first {
            return named
        }
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }) else { return nil }
        return best.1 <= max(2, word.count / 3) ? best.0 : nil
    }

    /// "; did you mean 'x'?" when a candidate is close, else "".
    public static func hint(for word: String, in candidates: [String]) -> String {
        closest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

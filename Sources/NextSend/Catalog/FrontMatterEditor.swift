import Foundation

/// Edits tags in an asset file's front matter, in place: lists (`jobs`, `roles`, `topics`,
/// `industries`), the `resolves` items and scalars such as `shareable`.
///
/// Marketers keep these files in git and review them as diffs, so an edit touches only the one
/// line or list item it must: the body's bytes, other fields, comments, ordering and line endings
/// stay as they were. Adding a tag and then removing it gives back the identical file.
public enum FrontMatterEditor {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Returns `text` with `add` appended to and `remove` taken out of the list `field`.
    ///
    /// Values already present are not added twice; values absent are not an error to remove.
    public static func edit(_ text: String, field: String, add: [String] = [], remove: [String] = []) throws -> String {
        var (lines, newline, close) = try frontMatter(text)
        guard let keyIndex = (1..<close).first(where: { lines[$0].hasPrefix("\(field):") }) else {
            let values = add.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            if !values.isEmpty { lines.insert("\(field): [\(values.joined(separator: ", "))]", at: close) }
            return lines.joined(separator: newline)
        }

        let keyLine = lines[keyIndex]
        let afterKey = String(keyLine.dropFirst(field.count + 1))
        let (value, comment) = splitComment(afterKey)
        let trimmedValue = value.trimmingCharacters(in: .whitespaces)

        if trimmedValue.hasPrefix("[") {
            guard trimmedValue.hasSuffix("]") else {
                throw Failure(description: "\(field) is a list spread over several lines; put it on one line as [a, b] or one '- item' per line")
            }
            let leading = String(value.prefix { $0 == " " || $0 == "\t" })
            let inner = String(trimmedValue.dropFirst().dropLast())
            guard let edited = editFlow(inner, add: add, remove: remove) else {
                lines.remove(at: keyIndex)
                return lines.joined(separator: newline)
            }
            lines[keyIndex] = "\(field):\(leading)[\(edited)]\(comment)"
            return lines.joined(separator: newline)
        }

        if trimmedValue.isEmpty {
            editBlock(&lines, keyIndex: keyIndex, close: close, field: field, comment: comment, add: add, remove: remove)
            return lines.joined(separator: newline)
        }

        // A single scalar (`roles: finance`): rewrite as a flow list.
        let leading = String(value.prefix { $0 == " " || $0 == "\t" })
        guard let edited = editFlow(trimmedValue, add: add, remove: remove) else {
            lines.remove(at: keyIndex)
            return lines.joined(separator: newline)
        }
        lines[keyIndex] = "\(field):\(leading)[\(edited)]\(comment)"
        return lines.joined(separator: newline)
    }

    /// The file's lines, its line ending and the index of the line closing the front matter. The
    /// lines are split on the file's own line ending, to be joined with it again: CRLF files stay CRLF.
    private static func frontMatter(_ text: String) throws -> (lines: [String], newline: String, close: Int) {
        let newline = text.contains("\r\n") ? "\r\n" : "\n"
        let lines = text.components(separatedBy: newline)
        let firstContent = lines.first.map { $0.hasPrefix("\u{FEFF}") ? String($0.dropFirst()) : $0 } ?? ""
        guard firstContent.trimmingCharacters(in: .whitespacesAndNewlines) == "---" else {
            throw Failure(description: "the file has no front matter (it must start with '---')")
        }
        guard let close = lines.indices.dropFirst().first(where: {
            let line = lines[$0].trimmingCharacters(in: .whitespacesAndNewlines)
            return line == "---" || line == "..."
        }) else {
            throw Failure(description: "the front matter is not closed by a line '---'")
        }
        return (lines, newline, close)
    }

    /// Returns `text` with the scalar `field` set to `value` (its comment kept), added before the
    /// end of the front matter when absent.
    public static func set(_ text: String, field: String, to value: String) throws -> String {
        var (lines, newline, close) = try frontMatter(text)
        guard let keyIndex = (1..<close).first(where: { lines[$0].hasPrefix("\(field):") }) else {
            lines.insert("\(field): \(value)", at: close)
            return lines.joined(separator: newline)
        }
        let afterKey = String(lines[keyIndex].dropFirst(field.count + 1))
        let (old, comment) = splitComment(afterKey)
        let leading = String(old.prefix { $0 == " " || $0 == "\t" })
        lines[keyIndex] = "\(field):\(leading.isEmpty ? " " : leading)\(value)\(comment)"
        return lines.joined(separator: newline)
    }

    /// Returns `text` with `- topic: X` items of `resolves` added or removed. A removed item goes
    /// with its own lines (its `positions:`); an added one names the topic only (the asset then
    /// settles the split whatever its sides). `resolves` left empty goes.
    public static func editResolves(_ text: String, add: [String] = [], remove: [String] = []) throws -> String {
        var (lines, newline, close) = try frontMatter(text)
        guard let keyIndex = (1..<close).first(where: { lines[$0].hasPrefix("resolves:") }) else {
            let values = add.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            if !values.isEmpty { lines.insert(contentsOf: ["resolves:"] + values.map { "  - topic: \($0)" }, at: close) }
            return lines.joined(separator: newline)
        }
        let (value, _) = splitComment(String(lines[keyIndex].dropFirst("resolves:".count)))
        guard value.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw Failure(description: "resolves is written on one line; write one '- topic: …' item per line to edit it")
        }
        // Items: a line `- topic: X` (or `- {topic: X…}`), with the more indented lines after it.
        var items: [(range: Range<Int>, topic: String)] = []
        var index = keyIndex + 1
        var itemIndent: Int?
        while index < close {
            let line = lines[index]
            let stripped = line.trimmingCharacters(in: .whitespaces)
            let indent = line.prefix { $0 == " " || $0 == "\t" }.count
            if stripped.isEmpty || stripped.hasPrefix("#") { index += 1; continue }
            if indent == 0, !stripped.hasPrefix("-") { break }
            if stripped.hasPrefix("-"), itemIndent == nil || indent == itemIndent {
                itemIndent = indent
                var body = stripped.dropFirst().trimmingCharacters(in: .whitespaces)
                if body.hasPrefix("{") { body = String(body.dropFirst()) }
                let (field, _) = splitComment(body)
                let topic = field.hasPrefix("topic:")
                    ? unquote(String(field.dropFirst("topic:".count).split(separator: ",").first ?? "").replacingOccurrences(of: "}", with: ""))
                    : ""
                var end = index + 1
                while end < close {
                    let next = lines[end]
                    let nextIndent = next.prefix { $0 == " " || $0 == "\t" }.count
                    let nextStripped = next.trimmingCharacters(in: .whitespaces)
                    if !nextStripped.isEmpty, nextIndent <= indent { break }
                    end += 1
                }
                items.append((index..<end, topic))
                index = end
                continue
            }
            break
        }
        let indentText = String(repeating: " ", count: itemIndent ?? 2)
        let insertAt = items.last?.range.upperBound ?? keyIndex + 1
        var present = items.map(\.topic).filter { !remove.contains($0) }
        var insertion: [String] = []
        for topic in add where !present.contains(topic) {
            insertion.append("\(indentText)- topic: \(topic)")
            present.append(topic)
        }
        lines.insert(contentsOf: insertion, at: insertAt)
        for item in items.reversed() where remove.contains(item.topic) { lines.removeSubrange(item.range) }
        if present.isEmpty { lines.remove(at: keyIndex) }
        return lines.joined(separator: newline)
    }

    /// Edits the inside of `[a, b]`, keeping the spacing used. `nil` when the list ends up empty.
    private static func editFlow(_ inner: String, add: [String], remove: [String]) -> String? {
        let trailingCount = inner.reversed().prefix { $0 == " " || $0 == "\t" }.count
        let tail = String(inner.suffix(trailingCount))
        let body = String(inner.dropLast(trailingCount))
        var pieces = body.isEmpty ? [] : body.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let separatorSpace = pieces.count > 1 ? String(pieces[1].prefix { $0 == " " || $0 == "\t" }) : " "
        let firstLeading = pieces.first.map { String($0.prefix { $0 == " " || $0 == "\t" }) } ?? ""

        let before = pieces.count
        pieces.removeAll { remove.contains(unquote($0)) }
        if pieces.count < before, let first = pieces.first {
            // Keep the list's opening spacing when its first item went away.
            pieces[0] = firstLeading + first.drop { $0 == " " || $0 == "\t" }
        }
        for value in add where !pieces.contains(where: { unquote($0) == value }) {
            pieces.append(pieces.isEmpty ? firstLeading + value : separatorSpace + value)
        }
        if pieces.isEmpty { return nil }
        return pieces.joined(separator: ",") + tail
    }

    private static func editBlock(_ lines: inout [String], keyIndex: Int, close: Int, field: String, comment: String,
                                  add: [String], remove: [String]) {
        var items: [(index: Int, value: String)] = []
        var index = keyIndex + 1
        while index < close {
            let line = lines[index]
            let stripped = line.trimmingCharacters(in: .whitespaces)
            if stripped.isEmpty || stripped.hasPrefix("#") { index += 1; continue }
            guard stripped.hasPrefix("- ") || stripped == "-" else { break }
            if !line.hasPrefix(" "), !line.hasPrefix("-") { break }
            let (value, _) = splitComment(String(stripped.dropFirst(1)))
            items.append((index, unquote(value)))
            index += 1
        }
        if items.isEmpty {
            // `roles:` with no value: write the new values as a flow list on the key's line.
            let values = add.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            if !values.isEmpty { lines[keyIndex] = "\(field): [\(values.joined(separator: ", "))]\(comment)" }
            return
        }
        let template = lines[items.last!.index]
        let prefix = String(template.prefix { $0 == " " || $0 == "\t" }) + "- "
        var insertAt = items.last!.index + 1
        var removed = 0
        for item in items.reversed() where remove.contains(item.value) {
            lines.remove(at: item.index)
            removed += 1
        }
        insertAt -= removed
        let remaining = items.filter { !remove.contains($0.value) }.map(\.value)
        var present = remaining
        for value in add where !present.contains(value) {
            lines.insert(prefix + value, at: insertAt)
            insertAt += 1
            present.append(value)
        }
        if present.isEmpty { lines.remove(at: keyIndex) }
    }

    /// Splits `value  # comment` into the value and the comment with its leading spaces (kept verbatim).
    private static func splitComment(_ text: String) -> (String, String) {
        var inQuote: Character? = nil
        var depth = 0
        var previous: Character = " "
        for index in text.indices {
            let character = text[index]
            if let quote = inQuote {
                if character == quote { inQuote = nil }
            } else if character == "\"" || character == "'" {
                inQuote = character
            } else if character == "[" {
                depth += 1
            } else if character == "]" {
                depth -= 1
            } else if character == "#", depth <= 0, previous == " " || previous == "\t" {
                var start = index
                while start > text.startIndex {
                    let before = text.index(before: start)
                    guard text[before] == " " || text[before] == "\t" else { break }
                    start = before
                }
                return (String(text[..<start]), String(text[start...]))
            }
            previous = character
        }
        return (text, "")
    }

    private static func unquote(_ raw: String) -> String {
        var value = raw.trimmingCharacters(in: .whitespaces)
        if value.count >= 2, let first = value.first, first == value.last, first == "\"" || first == "'" {
            value = String(value.dropFirst().dropLast())
        }
        return value
    }
}

import Foundation
import Yams

/// Parses YAML text into a node tree whose marks carry file lines, reporting syntax errors as diagnostics.
///
/// Every reader in NextSend goes through here so that a broken file always yields
/// `path:line: error: …` rather than a thrown library error with its own wording.
public enum YAMLSource {
    /// Parses one YAML document. Returns `nil` (after recording an error) when the text is not YAML.
    ///
    /// - Parameters:
    ///   - text: the YAML text.
    ///   - lineOffset: added to every line Yams reports, for YAML embedded in a larger file.
    package static func parse(_ text: String, lineOffset: Int = 0, field: String? = nil,
                      into diagnostics: inout DiagnosticCollector) -> Node? {
        if let problem = AliasGuard.problem(in: text) ?? DepthGuard.problem(in: text) {
            diagnostics.error(field, line: lineOffset + 1, problem)
            return nil
        }
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            let (line, message) = describe(error)
            diagnostics.error(field, line: line.map { $0 + lineOffset } ?? lineOffset + 1, "invalid YAML: \(message)")
            return nil
        } catch {
            diagnostics.error(field, line: lineOffset + 1, "invalid YAML: \(error)")
            return nil
        }
    }

    private static func describe(_ error: YamlError) -> (line: Int?, message: String) {
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var message = problem
            if let context { message = "\(context.text) \(problem)".trimmingCharacters(in: .whitespaces) }
            return (mark.line, message)
        case let .reader(problem, _, _, _):
            return (nil, problem)
        case .dataCouldNotBeDecoded:
            return (nil, "the file is not valid UTF-8")
        default:
            return (nil, "\(error)")
        }
    }
}

/// Refuses YAML whose anchors and aliases could expand into an enormous tree ("billion laughs").
///
/// NextSend's files have no use for anchors; a handful is tolerated, but many aliases in a
/// small document mean a document built to blow up whoever walks it.
enum AliasGuard {
    static let maximumAliases = 64

    static func problem(in text: String) -> String? {
        var aliases = 0
        var inQuote: UInt8? = nil
        var previous: UInt8 = UInt8(ascii: " ")
        var inComment = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") { inComment = false; inQuote = nil; previous = byte; continue }
            if inComment { continue }
            if let quote = inQuote {
                if byte == quote { inQuote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                if previous == UInt8(ascii: " ") || previous == UInt8(ascii: "[") || previous == UInt8(ascii: ",")
                    || previous == UInt8(ascii: ":") || previous == UInt8(ascii: "{") || previous == UInt8(ascii: "\n") {
                    inQuote = byte
                }
            } else if byte == UInt8(ascii: "#"), previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\n") {
                inComment = true
            } else if byte == UInt8(ascii: "*"),
                      previous == UInt8(ascii: " ") || previous == UInt8(ascii: "[") || previous == UInt8(ascii: ",")
                        || previous == UInt8(ascii: "\n") {
                aliases += 1
                if aliases > maximumAliases {
                    return "more than \(maximumAliases) YAML aliases; NextSend files do not use anchors and aliases, expand them by hand"
                }
            }
            previous = byte
        }
        return nil
    }
}

/// Refuses YAML nested deeper than any NextSend file needs.
///
/// The YAML composer builds nodes recursively, so a file of ten thousand `[` would exhaust the
/// stack; NextSend's formats nest four levels at most.
enum DepthGuard {
    static let maximumDepth = 64

    static func problem(in text: String) -> String? {
        var flow = 0
        var inQuote: UInt8? = nil
        var atLineStart = true
        var indent = 0
        var dashes = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") {
                atLineStart = true
                indent = 0
                dashes = 0
                inQuote = nil
                continue
            }
            if atLineStart {
                if byte == UInt8(ascii: " ") { indent += 1; continue }
                if byte == UInt8(ascii: "-") { dashes += 1; continue }
                atLineStart = false
                // Block nesting shows as indentation and as "- - -" runs of nested lists.
                if indent / 2 + dashes > maximumDepth * 2 { return tooDeep }
            }
            if let quote = inQuote {
                if byte == quote { inQuote = nil }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): inQuote = byte
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                flow += 1
                if flow > maximumDepth { return tooDeep }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): flow = max(0, flow - 1)
            default: break
            }
        }
        return nil
    }

    static let tooDeep = "nested more than \(maximumDepth) levels deep; NextSend files are a few levels deep at most"
}

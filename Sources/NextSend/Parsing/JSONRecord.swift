import Foundation
import Yams

/// Reads one JSON object (a JSON Lines record) into the same node tree the YAML reader produces,
/// so both formats go through one set of field checks.
///
/// Foundation's `JSONSerialization` does the parsing; this only maps its values onto nodes. That
/// is several times faster than sending JSON through the YAML parser, which matters for bulk CRM
/// exports.
enum JSONRecord {
    struct Problem: Error {
        var message: String
    }

    /// The node tree of one JSON document, or why it is not JSON.
    static func parse(_ line: String) -> Result<Node, Problem> {
        do {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])
            // One tag per record, not one for the whole file: every copy of a node retains its tag,
            // and a tag shared by the threads parsing lines side by side had its reference count
            // bounce between the cores on every field read.
            return .success(node(object, tag: Tag(.implicit, .default, constructor)))
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            return .failure(Problem(message: "invalid JSON: \(detail)"))
        }
    }

    /// `Tag.implicit` builds a new constructor, with its own tables, on each use: one serves all.
    nonisolated(unsafe) static let constructor = Constructor.default

    static func node(_ value: Any, tag: Tag) -> Node {
        // Swift values are tested before NSNumber: a cast of a Swift collection to a class
        // bridges the whole collection first, which is slow.
        if let text = value as? String {
            // Quoted, so that a string "null" stays a string.
            return .scalar(.init(text, tag, .doubleQuoted))
        }
        if let object = value as? [String: Any] {
            // Sorted keys: diagnostics then come out in the same order on every run.
            return .mapping(.init(object.sorted { $0.key < $1.key }.map { (Node.scalar(.init($0.key, tag)), node($0.value, tag: tag)) }, tag))
        }
        if let array = value as? [Any] {
            return .sequence(.init(array.map { node($0, tag: tag) }, tag))
        }
        if let number = value as? NSNumber {
            // Foundation gives booleans as NSNumbers of type char ("c").
            if String(cString: number.objCType) == "c" { return .scalar(.init(number.boolValue ? "true" : "false", tag)) }
            return .scalar(.init(NumberText.plain(number.doubleValue), tag))
        }
        return .scalar(.init("null", tag))
    }
}

import Mustache

/// Escapes values in Markdown so that a title cannot open a link, a table cell or raw HTML.
///
/// Backslashes Markdown's syntax characters, writes HTML's three as entities, and makes a line
/// break, CR LF included, one space (a value never breaks a table row).
struct MarkdownContent: MustacheContentType {
    static let registerOnce: Void = MustacheContentTypes.register(MarkdownContent(), named: "MARKDOWN")

    func escapeText(_ text: String) -> String {
        ByteEscaping.escaping(text, isSpecial: MarkdownContent.isSpecial) { bytes, index, escaped in
            let byte = bytes[index]
            switch byte {
            case _ where MarkdownContent.isBackslashed(byte):
                escaped.append(UInt8(ascii: "\\"))
                escaped.append(byte)
            case UInt8(ascii: "<"): escaped.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): escaped.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "&"): escaped.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "\r") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n"):
                escaped.append(UInt8(ascii: " "))
                return 2
            default: escaped.append(UInt8(ascii: " "))  // "\n" or "\r" alone
            }
            return 1
        }
    }

    /// Characters Markdown reads as syntax: written with a backslash before them.
    private static func isBackslashed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "|"), UInt8(ascii: "#"):
            return true
        default:
            return false
        }
    }

    /// Whatever ``escapeText(_:)`` changes: the backslashed characters, HTML's three and line breaks.
    private static func isSpecial(_ byte: UInt8) -> Bool {
        isBackslashed(byte) || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }
}

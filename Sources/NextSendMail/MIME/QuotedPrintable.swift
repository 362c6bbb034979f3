/// Quoted-printable (RFC 2045 §6.7) for UTF-8 text: lines end in CRLF, none is longer than 76
/// characters (soft breaks `=` where needed), and every byte a mail system could change — non-ASCII,
/// `=`, a space or tab at a line's end, a leading `.` that SMTP would double — is written as `=XX`.
public enum QuotedPrintable {
    static let limit = 76
    static let hex = Array("0123456789ABCDEF".utf8)

    public static func encode(_ text: String) -> String {
        // Any line ending becomes a hard CRLF line break.
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        var output: [String] = []
        for line in lines {
            let bytes = Array(line.utf8)
            var current: [UInt8] = []
            for (index, byte) in bytes.enumerated() {
                let last = index == bytes.count - 1
                var token: [UInt8]
                let printable = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || ((byte == 32 || byte == 9) && !last)
                // A dot at the start of a line is encoded, so no SMTP server ever sees a line of ".".
                if printable && !(byte == UInt8(ascii: ".") && current.isEmpty) {
                    token = [byte]
                } else {
                    token = [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
                }
                // Room for a soft break ("=") at the end of the line, unless this is the line's last token.
                let room = last ? limit : limit - 1
                if current.count + token.count > room {
                    output.append(String(decoding: current + [UInt8(ascii: "=")], as: UTF8.self))
                    current = []
                    if token == [UInt8(ascii: ".")] { token = Array("=2E".utf8) }
                }
                current += token
            }
            output.append(String(decoding: current, as: UTF8.self))
        }
        return output.joined(separator: "\r\n")
    }

    /// Decodes quoted-printable (for tests and `--dry-run` checks).
    public static func decode(_ text: String) -> String {
        var bytes: [UInt8] = []
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (number, line) in lines.enumerated() {
            var utf8 = Array(line.utf8)
            let soft = utf8.last == UInt8(ascii: "=")
            if soft { utf8.removeLast() }
            var index = 0
            while index < utf8.count {
                if utf8[index] == UInt8(ascii: "="), index + 2 < utf8.count,
                   let value = UInt8(String(decoding: utf8[index + 1...index + 2], as: UTF8.self), radix: 16) {
                    bytes.append(value)
                    index += 3
                } else {
                    bytes.append(utf8[index])
                    index += 1
                }
            }
            if !soft && number < lines.count - 1 { bytes.append(UInt8(ascii: "\n")) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// RFC 2047 encoded words for header text that is not plain ASCII: `=?utf-8?B?…?=`, split so no
/// encoded word is longer than 75 characters and no UTF-8 character is cut in two.
public enum EncodedWord {
    /// `text` as it may stand in a header; plain ASCII is left as it is.
    /// - Parameter prefixLength: what precedes it on the header's first line (unused for now beyond
    ///   keeping words short: every word stands on its own folded line when needed).
    public static func encode(_ text: String, prefixLength: Int = 0) -> String {
        if text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 && $0.value != 0x7F }) { return text }
        // At most 39 bytes of text a word: 52 characters of base64 plus "=?utf-8?B?" and "?=" make 64,
        // so even the first word after "Subject: " keeps its line within 78 characters.
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 39 {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(word(chunk)) }
        // Folding whitespace between encoded words is ignored by readers, so the words join seamlessly.
        return words.joined(separator: " ")
    }

    static func word(_ bytes: [UInt8]) -> String { "=?utf-8?B?" + Base64.encode(bytes) + "?=" }
}

/// Long header lines folded at spaces, so none passes 78 characters where a space allows it.
enum HeaderFolding {
    static func fold(_ line: String, limit: Int = 78) -> String {
        guard line.count > limit else { return line }
        var lines: [String] = []
        var current = ""
        for (index, word) in line.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            // The value's first word stays on the header's line: a break right after "Subject:"
            // would start the value with a space.
            if index > 1, !current.isEmpty, current.count + 1 + word.count > limit {
                lines.append(current)
                current = " " + word
            } else {
                current += current.isEmpty ? String(word) : " " + word
            }
        }
        lines.append(current)
        return lines.joined(separator: "\r\n")
    }
}

/// Base64 without Foundation's line breaks.
enum Base64 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let a = bytes[index], b = index + 1 < bytes.count ? bytes[index + 1] : 0, c = index + 2 < bytes.count ? bytes[index + 2] : 0
            output.append(alphabet[Int(a >> 2)])
            output.append(alphabet[Int((a & 0x03) << 4 | b >> 4)])
            output.append(index + 1 < bytes.count ? alphabet[Int((b & 0x0F) << 2 | c >> 6)] : UInt8(ascii: "="))
            output.append(index + 2 < bytes.count ? alphabet[Int(c & 0x3F)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }
}

/// Escaping a template value byte by byte, for the content types of the digests.
///
/// Every character the digests escape is ASCII, and most values (names, titles, reasons) hold
/// none, so a value comes back as it is after one scan of its bytes. Walking values character by
/// character (Swift's `Character`s, or swift-mustache's dictionary per character) was a tenth of
/// writing a rep's Markdown digest and a fifth of its HTML one.
enum ByteEscaping {
    /// `text` with each special byte written by `write`, which appends what replaces the byte at
    /// the index it is given and returns how many bytes it consumed (one, or more to fold a pair).
    static func escaping(_ text: String, isSpecial: (UInt8) -> Bool,
                         write: (UnsafeBufferPointer<UInt8>, Int, inout [UInt8]) -> Int) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard bytes.contains(where: isSpecial) else { return nil }
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 16)
            var index = 0
            while index < bytes.count {
                if isSpecial(bytes[index]) {
                    index += write(bytes, index, &escaped)
                } else {
                    escaped.append(bytes[index])
                    index += 1
                }
            }
            return String(decoding: escaped, as: UTF8.self)
        } ?? text
    }
}

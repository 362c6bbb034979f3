import NextSend

/// Finds the asset an activity is about: its url, or its id as a whole word, in the text.
///
/// Both lookups are by hash: the text is split into words and links once, so a 100,000-activity
/// export against a 10,000-asset catalog costs the length of the text, not text × catalog.
struct AssetMentions {
    private let byURL: [String: String]
    private let ids: Set<String>

    init(_ assets: [Asset]) {
        var byURL: [String: String] = [:]
        for asset in assets.sorted(by: { $0.id < $1.id }) {
            if let url = asset.url, byURL[AssetMentions.normalized(url)] == nil { byURL[AssetMentions.normalized(url)] = asset.id }
        }
        self.byURL = byURL
        ids = Set(assets.map(\.id))
    }

    func asset(in text: String) -> String? {
        // Bytes, not Characters: links and kebab-case ids are ASCII, and a 100,000-activity export
        // spends its time here (Unicode property lookups per Character were 9% of an import).
        let bytes = Array(text.utf8)
        // Links first: a link names one asset for sure.
        for token in bytes.split(whereSeparator: AssetMentions.endsLink) where token.count > 4 && AssetMentions.startsHTTP(token) {
            if let id = byURL[AssetMentions.normalized(String(decoding: token, as: UTF8.self))] { return id }
        }
        // Ids are kebab-case: split on anything else and look each word up.
        for word in bytes.split(whereSeparator: { !AssetMentions.isIDByte($0) }) {
            let candidate = String(decoding: word.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
            if ids.contains(candidate) { return candidate }
        }
        return nil
    }

    private static func endsLink(_ byte: UInt8) -> Bool {
        byte <= 32 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
    }

    private static func startsHTTP(_ token: ArraySlice<UInt8>) -> Bool {
        let prefix = token.prefix(4).map { $0 | 0x20 }
        return prefix == Array("http".utf8)
    }

    private static func isIDByte(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57) || byte == UInt8(ascii: "-")
    }

    /// "https://x.example/a/" and "https://x.example/a." (end of a sentence) name the same page.
    private static func normalized(_ url: String) -> String {
        var url = url.lowercased()
        while let last = url.last, ".,;:!?/".contains(last) { url.removeLast() }
        return url
    }
}

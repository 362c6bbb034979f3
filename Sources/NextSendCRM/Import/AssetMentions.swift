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
        let lowered = text.lowercased()
        // Links first: a link names one asset for sure.
        for token in lowered.split(whereSeparator: { $0.isWhitespace || "\"'<>()[]{}".contains($0) }) where token.hasPrefix("http") {
            if let id = byURL[AssetMentions.normalized(String(token))] { return id }
        }
        // Ids are kebab-case: split on anything else and look each word up.
        return lowered.split { !($0.isLetter || $0.isNumber || $0 == "-") }.lazy.map(String.init).first(where: ids.contains)
    }

    /// "https://x.example/a/" and "https://x.example/a." (end of a sentence) name the same page.
    private static func normalized(_ url: String) -> String {
        var url = url.lowercased()
        while let last = url.last, ".,;:!?/".contains(last) { url.removeLast() }
        return url
    }
}
